using ActionAgent.Core.Perception;
using ActionAgent.Vision.Imaging;
using ActionAgent.Vision.Ocr;
using ActionAgent.Vision.Perception;

namespace ActionAgent.Vision.Tests.Perception;

[TestClass]
public sealed class ElementFusionTests
{
    private static readonly FusedPerceptionOptions Options = new();

    private static UiElement Dom(int id, string role, string name, double x, double y, double w, double h, string? tag = null) =>
        new() { Id = id, Role = role, Name = name, Tag = tag, Bounds = new ScreenRect(x, y, w, h) };

    private static OcrLine Line(string text, double x, double y, double w = 60, double h = 20) => new(text, 0.95, new ScreenRect(x, y, w, h));

    [TestMethod]
    public void Hybrid_TextOnAnUnlabeledIconButton_NamesTheButtonWithDomAndOcrSource()
    {
        var button = Dom(3, "button", "", 100, 100, 80, 32, "button");

        var (elements, _) = ElementFusion.Hybrid([button], [Line("Undo", 110, 106)], [], "", Options);

        var fused = elements.Single();
        Assert.AreEqual(3, fused.Id, "DOM ids are kept");
        Assert.AreEqual("Undo", fused.Name);
        Assert.AreEqual(ElementSource.Dom | ElementSource.Ocr, fused.Source);
    }

    [TestMethod]
    public void Hybrid_TextOnACanvas_BecomesTextElementsAfterTheDomIdsAndDescribesTheCanvas()
    {
        var link = Dom(1, "link", "Help", 1200, 10, 40, 20, "a");
        var canvas = Dom(2, "canvas", "", 0, 40, 1280, 680, "canvas");

        var (elements, added) = ElementFusion.Hybrid([link, canvas], [Line("Export", 250, 60), Line("Print", 340, 60)], [], "Help", Options);

        var export = elements.Single(e => e.Name == "Export");
        Assert.AreEqual("text", export.Role);
        Assert.AreEqual(ElementSource.Ocr, export.Source);
        Assert.IsTrue(export.Id > 2, "new ids come after the DOM's");
        Assert.AreNotEqual(export.Id, elements.Single(e => e.Name == "Print").Id);
        var fusedCanvas = elements.Single(e => e.Role == "canvas");
        Assert.AreEqual(ElementSource.Dom | ElementSource.Ocr, fusedCanvas.Source);
        Assert.AreEqual("Export Print", fusedCanvas.Text);
        Assert.AreEqual("", fusedCanvas.Name, "the canvas is not named after all its text (that would compete with the real targets)");
        CollectionAssert.AreEqual(new[] { "Export", "Print" }, added);
    }

    [TestMethod]
    public void Hybrid_TextTheDomAlreadyHas_IsNotDuplicated()
    {
        var submit = Dom(1, "button", "Submit", 100, 100, 100, 40, "button");

        var (elements, added) = ElementFusion.Hybrid(
            [submit], [Line("Submit", 120, 110), Line("Three items are ready", 100, 300, 200)], [], "Three items are ready\nSubmit", Options);

        Assert.HasCount(1, elements);
        Assert.AreEqual(ElementSource.Dom, elements[0].Source, "a labelled DOM element keeps its DOM name");
        Assert.IsEmpty(added);
    }

    [TestMethod]
    public void Hybrid_InputValueReadByOcr_IsNotDuplicated()
    {
        var email = Dom(1, "textbox", "Email", 100, 100, 300, 36, "input") with { Value = "jane@example.com" };

        var (elements, _) = ElementFusion.Hybrid([email], [Line("jane@example.com", 108, 108, 140)], [], "Email", Options);

        Assert.HasCount(1, elements);
    }

    [TestMethod]
    public void Hybrid_TextInsideALabelledElementThatTheDomDoesNotShow_IsAdded()
    {
        var dialog = Dom(1, "dialog", "Confirm", 100, 100, 600, 400, "div");

        var (elements, added) = ElementFusion.Hybrid([dialog], [Line("Total due: $42.00", 140, 200, 160)], [], "Confirm", Options);

        Assert.AreEqual("Total due: $42.00", elements.Single(e => e.Role == "text").Name);
        CollectionAssert.AreEqual(new[] { "Total due: $42.00" }, added);
    }

    [TestMethod]
    public void Hybrid_TextOnlyThePixelsShow_IsAdded()
    {
        var (elements, added) = ElementFusion.Hybrid([Dom(1, "button", "Go", 10, 10, 40, 20)], [Line("50% off today", 400, 300, 150)], [], "Go", Options);

        Assert.AreEqual("50% off today", elements.Single(e => e.Role == "text").Name);
        CollectionAssert.AreEqual(new[] { "50% off today" }, added);
    }

    [TestMethod]
    public void Hybrid_ShapesOnACanvas_BecomeNamedControls_ButNotOnTopOfDomControls()
    {
        var canvas = Dom(1, "canvas", "", 0, 0, 800, 600, "canvas");
        var domButton = Dom(2, "button", "Close", 900, 10, 80, 30, "button");
        ElementProposal[] shapes =
        [
            new("button", new ScreenRect(240, 50, 84, 36), 0.7),
            new("button", new ScreenRect(900, 10, 80, 30), 0.7),
        ];

        var (elements, _) = ElementFusion.Hybrid([canvas, domButton], [Line("Export", 255, 58, 55, 20)], shapes, "Close", new FusedPerceptionOptions { ProposalsOutsideCanvas = true });

        var export = elements.Single(e => e.Name == "Export");
        Assert.AreEqual("button", export.Role);
        Assert.AreEqual(ElementSource.Pixels | ElementSource.Ocr, export.Source);
        Assert.AreEqual(240, export.Bounds.X, "the shape's box, not the text's");
        Assert.AreEqual(1, elements.Count(e => e.Bounds.X == 900), "the shape over the DOM button is dropped");
    }

    [TestMethod]
    public void VisionOnly_NumbersElementsFromOneInReadingOrder()
    {
        ElementProposal[] shapes =
        [
            new("textbox", new ScreenRect(40, 140, 320, 34), 0.6) { Text = "Jane Doe" },
            new("checkbox", new ScreenRect(40, 340, 16, 16), 0.6) { Checked = true },
        ];
        OcrLine[] text = [Line("Customer details", 40, 80, 190), Line("Full name", 40, 115, 80), Line("Jane Doe", 48, 147, 70), Line("Subscribe", 64, 338, 90)];

        var elements = ElementFusion.VisionOnly(text, shapes);

        CollectionAssert.AreEqual(Enumerable.Range(1, elements.Count).ToArray(), elements.Select(e => e.Id).ToArray());
        Assert.AreEqual("Customer details", elements[0].Name);
        var input = elements.Single(e => e.Role == "textbox");
        Assert.AreEqual("Full name", input.Name, "an input is named by the caption above it");
        Assert.AreEqual("Jane Doe", input.Text);
        var checkbox = elements.Single(e => e.Role == "checkbox");
        Assert.AreEqual("Subscribe", checkbox.Name, "a checkbox is named by the text beside it");
        Assert.IsTrue(checkbox.Checked);
        Assert.IsFalse(elements.Any(e => e.Role == "text" && e.Name == "Jane Doe"), "text inside a control is part of it");
        Assert.IsTrue(elements.All(e => (e.Source & ElementSource.Dom) == 0));
    }
}
