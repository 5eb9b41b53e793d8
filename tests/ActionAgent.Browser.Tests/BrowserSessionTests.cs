using System.Diagnostics;
using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Decision;
using ActionAgent.TestKit;

namespace ActionAgent.Browser.Tests;

[TestClass]
[DoNotParallelize]
public sealed class BrowserSessionTests
{
    private static TestWebServer server = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static void Start(TestContext context)
    {
        server = new TestWebServer();
        server.Add("/counter", """
            <!doctype html><title>Counter</title>
            <button onclick="this.dataset.n = (+(this.dataset.n || 0) + 1); document.title = 'clicked ' + this.dataset.n">Add one</button>
            """);
    }

    [ClassCleanup]
    public static void Stop() => server.Dispose();

    [TestMethod]
    public async Task Launch_MissingChromium_SaysHowToInstallIt()
    {
        var settings = new BrowserSettings { ExecutablePath = "/nowhere/chromium" };

        var e = await Assert.ThrowsExactlyAsync<BrowserSessionException>(() => BrowserSessionFactory.OpenAsync(settings, BrowserConnection.Launch));

        Assert.AreEqual(
            "Chromium not found at /nowhere/chromium. Install it with `sudo apt-get install chromium` (or run scripts/setup.sh), or set browser.executablePath in playwright.config.json.",
            e.Message);
    }

    [TestMethod]
    public async Task Launch_ReportsTheBrowserVersion_AndTheViewport()
    {
        await using var session = await TestBrowser.OpenAsync();

        StringAssert.Matches(session.BrowserVersion, new System.Text.RegularExpressions.Regex(@"^\d+\.\d+"));
        Assert.AreEqual(1280, session.Page.ViewportSize!.Width);
    }

    [TestMethod]
    public async Task Cdp_UnreachableEndpoint_NamesTheUrl()
    {
        var url = $"http://127.0.0.1:{TestWebServer.FreePort()}";

        var e = await Assert.ThrowsExactlyAsync<BrowserSessionException>(() => BrowserSessionFactory.OpenAsync(new BrowserSettings(), BrowserConnection.Cdp(url)));

        StringAssert.Contains(e.Message, $"Could not attach to Chromium over CDP at {url}");
    }

    [TestMethod]
    public async Task Connect_UnreachableEndpoint_NamesTheUrl()
    {
        var url = $"ws://127.0.0.1:{TestWebServer.FreePort()}/";

        var e = await Assert.ThrowsExactlyAsync<BrowserSessionException>(() => BrowserSessionFactory.OpenAsync(new BrowserSettings(), BrowserConnection.Connect(url)));

        StringAssert.Contains(e.Message, $"Could not connect to the Playwright browser server at {url}");
    }

    [TestMethod]
    public async Task Cdp_AttachesToTheOpenPage_ActsThere_AndLeavesTheBrowserRunning()
    {
        using var chromium = await CdpTestBrowser.StartAsync(server.Url("/counter"));

        await using (var session = await BrowserSessionFactory.OpenAsync(new BrowserSettings(), BrowserConnection.Cdp(chromium.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            Assert.AreEqual(server.Url("/counter"), session.Page.Url, "acts in the page that was already open");
            var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);
            var button = observation.Elements.Single(e => e.Name == "Add one");
            var outcome = await session.CreateExecutor().ExecuteAsync(new ProposedAction(new ClickAction(ActionTarget.Element(button.Id)), "test"), observation, TestContext.CancellationToken);
            Assert.IsTrue(outcome.Succeeded, outcome.Message);
        }

        Assert.IsTrue(chromium.IsRunning, "the attached browser must keep running after the session is disposed");
        // Attach again from scratch and read the page: the click is still there.
        await using var again = await BrowserSessionFactory.OpenAsync(new BrowserSettings(), BrowserConnection.Cdp(chromium.Endpoint));
        Assert.AreEqual("clicked 1", await again.Page.TitleAsync());
    }

    [TestMethod]
    public async Task Connect_ToPlaywrightRunServer_LaunchesAndDrivesChromium()
    {
        var driver = Path.Combine(AppContext.BaseDirectory, ".playwright");
        var node = Path.Combine(driver, "node", "linux-x64", "node");
        var cli = Path.Combine(driver, "package", "cli.js");
        Assert.IsTrue(File.Exists(node) && File.Exists(cli), "the Playwright driver ships in the NuGet package and is copied next to the tests");
        var port = TestWebServer.FreePort();
        var info = new ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { cli, "run-server", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--host", "127.0.0.1", "--unsafe" })
        {
            info.ArgumentList.Add(arg);
        }

        // --unsafe lets the client choose the executable (/usr/bin/chromium) and args; without it the server would
        // look for its own downloaded browser build.
        using var serverProcess = Process.Start(info)!;
        try
        {
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            serverProcess.OutputDataReceived += (_, e) =>
            {
                if (e.Data?.Contains("Listening on", StringComparison.Ordinal) == true)
                {
                    ready.TrySetResult();
                }
            };
            serverProcess.ErrorDataReceived += (_, _) => { };
            serverProcess.BeginOutputReadLine();
            serverProcess.BeginErrorReadLine();
            await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(20), TestContext.CancellationToken));
            Assert.IsTrue(ready.Task.IsCompleted, "playwright run-server did not start");

            await using var session = await BrowserSessionFactory.OpenAsync(new BrowserSettings(), BrowserConnection.Connect($"ws://127.0.0.1:{port}/"));
            await session.Page.GotoAsync(server.Url("/counter"));
            var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);
            var button = observation.Elements.Single(e => e.Name == "Add one");
            var outcome = await session.CreateExecutor().ExecuteAsync(new ProposedAction(new ClickAction(ActionTarget.Element(button.Id)), "test"), observation, TestContext.CancellationToken);

            Assert.IsTrue(outcome.Succeeded, outcome.Message);
            Assert.AreEqual("clicked 1", await session.Page.TitleAsync());
            Assert.AreEqual(1280, observation.Geometry.CssWidth);
        }
        finally
        {
            serverProcess.Kill(entireProcessTree: true);
            await serverProcess.WaitForExitAsync(CancellationToken.None);
        }
    }

    [TestMethod]
    public async Task CrashedPage_MakesTheNextObserveAndExecuteFailClearly_WithoutHanging()
    {
        await using var session = await TestBrowser.OpenAsync();
        await session.Page.GotoAsync(server.Url("/counter"));
        var perceiver = session.CreatePerceiver();
        var observation = await perceiver.ObserveAsync(TestContext.CancellationToken);
        var cdp = await session.Context.NewCDPSessionAsync(session.Page);

        // Page.crash never answers (the renderer is gone): fire it and wait for the crash event instead.
        _ = cdp.SendAsync("Page.crash");
        var clock = Stopwatch.StartNew();
        while (!session.IsDead && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, TestContext.CancellationToken);
        }

        var observe = await Assert.ThrowsExactlyAsync<BrowserSessionException>(() => perceiver.ObserveAsync(TestContext.CancellationToken));
        var execute = await Assert.ThrowsExactlyAsync<BrowserSessionException>(() =>
            session.CreateExecutor().ExecuteAsync(new ProposedAction(new PressKeyAction("Enter"), "test"), observation, TestContext.CancellationToken));

        StringAssert.Contains(observe.Message, "the page crashed", StringComparison.OrdinalIgnoreCase);
        StringAssert.Contains(execute.Message, "the page crashed", StringComparison.OrdinalIgnoreCase);
        Assert.IsLessThan(15, clock.Elapsed.TotalSeconds);
    }
}
