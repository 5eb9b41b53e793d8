using ActionAgent.Core.Perception;
using Microsoft.Playwright;

namespace ActionAgent.Cli.Hosting.Flows;

/// <summary>
/// Observes again when the page navigated in the middle of an observation ("Execution context was destroyed"): a
/// click that submits a form can start its navigation after the executor settled, most often on a loaded machine
/// with several flows at once. Up to three tries, each after the new page has loaded.
/// </summary>
public sealed class NavigationTolerantPerceiver(IPerceiver inner, IPage page) : IPerceiver
{
    private const int Attempts = 3;

    /// <inheritdoc />
    public async Task<Observation> ObserveAsync(CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await inner.ObserveAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PlaywrightException e) when (attempt < Attempts && IsNavigationRace(e) && !cancellationToken.IsCancellationRequested)
            {
                await page.WaitForLoadStateAsync(LoadState.Load).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsNavigationRace(PlaywrightException e) =>
        e.Message.Contains("Execution context was destroyed", StringComparison.Ordinal)
        || e.Message.Contains("Cannot find context with specified id", StringComparison.Ordinal)
        || e.Message.Contains("because of a navigation", StringComparison.Ordinal);
}
