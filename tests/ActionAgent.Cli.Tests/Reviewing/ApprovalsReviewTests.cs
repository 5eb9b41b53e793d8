using ActionAgent.Approvals.Store;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;
using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.Reviewing;

/// <summary>A reviewer on the command line: <c>approvals show</c> lists what will be submitted, decisions name who decided.</summary>
[TestClass]
public sealed class ApprovalsReviewTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private string _dir = "";

    [TestInitialize]
    public void Init() => _dir = CliProcess.NewWorkDir("aa-review-");

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    private string Db => Path.Combine(_dir, "approvals.db");

    private async Task<long> HeldRefundAsync()
    {
        var store = await SqliteApprovalStore.OpenAsync(new SqliteApprovalStoreOptions { Path = Db, OrphanAfter = TimeSpan.FromHours(1) });
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        var request = new ApprovalRequest("refund-run", 4,
            new ProposedAction(new ClickAction(ActionTarget.Element(9, "Submit refund")), "the task says to file the refund"),
            new Verdict(VerdictKind.RequireApproval, RiskClass.Submit, "patterns.refunds", "refunds move money"))
        {
            Task = "Refund order 1042",
            Url = "http://127.0.0.1:5000/refunds/new",
            TargetElement = new UiElement { Id = 9, Role = "button", Name = "Submit refund", SubmitsForm = true, Bounds = new ScreenRect(0, 0, 1, 1) },
            AnnotatedScreenshot = png,
            FormFields =
            [
                new FormFieldValue("Amount", "text", "42.00"),
                new FormFieldValue("Reason", "textarea", "Duplicate charge"),
                new FormFieldValue("Manager password", "password", FormFieldValue.MaskedValue) { Masked = true },
            ],
        };
        return (await store.EnqueueAsync(request, DateTimeOffset.UtcNow.AddHours(1), ApprovalTimeoutBehavior.Expire)).Id;
    }

    [TestMethod]
    public async Task ApprovalsShow_HeldRefund_PrintsTheValuesAndAScreenshotPathThatExists()
    {
        var id = await HeldRefundAsync();

        var r = await CliProcess.RunAsync(_dir, Timeout, "approvals", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--approvals-db", Db);

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdOut, "this will submit:");
        StringAssert.Contains(r.StdOut, "Amount            text      42.00");
        StringAssert.Contains(r.StdOut, "Manager password  password  ••••••");
        var line = r.StdOut.Split('\n').Single(l => l.StartsWith("  screenshot ", StringComparison.Ordinal));
        var path = line["  screenshot ".Length..line.IndexOf(" (", StringComparison.Ordinal)];
        Assert.IsTrue(File.Exists(path), r.ToString());
        Assert.AreEqual(Path.Combine(_dir, "screenshots", $"approval-{id}.png"), path);
    }

    [TestMethod]
    [DataRow("approve")]
    [DataRow("reject")]
    public async Task ApprovalsDecide_WithoutReviewer_ExitsTwoWithOneLineAndDecidesNothing(string verb)
    {
        var id = await HeldRefundAsync();
        var args = new List<string> { "approvals", verb, id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--approvals-db", Db };
        if (verb == "reject")
        {
            args.AddRange(["--reason", "wrong amount"]);
        }

        var r = await CliProcess.RunAsync(_dir, Timeout, new Dictionary<string, string?> { ["ACTIONAGENT_REVIEWER_TOKEN"] = null }, args.ToArray());

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        Assert.AreEqual(1, r.StdErr.TrimEnd().Split('\n').Length, r.ToString());
        StringAssert.Contains(r.StdErr, "error: a decision needs the reviewer's name: add --reviewer NAME", r.ToString());
        var show = await CliProcess.RunAsync(_dir, Timeout, "approvals", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--approvals-db", Db);
        StringAssert.Contains(show.StdOut, "PENDING", "nothing was decided");
    }

    [TestMethod]
    public async Task ApprovalsApprove_WithToken_RecordsTheTokensReviewer()
    {
        var id = await HeldRefundAsync();

        var r = await CliProcess.RunAsync(_dir, Timeout, new Dictionary<string, string?> { ["ACTIONAGENT_REVIEWER_TOKENS"] = "carol:carol-token-0123456789" },
            "approvals", "approve", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--token", "carol-token-0123456789", "--approvals-db", Db);

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdOut, "approved by carol");
    }
}
