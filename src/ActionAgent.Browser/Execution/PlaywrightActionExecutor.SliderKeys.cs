using ActionAgent.Core.Execution;

namespace ActionAgent.Browser.Execution;

/// <summary>
/// A value "typed" into a slider drawn by a script (an element with role slider, not an input): the way a keyboard user
/// sets it. The handle is focused, then the arrow keys step it until it reads the value. Where a value sits on the track
/// is never guessed from pixels; what the slider itself says after each key is what counts.
/// </summary>
public sealed partial class PlaywrightActionExecutor
{
    private const int MaxSliderKeys = 400;

    private async Task<ActionOutcome> SlideByKeysAsync(Resolved target, string wanted, CancellationToken ct)
    {
        // Focused, not clicked: a press on the handle moves it to where the pointer is, which is not where it was.
        var focused = await Guard(() => Page.EvaluateAsync<bool>(FocusSliderAtScript, new[] { target.X, target.Y }), ct).ConfigureAwait(false);
        var start = focused ? await FocusedSliderAsync(ct).ConfigureAwait(false) : null;
        if (start is null)
        {
            return ActionOutcome.Failed($"{target} could not be focused as a slider; its value was not set{target.Notes}");
        }

        if (SliderValues.Same(start, wanted))
        {
            return ActionOutcome.Success($"{target} already reads \"{SliderValues.Shown(start)}\"");
        }

        // Numbers say which way; words (a letter scale) do not: one way to its end, then the other.
        var up = SliderValues.Below(start, wanted) ?? true;
        var now = start;
        var presses = 0;
        for (var turn = 0; turn < 2; turn++, up = !up)
        {
            string? last = null;
            var still = 0;
            while (presses < MaxSliderKeys)
            {
                await Guard(() => Page.Keyboard.PressAsync(up ? "ArrowRight" : "ArrowLeft"), ct).ConfigureAwait(false);
                presses++;
                now = await FocusedSliderAsync(ct).ConfigureAwait(false) ?? now;
                if (SliderValues.Same(now, wanted))
                {
                    return ActionOutcome.Success($"set {target} to \"{SliderValues.Shown(now)}\" with {presses} arrow key{(presses == 1 ? "" : "s")} (it read \"{SliderValues.Shown(start)}\"){target.Notes}");
                }

                if (SliderValues.Passed(start, now, wanted, up))
                {
                    return ActionOutcome.Failed($"{target} went from \"{SliderValues.Shown(start)}\" past \"{wanted}\" to \"{SliderValues.Shown(now)}\": its steps do not stop on that value{target.Notes}");
                }

                still = now == last ? still + 1 : 0;
                last = now;
                if (still >= 2)
                {
                    break; // at the end of the track
                }
            }
        }

        return ActionOutcome.Failed($"{target} reads \"{SliderValues.Shown(now)}\" after {presses} arrow keys and never read \"{wanted}\"{target.Notes}");
    }

    // The focused element through open shadow roots, when it is a slider: what it says it holds.
    private async Task<string?> FocusedSliderAsync(CancellationToken ct)
    {
        return await Guard(() => Page.EvaluateAsync<string?>(FocusedSliderScript), ct).ConfigureAwait(false);
    }

    // The slider under the point, through open shadow roots, focused the way the Tab key would.
    private const string FocusSliderAtScript = """
        ([x, y]) => {
          let el = document.elementFromPoint(x, y);
          for (let i = 0; el && el.shadowRoot && i < 16; i++) {
            const inner = el.shadowRoot.elementFromPoint(x, y);
            if (!inner || inner === el) break;
            el = inner;
          }
          while (el && el.getAttribute && el.getAttribute('role') !== 'slider') el = el.parentElement;
          if (!el || !el.getAttribute) return false;
          el.focus();
          let active = document.activeElement;
          for (let i = 0; active && active.shadowRoot && active.shadowRoot.activeElement && i < 16; i++) active = active.shadowRoot.activeElement;
          return active === el;
        }
        """;

    private const string FocusedSliderScript = """
        () => {
          let el = document.activeElement;
          for (let i = 0; el && i < 16 && el.shadowRoot && el.shadowRoot.activeElement; i++) el = el.shadowRoot.activeElement;
          if (!el || el.getAttribute('role') !== 'slider') return null;
          const now = el.getAttribute('aria-valuenow'), text = el.getAttribute('aria-valuetext');
          if (now === null && text === null) return null;
          // Both, so "43%" is 43 and a letter scale's "e" is e.
          return text === null || now === null || text.trim() === now.trim() ? (text ?? now).trim() : text.trim() + '\u0000' + now.trim();
        }
        """;
}
