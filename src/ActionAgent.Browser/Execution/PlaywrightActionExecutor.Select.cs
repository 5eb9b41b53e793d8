using ActionAgent.Browser.Internal;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using Microsoft.Playwright;

namespace ActionAgent.Browser.Execution;

/// <summary>
/// Choosing an option: a native &lt;select&gt; through the element (its popup is not drawn headless), a custom drop-down by
/// clicking it open and clicking the option shown, an autocomplete by typing the option and picking its suggestion (and
/// checking that the list took the pick).
/// </summary>
public sealed partial class PlaywrightActionExecutor
{
    private async Task<ActionOutcome> SelectAsync(SelectOptionAction select, Observation observation, CancellationToken ct)
    {
        var element = ElementAt(select.Target, observation);
        if (element is null)
        {
            return ActionOutcome.Failed($"select needs a drop-down element: {select.Target} is not an element of the observation");
        }

        if (!element.Source.HasFlag(ElementSource.Dom))
        {
            return await SelectAtPixelsAsync(select, element, observation, ct).ConfigureAwait(false);
        }

        var tag = await TagAsync(element.Id, observation, ct).ConfigureAwait(false);
        if (tag.Status != "ok")
        {
            return ActionOutcome.Failed(Missing(element, tag.Status));
        }

        if (tag.Tag == "select")
        {
            var options = tag.Options ?? [];
            var wanted = select.Option.Trim();
            var match = options.FirstOrDefault(o => string.Equals(o.Label, wanted, StringComparison.OrdinalIgnoreCase))
                ?? options.FirstOrDefault(o => string.Equals(o.Value, wanted, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                var partial = options.Where(o => o.Label.Contains(wanted, StringComparison.OrdinalIgnoreCase)).ToArray();
                match = partial.Length == 1 ? partial[0] : null;
            }

            if (match is null)
            {
                var list = string.Join(", ", options.Take(30).Select(o => $"\"{o.Label}\""));
                return ActionOutcome.Failed($"{Describe(element)} has no option \"{select.Option}\"; its options are: {list}");
            }

            if (match.Disabled)
            {
                return ActionOutcome.Failed($"the option \"{match.Label}\" of {Describe(element)} is disabled");
            }

            // A native <select> popup cannot be driven by the mouse in headless Chromium: choose through the element.
            var locator = Locate(tag);
            await Guard(() => locator.SelectOptionAsync(new SelectOptionValue { Index = match.Index }, new LocatorSelectOptionOptions { Timeout = Settings.Timeouts.ActionMs }), ct)
                .ConfigureAwait(false);
            return ActionOutcome.Success($"selected \"{match.Label}\" in {Describe(element)}");
        }

        // A custom drop-down: open it with a click, then click the option that shows up.
        var (target, error) = await ResolveAsync(ActionTarget.Element(element.Id), observation, ct).ConfigureAwait(false);
        if (target is null)
        {
            return ActionOutcome.Failed(error!);
        }

        if (tag.Tag is "input" or "textarea")
        {
            // A text field with suggestions (an autocomplete): type the option, then click the suggestion that shows it.
            await Guard(async () =>
            {
                await Page.Mouse.ClickAsync((float)target.X, (float)target.Y).ConfigureAwait(false);
                await Page.Keyboard.PressAsync("ControlOrMeta+A").ConfigureAwait(false);
                await Page.Keyboard.PressAsync("Delete").ConfigureAwait(false);
                await Page.Keyboard.TypeAsync(select.Option).ConfigureAwait(false);
                return true;
            }, ct).ConfigureAwait(false);
            var (picked, at) = await ClickShownOptionAtAsync(select, element,
                $"typed \"{Shorten(select.Option, 40)}\" into {Describe(element)}, but no suggestion \"{Shorten(select.Option, 40)}\" appeared to pick; nothing was chosen", ct).ConfigureAwait(false);
            if (at is not { } point)
            {
                return picked;
            }

            // Typing alone makes the field read the option: the pick shows only in the list. A suggestion still offered where
            // it was, not marked selected, was not taken (the select or value behind the field is unchanged).
            return await SuggestionStillOfferedAsync(select.Option, point, ct).ConfigureAwait(false)
                ? ActionOutcome.Failed($"typed \"{Shorten(select.Option, 40)}\" into {Describe(element)} and clicked its suggestion, but the list did not take it (the suggestion is still offered, not selected); nothing was chosen")
                : ActionOutcome.Success($"typed \"{Shorten(select.Option, 40)}\" into {Describe(element)} and picked its suggestion");
        }

        await Guard(() => Page.Mouse.ClickAsync((float)target.X, (float)target.Y), ct).ConfigureAwait(false);
        return await ClickShownOptionAsync(select, element,
            $"{Describe(element)} is not a native drop-down, and no visible option \"{select.Option}\" appeared after clicking it; look at the page and click the option", ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A drop-down seen only in pixels (no DOM id): click it like a user; a native &lt;select&gt; it focused gets the option
    /// chosen through the element (its popup is not drawn headless), anything else is handled as a custom drop-down.
    /// </summary>
    private async Task<ActionOutcome> SelectAtPixelsAsync(SelectOptionAction select, UiElement element, Observation observation, CancellationToken ct)
    {
        var (target, error) = await ResolveAsync(ActionTarget.Element(element.Id), observation, ct).ConfigureAwait(false);
        if (target is null)
        {
            return ActionOutcome.Failed(error!);
        }

        await Guard(() => Page.Mouse.ClickAsync((float)target.X, (float)target.Y), ct).ConfigureAwait(false);
        var chosen = await Guard(() => Page.EvaluateAsync<string>(SelectFocusedScript, select.Option.Trim()), ct).ConfigureAwait(false);
        if (chosen.StartsWith("ok:", StringComparison.Ordinal))
        {
            await Guard(() => Page.Keyboard.PressAsync("Escape"), ct).ConfigureAwait(false);
            return ActionOutcome.Success($"selected \"{chosen[3..]}\" in {Describe(element)}");
        }

        if (chosen.StartsWith("none:", StringComparison.Ordinal))
        {
            await Guard(() => Page.Keyboard.PressAsync("Escape"), ct).ConfigureAwait(false);
            return ActionOutcome.Failed($"{Describe(element)} has no option \"{select.Option}\"; its options are: {chosen[5..]}");
        }

        return await ClickShownOptionAsync(select, element,
            $"clicking {Describe(element)} opened no drop-down with a visible option \"{select.Option}\"; look at the page and click the option", ct).ConfigureAwait(false);
    }

    /// <summary>After a custom drop-down was clicked open: clicks the option that appeared, or fails with <paramref name="notShown"/>.</summary>
    private async Task<ActionOutcome> ClickShownOptionAsync(SelectOptionAction select, UiElement element, string notShown, CancellationToken ct) =>
        (await ClickShownOptionAtAsync(select, element, notShown, ct).ConfigureAwait(false)).Outcome;

    // The same, with the point where the option was clicked (null when it was not).
    private async Task<(ActionOutcome Outcome, (double X, double Y)? At)> ClickShownOptionAtAsync(SelectOptionAction select, UiElement element, string notShown, CancellationToken ct)
    {
        await SettleAsync(ct, TimeSpan.FromMilliseconds(Math.Min(1000, Settings.Timeouts.SettleMs))).ConfigureAwait(false);
        var option = await Script<FindTextResult>(new { op = "findText", key = session.ScriptKey, text = select.Option }, ct).ConfigureAwait(false);
        if (option.Status != "ok")
        {
            return (ActionOutcome.Failed(notShown), null);
        }

        await Guard(() => Page.Mouse.ClickAsync((float)option.X, (float)option.Y), ct).ConfigureAwait(false);
        return (ActionOutcome.Success($"opened {Describe(element)} and clicked the option \"{select.Option}\""), (option.X, option.Y));
    }

    // Whether the suggestion clicked at <paramref name="at"/> is still offered there and not marked selected.
    private async Task<bool> SuggestionStillOfferedAsync(string text, (double X, double Y) at, CancellationToken ct)
    {
        await SettleAsync(ct, TimeSpan.FromMilliseconds(Math.Min(500, Settings.Timeouts.SettleMs))).ConfigureAwait(false);
        var again = await Script<FindTextResult>(new { op = "findText", key = session.ScriptKey, text }, ct).ConfigureAwait(false);
        if (again.Status != "ok" || Math.Abs(again.X - at.X) > 3 || Math.Abs(again.Y - at.Y) > 3)
        {
            return false;
        }

        return !await Guard(() => Page.EvaluateAsync<bool>(
            "([x, y]) => { const e = document.elementFromPoint(x, y); const o = e && e.closest('[role=option],[aria-selected]'); return !!o && o.getAttribute('aria-selected') === 'true'; }",
            new[] { again.X, again.Y }), ct).ConfigureAwait(false);
    }

    // Chooses an option (label, then value; exact, then a unique partial label) in the focused <select>.
    private const string SelectFocusedScript = """
        (wanted) => {
          const el = document.activeElement;
          if (!el || el.localName !== 'select') return 'not-select';
          const opts = Array.from(el.options);
          const w = wanted.toLowerCase();
          let o = opts.find(x => x.label.trim().toLowerCase() === w) || opts.find(x => x.value.toLowerCase() === w);
          if (!o) { const p = opts.filter(x => x.label.toLowerCase().includes(w)); o = p.length === 1 ? p[0] : null; }
          if (!o || o.disabled) return 'none:' + opts.slice(0, 30).map(x => '"' + x.label.trim() + '"').join(', ');
          el.selectedIndex = o.index;
          el.dispatchEvent(new Event('input', { bubbles: true }));
          el.dispatchEvent(new Event('change', { bubbles: true }));
          return 'ok:' + o.label.trim();
        }
        """;
}
