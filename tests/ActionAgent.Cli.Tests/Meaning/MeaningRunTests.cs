using ActionAgent.SampleApp;
using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.Meaning;

/// <summary>The real CLI against the sample app: a refund reason described, not named, needs <c>--meaning</c>.</summary>
[TestClass]
[DoNotParallelize]
public sealed class MeaningRunTests
{
    private const string Task =
        "Sign in with username ops and password ops-pass. Open Order 1042. Click File a refund. Enter 15.00 into Amount. " +
        "Select it arrived late in Reason. Click Submit refund. Wait for Refund filed.";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private string _dir = "";

    [TestInitialize]
    public void Init() => _dir = CliProcess.NewWorkDir("aa-meaning-cli-");

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    public async Task Run_ReasonDescribed_WithMeaning_FilesTheRefundAsLateDelivery()
    {
        await using var app = await SampleAppServer.StartAsync();

        var r = await CliProcess.RunAsync(_dir, Timeout, "run", Task, "--url", app.BaseUrl + "/login", "--meaning", "--yes", "--perception", "dom", "--recordings", Path.Combine(_dir, "rec"));

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        var refund = app.State.Refunds.Single();
        Assert.AreEqual("1042", refund.OrderNumber);
        Assert.AreEqual(15.00m, refund.Amount);
        Assert.AreEqual("Late delivery", refund.Reason);
    }

    [TestMethod]
    public async Task Run_ReasonDescribed_WithoutMeaning_FailsAndFilesNothing()
    {
        await using var app = await SampleAppServer.StartAsync();

        var r = await CliProcess.RunAsync(_dir, Timeout, "run", Task, "--url", app.BaseUrl + "/login", "--yes", "--perception", "dom", "--recordings", Path.Combine(_dir, "rec"));

        Assert.AreEqual(1, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdOut, "arrived late", r.ToString());
        Assert.IsEmpty(app.State.Refunds);
    }
}
