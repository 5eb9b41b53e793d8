using ActionAgent.Core.Perception;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Expectations;

namespace ActionAgent.Flows.Tests.Expectations;

[TestClass]
public sealed class ExpectationCheckerTests
{
    private static readonly Observation Refund = new()
    {
        Url = "http://127.0.0.1:5000/refund?order=1042#form",
        Title = "File a refund",
        Geometry = ViewportGeometry.Identity(1280, 720),
        VisibleText = "File a refund\nOrder number\nAmount\nTotal: 42.00\nRefund failed: amount too high",
        Elements =
        [
            new UiElement { Id = 1, Role = "textbox", Name = "Order number", Value = "1042", Bounds = new(10, 10, 200, 30) },
            new UiElement { Id = 2, Role = "textbox", Name = "", NearbyText = "Amount (EUR):", Value = "42.00", Bounds = new(10, 50, 200, 30) },
            new UiElement { Id = 3, Role = "checkbox", Name = "Express", Checked = true, Bounds = new(10, 90, 20, 20) },
            new UiElement { Id = 4, Role = "checkbox", Name = "Gift wrap", Checked = false, Bounds = new(10, 120, 20, 20) },
            new UiElement { Id = 5, Role = "button", Name = "Submit refund", Disabled = true, Bounds = new(10, 300, 150, 40) },
            new UiElement { Id = 6, Role = "combobox", Name = "Reason", Value = "Damaged item", Options = ["Damaged item", "Late"], Bounds = new(10, 160, 200, 30) },
            new UiElement { Id = 7, Role = "textbox", Name = "Notes", Value = "", Bounds = new(10, 200, 200, 60) },
        ],
    };

    private static ExpectationResult Check(string sentence, Observation? observation = null) =>
        ExpectationChecker.Default.Check(ExpectationParser.Parse(sentence), observation ?? Refund);

    [TestMethod]
    public void Check_TextOnPage_Passes() => Assert.IsTrue(Check("the page shows \"total: 42.00\"").Passed);

    [TestMethod]
    public void Check_MissingText_SaysExpectedActualAndClosestText()
    {
        var result = Check("the page shows Refund filed");

        Assert.IsFalse(result.Passed);
        StringAssert.StartsWith(result.Message, "expected the page shows \"Refund filed\" / actual: no \"Refund filed\" on the page; closest text: \"Refund failed:\"");
    }

    [TestMethod]
    public void Check_PageDoesNotShowPresentText_FailsQuotingIt()
    {
        var result = Check("the page does not show failed");

        Assert.IsFalse(result.Passed);
        StringAssert.Contains(result.Actual, "\"failed\" is shown in the page text");
    }

    [TestMethod]
    public void Check_TextOnlyTypedIntoAField_IsNotShownText() => Assert.IsFalse(Check("the page shows Damaged item").Passed);

    [TestMethod]
    public void Check_PageDoesNotShowAbsentText_Passes() => Assert.IsTrue(Check("the page does not show Error").Passed);

    [TestMethod]
    public void Check_FieldByNearbyLabelWithPunctuation_ReadsValue() => Assert.IsTrue(Check("the amount (eur) field reads 42.00").Passed);

    [TestMethod]
    public void Check_FieldWithWrongValue_ShowsActualValue()
    {
        var result = Check("the Order number field reads 1043");

        Assert.IsFalse(result.Passed);
        Assert.AreEqual("expected the \"Order number\" field reads \"1043\" / actual: the \"Order number\" field reads \"1042\" (textbox \"Order number\")", result.Message);
    }

    [TestMethod]
    public void Check_TotalShownAsText_ReadsValueAfterColon() => Assert.IsTrue(Check("the Total field reads 42.00").Passed);

    [TestMethod]
    public void Check_SelectValue_Reads() => Assert.IsTrue(Check("the Reason dropdown is Damaged item").Passed);

    [TestMethod]
    public void Check_UnknownField_ListsFieldsPresent()
    {
        var result = Check("the Coupon field reads X");

        Assert.IsFalse(result.Passed);
        StringAssert.Contains(result.Actual, "no field labelled \"Coupon\" on the page; fields present: \"Order number\", \"Amount (EUR):\"");
    }

    [TestMethod]
    [DataRow("the URL ends with /refund", true)]
    [DataRow("the URL ends with /orders", false)]
    [DataRow("the URL starts with /refund", true)]
    [DataRow("the URL contains order=1042", true)]
    [DataRow("the URL is http://127.0.0.1:5000/refund", true)]
    [DataRow("the title is file a refund", true)]
    [DataRow("the title contains Orders", false)]
    public void Check_UrlAndTitle(string sentence, bool passes) => Assert.AreEqual(passes, Check(sentence).Passed, Check(sentence).Message);

    [TestMethod]
    [DataRow("the Express checkbox is checked", true)]
    [DataRow("the Gift wrap checkbox is checked", false)]
    [DataRow("the gift-wrap checkbox is unchecked", true)]
    [DataRow("the Submit refund button is disabled", true)]
    [DataRow("the Submit refund button is enabled", false)]
    [DataRow("the Notes field is empty", true)]
    [DataRow("the Delete button is hidden", true)]
    [DataRow("the Express checkbox is visible", true)]
    public void Check_ElementStates(string sentence, bool passes) => Assert.AreEqual(passes, Check(sentence).Passed, Check(sentence).Message);

