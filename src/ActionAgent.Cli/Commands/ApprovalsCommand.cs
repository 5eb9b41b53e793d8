using System.CommandLine;
using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Commands;
using ActionAgent.Approvals.Dashboard;
using ActionAgent.Approvals.Store;
using ActionAgent.Cli.Hosting;

namespace ActionAgent.Cli.Commands;

/// <summary>
/// <c>actionagent approvals list|show|approve|reject|serve</c>: work through the approval queue that runs with
/// <c>--approver web</c> fill. Exit codes: 0 done, 1 not found, 2 invalid input, 3 already decided / expired / orphaned.
/// </summary>
public static class ApprovalsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var db = new Option<string?>("--approvals-db") { Description = "Approval queue: a file, or postgres://user:password@host:port/database (default: .actionagent/approvals.db in the repository)", Recursive = true };
        var audit = new Option<string?>("--audit") { Description = "Audit log for decisions: a file, or postgres://user:password@host:port/database (default: .actionagent/audit.jsonl in the repository)", Recursive = true };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var id = new Argument<string>("id") { Description = "The approval's number (or idempotency key)" };

        var status = new Option<string?>("--status") { Description = "pending (default), approved, rejected, expired, orphaned or all", DefaultValueFactory = _ => "pending" };
        var list = new Command("list", "List approvals (pending by default)") { status, json };
        list.SetAction((r, ct) => WithCommandsAsync(r, db, audit, c => c.ListAsync(r.GetValue(status), r.GetValue(json), ct), ct));

        var show = new Command("show", "Show every detail of one approval") { id, json };
        show.SetAction((r, ct) => WithCommandsAsync(r, db, audit, c => c.ShowAsync(r.GetValue(id)!, r.GetValue(json), ct), ct));

        var reviewer = new Option<string?>("--reviewer") { Description = "Who decides (required, unless --token names the reviewer)" };
        var token = new Option<string?>("--token") { Description = $"Your reviewer token (from {ReviewerTokens.EnvironmentVariable}; default ${ReviewerIdentity.TokenVariable}): decides under its reviewer's name" };
        var comment = new Option<string?>("--comment") { Description = "A comment kept with the decision" };
        var value = new Option<string?>("--value") { Description = "Approve with this text instead (type actions only)" };
        var approve = new Command("approve", "Approve a pending action") { id, reviewer, token, comment, value, json };
        approve.SetAction((r, ct) => WithReviewerAsync(r, reviewer, token, name => WithCommandsAsync(r, db, audit, c => c.ApproveAsync(r.GetValue(id)!, name, r.GetValue(comment), r.GetValue(value), r.GetValue(json), ct), ct)));

        var reason = new Option<string?>("--reason") { Description = "Why (goes back to the agent)" };
        var reject = new Command("reject", "Reject a pending action with a reason") { id, reviewer, token, reason, json };
        reject.SetAction((r, ct) => WithReviewerAsync(r, reviewer, token, name => WithCommandsAsync(r, db, audit, c => c.RejectAsync(r.GetValue(id)!, name, r.GetValue(reason) ?? "", r.GetValue(json), ct), ct)));

        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (default 5280)", DefaultValueFactory = _ => 5280 };
        var serve = new Command("serve", $"Start the approval dashboard on 127.0.0.1 (reviewers and tokens from {ReviewerTokens.EnvironmentVariable}=name:token,…); Ctrl+C stops it") { port };
        // The dashboard may start before any run queued an approval: it creates the queue the runs will use.
        serve.SetAction((r, ct) => WithCommandsAsync(r, db, audit, c => c.ServeAsync(new ApprovalDashboardOptions { Port = r.GetValue(port) }, ct), ct, mayCreate: true));

        var command = new Command("approvals", "Work through the approval queue (actions held by runs with --approver web)") { list, show, approve, reject, serve };
        command.Add(db);
        command.Add(audit);
        return command;
    }

    // A decision names a person: --reviewer, or the reviewer of --token; without either, one line and exit 2 before the store opens.
    private static async Task<int> WithReviewerAsync(ParseResult r, Option<string?> reviewer, Option<string?> token, Func<string, Task<int>> action)
    {
        var (name, error) = ReviewerIdentity.Resolve(r.GetValue(reviewer), r.GetValue(token) ?? Environment.GetEnvironmentVariable(ReviewerIdentity.TokenVariable), ReviewerTokens.FromEnvironment);
        if (name is null)
        {
            await Console.Error.WriteLineAsync($"error: {error}");
            return ApprovalsCommands.Invalid;
        }

        return await action(name);
    }

    private static async Task<int> WithCommandsAsync(ParseResult r, Option<string?> db, Option<string?> audit, Func<ApprovalsCommands, Task<int>> action, CancellationToken cancellationToken, bool mayCreate = false)
    {
        var given = r.GetValue(db);
        var location = given is not null && ApprovalStoreLocation.IsPostgresUrl(given)
            ? given
            : Path.GetFullPath(given ?? Path.Combine(RepoPaths.Root, ".actionagent", "approvals.db"));
        if (given is not null && !mayCreate && !ApprovalStoreLocation.IsPostgresUrl(given) && !File.Exists(location))
        {
            // A mistyped path must not silently become a new, empty queue in which every approval looks missing.
            await Console.Error.WriteLineAsync($"error: --approvals-db {given}: no such approval database; give the file a run with --approver web used (default .actionagent/approvals.db), or leave the option out");
            return ApprovalsCommands.Invalid;
        }

        IApprovalDatabase store;
        try
        {
            store = await ApprovalStores.OpenAsync(location, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            // A database written by a newer ActionAgent, or a malformed URL: one line, nothing changed.
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ApprovalsCommands.Invalid;
        }
        catch (ApprovalStoreUnavailableException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ApprovalsCommands.Unavailable;
        }

        var log = AuditLog.Open(r.GetValue(audit) ?? Path.Combine(RepoPaths.Root, ".actionagent", "audit.jsonl"));
        return await action(new ApprovalsCommands(store, Console.Out, Console.Error, log));
    }
}
