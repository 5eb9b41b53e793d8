using System.Text.Json;
using ActionAgent.SampleApp;
using ActionAgent.TestKit;
using Microsoft.Playwright;

namespace ActionAgent.Cli.Tests.EndToEnd;

/// <summary><c>actionagent run --cdp</c> on a Chromium the test started: acts in its open page and leaves it running.</summary>
[TestClass]
public sealed class CdpAttachTests
{
    [TestMethod]
    public async Task Run_WithCdp_ActsInTheOpenPageAndLeavesTheBrowserRunning()
    {
        await using var app = await SampleAppServer.StartAsync();
        using var chromium = await CdpTestBrowser.StartAsync(app.BaseUrl + "/login");
        var dir = CliProcess.NewWorkDir("aa-cdp-cli-");
        try
        {
            var r = await CliProcess.RunAsync(dir, TimeSpan.FromMinutes(2),
                "run", "Enter the username ops and the password ops-pass", "--cdp", chromium.Endpoint, "--json", "--recordings", Path.Combine(dir, "rec"));

            Assert.AreEqual(0, r.ExitCode, r.ToString());
            Assert.AreEqual("Completed", JsonDocument.Parse(r.StdOut.Trim().Split('\n')[^1]).RootElement.GetProperty("status").GetString());
            Assert.IsTrue(chromium.IsRunning, "the attached browser is left running");

            // What the user sees in their own browser: the fields the agent typed into.
            using var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.ConnectOverCDPAsync(chromium.Endpoint);
            var page = browser.Contexts.SelectMany(c => c.Pages).Single(p => p.Url.EndsWith("/login", StringComparison.Ordinal));
            Assert.AreEqual("ops", await page.GetByLabel("Username").InputValueAsync());
            Assert.AreEqual("ops-pass", await page.GetByLabel("Password").InputValueAsync());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
