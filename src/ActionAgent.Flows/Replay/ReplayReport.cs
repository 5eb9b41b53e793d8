using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Flows.Replay;

/// <summary>The result of replaying a recording: how the replay ended and the drift of every recorded step.</summary>
public sealed record ReplayReport(RunRecording Original, RunStatus Status, string Message, IReadOnlyList<StepDrift> Steps)
{
    /// <summary>The replay's own recording folder, when recorded.</summary>
    public string? ReplayRecordingPath { get; init; }

    /// <summary>Steps with major drift.</summary>
    public int MajorDrifts => Steps.Count(s => s.Severity == DriftSeverity.Major);

    /// <summary>Steps with minor drift.</summary>
    public int MinorDrifts => Steps.Count(s => s.Severity == DriftSeverity.Minor);

    /// <summary>True when the replay completed and no step drifted in a major way.</summary>
    public bool Passed => Status == RunStatus.Completed && MajorDrifts == 0;

    /// <summary>Exit code for <c>actionagent replay</c>: 0 when <see cref="Passed"/>, otherwise 1.</summary>
    public int ExitCode => Passed ? 0 : 1;

    /// <summary>Why the replayed run did not complete, when it did not (a refusal is never a passing replay).</summary>
    public Core.Execution.FailureKind Failure { get; init; }

    /// <summary>One line: "replayed 9/9 steps: 0 major, 2 minor drifts (Completed: …)", or "…: no drift: 0 major, 0 minor drifts (…)".</summary>
    public string Summary =>
        $"replayed {Steps.Count(s => s.ReplayStep is not null)}/{Steps.Count} steps: {(MajorDrifts + MinorDrifts == 0 && Steps.Count > 0 ? "no drift: " : "")}{MajorDrifts} major, {MinorDrifts} minor drifts ({Status}: {Message})";
}
