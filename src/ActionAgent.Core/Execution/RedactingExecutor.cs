using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;

namespace ActionAgent.Core.Execution;

/// <summary>
/// Redacts secret values from every outcome the inner executor returns (message, URL after, checks), so what the
/// executor read back from the page or typed never reaches the history, the recording or the console.
/// </summary>
public sealed class RedactingExecutor(IActionExecutor inner, ISecretRedaction redaction) : IActionExecutor
{
    private readonly IActionExecutor _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private readonly ISecretRedaction _redaction = redaction ?? throw new ArgumentNullException(nameof(redaction));

    /// <inheritdoc />
    public async Task<ActionOutcome> ExecuteAsync(ProposedAction proposal, Observation observation, CancellationToken cancellationToken = default) =>
        Redact(await _inner.ExecuteAsync(proposal, observation, cancellationToken).ConfigureAwait(false), _redaction);

    /// <summary>The outcome with its message, URL and checks redacted.</summary>
    public static ActionOutcome Redact(ActionOutcome outcome, ISecretRedaction redaction)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(redaction);
        return outcome with
        {
            Message = redaction.Redact(outcome.Message),
            UrlAfter = outcome.UrlAfter is null ? null : redaction.Redact(outcome.UrlAfter),
            Checks = outcome.Checks?.Select(redaction.Redact).ToArray(),
        };
    }
}
