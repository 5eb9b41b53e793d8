using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;
using static ActionAgent.TestKit.Fakes.Pages;

namespace ActionAgent.Meaning.Tests;

/// <summary>The real all-MiniLM-L6-v2, loaded once for the class: the mappings issue 15 promises, and no match where none fits.</summary>
[TestClass]
public sealed class MiniLmMeaningModelTests
{
    private static StepInterpreter _interpreter = null!;

    [ClassInitialize]
    public static void Load(TestContext _) =>
        _interpreter = new StepInterpreter(new StepInterpreterOptions { Meaning = MiniLmMeaningModel.Instance });

    private static StepGrounding Ground(string step, Observation page) => _interpreter.Ground(StepInterpreter.Parse(step).Single(), page);

    private static UiElement Select(int id, string name, params string[] options) =>
        Element(id, "combobox", name, 100) with { Tag = "select", Options = options, Value = options[0] };

    [TestMethod]
    public void Embed_SamePhraseTwice_UnitLengthAndIdentical()
    {
        var a = MiniLmMeaningModel.Instance.Embed("Late delivery");
        var b = MiniLmMeaningModel.Instance.Embed("Late delivery");

        Assert.AreEqual(384, a.Length);
        Assert.AreEqual(1.0, Math.Sqrt(a.Sum(x => (double)x * x)), 1e-4);
        CollectionAssert.AreEqual(a, b);
    }

    [TestMethod]
    public void Select_ArrivedLate_ChoosesLateDelivery()
    {
        var page = PageOf(Select(1, "Reason", "Choose a reason", "Damaged item", "Wrong size", "Late delivery", "Other"));

        var g = Ground("Select arrived late in Reason", page);

        Assert.AreEqual(GroundingStatus.Grounded, g.Status, g.Reason);
        Assert.AreEqual("Late delivery", ((SelectOptionAction)g.Action!).Option);
    }

    [TestMethod]
    public void Similarity_RemoveGraceHopper_IsDeleteCustomerGraceHopperByAClearMargin()
    {
        string[] buttons = ["Delete customer Ada Lovelace", "Delete customer Grace Hopper", "Delete customer Alan Turing", "Edit", "Add customer"];

        var ranked = buttons.Select(b => (Name: b, Similarity: MiniLmMeaningModel.Instance.Similarity("remove Grace Hopper", b)))
            .OrderByDescending(r => r.Similarity).ToList();

        Assert.AreEqual("Delete customer Grace Hopper", ranked[0].Name);
        Assert.IsTrue(ranked[0].Similarity - ranked[1].Similarity >= 0.15, $"margin {ranked[0].Similarity - ranked[1].Similarity:0.00}");
    }

    [TestMethod]
    public void Implicit_MakeMyProfilePrivate_TicksPrivateProfile()
    {
        var page = PageOf(
            Element(1, "button", "Edit profile", 60),
            Element(2, "checkbox", "Dark mode", 100) with { Checked = false },
            Element(3, "checkbox", "Private profile", 140) with { Checked = false },
            Element(4, "checkbox", "Email notifications", 180) with { Checked = true },
            Element(5, "button", "Delete account", 220));

        var g = Ground("Make my profile private", page);

        Assert.AreEqual(GroundingStatus.Grounded, g.Status, g.Reason);
        Assert.AreEqual(3, g.Action!.PrimaryTarget?.ElementId);
    }

    [TestMethod]
    public void Select_UnrelatedOptions_NoMatch()
    {
        var page = PageOf(Select(1, "Colour", "Red", "Green", "Blue", "Yellow"));

        var g = Ground("Select arrived late in Colour", page);

        Assert.AreEqual(GroundingStatus.NotFound, g.Status, g.Reason);
        Assert.IsNull(g.Action);
    }

    [TestMethod]
    public void Implicit_MakeMyProfilePrivate_OnlyAPublicProfileSwitch_DoesNotClaimItDone()
    {
        // The opposite setting sounds alike: "private" must not be taken as the already-on "Public profile".
        var page = PageOf(
            Element(1, "button", "Edit profile", 60),
            Element(2, "switch", "Public profile", 100) with { Checked = true },
            Element(3, "switch", "Dark mode", 140) with { Checked = false });

        var g = Ground("Make my profile private", page);

        Assert.AreNotEqual(GroundingStatus.AlreadyDone, g.Status, g.Reason);
        Assert.AreNotEqual(GroundingStatus.Grounded, g.Status, g.Reason);
    }
}
