using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// Form sentences of batch 22 that went wrong: two values each given "as" its field in one sentence, a field called by a
/// longer everyday name than its label ("the phone number" for "Phone"), and a date after a field name whose first
/// word alone is near enough the field ("birth date 12 March 1991" typed "date 12 March 1991" into the date input).
/// </summary>
[TestClass]
public sealed class ValuesAsFieldsTests
{
    private static Observation SignUp() => GroundingPages.Page(
        new UiElement { Id = 1, Role = "text", Tag = "div", Name = "Name", Bounds = new ScreenRect(15, 114, 438, 24) },
        new UiElement { Id = 2, Role = "textbox", Tag = "input", InputType = "text", NearbyText = "Name", Placeholder = "Your name", Bounds = new ScreenRect(458, 104, 808, 43) },
        new UiElement { Id = 3, Role = "text", Tag = "div", Name = "E-mail", Bounds = new ScreenRect(15, 158, 438, 24) },
        new UiElement { Id = 4, Role = "textbox", Tag = "input", InputType = "email", NearbyText = "E-mail", Placeholder = "E-mail", Bounds = new ScreenRect(458, 148, 808, 43) },
        new UiElement { Id = 5, Role = "text", Tag = "div", Name = "Password", Bounds = new ScreenRect(15, 202, 438, 24) },
        new UiElement { Id = 6, Role = "textbox", Tag = "input", InputType = "password", NearbyText = "Password", Bounds = new ScreenRect(458, 192, 808, 43) },
        new UiElement { Id = 7, Role = "text", Tag = "div", Name = "Phone", Bounds = new ScreenRect(15, 246, 438, 24) },
        new UiElement { Id = 8, Role = "textbox", Tag = "input", InputType = "tel", NearbyText = "Phone", Placeholder = "Phone", Bounds = new ScreenRect(458, 236, 808, 43) },
        new UiElement { Id = 9, Role = "text", Tag = "div", Name = "Birth date", Bounds = new ScreenRect(15, 290, 438, 24) },
        new UiElement { Id = 10, Role = "textbox", Tag = "input", InputType = "date", Name = "Birth day", NearbyText = "Birth date", Value = "2014-04-30", Bounds = new ScreenRect(458, 280, 808, 43) });

    private static (int? Id, string? Text, StepGrounding Grounding) Typed(InterpretedStep step)
    {
        var grounding = new StepInterpreter().Ground(step, SignUp());
        return (grounding.Action?.PrimaryTarget?.ElementId, (grounding.Action as TypeTextAction)?.Text, grounding);
    }

    [TestMethod]
    public void Run_TwoValuesEachGivenAsItsField_TypesEachIntoItsOwnField()
    {
        var steps = StepInterpreter.Parse("Enter dana.whitfield@example.org as the e-mail and 555-0142 as the phone number.");

        Assert.HasCount(2, steps, string.Join(" | ", steps));
        var (emailId, emailText, email) = Typed(steps[0]);
        var (phoneId, phoneText, phone) = Typed(steps[1]);
        Assert.AreEqual((4, "dana.whitfield@example.org"), (emailId, emailText), email.Reason);
        Assert.AreEqual((8, "555-0142"), (phoneId, phoneText), phone.Reason);
    }

    [TestMethod]
    [DataRow("Type 555-0199 into the telephone number.")]
    [DataRow("Put 555-0199 in the phone number field.")]
    public void Ground_AFieldCalledByItsLongerEverydayName_IsThatField(string task)
    {
        var (id, text, grounding) = Typed(StepInterpreter.Parse(task).Single());

        Assert.AreEqual((8, "555-0199"), (id, text), grounding.Reason);
    }

    [TestMethod]
    public void Ground_AFieldNameThenADate_TypesTheWholeDateIntoTheDateInput()
    {
        var (id, text, grounding) = Typed(StepInterpreter.Parse("Fill in birth date 12 March 1991.").Single());

        Assert.AreEqual((10, "12 March 1991"), (id, text), grounding.Reason);
    }

    [TestMethod]
    public void Parse_AValueThatHoldsAnAnd_StaysOneValue()
    {
        var steps = StepInterpreter.Parse("Enter Tom and Jerry as the title.");

        Assert.AreEqual(("the title", "Tom and Jerry"), (steps.Single().Target, steps.Single().Value), string.Join(" | ", steps));
    }

    [TestMethod]
    public void Parse_APlaceLedByInThenAColonAndPairs_IsThatPlacesFieldList()
    {
        var steps = StepInterpreter.Parse("In the Settings screen under the Photos tab: phone 555-0100, gender Female, and turn the Switch on.");

        Assert.HasCount(2, steps, string.Join(" | ", steps));
        Assert.AreEqual("the Settings screen under the Photos tab", steps[0].Target, steps[0].ToString());
        CollectionAssert.AreEqual(new[] { "phone 555-0100", "gender Female" }, steps[0].Pairs.ToArray(), steps[0].ToString());
        Assert.AreEqual((StepKind.Check, "the Switch"), (steps[1].Kind, steps[1].Target), steps[1].ToString());
    }
}
