using System.Security.Cryptography;
using System.Text.Json;
using ActionAgent.Approvals.Commands;
using ActionAgent.Approvals.Store;
using ActionAgent.Core.Approval;
using ActionAgent.Serve.Queue;
using ActionAgent.Serve.Store;
using ActionAgent.Serve.Tasks;
using Hangfire;
using Microsoft.AspNetCore.Http;

namespace ActionAgent.Serve.Web;

/// <summary>
/// The JSON task API: submit (202 + id), list, show (status, steps, result, exit code, recording, approvals), cancel.
/// Every call needs <c>Authorization: Bearer TOKEN</c> (401 without a valid one, 403 when the role may not do it).
/// </summary>
internal sealed class TaskApi(TaskStore store, IApprovalDatabase approvals, IBackgroundJobClient queue, ServeTokens tokens, SubmissionCheck check, RunnerOptions runner, TimeProvider time)
{
    public async Task<IResult> SubmitAsync(HttpContext c)
    {
        if (User(c) is not { } user)
        {
            return Unauthorized();
        }

        if (!user.CanSubmit)
        {
            return Error(403, "forbidden", $"{user.Name} is a {Word(user.Role)}: only operators and admins submit tasks");
        }

        TaskSubmission? submission;
        try
        {
            // Any content type: curl users often leave out Content-Type: application/json.
            submission = await JsonSerializer.DeserializeAsync(c.Request.Body, ServeJson.Default.TaskSubmission, c.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return Error(400, "invalid", "the body is not a task: send JSON like {\"task\": \"…\", \"url\": \"http://…\", \"policy\": \"default\"}");
        }

        // Source-generated JSON leaves an absent list null even though the record defaults it to empty.
        submission ??= new TaskSubmission();
        submission = submission with { Secrets = submission.Secrets is null ? [] : submission.Secrets };
        var (problem, policyPath) = check.Check(submission);
        if (problem is not null)
        {
            return Error(400, "invalid", problem);
        }

        var task = new ServeTask
        {
            Id = "t" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant(),
            Submission = submission,
            PolicyPath = policyPath!,
            Owner = user.Name,
            CreatedAt = time.GetUtcNow(),
        };
        await store.AddAsync(task, c.RequestAborted).ConfigureAwait(false);
        try
        {
            queue.Enqueue<TaskJob>(j => j.RunAsync(task.Id, CancellationToken.None));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing half-queued: a task the queue never got is removed again.
            await store.RemoveQueuedAsync(task.Id, CancellationToken.None).ConfigureAwait(false);
            return Error(503, "unavailable", $"the job queue refused the task: {e.Message.Split('\n')[0]}");
        }

        return Results.Json(new { id = task.Id, status = "queued", url = $"/api/tasks/{task.Id}" }, statusCode: 202);
    }

    public async Task<IResult> ListAsync(HttpContext c)
    {
        if (User(c) is null)
        {
            return Unauthorized();
        }

        var list = await store.ListAsync(500, c.RequestAborted).ConfigureAwait(false);
        return Results.Json(new { now = time.GetUtcNow(), items = list.Select(View) });
    }

    public async Task<IResult> GetAsync(HttpContext c, string id)
    {
        if (User(c) is null)
        {
            return Unauthorized();
        }

        if (await store.GetAsync(id, c.RequestAborted).ConfigureAwait(false) is not { } task)
        {
            return Error(404, "not_found", $"no task \"{id}\"");
        }

        var held = task.RunId is null ? [] : (await approvals.ListAsync(null, 500, c.RequestAborted).ConfigureAwait(false))
            .Where(a => a.RunId.StartsWith(task.Id + "-a", StringComparison.Ordinal)).Select(ApprovalsCommands.View).ToList();
        return Results.Json(new { task = View(task), steps = Steps(task), approvals = held });
    }

    public async Task<IResult> CancelAsync(HttpContext c, string id)
    {
        if (User(c) is not { } user)
        {
            return Unauthorized();
        }

        if (await store.GetAsync(id, c.RequestAborted).ConfigureAwait(false) is not { } task)
        {
            return Error(404, "not_found", $"no task \"{id}\"");
        }

        if (user.Role != ServeRole.Admin && !(user.Role == ServeRole.Operator && task.Owner == user.Name))
        {
            return Error(403, "forbidden", $"task {id} belongs to {task.Owner}: only its operator or an admin cancels it");
        }

        if (!await store.CancelAsync(id, c.RequestAborted).ConfigureAwait(false))
        {
            return Error(409, "ended", $"task {id} already ended ({Word(task.Status)})");
        }

        var now = await store.GetAsync(id, c.RequestAborted).ConfigureAwait(false);
        return Results.Json(new { id, status = Word(now!.Status), cancelRequested = true }, statusCode: 202);
    }

    private object View(ServeTask t) => new
    {
        id = t.Id,
        task = t.Submission.Task,
        url = t.Submission.Url,
        policy = t.Submission.Policy ?? SubmissionCheck.DefaultPolicy,
        model = t.Submission.Model ?? "interpreter",
        secrets = t.Submission.Secrets,
        owner = t.Owner,
        status = Word(t.Status),
        attempt = t.Attempt,
        runId = t.RunId,
        worker = t.Worker,
        exitCode = t.ExitCode,
        message = t.Message,
        steps = t.Steps,
        recording = t.RecordingPath ?? (t.RunId is null ? null : Path.Combine(runner.RecordingsDirectory, t.RunId)),
        cancelRequested = t.CancelRequested,
        createdAt = t.CreatedAt,
        startedAt = t.StartedAt,
        endedAt = t.EndedAt,
        startDelayMs = t.StartedAt is { } s ? (long?)(s - t.CreatedAt).TotalMilliseconds : null,
    };

    // The live step log: the running attempt's steps.jsonl, one flushed line per step.
    private List<JsonElement> Steps(ServeTask t)
    {
        var list = new List<JsonElement>();
        if (t.RunId is null || Path.Combine(runner.RecordingsDirectory, t.RunId, "steps.jsonl") is not { } file || !File.Exists(file))
        {
            return list;
        }

        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                list.Add(doc.RootElement.Clone());
            }
            catch (JsonException)
            {
                // A line still being written.
            }
        }

        return list;
    }

    private ServeUser? User(HttpContext c)
    {
        var auth = c.Request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? tokens.Authenticate(auth[7..].Trim()) : null;
    }

    private static IResult Unauthorized() => Error(401, "unauthorized", "send Authorization: Bearer TOKEN with a token from the --tokens file");

    private static IResult Error(int status, string code, string message) => Results.Json(new { error = code, message }, statusCode: status);

    private static string Word<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
