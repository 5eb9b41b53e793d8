using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ActionAgent.Approvals.Policies;
using ActionAgent.Approvals.Store;
using ActionAgent.Cli.Hosting;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.SampleApp;
using ActionAgent.TestKit;
using ActionAgent.TestKit.FakeServers;
using ActionAgent.Vision.Imaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using OpenCvSharp;

namespace ActionAgent.Cli.Tests.Policy;

/// <summary>
/// The approval gaps the in-process wiring tests leave: the real <c>actionagent approvals serve</c> process (restarted
/// while an approval waits, 401s), <c>approvals approve</c> on unknown or decided ids, a fetch button the policy cannot
/// see as a submit, and secrets with a model decider (requests, logs, recording files, masked screenshots).
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed partial class PolicyProcessTests
{
    private const string Token = "alice-token-0123456789abcdef";
    private const string Secret = "ops-pass";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private const string RefundTask = ActionAgent.Cli.Commands.DemoCommand.Task;

    private static IPlaywright s_playwright = null!;
    private static IBrowser s_browser = null!;
    private string _dir = "";

    [ClassInitialize]
    public static async Task ClassInit(TestContext context)
    {
        (s_playwright, s_browser) = await TestChromium.LaunchAsync();
    }

    [ClassCleanup]
    public static async Task ClassCleanup()
    {
        await s_browser.DisposeAsync();
        s_playwright.Dispose();
    }

    [TestInitialize]
    public void Init()
    {
        _dir = CliProcess.NewWorkDir("aa-policyproc-");
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    private string Db => Path.Combine(_dir, "approvals.db");

    private string AuditFile => Path.Combine(_dir, "audit.jsonl");

    private const string ReviewPolicy = """
        version: 1
        name: e2e
        domains: { allowed: [127.0.0.1], unlisted: deny }
        actions: { read: allow, input: allow, navigation: allow, submit: require_approval, destructive: require_approval, credential_entry: allow, egress: require_approval }
        patterns:
          - name: open-forms
            match: '(?m)^(Sign in|File a refund)$'
            on: target
            verdict: allow
            applies_to: [submit]
        approval: { timeout: 10m, on_timeout: expire, orphan_after: 30s }
        network: { mode: guard, exempt: ["POST */login*"] }
        """;

    private Task<RunResult> StartRun(string task, string url) => Task.Run(() => new AgentHost(new CliSettings
    {
        ConfigPath = Path.Combine(CliProcess.RepoRoot, "playwright.config.json"),
        Policy = PolicyLoader.Parse(ReviewPolicy, "e2e.yaml"),
        Approver = "web",
        ApprovalsDb = Db,
        AuditPath = AuditFile,
        RecordingsDirectory = Path.Combine(_dir, "rec"),
        Output = Output.OutputMode.Json,
        Perception = ActionAgent.Vision.Perception.PerceptionMode.Dom,
    }, NullLoggerFactory.Instance).RunAsync(task, url, new StepInterpreter()));

    private async Task<StoredApproval> WaitForPendingAsync(Task run)
    {
        var store = await SqliteApprovalStore.OpenAsync(new SqliteApprovalStoreOptions { Path = Db });
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until)
        {
            var pending = (await store.ListAsync(ApprovalStatus.Pending)).FirstOrDefault();
            if (pending is not null)
            {
                return pending;
            }

            if (run.IsCompleted)
            {
                await run;
                Assert.Fail($"the run ended without asking for an approval{(run is Task<RunResult> ended ? $": {ended.Result.Status} {ended.Result.Failure}: {ended.Result.Message}" : "")}");
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("no pending approval within 2 minutes");
    }

    [TestMethod]
    public async Task ServeProcess_RestartedWhileApprovalPending_ReviewerApprovesAndRefundFiledOnce()
    {
        await using var app = await SampleAppServer.StartAsync();
        var port = FreePort();
        var first = await ServeProcess.StartAsync(_dir, port, Db, AuditFile);
        var run = StartRun(RefundTask, app.BaseUrl + "/login");
        var pending = await WaitForPendingAsync(run);
        Assert.AreEqual(0, app.State.Refunds.Count, "nothing is filed while the approval waits");

        await first.DisposeAsync(); // killed, as a crash or a redeploy would
        await using var second = await ServeProcess.StartAsync(_dir, port, Db, AuditFile);
        var context = await s_browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{second.Url}approvals?token={Token}");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Submit refund");
            await page.GotoAsync($"{second.Url}approvals/{pending.Id}");
            await page.Locator("form.approve-form button.approve").ClickAsync();
            // The decision's page loads once the restarted server has recorded it; on a loaded CI machine (both CLI test
            // halves at once) that took over Playwright's 30 s default once, so the wait is longer. What is checked is
            // below: the run completes and the refund is filed once.
            await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = 120_000 });
        }
        finally
        {
            await context.DisposeAsync();
        }

        var result = await run;

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(1, app.State.Refunds.Count, "approved once, filed once");
        Assert.AreEqual(1, app.State.Requests.Count(r => r.Method == "POST" && r.Path == "/refund"), "the refund form was posted exactly once");
        var again = await CliProcess.RunAsync(_dir, Timeout, "approvals", "approve", pending.Id.ToString(CultureInfo.InvariantCulture), "--reviewer", "bob", "--approvals-db", Db, "--audit", AuditFile);
        Assert.AreEqual(3, again.ExitCode, again.ToString());
        var audit = await File.ReadAllTextAsync(AuditFile);
        StringAssert.Contains(audit, "\"channel\":\"dashboard\"", "the dashboard decision is audited");
        var verify = await CliProcess.RunAsync(_dir, Timeout, "audit", "verify", AuditFile);
        Assert.AreEqual(0, verify.ExitCode, verify.ToString());
    }

    [TestMethod]
    public async Task ServeProcess_MissingOrForgedToken_Answers401AndDecidesNothing()
    {
        var store = await SqliteApprovalStore.OpenAsync(new SqliteApprovalStoreOptions { Path = Db });
        var held = await store.EnqueueAsync(Request("run-401"), DateTimeOffset.UtcNow.AddHours(1), ApprovalTimeoutBehavior.Expire);
        await using var serve = await ServeProcess.StartAsync(_dir, FreePort(), Db, AuditFile);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

        var none = await http.GetAsync(new Uri(serve.Url, "approvals"));
        var forged = await http.GetAsync(new Uri(serve.Url, "approvals?token=alice-token-forged"));
        using var bearer = new HttpRequestMessage(HttpMethod.Get, new Uri(serve.Url, "api/approvals"));
        bearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        var forgedBearer = await http.SendAsync(bearer);
        var post = await http.PostAsync(new Uri(serve.Url, $"approvals/{held.Id}/decision"), new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve" }));
        using var good = new HttpRequestMessage(HttpMethod.Get, new Uri(serve.Url, "api/approvals"));
        good.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        var valid = await http.SendAsync(good);

        Assert.AreEqual(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, forgedBearer.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, valid.StatusCode, "the real token works, so the 401s are about the tokens");
        Assert.AreEqual(ApprovalStatus.Pending, (await store.FindAsync(held.IdempotencyKey))!.Status, "a forged request decided nothing");
    }

    [TestMethod]
    public async Task Serve_NoReviewerTokens_ExitsTwoAndSaysWhatToSet()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, new Dictionary<string, string?> { ["ACTIONAGENT_REVIEWER_TOKENS"] = null },
            "approvals", "serve", "--port", FreePort().ToString(CultureInfo.InvariantCulture), "--approvals-db", Db);

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "ACTIONAGENT_REVIEWER_TOKENS", r.ToString());
    }

    [TestMethod]
    public async Task ApprovalsApprove_UnknownOrAlreadyDecidedId_FailsWithoutChangingTheDecision()
    {
        var store = await SqliteApprovalStore.OpenAsync(new SqliteApprovalStoreOptions { Path = Db });
        var held = await store.EnqueueAsync(Request("run-cli"), DateTimeOffset.UtcNow.AddHours(1), ApprovalTimeoutBehavior.Expire);
        var id = held.Id.ToString(CultureInfo.InvariantCulture);
        string[] common = ["--approvals-db", Db, "--audit", AuditFile];

        var unknown = await CliProcess.RunAsync(_dir, Timeout, ["approvals", "approve", "9999", "--reviewer", "alice", .. common]);
        var noReason = await CliProcess.RunAsync(_dir, Timeout, ["approvals", "reject", id, "--reviewer", "alice", .. common]);
        var reject = await CliProcess.RunAsync(_dir, Timeout, ["approvals", "reject", id, "--reviewer", "alice", "--reason", "wrong order", .. common]);
        var late = await CliProcess.RunAsync(_dir, Timeout, ["approvals", "approve", id, "--reviewer", "bob", .. common]);
        var show = await CliProcess.RunAsync(_dir, Timeout, ["approvals", "show", id, "--json", .. common]);

        Assert.AreEqual(1, unknown.ExitCode, unknown.ToString());
        StringAssert.Contains(unknown.StdErr, "9999", unknown.ToString());
        Assert.AreEqual(2, noReason.ExitCode, noReason.ToString());
        Assert.AreEqual(0, reject.ExitCode, reject.ToString());
        Assert.AreEqual(3, late.ExitCode, late.ToString());
        StringAssert.Contains(late.StdErr, "rejected", late.ToString());
        using var shown = JsonDocument.Parse(show.StdOut);
        Assert.AreEqual("rejected", shown.RootElement.GetProperty("status").GetString(), show.StdOut);
        Assert.AreEqual("alice", shown.RootElement.GetProperty("reviewer").GetString(), "the late approval did not overwrite the rejection");
        var audit = await File.ReadAllLinesAsync(AuditFile);
        Assert.IsTrue(audit.Any(l => l.Contains("\"reviewer\":\"bob\"", StringComparison.Ordinal) && l.Contains("\"applied\":false", StringComparison.Ordinal)),
            "the refused late decision is audited too:\n" + string.Join('\n', audit));
    }

    [TestMethod]
    public async Task NetworkGuard_FetchButtonSeenAsPlainClick_PostHeldUntilApprovedThenSentOnce()
    {
        await using var app = await SampleAppServer.StartAsync();
        var run = StartRun("Sign in with username ops and password ops-pass. Click Mark as resolved. Wait for Order 1042 resolved.",
            app.BaseUrl + "/login?next=/quick-actions");

        var held = await WaitForPendingAsync(run);
        Assert.AreEqual("network.unapproved-mutation", held.Rule, "the policy let the click through; the guard caught the POST");
        StringAssert.Contains(held.ActionSummary + " " + held.Url + " " + held.Reason, "/api/orders/1042/resolve");
        Assert.AreEqual(0, app.State.ResolvedOrders.Count, "the POST waits for the reviewer");
        var approve = await CliProcess.RunAsync(_dir, Timeout, "approvals", "approve", held.Id.ToString(CultureInfo.InvariantCulture), "--reviewer", "alice", "--approvals-db", Db, "--audit", AuditFile);
        Assert.AreEqual(0, approve.ExitCode, approve.ToString());
        var result = await run;

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        CollectionAssert.AreEqual(new[] { "1042" }, app.State.ResolvedOrders.ToArray(), "the approved POST reached the server exactly once");
        var recording = RunRecording.Load(result.RecordingPath!);
        var click = recording.Steps.Single(s => s.Target?.Name == "Mark as resolved");
        Assert.AreEqual(VerdictKind.Allow, click.Verdict!.Kind, "the click itself is not recognised as a submit (the misclassification under test)");
    }

    [TestMethod]
    public async Task ModelRun_TypesSecretReference_ValueInNoModelRequestLogOrRecordingAndPasswordMasked()
    {
        var policy = await SecretPolicyFile.WriteAsync(_dir, "secrets-model", Secret, guardNetwork: true);
        await using var app = await SampleAppServer.StartAsync();
        await using var model = await FakeOpenAIServer.StartNewAsync();
        model.Responder = new RoleLabelModel(
            ("type", "textbox", "Username", "ops"), ("type", "textbox", "Password", "{{secret:OPS_PASSWORD}}"), ("click", "button", "Sign in", null), ("click", "", "Order 1042", null)).Respond;

        var r = await CliProcess.RunAsync(_dir, Timeout, new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "sk-test", ["ACTIONAGENT_API_KEY"] = "sk-test" },
            "run", "Sign in as ops with the password {{secret:OPS_PASSWORD}} and open order 1042", "--url", app.BaseUrl + "/login",
            "--model", "openai-compatible:fake-vision", "--base-url", model.ApiBaseUrl.ToString(), "--json", "--verbose",
            "--policy", policy, "--approver", "none", "--audit", AuditFile, "--recordings", Path.Combine(_dir, "rec"));

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        Assert.IsTrue(app.State.Requests.Any(q => q.Path == "/orders/1042"), "the typed secret signed in");
        Assert.IsTrue(model.Requests.Count >= 4);
        foreach (var request in model.Requests)
        {
            Assert.IsFalse(request.Body.Contains(Secret, StringComparison.Ordinal), "a model request holds the secret value");
            Assert.IsFalse(request.HeadersExcept().Contains(Secret, StringComparison.Ordinal));
        }

        Assert.IsTrue(model.Requests.Any(q => q.Body.Contains("{{secret:OPS_PASSWORD}}", StringComparison.Ordinal)), "the model sees the reference, not the value");
        Assert.IsFalse((r.StdOut + r.StdErr).Contains(Secret, StringComparison.Ordinal), "console output holds the secret");
        var files = Directory.GetFiles(_dir, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "secrets.env").ToArray();
        Assert.IsTrue(files.Any(f => f.EndsWith("steps.jsonl", StringComparison.Ordinal)) && files.Any(f => f.EndsWith(".log", StringComparison.Ordinal) || f.Contains("logs", StringComparison.Ordinal)),
            "recording and logs were written: " + string.Join(", ", files));
        foreach (var f in files)
        {
            var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(f));
            Assert.IsFalse(text.Contains(Secret, StringComparison.Ordinal), $"{f} holds the secret value");
        }

        var recording = RunRecording.Load(Directory.GetDirectories(Path.Combine(_dir, "rec")).Single());
        var typed = recording.Steps.ToList().FindIndex(s => s.Target is { InputType: "password" });
        Assert.IsTrue(typed >= 0 && typed + 1 < recording.Steps.Count, "a password step and the step after it are recorded");
        var field = recording.Steps[typed].Target!.Bounds;
        var username = recording.Steps.First(s => s.Target?.Name == "Username").Target!.Bounds;
        var after = recording.Steps[typed + 1].Observation;
        using var png = FrameCodec.Decode(await File.ReadAllBytesAsync(Path.Combine(recording.Directory, after.ScreenshotFile!)));
        var scale = (double)after.ScreenshotWidth / after.CssWidth;
        Assert.AreEqual(1.0, DarkShare(png, field, scale), 0.001, "every pixel of the filled password field is black in the recorded screenshot");
        Assert.IsTrue(DarkShare(png, username, scale) < 0.5, "the username field is not masked (so the black box is the mask, not a dark page)");
    }

    /// <summary>
    /// Like <see cref="LabelReadingModel"/>, but each intent names the element's role too ("Sign in" is both the login
    /// page's heading and its button).
    /// </summary>
    private sealed partial class RoleLabelModel(params (string Action, string Role, string Label, string? Value)[] intents)
    {
        private readonly Queue<(string Action, string Role, string Label, string? Value)> _intents = new(intents);

        [System.Text.RegularExpressions.GeneratedRegex("""(?m)^(\d+) ([a-z]+) "([^"]*)"(\s|$)""")]
        private static partial System.Text.RegularExpressions.Regex ElementLine();

        public ScriptedReply? Respond(RecordedRequest request)
        {
            if (_intents.Count == 0)
            {
                return FakeOpenAIServer.Completion(Answer("done", null, "all steps done", null, null));
            }

            var (action, role, label, value) = _intents.Peek();
            if (action == "navigate")
            {
                _intents.Dequeue();
                return FakeOpenAIServer.Completion(Answer(action, null, label, value, null));
            }

            foreach (System.Text.RegularExpressions.Match m in ElementLine().Matches(LabelReadingModel.PromptText(request)))
            {
                if ((role.Length == 0 || m.Groups[2].Value == role) && string.Equals(m.Groups[3].Value, label, StringComparison.OrdinalIgnoreCase))
                {
                    _intents.Dequeue();
                    return FakeOpenAIServer.Completion(Answer(action, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), $"{action} {label}", value, null));
                }
            }

            return FakeOpenAIServer.Completion(Answer("wait", null, $"waiting for {role} {label}", null, 1));
        }

        private static string Answer(string action, int? elementId, string reason, string? value, double? seconds) =>
            JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["action"] = action, ["element_id"] = elementId, ["x"] = null, ["y"] = null, ["value"] = value, ["press_enter"] = null,
                ["dx"] = null, ["dy"] = null, ["to_element_id"] = null, ["to_x"] = null, ["to_y"] = null, ["seconds"] = seconds,
                ["page"] = null, ["reason"] = reason, ["confidence"] = 0.9,
            });
    }

    [TestMethod]
    public async Task Run_UnknownSecretName_FailsNamingItAndNeverSignsIn()
    {
        var policy = await SecretPolicyFile.WriteAsync(_dir, "secrets-unknown", Secret, guardNetwork: false);
        await using var app = await SampleAppServer.StartAsync();

        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Sign in with username ops and password {{secret:OPS_PASSWORT}}. Open Order 1042.",
            "--url", app.BaseUrl + "/login", "--policy", policy, "--approver", "none", "--audit", AuditFile, "--recordings", Path.Combine(_dir, "rec"),
            "--perception", "dom");

        Assert.AreNotEqual(0, r.ExitCode, r.ToString());
        Assert.IsFalse(app.State.Requests.Any(q => q.Path.StartsWith("/orders", StringComparison.Ordinal)), "nobody signed in without the secret");
        var steps = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(_dir, "rec"), "steps.jsonl", SearchOption.AllDirectories).Single());
        StringAssert.Contains(steps, "unknown secret", "the step's outcome says what was wrong");
        StringAssert.Contains(steps, "OPS_PASSWORT");
        StringAssert.Contains(steps, "OPS_PASSWORD", "and which names exist");
        Assert.IsFalse((steps + r.StdOut + r.StdErr).Contains(Secret, StringComparison.Ordinal), "the other secret's value is not shown");
    }

    private static readonly (string, string, string, string?)[] SignIn =
        [("type", "textbox", "Username", "ops"), ("type", "textbox", "Password", Secret), ("click", "button", "Sign in", null)];

    private Task<CliProcess.Result> ModelRunAsync(FakeOpenAIServer model, SampleAppServer app, string task, string approver, string policyFile) =>
        CliProcess.RunAsync(_dir, Timeout, new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "sk-test", ["ACTIONAGENT_API_KEY"] = "sk-test" },
            "run", task, "--url", app.BaseUrl + "/login", "--model", "openai-compatible:fake-vision", "--base-url", model.ApiBaseUrl.ToString(),
            "--json", "--policy", policyFile, "--approver", approver, "--approvals-db", Db, "--audit", AuditFile,
            "--recordings", Path.Combine(_dir, "rec"), "--max-steps", "20", "--perception", "dom");

    [TestMethod]
    public async Task ModelRun_ReviewerRejectsWithReason_ReasonReachesTheModelAndNothingIsDeleted()
    {
        var policy = Path.Combine(_dir, "review.yaml");
        await File.WriteAllTextAsync(policy, ReviewPolicy);
        await using var app = await SampleAppServer.StartAsync();
        await using var model = await FakeOpenAIServer.StartNewAsync();
        model.Responder = new RoleLabelModel([.. SignIn, ("click", "", "Customers", null), ("click", "button", "Delete customer Grace Hopper", null)]).Respond;

        var run = ModelRunAsync(model, app, "Delete customer Grace Hopper", "web", policy);
        var pending = await WaitForPendingAsync(run);
        StringAssert.Contains(pending.ActionSummary, "Grace Hopper");
        var callsBefore = model.Requests.Count;
        var reject = await CliProcess.RunAsync(_dir, Timeout, "approvals", "reject", pending.Id.ToString(CultureInfo.InvariantCulture),
            "--reviewer", "alice", "--reason", "keep Grace, she has open orders", "--approvals-db", Db, "--audit", AuditFile);
        var r = await run;

        Assert.AreEqual(0, reject.ExitCode, reject.ToString());
        Assert.AreEqual(0, app.State.DeletedCustomers.Count, r.ToString());
        var later = model.Requests.Skip(callsBefore).Select(LabelReadingModel.PromptText).ToList();
        Assert.IsTrue(later.Any(t => t.Contains("keep Grace, she has open orders", StringComparison.Ordinal)),
            "the reviewer's reason is in the next model request:\n" + string.Join("\n---\n", later));
    }

    [TestMethod]
    public async Task ModelRun_ModelObeysInjectedNote_PolicyDeniesEvilHostAndDeletionAndAuditsIt()
    {
        var policy = Path.Combine(_dir, "review.yaml");
        await File.WriteAllTextAsync(policy, ReviewPolicy);
        await using var app = await SampleAppServer.StartAsync();
        await using var model = await FakeOpenAIServer.StartNewAsync();
        model.Responder = new RoleLabelModel(
        [
            .. SignIn, ("click", "", "Notes", null), ("navigate", "", "the note says so", "http://evil.example.com/steal"),
            ("click", "", "Customers", null), ("click", "button", "Delete customer Grace Hopper", null),
        ]).Respond;

        var r = await ModelRunAsync(model, app, "Read the customer notes", "none", policy);

        Assert.AreEqual(4, r.ExitCode, "the model said done after refused steps: the run is a refusal, never a success\n" + r);
        Assert.AreEqual(0, app.State.DeletedCustomers.Count, r.ToString());
        var recording = RunRecording.Load(Directory.GetDirectories(Path.Combine(_dir, "rec")).Single());
        var evil = recording.Steps.Single(s => s.Proposal.Action is NavigateAction n && n.Url.Contains("evil.example.com", StringComparison.Ordinal));
        Assert.AreEqual(VerdictKind.Deny, evil.Verdict!.Kind, "the denied host is refused by the policy, not the model");
        Assert.IsFalse(recording.Steps.Any(s => s.Observation.Url.Contains("evil.example.com", StringComparison.Ordinal)), "the browser never reached the host");
        var delete = recording.Steps.Single(s => s.Target?.Name == "Delete customer Grace Hopper");
        Assert.IsFalse(delete.Decision!.IsApproved, "the deletion needs a reviewer and nobody approved it");
        var audit = await File.ReadAllTextAsync(AuditFile);
        StringAssert.Contains(audit, "\"injection\"", "the injection text on /notes is audited");
        StringAssert.Contains(audit, "evil.example.com", "the refused navigation is audited");
        var verify = await CliProcess.RunAsync(_dir, Timeout, "audit", "verify", AuditFile);
        Assert.AreEqual(0, verify.ExitCode, verify.ToString());
    }

    private static double DarkShare(Mat image, ScreenRect css, double scale)
    {
        var x0 = (int)Math.Ceiling((css.X + 3) * scale);
        var y0 = (int)Math.Ceiling((css.Y + 3) * scale);
        var x1 = (int)Math.Floor((css.Right - 3) * scale);
        var y1 = (int)Math.Floor((css.Bottom - 3) * scale);
        int dark = 0, total = 0;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                var p = image.At<Vec3b>(y, x);
                total++;
                dark += p.Item0 < 8 && p.Item1 < 8 && p.Item2 < 8 ? 1 : 0;
            }
        }

        Assert.IsTrue(total > 100, $"region {css} is too small");
        return (double)dark / total;
    }

    private static ApprovalRequest Request(string runId) =>
        new(runId, 3, new ProposedAction(new ClickAction(ActionTarget.Element(7, "the Submit refund button")), "the task says to submit the refund"),
            new Verdict(VerdictKind.RequireApproval, RiskClass.Submit, "actions.submit", "\"Submit refund\" submits a form"))
        {
            Task = "Refund order 1042",
            Url = "http://127.0.0.1:5000/refund",
        };

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary><c>actionagent approvals serve</c> as a child process, killed on dispose.</summary>
    private sealed class ServeProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private ServeProcess(Process process, Uri url)
        {
            _process = process;
            Url = url;
        }

        public Uri Url { get; }

        public static async Task<ServeProcess> StartAsync(string dir, int port, string db, string audit)
        {
            var psi = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = dir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            psi.Environment["ACTIONAGENT_REVIEWER_TOKENS"] = "alice:" + Token;
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "actionagent.dll"), "approvals", "serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--approvals-db", db, "--audit", audit })
            {
                psi.ArgumentList.Add(a);
            }

            var process = Process.Start(psi)!;
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while (await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
            {
                if (line.StartsWith("Approval dashboard on ", StringComparison.Ordinal))
                {
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return new ServeProcess(process, new Uri($"http://127.0.0.1:{port}/"));
                }
            }

            await process.WaitForExitAsync(CancellationToken.None);
            throw new InvalidOperationException($"approvals serve exited {process.ExitCode} before listening: {await stderr}");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}