    [TestMethod]
    public void Check_UncheckedCheckbox_SaysItIsUnchecked()
    {
        var result = Check("the Gift wrap checkbox is checked");

        Assert.AreEqual("expected the \"Gift wrap\" checkbox is checked / actual: checkbox \"Gift wrap\" is unchecked", result.Message);
    }

    [TestMethod]
    public void Check_MissingCheckbox_ListsCheckboxesPresent()
    {
        var result = Check("the Notify customer checkbox is checked");

        Assert.AreEqual("expected the \"Notify customer\" checkbox is checked / actual: no checkbox labelled \"Notify customer\" on the page; checkboxes present: \"Express\", \"Gift wrap\"", result.Message);
    }

    [TestMethod]
    public void Check_VisualRegionWithoutVision_FailsSayingWhy()
    {
        var region = new VisualRegionExpectation("banner", new ScreenRect(0, 0, 100, 50), "/nonexistent.png", 0.01) { Source = "region banner" };

        var result = ExpectationChecker.Default.Check(region, Refund with { Screenshot = new byte[] { 1, 2, 3 } });

        Assert.IsFalse(result.Passed);
        StringAssert.Contains(result.Actual, "visual regions need the vision layer");
        Assert.IsTrue(result.Final, "waiting cannot bring the vision layer: no point re-checking");
    }

    [TestMethod]
    public void Check_VisualRegion_ComparesCropOfScaledScreenshotWithBaseline()
    {
        var baseline = Path.Combine(Path.GetTempPath(), $"baseline-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(baseline, [9, 9, 9]);
        try
        {
            var cropper = new FakeCropper([9, 9, 9]);
            var checker = new ExpectationChecker(ByteEqualityImageComparer.Instance, cropper);
            var region = new VisualRegionExpectation("banner", new ScreenRect(10, 20, 100, 50), baseline, 0) { Source = "region banner" };
            var hiDpi = Refund with { Screenshot = new byte[] { 1 }, Geometry = new ViewportGeometry(1280, 720, 2, 2560, 1440) };

            var pass = checker.Check(region, hiDpi);
            var fail = new ExpectationChecker(ByteEqualityImageComparer.Instance, new FakeCropper([7])).Check(region, hiDpi);

            Assert.IsTrue(pass.Passed, pass.Message);
            Assert.AreEqual(new ScreenRect(20, 40, 200, 100), cropper.LastRect, "CSS region mapped to screenshot pixels");
            Assert.IsFalse(fail.Passed);
            Assert.AreEqual("100.00 % of the region differs", fail.Actual);
            Assert.AreEqual(1, fail.ActualImage.Length);
        }
        finally
        {
            File.Delete(baseline);
        }
    }

    [TestMethod]
    public void Check_VisualRegionWithoutBaseline_UpdateModeCreatesIt()
    {
        var baseline = Path.Combine(Path.GetTempPath(), $"new-{Guid.NewGuid():N}", "b.png");
        try
        {
            var checker = new ExpectationChecker(ByteEqualityImageComparer.Instance, new FakeCropper([4, 2]), new ExpectationCheckerOptions { UpdateBaselines = true });
            var region = new VisualRegionExpectation("b", new ScreenRect(0, 0, 10, 10), baseline, 0) { Source = "region b" };

            var missing = new ExpectationChecker(ByteEqualityImageComparer.Instance, new FakeCropper([4, 2])).Check(region, Refund with { Screenshot = new byte[] { 1 } });
            var created = checker.Check(region, Refund with { Screenshot = new byte[] { 1 } });

            StringAssert.Contains(missing.Actual, "run once with --update-baselines");
            Assert.IsTrue(created.Passed);
            CollectionAssert.AreEqual(new byte[] { 4, 2 }, File.ReadAllBytes(baseline));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(baseline)!, recursive: true);
        }
    }

    [TestMethod]
    [DataRow("the page shows Refund filed", typeof(TextExpectation))]
    [DataRow("The page doesn't show Error.", typeof(TextExpectation))]
    [DataRow("the Total field reads 42.00", typeof(FieldValueExpectation))]
    [DataRow("the URL ends with /orders", typeof(UrlExpectation))]
    [DataRow("the Express checkbox is checked", typeof(ElementStateExpectation))]
    [DataRow("the Submit refund button is not disabled", typeof(ElementStateExpectation))]
    public void Parse_SupportedSentences_MapToKinds(string sentence, Type kind) =>
        Assert.IsInstanceOfType(ExpectationParser.Parse(sentence), kind);

    [TestMethod]
    public void Parse_NotDisabled_MeansEnabled()
    {
        var e = (ElementStateExpectation)ExpectationParser.Parse("the Submit refund button is not disabled");

        Assert.AreEqual(ElementState.Disabled, e.State);
        Assert.IsFalse(e.Expected);
        Assert.AreEqual("the \"Submit refund\" button is enabled", e.DescribeExpected());
    }

    [TestMethod]
    public void Parse_Unsupported_ThrowsWithLocation()
    {
        var e = Assert.ThrowsExactly<FlowFormatException>(() => ExpectationParser.Parse("it works", new SourceLocation("f.yaml", 3, 7)));

        StringAssert.StartsWith(e.Message, "f.yaml:3:7: unsupported expectation \"it works\"");
    }

    private sealed class FakeCropper(byte[] crop) : ITargetCropper
    {
        public ScreenRect LastRect { get; private set; }

        public ReadOnlyMemory<byte> Crop(ReadOnlyMemory<byte> png, ScreenRect pixels)
        {
            LastRect = pixels;
            return crop;
        }
    }
}
