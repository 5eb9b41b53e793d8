namespace ActionAgent.Serve.Tasks;

/// <summary>How one attempt ended, as the worker reports it to the store.</summary>
public sealed record TaskOutcome(ServeTaskStatus Status, int ExitCode, string Message, int? Steps = null, string? RecordingPath = null);
