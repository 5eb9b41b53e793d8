using System.Text.Json;
using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Commands;
using ActionAgent.Approvals.Dashboard;
using ActionAgent.Approvals.Store;
using ActionAgent.Approvals.Tests.Fakes;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Tests.Commands;

[TestClass]
public sealed class ApprovalsCommandsTests
{
    private TempDir _dir = null!;
    private ManualTimeProvider _clock = null!;
    private SqliteApprovalStore _store = null!;
    private StringWriter _out = null!;
    private StringWriter _err = null!;
    private ApprovalsCommands _commands = null!;

    [TestInitialize]
    public async Task Init()
    {
        _dir = new TempDir();
        _clock = new ManualTimeProvider();
        _store = await SqliteApprovalStore.OpenAsync(new SqliteApprovalStoreOptions { Path = _dir.File("a.db") }, _clock);
        _out = new StringWriter();
        _err = new StringWriter();
        _commands = new ApprovalsCommands(_store, _out, _err, new AuditLog(_dir.File("audit.jsonl"), _clock), _clock);
        await _store.EnqueueAsync(Build.Request(step: 1), _clock.GetUtcNow().AddMinutes(10), ApprovalTimeoutBehavior.Expire);
        await _store.EnqueueAsync(Build.Request(step: 2, action: new TypeTextAction(ActionTarget.Element(7), "420.00")), _clock.GetUtcNow().AddMinutes(10), ApprovalTimeoutBehavior.Expire);
    }

    [TestCleanup]
    public void Cleanup() => _dir.Dispose();

