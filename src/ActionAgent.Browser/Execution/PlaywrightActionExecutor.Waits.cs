using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using Microsoft.Playwright;
using static System.FormattableString;

namespace ActionAgent.Browser.Execution;

/// <summary>Waits: for a time, or until text shows on the page ("You should see "Thanks"").</summary>
public sealed partial class PlaywrightActionExecutor
{
    // Text shown on the page (the body's visible text and that of open shadow roots), lower-cased, quotes dropped and
    // spaces folded; the instruction's own sentence, when the page shows it, is taken out first so it cannot answer itself.
    private const string ShownTextScript = """
        ([wanted, besides]) => {
          if (!document.body) return false;
          const norm = s => (s || '').toLowerCase().replace(/["'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb`]/g, '').replace(/\s+/g, ' ').trim();
          const parts = [document.body.innerText];
          const walk = root => root.querySelectorAll('*').forEach(e => {
            if (e.shadowRoot) { e.shadowRoot.querySelectorAll(':scope > *').forEach(c => parts.push(c.innerText || '')); walk(e.shadowRoot); }
          });
          walk(document);
          let text = norm(parts.join(' \n '));
          const b = norm(besides);
          if (b.length > 0) text = text.split(b).join(' | ');
          const w = norm(wanted);
          return w.length > 0 && text.includes(w);
        }
        """;

    private async Task<ActionOutcome> WaitAsync(WaitAction wait, CancellationToken ct)
    {
        var duration = wait.Duration < TimeSpan.Zero ? TimeSpan.Zero : wait.Duration > MaxWait ? MaxWait : wait.Duration;
        var seconds = Invariant($"{duration.TotalSeconds:0.#}s");
        if (string.IsNullOrWhiteSpace(wait.UntilText))
        {
            await Task.Delay(duration, session.Time, ct).ConfigureAwait(false);
            return ActionOutcome.Success($"waited {seconds}");
        }

        try
        {
            await Guard(() => Page.WaitForFunctionAsync(ShownTextScript, new[] { wait.UntilText, wait.Besides ?? "" },
                new PageWaitForFunctionOptions { Timeout = (float)Math.Max(1, duration.TotalMilliseconds), PollingInterval = 100 }), ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return ActionOutcome.Failed($"\"{wait.UntilText}\" did not appear within {seconds}");
        }

        return ActionOutcome.Success($"\"{wait.UntilText}\" appeared").WithChecks([$"the page shows \"{wait.UntilText}\""]);
    }
}
