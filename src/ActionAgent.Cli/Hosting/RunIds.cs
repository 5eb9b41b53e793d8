
namespace ActionAgent.Cli.Hosting;

/// <summary>
/// A run id names a recording folder, the audit entries and the approvals of one run: it must be a plain name, and it
/// is used once. A reused id could pick up an earlier run's approval or overwrite its recording, so it is refused
/// before the browser starts.
/// </summary>
public static class RunIds
{
    /// <summary>Most characters in a run id.</summary>
    public const int MaxLength = 100;

    /// <summary>Throws <see cref="ArgumentException"/> (bad input, exit 2) for an id that is not a plain folder name.</summary>
    public static void Validate(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        if (runId.Length == 0 || runId.Length > MaxLength
            || runId is "." or ".."
            || runId.Contains("..", StringComparison.Ordinal)
            || runId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new ArgumentException(
                $"--run-id \"{Shown(runId)}\" is not a plain name: use 1-{MaxLength} letters, digits, '-', '_' or '.' (no '/', '\\\\' or '..')");
        }
    }

    /// <summary>
    /// Refuses (<see cref="ArgumentException"/>, exit 2) an id whose recording folder exists or that the approval queue
    /// already knows.
    /// </summary>
    public static async Task EnsureUnusedAsync(string runId, string recordingsRoot, Approvals.Store.IApprovalDatabase? store, CancellationToken cancellationToken = default)
    {
        Validate(runId);
        if (Directory.Exists(Path.Combine(recordingsRoot, runId)))
        {
            throw new ArgumentException($"run id {runId} is already used by an earlier run (recording {Path.Combine(recordingsRoot, runId)}); choose another --run-id or leave it out");
        }

        if (store is not null && await store.CheckRunIdUnusedAsync(runId, cancellationToken).ConfigureAwait(false) is { } used)
        {
            throw new ArgumentException(used);
        }
    }

    private static string Shown(string text) => new(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
