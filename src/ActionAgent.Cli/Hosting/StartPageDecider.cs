using ActionAgent.Core.Decision;

namespace ActionAgent.Cli.Hosting;

/// <summary>
/// Opens the start URL as the run's first (recorded) step, then hands over to the real decider. If the start page
/// cannot be opened the run fails with that reason instead of deciding on a blank page.
/// </summary>
public sealed class StartPageDecider(IDecider inner, string url) : IDecider, IDescribesVersions
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Versions => (inner as IDescribesVersions)?.Versions ?? new Dictionary<string, string>();

    private bool _opened;

    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        if (!_opened)
        {
            _opened = true;
            return Task.FromResult(new ProposedAction(new NavigateAction(url), "open the start page") { DecidedBy = "start-page" });
        }

        if (context.History.Count == 1 && context.Last is { Succeeded: false } first)
        {
            // The executor already said "could not open URL: reason"; say it once.
            var prefix = $"could not open {url}: ";
            var reason = first.Outcome.StartsWith(prefix, StringComparison.Ordinal) ? first.Outcome[prefix.Length..] : first.Outcome;
            return Task.FromResult(new ProposedAction(
                new FailAction($"could not open the start page {url}: {reason}. Check the address and that the site is running."), "start page unreachable")
            {
                DecidedBy = "start-page",
            });
        }

        // The inner decider counts its own steps: hide the navigation step from it.
        return inner.DecideAsync(context with { History = context.History.Where(h => h.Step != 1).ToArray(), Step = context.Step - 1 }, cancellationToken);
    }
}
