using ActionAgent.Core.Recording;

namespace ActionAgent.Approvals.Audit;

/// <summary>
/// Wraps a run recorder and, when the run ends, writes the audit log's head into run.json as <c>versions.auditHead</c>
/// (<c>SEQ:HASH</c>) and <c>versions.auditLog</c> (its path), so <c>audit verify --recordings</c> can tell a truncated log.
/// </summary>
public sealed class AuditHeadRecorder(IRunRecorder inner, AuditLog log) : IRunRecorder
{
    /// <summary>The run.json versions key holding the head: "auditHead".</summary>
    public const string HeadKey = "auditHead";

    /// <summary>The run.json versions key holding the log's full path: "auditLog".</summary>
    public const string LogKey = "auditLog";

    /// <inheritdoc />
    public Task BeginAsync(RunManifest manifest, CancellationToken cancellationToken = default) => inner.BeginAsync(manifest, cancellationToken);

    /// <inheritdoc />
    public Task BeginStepAsync(StepRecord step, StepImages images, CancellationToken cancellationToken = default) => inner.BeginStepAsync(step, images, cancellationToken);

    /// <inheritdoc />
    public Task AppendAsync(StepRecord step, StepImages images, CancellationToken cancellationToken = default) => inner.AppendAsync(step, images, cancellationToken);

    /// <inheritdoc />
    public async Task CompleteAsync(RunManifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        AuditHead? head;
        try
        {
            head = await log.ReadHeadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            // The run's end is recorded whatever the audit log's state; verify reports a run without a head.
            head = null;
        }

        if (head is not null)
        {
            var versions = new Dictionary<string, string>(manifest.Versions)
            {
                [HeadKey] = head.ToString(),
                [LogKey] = log.Path,
            };
            manifest = manifest with { Versions = versions };
        }

        await inner.CompleteAsync(manifest, cancellationToken).ConfigureAwait(false);
    }
}
