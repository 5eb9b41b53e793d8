using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.DayOne;

/// <summary><c>actionagent sample-app</c> as a real process: prints its URL, serves the Ops Portal, stops on SIGTERM.</summary>
[TestClass]
public sealed partial class SampleAppCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [GeneratedRegex(@"running at (http://127\.0\.0\.1:(\d+))")]
    internal static partial Regex BaseUrlLine();

    [TestMethod]
    public async Task SampleApp_PortZero_PrintsAFreePortServesSignInAndStopsOnSigterm()
    {
        await using var app = BackgroundCli.Start(Path.GetTempPath(), "sample-app", "--port", "0");
        var match = await app.WaitForLineAsync(BaseUrlLine(), Timeout);
        var baseUrl = match.Groups[1].Value;
        Assert.AreNotEqual("0", match.Groups[2].Value, "port 0 means a free port, and the real one is printed");

        using var http = new HttpClient();
        var login = await http.GetStringAsync(new Uri(baseUrl + "/login"));
        StringAssert.Contains(login, "Sign in");

        Assert.AreEqual(0, await app.StopAsync(TimeSpan.FromSeconds(30)), app.StdErr);
        await Assert.ThrowsExactlyAsync<HttpRequestException>(() => http.GetStringAsync(new Uri(baseUrl + "/login")), "the port is released after SIGTERM");
    }

    [TestMethod]
    public async Task SampleApp_AlternateLayout_ServesTheRelabelledRefundForm()
    {
        await using var app = BackgroundCli.Start(Path.GetTempPath(), "sample-app", "--port", "0", "--alternate-layout");
        var baseUrl = (await app.WaitForLineAsync(BaseUrlLine(), Timeout)).Groups[1].Value;

        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "ops", ["password"] = "ops-pass" });
        (await http.PostAsync(new Uri(baseUrl + "/login"), form)).EnsureSuccessStatusCode();
        var refund = await http.GetStringAsync(new Uri(baseUrl + "/refund?order=1042"));

        StringAssert.Contains(refund, "Send refund request", "the alternate layout's submit label");
    }

    [TestMethod]
    public async Task SampleApp_PortInUse_ExitsThreeWithOneLineNamingThePort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var r = await CliProcess.RunAsync(Path.GetTempPath(), Timeout, "sample-app", "--port", port);

        Assert.AreEqual(3, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, $"port {port} on 127.0.0.1 is already in use", r.ToString());
        Assert.AreEqual(1, r.StdErr.Trim().Split('\n').Length, "one line, no stack trace: " + r);
    }

    [TestMethod]
    public async Task SampleApp_PortOutOfRange_ExitsTwo()
    {
        var r = await CliProcess.RunAsync(Path.GetTempPath(), Timeout, "sample-app", "--port", "70000");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "--port must be between 0", r.ToString());
    }
}
