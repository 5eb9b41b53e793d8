using ActionAgent.Serve.Queue;
using ActionAgent.Serve.Tasks;

namespace ActionAgent.Serve.Tests;

/// <summary>
/// What a worker's <c>actionagent run</c> child is started with: a database password given in <c>--store</c>,
/// <c>--approvals-db</c> or <c>--audit</c> reaches the child by its environment, never its command line (which every user
/// of the machine can read in /proc or ps).
/// </summary>
[TestClass]
public sealed class ChildProcessTaskRunnerTests
{
    private const string Approvals = "postgres://agent:pw-approvals-s3cret@db.example:5432/actionagent";
    private const string Audit = "postgres://agent:pw-audit-s3cret@db.example:5432/actionagent";

    [TestMethod]
    public async Task RunAsync_PostgresPasswords_NotInTheChildsCommandLineButInItsEnvironment()
    {
        if (!File.Exists("/proc/self/cmdline"))
        {
            Assert.Inconclusive("needs /proc (Linux)");
        }

        // The child is a shell standing in for actionagent: it prints its own /proc cmdline and the two variables runs read.
        var runner = new ChildProcessTaskRunner(new RunnerOptions
        {
            FileName = "/bin/sh",
            PrefixArguments = ["-c", "printf '%s\\t%s\\t%s\\n' \"$(tr '\\000' ' ' < /proc/$$/cmdline)\" \"$ACTIONAGENT_APPROVALS_DB\" \"$ACTIONAGENT_AUDIT\" >&2; exit 1", "sh"],
            ApprovalsDb = Approvals,
            AuditPath = Audit,
            RecordingsDirectory = "/tmp/rec",
        });

        var outcome = await runner.RunAsync(Task(), "t1-a1");

        var parts = outcome.Message.Split('\t');
        Assert.AreEqual(3, parts.Length, "command line, approvals variable, audit variable: " + outcome.Message);
        StringAssert.Contains(parts[0], "run --url http://127.0.0.1:1/", "the child did get its arguments: " + parts[0]);
        Assert.IsFalse(parts[0].Contains("s3cret", StringComparison.Ordinal), "no password on the command line: " + parts[0]);
        Assert.IsFalse(parts[0].Contains("postgres://", StringComparison.Ordinal), "no database URL on the command line: " + parts[0]);
        Assert.AreEqual(Approvals, parts[1], "the approval store reaches the run by ACTIONAGENT_APPROVALS_DB");
        Assert.AreEqual(Audit, parts[2], "the audit log reaches the run by ACTIONAGENT_AUDIT");
    }

    [TestMethod]
    public void StartInfo_SqliteFiles_StillNamedOnlyByTheEnvironment()
    {
        var runner = new ChildProcessTaskRunner(new RunnerOptions { FileName = "actionagent", ApprovalsDb = "/data/approvals.db", AuditPath = "/data/audit.jsonl", RecordingsDirectory = "/data/rec" });

        var psi = runner.StartInfo(Task(), "t1-a1");

        CollectionAssert.DoesNotContain(psi.ArgumentList.ToList(), "--approvals-db");
        CollectionAssert.DoesNotContain(psi.ArgumentList.ToList(), "--audit");
        Assert.AreEqual("/data/approvals.db", psi.Environment["ACTIONAGENT_APPROVALS_DB"]);
        Assert.AreEqual("/data/audit.jsonl", psi.Environment["ACTIONAGENT_AUDIT"]);
    }

    // A value in the policy's secrets file is not in the worker's environment, so removing ACTIONAGENT_SECRET_* variables
    // does not keep it from a task that did not name it: the run must be told which names it may resolve.
    [TestMethod]
    public void StartInfo_TaskNamesOneSecret_RunMayResolveOnlyThatOne()
    {
        var runner = new ChildProcessTaskRunner(new RunnerOptions { FileName = "actionagent", ApprovalsDb = "/data/approvals.db", AuditPath = "/data/audit.jsonl", RecordingsDirectory = "/data/rec" });
        var named = Task() with { Submission = new TaskSubmission { Task = "Sign in", Url = "http://127.0.0.1:1/", Secrets = ["OPS_PASSWORD"] } };

        Assert.AreEqual("OPS_PASSWORD", runner.StartInfo(named, "t1-a1").Environment["ACTIONAGENT_GIVEN_SECRETS"]);
        Assert.AreEqual("", runner.StartInfo(Task(), "t1-a1").Environment["ACTIONAGENT_GIVEN_SECRETS"], "a task that names none may resolve none");
    }

    // The run stores who asked with every held step, and the approval store refuses that person's own decision on it: the
    // name must come from the task's owner, never from the worker's own environment or the operator's text.
    [TestMethod]
    public void StartInfo_NamesTheTasksOperatorAsTheRequester()
    {
        var runner = new ChildProcessTaskRunner(new RunnerOptions { FileName = "actionagent", ApprovalsDb = "/data/approvals.db", AuditPath = "/data/audit.jsonl", RecordingsDirectory = "/data/rec" });
        var rita = Task() with { Owner = "rita" };

        Assert.AreEqual("olga", runner.StartInfo(Task(), "t1-a1").Environment["ACTIONAGENT_REQUESTED_BY"]);
        Assert.AreEqual("rita", runner.StartInfo(rita, "t1-a1").Environment["ACTIONAGENT_REQUESTED_BY"]);
    }

    // An operator's task text that reads as options ("--yes") or as a response file ("@path", which System.CommandLine
    // expands into arguments) must stay the task's words: it comes last, after "--".
    [TestMethod]
    [DataRow("--yes")]
    [DataRow("@/tmp/approve-everything.rsp")]
    public void Arguments_TaskThatLooksLikeAnOption_IsPassedAfterTheEndOfOptions(string text)
    {
        var runner = new ChildProcessTaskRunner(new RunnerOptions { FileName = "actionagent", ApprovalsDb = "/data/approvals.db", AuditPath = "/data/audit.jsonl", RecordingsDirectory = "/data/rec" });
        var task = Task() with { Submission = new TaskSubmission { Task = text, Url = "http://127.0.0.1:1/" } };

        var args = runner.Arguments(task, "t1-a1");

        CollectionAssert.AreEqual(new[] { "--", text }, args.TakeLast(2).ToArray(), string.Join(" ", args));
        Assert.AreEqual(1, args.Count(a => a == text), string.Join(" ", args));
    }

    private static ServeTask Task() => new()
    {
        Id = "t1",
        Submission = new TaskSubmission { Task = "Open Order 1042", Url = "http://127.0.0.1:1/" },
        PolicyPath = "/policies/default.yaml",
        Owner = "olga",
    };
}
