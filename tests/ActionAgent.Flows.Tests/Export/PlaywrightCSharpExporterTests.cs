using ActionAgent.Core.Approval;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Recording;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Export;
using ActionAgent.Flows.Running;
using ActionAgent.Flows.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Flows.Tests.Export;

[TestClass]
public sealed class PlaywrightCSharpExporterTests
{
    private static UiElement El(string role, string name = "", string? nearby = null, string? placeholder = null, string? text = null) => new()
    {
        Id = 1,
        Role = role,
        Name = name,
        NearbyText = nearby,
        Placeholder = placeholder,
        Text = text,
        Bounds = new ScreenRect(100, 200, 80, 20),
    };

    [TestMethod]
    public void LocatorFor_ButtonWithName_UsesRoleAndName()
    {
        var l = PlaywrightCSharpExporter.LocatorFor(El("button", "Submit refund"));

        Assert.AreEqual(LocatorStrategy.Role, l.Strategy);
        Assert.AreEqual("page.GetByRole(AriaRole.Button, new() { Name = \"Submit refund\", Exact = true })", l.Expression);
    }

    [TestMethod]
    public void LocatorFor_FieldWithoutNameButLabel_UsesLabel() =>
        Assert.AreEqual("page.GetByLabel(\"Amount\", new() { Exact = true })", PlaywrightCSharpExporter.LocatorFor(El("textbox", nearby: "Amount:")).Expression);

    [TestMethod]
    public void LocatorFor_PasswordField_UsesLabelBecauseItHasNoRole()
    {
        var password = El("textbox", "Password") with { InputType = "password", IsSecret = true };

        Assert.AreEqual("page.GetByLabel(\"Password\", new() { Exact = true })", PlaywrightCSharpExporter.LocatorFor(password).Expression);
    }

    [TestMethod]
    public void LocatorFor_OnlyPlaceholder_UsesPlaceholder() =>
        Assert.AreEqual(LocatorStrategy.Placeholder, PlaywrightCSharpExporter.LocatorFor(El("textbox", placeholder: "Search orders")).Strategy);

    [TestMethod]
    public void LocatorFor_GenericTextElement_UsesText() =>
        Assert.AreEqual("page.GetByText(\"Order 1042\", new() { Exact = true })", PlaywrightCSharpExporter.LocatorFor(El("generic", text: "Order 1042")).Expression);

    [TestMethod]
    public void LocatorFor_OcrOnlyOrFramedOrNothing_FallsBackToCoordinates()
    {
        var ocr = El("text", "Total") with { Source = ElementSource.Ocr };
        var framed = El("button", "Pay") with { FramePath = "iframe#checkout" };

        Assert.AreEqual(LocatorStrategy.Coordinates, PlaywrightCSharpExporter.LocatorFor(ocr).Strategy);
        Assert.AreEqual(LocatorStrategy.Coordinates, PlaywrightCSharpExporter.LocatorFor(framed).Strategy);
        var none = PlaywrightCSharpExporter.LocatorFor(El("canvas"));
        Assert.AreEqual(LocatorStrategy.Coordinates, none.Strategy);
        Assert.AreEqual((140d, 210d), (none.X, none.Y), "the centre of the target's box");
    }

    [TestMethod]
    public async Task Export_RecordedFlow_ProducesRunnableShapeWithStableLocators()
    {
        var root = Directory.CreateTempSubdirectory("aa-export-").FullName;
        try
        {
            var flow = FlowLoader.Parse("""
                name: Sign in and search
                url: http://127.0.0.1:5123/login
                steps:
                  - Type ops into Username
                  - Type {{secret:OPS_PASSWORD}} into Password
                  - Click Sign in
                  - Type 1042 into Search orders
                  - Click Search
                  - Click the Order 1042 link
                """, "flow.yaml");
            var runner = new FlowRunner(new FakeSessionFactory(_ => new FakeSession(FakeApp.Orders("http://127.0.0.1:5123"))), new InstructionDecider(), new FlowRunnerOptions { RecordingsRoot = root }, TimeProvider.System, NullLoggerFactory.Instance);
            var result = (await runner.RunAsync([flow])).Results[0];

            var code = new PlaywrightCSharpExporter().Export(result.RecordingPath!);
            if (Environment.GetEnvironmentVariable("ACTIONAGENT_EXPORT_OUT") is { Length: > 0 } keep)
            {
                File.WriteAllText(keep, code); // for compiling and running the exported test by hand
            }

            StringAssert.Contains(code, "public sealed class SignInAndSearchTests");
            StringAssert.Contains(code, "(Environment.GetEnvironmentVariable(\"ACTIONAGENT_BASE_URL\") is { Length: > 0 } url ? url : \"http://127.0.0.1:5123\").TrimEnd('/');");
            StringAssert.Contains(code, "ExecutablePath = Environment.GetEnvironmentVariable(\"ACTIONAGENT_CHROMIUM\") is { Length: > 0 } chromium ? chromium : \"/usr/bin/chromium\",");
            StringAssert.Contains(code, "\"--no-sandbox\", \"--disable-gpu\", \"--disable-quic\"");
            StringAssert.Contains(code, "await page.GotoAsync(BaseUrl + \"/login\");");
            StringAssert.Contains(code, "await page.GetByRole(AriaRole.Textbox, new() { Name = \"Username\", Exact = true }).FillAsync(\"ops\");");
            StringAssert.Contains(code, "await page.GetByLabel(\"Password\", new() { Exact = true }).FillAsync(Secret(\"OPS_PASSWORD\"));");
            StringAssert.Contains(code, "await page.GetByRole(AriaRole.Button, new() { Name = \"Sign in\", Exact = true }).ClickAsync();");
            StringAssert.Contains(code, "await page.GetByRole(AriaRole.Link, new() { Name = \"Order 1042\", Exact = true }).ClickAsync();");
            StringAssert.Contains(code, "await page.WaitForURLAsync(BaseUrl + \"/orders/1042\");");
            Assert.IsFalse(code.Contains("Mouse.ClickAsync", StringComparison.Ordinal), "no coordinates when every target has a role and name");
            Assert.IsFalse(code.Contains("MSTest", StringComparison.Ordinal) && code.Contains("Microsoft.Playwright.MSTest", StringComparison.Ordinal));
            Assert.AreEqual(CountOf(code, "{"), CountOf(code, "}"), "balanced braces");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    public void Literal_EscapesQuotesBackslashesAndNewlines() =>
        Assert.AreEqual("\"a \\\"b\\\" \\\\ c\\nd\"", PlaywrightCSharpExporter.Literal("a \"b\" \\ c\nd"));

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}
