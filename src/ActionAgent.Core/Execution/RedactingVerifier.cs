using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;

namespace ActionAgent.Core.Execution;

/// <summary>
/// Redacts secret values from the outcome a verifier returns: a verifier reads the page again (not through the
/// redacting perceiver) and may quote it in its message or checks.
/// </summary>
public sealed class RedactingVerifier(IOutcomeVerifier inner, ISecretRedaction redaction) : IOutcomeVerifier
{
    private readonly IOutcomeVerifier _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private readonly ISecretRedaction _redaction = redaction ?? throw new ArgumentNullException(nameof(redaction));

    /// <inheritdoc />
    public Task PrepareAsync(ProposedAction proposal, Observation before, CancellationToken cancellationToken = default) =>
        _inner.PrepareAsync(proposal, before, cancellationToken);

    /// <inheritdoc />
    public async Task<ActionOutcome> VerifyAsync(ProposedAction proposal, Observation before, ActionOutcome outcome, CancellationToken cancellationToken = default) =>
        RedactingExecutor.Redact(await _inner.VerifyAsync(proposal, before, outcome, cancellationToken).ConfigureAwait(false), _redaction);
}