    [TestMethod]
    public async Task Show_HeldSubmitWithFormValues_PrintsTheTableAndTheScreenshotFile()
    {
        var held = await _store.EnqueueAsync(Build.Request(step: 9) with
        {
            FormFields =
            [
                new FormFieldValue("Amount", "text", "42.00"),
                new FormFieldValue("Reason", "textarea", "Duplicate\u202Echarge"),
                new FormFieldValue("Manager password", "password", FormFieldValue.MaskedValue) { Masked = true },
            ],
        }, _clock.GetUtcNow().AddMinutes(10), ApprovalTimeoutBehavior.Expire);

        Assert.AreEqual(0, await _commands.ShowAsync(held.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var lines = _out.ToString().Split('\n').Select(l => l.TrimEnd()).ToList();
        var table = lines.SkipWhile(l => l != "  this will submit:").Skip(1).Take(3).ToList();
        CollectionAssert.AreEqual(new[]
        {
            "    Amount            text      42.00",
            "    Reason            textarea  Duplicate<U+202E>charge",
            "    Manager password  password  ••••••",
        }, table, _out.ToString());
        var shotLine = lines.Single(l => l.StartsWith("  screenshot ", StringComparison.Ordinal));
        var path = shotLine["  screenshot ".Length..shotLine.IndexOf(" (", StringComparison.Ordinal)];
        Assert.IsTrue(File.Exists(path), shotLine);
        CollectionAssert.AreEqual((await _store.GetScreenshotAsync(held.Id)).ToArray(), await File.ReadAllBytesAsync(path), "the stored PNG, written to a file");
        StringAssert.StartsWith(path, Path.GetDirectoryName(_store.FilePath)!, "next to the approval database");
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("  ")]
    public async Task Approve_WithoutReviewer_ExitsTwoWithOneLine(string? reviewer)
    {
        Assert.AreEqual(ApprovalsCommands.Invalid, await _commands.ApproveAsync("1", reviewer!));

        Assert.AreEqual(1, _err.ToString().TrimEnd().Split('\n').Length, _err.ToString());
        StringAssert.Contains(_err.ToString(), "--reviewer NAME");
        Assert.AreEqual(ApprovalStatus.Pending, (await _store.FindAsync("1"))!.Status, "nothing was decided");
    }

    [TestMethod]
    public void ReviewerIdentity_TokenNamesTheReviewer_AndAWrongOneIsRefused()
    {
        var tokens = ReviewerTokens.Parse("alice:alice-token-0123456789");

        Assert.AreEqual("alice", ReviewerIdentity.Resolve(null, "alice-token-0123456789", () => tokens).Name);
        Assert.AreEqual("bob", ReviewerIdentity.Resolve(" bob ", null, () => tokens).Name);
        StringAssert.Contains(ReviewerIdentity.Resolve(null, "guess-0123456789abcdef", () => tokens).Error, "not one of ACTIONAGENT_REVIEWER_TOKENS");
        StringAssert.Contains(ReviewerIdentity.Resolve("bob", "alice-token-0123456789", () => tokens).Error, "belongs to alice");
        StringAssert.Contains(ReviewerIdentity.Resolve(null, null, () => tokens).Error, "needs the reviewer's name");
    }

    [TestMethod]
    public async Task List_ShowsPendingApprovalsAsATable()
    {
        Assert.AreEqual(0, await _commands.ListAsync());

        var text = _out.ToString();
        StringAssert.Contains(text, "ID  STATUS");
        StringAssert.Contains(text, "pending   submit           actions.submit");
        StringAssert.Contains(text, "type \"420.00\" into #7");
    }

    [TestMethod]
    public async Task List_Json_IsParseable()
    {
        Assert.AreEqual(0, await _commands.ListAsync("pending", json: true));

        using var doc = JsonDocument.Parse(_out.ToString());
        Assert.AreEqual(2, doc.RootElement.GetArrayLength());
        Assert.AreEqual("pending", doc.RootElement[0].GetProperty("status").GetString());
        Assert.AreEqual("submit", doc.RootElement[0].GetProperty("risk").GetString());
    }

    [TestMethod]
    public async Task List_UnknownStatus_ExitsTwo()
    {
        Assert.AreEqual(ApprovalsCommands.Invalid, await _commands.ListAsync("done"));
        StringAssert.Contains(_err.ToString(), "unknown status \"done\"");
    }

    [TestMethod]
    public async Task Show_PrintsEveryDetail()
    {
        Assert.AreEqual(0, await _commands.ShowAsync("run-1:2"));

        var text = _out.ToString();
        StringAssert.Contains(text, "value    420.00");
        StringAssert.Contains(text, "rule actions.submit");
        StringAssert.Contains(text, "task     Refund order 1042 for Ada Lovelace");
    }

    [TestMethod]
    public async Task Approve_ThenApproveAgain_SecondExitsThreeWithWhoDecided()
    {
        Assert.AreEqual(0, await _commands.ApproveAsync("1", "alice", "looks right"));
        Assert.AreEqual(ApprovalsCommands.Conflict, await _commands.ApproveAsync("1", "bob"));

        StringAssert.Contains(_out.ToString(), "approval 1 approved by alice");
        StringAssert.Contains(_err.ToString(), "approval 1 was already approved by alice at 2026-11-23 09:00:00Z");
        Assert.IsTrue(AuditLog.Verify(_dir.File("audit.jsonl")).IsValid);
        StringAssert.Contains(File.ReadAllText(_dir.File("audit.jsonl")), "\"channel\":\"cli\"");
    }

    [TestMethod]
    public async Task Approve_ByThePersonWhoAskedForTheRun_ExitsFiveSaysWhyAndIsAuditedAsRefused()
    {
        var held = await _store.EnqueueAsync(Build.Request(runId: "t7-a1", step: 4) with { RequestedBy = "olga" }, _clock.GetUtcNow().AddMinutes(10), ApprovalTimeoutBehavior.Expire);
        var id = held.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.AreEqual(0, await _commands.ShowAsync(id));
        Assert.AreEqual(ApprovalsCommands.Forbidden, await _commands.ApproveAsync(id, "olga"));
        Assert.AreEqual(0, await _commands.ApproveAsync(id, "rita"));

        StringAssert.Contains(_out.ToString(), "asked by olga (another reviewer decides)");
        StringAssert.Contains(_err.ToString(), $"olga asked for run t7-a1: another reviewer must decide approval {id}");
        StringAssert.Contains(_out.ToString(), $"approval {id} approved by rita");
        var audit = File.ReadAllLines(_dir.File("audit.jsonl"));
        Assert.AreEqual(1, audit.Count(l => l.Contains("\"reviewer\":\"olga\"", StringComparison.Ordinal) && l.Contains("\"error\":\"forbidden\"", StringComparison.Ordinal)), string.Join("\n", audit));
    }

    [TestMethod]
    public async Task Approve_WithEditedValue_KeepsIt()
    {
        Assert.AreEqual(0, await _commands.ApproveAsync("2", "alice", editedValue: "42.00"));

        Assert.AreEqual("42.00", (await _store.FindAsync("2"))!.EditedValue);
    }

    [TestMethod]
    public async Task Reject_WithoutReason_ExitsTwoAndChangesNothing()
    {
        Assert.AreEqual(ApprovalsCommands.Invalid, await _commands.RejectAsync("1", "bob", " "));

        Assert.AreEqual(Core.Approval.ApprovalStatus.Pending, (await _store.FindAsync("1"))!.Status);
    }

    [TestMethod]
    public async Task Approve_UnknownId_ExitsOne()
    {
        Assert.AreEqual(ApprovalsCommands.NotFound, await _commands.ApproveAsync("77", "alice"));
        StringAssert.Contains(_err.ToString(), "no approval \"77\"");
    }

    [TestMethod]
    public async Task Serve_PrintsTheAddressAndServesUntilCancelled()
    {
        using var cts = new CancellationTokenSource();
        var options = new ApprovalDashboardOptions { Port = 0, Tokens = ReviewerTokens.Parse("alice:alice-token-0123456789") };

        var serving = _commands.ServeAsync(options, cts.Token);
        await Eventually.TrueAsync(() => _out.ToString().Contains("Approval dashboard on http://127.0.0.1:", StringComparison.Ordinal), "the dashboard to start");
        var url = System.Text.RegularExpressions.Regex.Match(_out.ToString(), @"http://127\.0\.0\.1:\d+/").Value;
        using var http = new HttpClient();
        var unauthorized = await http.GetAsync(url + "approvals");
        await cts.CancelAsync();

        Assert.AreEqual(0, await serving.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.AreEqual(System.Net.HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        StringAssert.Contains(_out.ToString(), "for alice");
    }

    [TestMethod]
    public async Task Serve_WithoutTokens_ExitsTwoAndSaysWhatToSet()
    {
        var saved = Environment.GetEnvironmentVariable(ReviewerTokens.EnvironmentVariable);
        Environment.SetEnvironmentVariable(ReviewerTokens.EnvironmentVariable, null);
        try
        {
            var code = await _commands.ServeAsync(new ApprovalDashboardOptions { Port = 0 });

            Assert.AreEqual(ApprovalsCommands.Invalid, code);
            StringAssert.Contains(_err.ToString(), "set ACTIONAGENT_REVIEWER_TOKENS=\"name:token,…\"");
        }
        finally
        {
            Environment.SetEnvironmentVariable(ReviewerTokens.EnvironmentVariable, saved);
        }
    }

    private const string HostileLabel = "Delete all\u001b[2K\rSave draft";

    private async Task<long> EnqueueHostileAsync()
    {
        var request = Build.Request(step: 9, label: HostileLabel, action: new ClickAction(ActionTarget.Element(7, HostileLabel))) with
        {
            Task = "Save the draft\u202E",
            Url = "http://127.0.0.1:5000/\u2066drafts\u2069",
        };
        return (await _store.EnqueueAsync(request, _clock.GetUtcNow().AddMinutes(10), ApprovalTimeoutBehavior.Expire)).Id;
    }

    [TestMethod]
    public async Task List_LabelWithEscapeCodes_IsShownAsText()
    {
        await EnqueueHostileAsync();

        Assert.AreEqual(0, await _commands.ListAsync());

        var text = _out.ToString();
        StringAssert.Contains(text, @"click #7 ""Delete all\x1b[2K\rSave draft""");
        Assert.IsFalse(text.Any(c => c != '\n' && InertText.IsUnsafe(c)), "no control or bidi character reaches the terminal");
    }

    [TestMethod]
    public async Task Show_LabelWithEscapeCodes_IsShownAsText()
    {
        var id = await EnqueueHostileAsync();

        Assert.AreEqual(0, await _commands.ShowAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var lines = _out.ToString().Split('\n');
        Assert.AreEqual(@"  target   Delete all\x1b[2K\rSave draft", lines.Single(l => l.StartsWith("  target ", StringComparison.Ordinal)));
        Assert.AreEqual("  task     Save the draft<U+202E>", lines.Single(l => l.StartsWith("  task ", StringComparison.Ordinal)));
        Assert.AreEqual("  page     http://127.0.0.1:5000/<U+2066>drafts<U+2069>", lines.Single(l => l.StartsWith("  page ", StringComparison.Ordinal)));
        Assert.IsFalse(_out.ToString().Any(c => c != '\n' && InertText.IsUnsafe(c)), "no control or bidi character reaches the terminal");
    }

    [TestMethod]
    public async Task Show_Json_CarriesInertTextForPagesThatRenderIt()
    {
        var id = await EnqueueHostileAsync();

        Assert.AreEqual(0, await _commands.ShowAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), json: true));

        using var doc = JsonDocument.Parse(_out.ToString());
        Assert.AreEqual(@"Delete all\x1b[2K\rSave draft", doc.RootElement.GetProperty("target").GetString());
        Assert.AreEqual("Save the draft<U+202E>", doc.RootElement.GetProperty("task").GetString());
        Assert.IsFalse(_out.ToString().TrimEnd().Any(c => InertText.IsUnsafe(c)) || _out.ToString().Contains("\\u001b", StringComparison.OrdinalIgnoreCase) || _out.ToString().Contains("\\u202e", StringComparison.OrdinalIgnoreCase), _out.ToString());
    }
}
