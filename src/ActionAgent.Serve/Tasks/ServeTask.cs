namespace ActionAgent.Serve.Tasks;

/// <summary>One task as the store holds it: what was asked, by whom, and how far it got.</summary>
public sealed record ServeTask
{
    /// <summary>Task id (also the prefix of its run ids: <c>ID-a1</c>, <c>ID-a2</c> for a retry).</summary>
    public required string Id { get; init; }

    /// <summary>What was submitted.</summary>
    public required TaskSubmission Submission { get; init; }

    /// <summary>Resolved policy file the worker passes to <c>actionagent run --policy</c>.</summary>
    public required string PolicyPath { get; init; }

    /// <summary>The operator (token name) who submitted it.</summary>
    public required string Owner { get; init; }

    /// <summary>Current status.</summary>
    public ServeTaskStatus Status { get; init; }

    /// <summary>How many times a worker started it.</summary>
    public int Attempt { get; init; }

    /// <summary>Run id of the latest attempt (names its recording and approvals), or null before the first.</summary>
    public string? RunId { get; init; }

    /// <summary>The worker running it (or that ran it last).</summary>
    public string? Worker { get; init; }

    /// <summary>Exit code of <c>actionagent run</c> (docs/cli.md), once ended.</summary>
    public int? ExitCode { get; init; }

    /// <summary>One line on how it ended.</summary>
    public string? Message { get; init; }

    /// <summary>Steps taken by the last attempt.</summary>
    public int? Steps { get; init; }

    /// <summary>Recording folder of the last attempt.</summary>
    public string? RecordingPath { get; init; }

    /// <summary>True once cancel was asked while it ran.</summary>
    public bool CancelRequested { get; init; }

    /// <summary>When it was submitted.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a worker first started it.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The running worker's last sign of life.</summary>
    public DateTimeOffset? Heartbeat { get; init; }

    /// <summary>True once it ended (completed, failed or cancelled).</summary>
    public bool IsEnded => Status is ServeTaskStatus.Completed or ServeTaskStatus.Failed or ServeTaskStatus.Cancelled;
}
