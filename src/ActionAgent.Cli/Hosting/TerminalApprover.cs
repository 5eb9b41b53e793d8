using ActionAgent.Core.Approval;

namespace ActionAgent.Cli.Hosting;

/// <summary>Asks the person at the terminal: shows the action, its target, risk and rule, and reads y/n.</summary>
public sealed class TerminalApprover(TextReader input, TextWriter output) : IApprover
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc />
    public async Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"  APPROVAL NEEDED  step {request.Step} of run {request.RunId}").ConfigureAwait(false);
            await output.WriteLineAsync($"  action : {request.Proposal.Action.Describe()}").ConfigureAwait(false);
            if (request.TargetElement is { } t)
            {
                await output.WriteLineAsync($"  target : {t.Role} \"{t.Label}\" at {t.Bounds}").ConfigureAwait(false);
            }

            await output.WriteLineAsync($"  page   : {request.Url}").ConfigureAwait(false);
            await output.WriteLineAsync($"  why    : {request.Verdict.Reason} (risk {request.Verdict.Risk}, rule {request.Verdict.Rule})").ConfigureAwait(false);
            while (true)
            {
                await output.WriteAsync("  Approve? [y/n]: ").ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (line is null)
                {
                    return ApprovalDecision.Reject("terminal", "no answer (end of input)");
                }

                switch (line.Trim().ToLowerInvariant())
                {
                    case "y" or "yes":
                        return ApprovalDecision.Approve(Environment.UserName);
                    case "n" or "no":
                        await output.WriteAsync("  Reason (optional): ").ConfigureAwait(false);
                        var reason = (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.Trim();
                        return ApprovalDecision.Reject(Environment.UserName, string.IsNullOrEmpty(reason) ? "rejected at the terminal" : reason);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
