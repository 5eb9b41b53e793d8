using System.Collections.Concurrent;
using ActionAgent.Browser.Network;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;

namespace ActionAgent.Browser.Approval;

/// <summary>
/// Wraps the executor: an approved action whose form was read when the approval was requested (<see cref="FormLockApprover"/>)
/// runs only if the form would still submit the same entries to the same place. Otherwise nothing is done and the step
/// fails as <see cref="FailureKind.NotApproved"/>, naming what changed; <paramref name="refused"/> is told (the audit log), also of a
/// submission the guard stopped during the press because the form's own handlers rewrote it.
/// </summary>
public sealed class FormLockExecutor(IActionExecutor inner, FormLock formLock, Func<ProposedAction, IReadOnlyList<string>, CancellationToken, Task>? refused = null, NetworkGuard? guard = null) : IActionExecutor
{
    /// <inheritdoc />
    public async Task<ActionOutcome> ExecuteAsync(ProposedAction proposal, Observation observation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (formLock.Take(proposal.Action) is not { } held)
        {
            guard?.CheckApprovedRequests(null);
            return await inner.ExecuteAsync(proposal, observation, cancellationToken).ConfigureAwait(false);
        }

        // The form is read again below, before the press; what its own handlers change during the press shows only in the
        // request it sends, which the network guard holds against the same snapshot (and the audit log hears of it).
        var stopped = new ConcurrentQueue<string>();
        guard?.CheckApprovedRequests(r =>
        {
            var sent = formLock.ChangesSentBy(held, r.Method, r.Url, r.ContentType, r.Body);
            if (sent.Count == 0)
            {
                return null;
            }

            foreach (var change in sent)
            {
                stopped.Enqueue(change);
            }

            return FormLock.RefusalFor(sent);
        });

        var (status, now) = await formLock.ReadAsync(held.Scope, cancellationToken).ConfigureAwait(false);
        if (status == "gone")
        {
            return ActionOutcome.Failed($"{proposal.Action.Describe()} was not carried out: its element is no longer on the page; nothing was sent");
        }

        IReadOnlyList<string> changes = now is null
            ? [status == "noform" ? "the element is no longer in the form" : $"the form could not be read again ({status})"]
            : held.Snapshot.ChangesTo(now);
        if (changes.Count == 0)
        {
            var outcome = await inner.ExecuteAsync(proposal, observation, cancellationToken).ConfigureAwait(false);
            if (!stopped.IsEmpty && refused is not null)
            {
                await refused(proposal, stopped.Distinct(StringComparer.Ordinal).ToArray(), cancellationToken).ConfigureAwait(false);
            }

            return outcome;
        }

        if (refused is not null)
        {
            await refused(proposal, changes, cancellationToken).ConfigureAwait(false);
        }

        return ActionOutcome.Skipped(
            $"{proposal.Action.Describe()} was approved but not carried out: the form changed after the reviewer saw it ({string.Join("; ", changes)}); nothing was sent",
            FailureKind.NotApproved);
    }
}
