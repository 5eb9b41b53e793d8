using ActionAgent.Core.Decision;

namespace ActionAgent.Models.Verification;

/// <summary>
/// The <c>--verify</c> pass: when the inner decider claims the task is done, a model checks the final screenshot against
/// the task. Verified keeps the run completed ("claimed done, verified: …"); not verified, or could not verify, fails it
/// with the verifier's reason, so a run never reports success that nobody checked.
/// </summary>
public sealed class VerifyingDecider(IDecider inner, TaskVerifier verifier) : IDecider, IDescribesVersions
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Versions =>
        new Dictionary<string, string>((inner as IDescribesVersions)?.Versions ?? new Dictionary<string, string>()) { ["verifier"] = verifier.Name };

    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public async Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var proposal = await inner.DecideAsync(context, cancellationToken).ConfigureAwait(false);
        if (proposal.Action is not DoneAction done)
        {
            return proposal;
        }

        var check = await verifier.VerifyAsync(context.Task, context.Observation, done.Result, cancellationToken).ConfigureAwait(false);
        var usage = new ModelUsage(
            proposal.Usage.Model.Length > 0 ? proposal.Usage.Model : check.Usage.Model,
            proposal.Usage.InputTokens + check.Usage.InputTokens,
            proposal.Usage.OutputTokens + check.Usage.OutputTokens,
            proposal.Usage.Cost + check.Usage.Cost);
        return check.IsVerified
            ? proposal with { Action = new DoneAction($"{done.Result} ({check.Summary})"), Usage = usage }
            : proposal with { Action = new FailAction($"{check.Summary} (the decider said: {done.Result})") { Failure = check.Failure }, Usage = usage, Reason = "verification pass" };
    }
}
