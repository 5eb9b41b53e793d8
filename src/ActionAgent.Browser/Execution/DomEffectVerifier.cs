using ActionAgent.Browser.Internal;
using ActionAgent.Browser.Perception;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace ActionAgent.Browser.Execution;

/// <summary>
/// Checks in the page that an action did what it was meant to: a field reads what was typed (up to the control's
/// formatting), a checkbox or radio is in the asked state, the option is selected, a click changed something (DOM,
/// URL, focus, scroll, a dialog, or pixels from the inner verifier). Success carries <see cref="ActionOutcome.Checks"/>;
/// an effect not seen within <see cref="DomEffectVerifierOptions.EffectTimeout"/> becomes <see cref="FailureKind.NotVerified"/>.
/// </summary>
public sealed class DomEffectVerifier : IOutcomeVerifier
{
    private readonly BrowserSession session;
    private readonly IOutcomeVerifier? inner;
    private readonly DomEffectVerifierOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private (int Id, string? Name)? dropTargetBefore;

    /// <summary>Creates the verifier for one session; <paramref name="inner"/> (a pixel verifier) runs first and its change counts as evidence.</summary>
    public DomEffectVerifier(
        BrowserSession session,
        IOutcomeVerifier? inner = null,
        DomEffectVerifierOptions? options = null,
        TimeProvider? time = null,
        ILogger<DomEffectVerifier>? logger = null)
    {
        this.session = session ?? throw new ArgumentNullException(nameof(session));
        this.inner = inner;
        this.options = options ?? new DomEffectVerifierOptions();
        this.time = time ?? session.Time;
        this.logger = logger ?? NullLogger<DomEffectVerifier>.Instance;
    }

    /// <summary>
    /// Before an action whose effect may only show as "something changed": makes sure the page has been watched for
    /// <see cref="DomEffectVerifierOptions.LearnPageLife"/> while the agent was not acting (waiting for the rest), so the
    /// elements that change by themselves are known; then lets the inner verifier look, and marks the page as acted on.
    /// </summary>
    public async Task PrepareAsync(ProposedAction proposal, Observation before, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(before);
        if (proposal.Action.IsTerminal)
        {
            return;
        }

        if (options.LearnPageLife > TimeSpan.Zero && Expects(proposal.Action, out _) && !ReadsBack(proposal.Action) && !ReadsState(proposal.Action, before))
        {
            // Hover and press feedback (a hover class, a tooltip a script shows) is not what a click did: the pointer
            // goes over the target first, while the agent still watches, and what that changes is before the baseline.
            if (proposal.Action is ClickAction { Button: MouseButtonKind.Left } click && click.Target.ElementId is { } target)
            {
                await HoverFirstAsync(target, before, cancellationToken).ConfigureAwait(false);
            }

            // A quiet page (loaded, no timer, request, socket or animation pending, nothing changed by itself) cannot
            // change in the DOM unless something acts: there is nothing to learn by watching it. Pixels can (an
            // animated image), so with a pixel verifier inside, the page is always watched.
            var idle = await ScriptAsync<IdleResult>("idle", cancellationToken).ConfigureAwait(false);
            var quiet = idle?.Restless == "" && inner is null;
            var missing = idle is null || quiet ? TimeSpan.Zero : options.LearnPageLife - TimeSpan.FromMilliseconds(idle.IdleMs);
            if (missing > TimeSpan.Zero)
            {
                logger.LogDebug("Watching the page {Wait} ms before {Action} to learn what changes by itself ({Why})", (int)missing.TotalMilliseconds, proposal.Action.Kind, idle!.Restless);
                await Task.Delay(missing, time, cancellationToken).ConfigureAwait(false);
            }

            await SettleRequestsAsync(cancellationToken).ConfigureAwait(false);
        }

        if (inner is not null)
        {
            await inner.PrepareAsync(proposal, before, cancellationToken).ConfigureAwait(false);
        }

        // A drop target that answers a drop by changing itself ("Dropped!", "Trash: Item A"): how it read before.
        dropTargetBefore = proposal.Action is DragAction { To: { ElementId: { } toId, Point: null } }
            ? (toId, (await ScriptAsync<ProbeResult>("probe", cancellationToken, toId).ConfigureAwait(false))?.Name)
            : null;

        await ScriptAsync<IdleResult>("arm", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ActionOutcome> VerifyAsync(ProposedAction proposal, Observation before, ActionOutcome outcome, CancellationToken cancellationToken = default)
    {
        try
        {
            return await VerifyCoreAsync(proposal, before, outcome, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // What changes from now on, while the agent looks and decides, is the page's own life.
            await ScriptAsync<IdleResult>("rest", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<ActionOutcome> VerifyCoreAsync(ProposedAction proposal, Observation before, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(outcome);
        if (inner is not null)
        {
            outcome = await inner.VerifyAsync(proposal, before, outcome, cancellationToken).ConfigureAwait(false);
        }

        if (!outcome.Succeeded || proposal.Action.IsTerminal || !Expects(proposal.Action, out var id))
        {
            return outcome;
        }

        var earlier = (IReadOnlyList<string>)[];
        if (options.FocusedFieldOnly)
        {
            if (proposal.Action is not TypeTextAction)
            {
                return outcome;
            }

            // The ids are the pixels' own: read the focused field, and keep what the pixels confirmed.
            id = null;
            earlier = outcome.Checks ?? [];
            outcome = outcome.WithoutChecks();
        }

        // A click that made the page ask (alert, confirm, prompt) had an effect: the question, answered as the action
        // said. A dismissed one changes nothing else; an accepted one is also looked for in the page.
        // Text typed with no field is a prompt's answer (the page showed a prompt): it reads back nowhere.
        var asked = outcome.Dialogs is { Count: > 0 } raised && proposal.Action is ClickAction or PressKeyAction or TypeTextAction { Target: null }
            ? raised.Select(d => $"the page asked ({d})").ToList()
            : null;
        if (asked is not null && (outcome.Dialogs!.All(d => !d.Accepted) || proposal.Action is TypeTextAction))
        {
            return outcome.WithChecks([.. earlier, .. asked]);
        }

        var token = session.DocumentOf(before);
        var started = time.GetTimestamp();
        while (true)
        {
            var (seen, checks, problem) = await LookAsync(proposal.Action, id, token, before, outcome, cancellationToken).ConfigureAwait(false);
            if (seen || asked is not null && time.GetElapsedTime(started) >= options.EffectTimeout)
            {
                checks = seen ? [.. earlier, .. checks, .. asked ?? []] : [.. earlier, .. asked!];
                logger.LogDebug("{Action} verified by {Count} checks", proposal.Action.Kind, checks.Count);
                logger.LogTrace("{Action} verified: {Checks}", proposal.Action.Kind, string.Join("; ", checks));
                return outcome.WithChecks(checks);
            }

            if (proposal.Action is HoverAction && time.GetElapsedTime(started) >= options.HoverEffectTimeout)
            {
                // A hover may only restyle (CSS :hover, no DOM change): nothing seen is no failure. What it opens a
                // moment later (a menu behind hoverIntent's delay) was waited for.
                return earlier.Count > 0 ? outcome.WithChecks([.. earlier]) : outcome;
            }

            if (time.GetElapsedTime(started) >= options.EffectTimeout)
            {
                logger.LogInformation("{Action} not verified: {Problem}", proposal.Action.Kind, problem);
                return ActionOutcome.Failed($"{outcome.Message}, but its effect was not seen: {problem}", FailureKind.NotVerified) with
                {
                    UrlAfter = outcome.UrlAfter,
                    ChangedFraction = outcome.ChangedFraction,
                };
            }

            await Task.Delay(options.PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    // Requests in flight answer whenever they like: their answers should land while the agent watches, not while it
    // verifies. Bounded over the page's watched time, so a long poll costs only the first actions on a page.
    private async Task SettleRequestsAsync(CancellationToken ct)
    {
        var limit = (options.LearnPageLife + options.SettleRequests).TotalMilliseconds;
        while (await ScriptAsync<IdleResult>("idle", ct).ConfigureAwait(false) is { Requests: > 0 } idle && idle.IdleMs < limit)
        {
            logger.LogDebug("Waiting for {Count} requests in flight before acting", idle.Requests);
            await Task.Delay(options.PollInterval, time, ct).ConfigureAwait(false);
        }
    }

    private async Task HoverFirstAsync(int id, Observation before, CancellationToken ct)
    {
        var element = before.Find(id);
        if (element is null || element.Checked is not null)
        {
            return; // a box's click is judged by its state, not by "something changed"
        }

        try
        {
            await ScriptAsync<IdleResult>("rest", ct).ConfigureAwait(false);
            var (x, y) = element.Bounds.Center;
            if (element.Source.HasFlag(ElementSource.Dom))
            {
                var located = await session.GuardAsync(
                    () => PageScript.RunAsync<LocateResult>(session.Page, new { op = "locate", key = session.ScriptKey, id, token = session.DocumentOf(before), scroll = true }),
                    ct).ConfigureAwait(false);
                if (located.Status != "ok" || located.Opener)
                {
                    // Not found: the executor says what is wrong. A popup opener (a menu item with a submenu): what
                    // pointing at it opens is the click's effect too, so it is not moved before the baseline.
                    await ScriptAsync<IdleResult>("rest", ct).ConfigureAwait(false);
                    return;
                }

                (x, y) = (located.Px, located.Py);
                await ScriptAsync<IdleResult>("rest", ct).ConfigureAwait(false); // locate armed it
            }

            await session.GuardAsync(async () => { await session.Page.Mouse.MoveAsync((float)x, (float)y, new MouseMoveOptions { Steps = 2 }).ConfigureAwait(false); return true; }, ct).ConfigureAwait(false);
            await Task.Delay(options.HoverFeedback, time, ct).ConfigureAwait(false);
        }
        catch (PlaywrightException e)
        {
            logger.LogDebug("Hovering the target before the click failed: {Message}", e.Message);
        }
    }

    // Typing without Enter is checked by reading the field back, never by "something changed".
    private static bool ReadsBack(BrowserAction action) => action is TypeTextAction { PressEnter: false };

    // A native box's single click (or its label's, standing for a hidden box) and a native select's choice are judged by
    // their state, never by "something changed".
    private static bool ReadsState(BrowserAction action, Observation before) => action switch
    {
        ClickAction { Button: MouseButtonKind.Left, ClickCount: 1 } click when click.Target.ElementId is { } id =>
            before.Find(id) is { Tag: "input" or "label", Checked: not null } box && box.Role.ToLowerInvariant() is "checkbox" or "radio" or "switch",
        SelectOptionAction select when select.Target.ElementId is { } id => before.Find(id) is { Tag: "select" },
        _ => false,
    };

    // A page helper call that must not fail the step: a page that navigated or closed meanwhile answers nothing.
    private async Task<T?> ScriptAsync<T>(string op, CancellationToken ct, int id = 0)
        where T : class
    {
        try
        {
            return await session.GuardAsync(() => PageScript.RunAsync<T>(session.Page, new { op, key = session.ScriptKey, id }), ct).ConfigureAwait(false);
        }
        catch (PlaywrightException e)
        {
            logger.LogDebug("Page helper {Op} not answered: {Message}", op, e.Message);
            return null;
        }
    }

    // Which actions have an effect worth checking, and on which element (null: the focused one or the page).
    private static bool Expects(BrowserAction action, out int? id)
    {
        id = null;
        switch (action)
        {
            case ClickAction { Button: MouseButtonKind.Right }:
                return false; // a context menu of the browser changes nothing in the page
            case ClickAction click:
                id = click.Target.ElementId;
                return true;
            case TypeTextAction type:
                id = type.Target?.ElementId;
                return true;
            case SelectOptionAction select:
                id = select.Target.ElementId;
                return true;
            case PressKeyAction:
                return true;
            case DragAction drag:
                id = drag.From.ElementId;
                return true;
            case HoverAction hover:
                id = hover.Target.ElementId;
                return true;
            case SelectTextAction:
                return true; // the selection is read from the focused field or the page, whatever element holds it
            default:
                return false;
        }
    }

    // What changed since the baseline, and the state of one element (0: the focused one); a dialog stops it.
    private Task<ProbeResult> ProbeAsync(int id, string? token, CancellationToken ct) =>
        session.GuardAsync(
            () => PageScript.RunAsync<ProbeResult>(session.Page, new { op = "probe", key = session.ScriptKey, id, token }),
            ct,
            stopOnDialog: true);

    private async Task<(bool Seen, List<string> Checks, string Problem)> LookAsync(
        BrowserAction action, int? id, string? token, Observation before, ActionOutcome outcome, CancellationToken ct)
    {
        ProbeResult? probe = null;
        for (var attempt = 0; probe is null; attempt++)
        {
            try
            {
                if (attempt > 0)
                {
                    // The probe before ran while a new document replaced the page. "It navigated" is not yet "it worked":
                    // the new page may be the form sent back with its fields marked invalid. Wait for it and look at it.
                    await session.WaitForNewDocumentAsync(ct).ConfigureAwait(false);
                    await Task.Delay(TimeSpan.FromMilliseconds(50), time, ct).ConfigureAwait(false);
                }

                probe = await ProbeAsync(id ?? 0, token, ct).ConfigureAwait(false);
            }
            catch (DialogOpenedException)
            {
                return (true, ["a dialog opened"], "");
            }
            catch (PlaywrightException e) when (PlaywrightPerceiver.IsNavigationRace(e) && attempt >= 2)
            {
                return (true, ["the page navigated"], "");
            }
            catch (PlaywrightException e) when (PlaywrightPerceiver.IsNavigationRace(e))
            {
                // Look again, once the new document is there (above).
            }
        }

        var element = id is { } known ? before.Find(known) : null;
        var what = element is null ? "the focused element" : $"{Role(element)} \"{Short(element.Label)}\"";
        if (action is DragAction { To: { ElementId: { } toId, Point: null } } onto && element is not { Role: "slider" } && probe.Status == "ok"
            && before.Find(toId) is { } dropTarget)
        {
            return Dropped(probe, await ProbeAsync(toId, token, ct).ConfigureAwait(false), what, dropTarget, outcome);
        }

        return action switch
        {
            TypeTextAction type => Typed(type, probe, what, element),
            SelectOptionAction select => Selected(select, probe, what, outcome),
            ClickAction click => Clicked(click, probe, what, element, outcome),
            PressKeyAction press when probe.Refused is { } why => (false, [], $"pressing {press.Keys} sent a form the page refused: {why}; {NotTaken(why)}"),
            // Ctrl+A, Shift+End: selecting text is what the key does, though no element changes.
            PressKeyAction press => (Changed(probe, outcome) ?? (probe.SelectionChanged ? $"the selected text in {probe.Focus ?? "the page"} changed" : null)) is { } pressed
                ? (true, [$"pressing {press.Keys} changed the page ({pressed})"], "")
                : (false, [], $"pressing {press.Keys} changed nothing on the page (focus on {probe.Focus ?? "nothing"}{Life(probe)})"),
            DragAction drag when element is { Role: "slider", FramePath: null or "" } slider => SliderMoved(probe, what, slider, drag),
            DragAction => Changed(probe, outcome) is { } dragged
                ? (true, [$"dragging {what} changed the page ({dragged})"], "")
                : (false, [], $"dragging {what} changed nothing on the page{(probe.Ignored > 0 ? $" ({Life(probe)[2..]})" : "")}"),

            SelectTextAction select => PlaywrightActionExecutor.Same(probe.SelectedText, select.Text)
                ? (true, [$"\"{Short(select.Text)}\" is selected"], "")
                : (false, [], probe.SelectedText is null ? "the selection is in a secret field and is not read" : $"\"{Short(select.Text)}\" is not what is selected (the selection reads \"{Short(probe.SelectedText)}\")"),

            // A hover may only restyle (CSS :hover, no DOM change): a change counts as a check, none is no failure.
            HoverAction => Changed(probe, outcome) is { } shown ? (true, [$"hovering {what} changed the page ({shown})"], "") : (false, [], "hovering changed nothing"),
            _ => (true, [], ""),
        };
    }

    // Dropped onto an element: the dragged element now lies on it (where it is now, or where it was before the drop: a
    // sortable item takes the place of the one it was dropped on), or the drop target itself changed ("Dropped!"). A
    // page that changed some other way (a placeholder, an item sent back) did not take the drop.
    private (bool, List<string>, string) Dropped(ProbeResult dragged, ProbeResult target, string what, UiElement onto, ActionOutcome outcome)
    {
        var ontoWhat = $"{Role(onto)} \"{Short(onto.Label)}\"";
        if (target.Status != "ok" || dragged.Cx is not { } x || dragged.Cy is not { } y)
        {
            return Changed(dragged, outcome) is { } gone
                ? (true, [$"dragging {what} onto {ontoWhat} changed the page ({gone})"], "")
                : (false, [], $"dragging {what} onto {ontoWhat} changed nothing on the page");
        }

        bool Near(ScreenRect r) => new ScreenRect(r.X - 8, r.Y - 8, r.Width + 16, r.Height + 16).Contains(x, y);
        var now = target is { Cx: { } tx, Cy: { } ty, Hw: { } tw, Hh: { } th } && Near(new ScreenRect(tx - (tw / 2), ty - (th / 2), tw, th));
        var then = Near(onto.Bounds);
        if (now || then)
        {
            return (true, [FormattableString.Invariant($"{what} now lies on {ontoWhat} (at {x:0},{y:0})")], "");
        }

        if (dropTargetBefore is { } was && was.Id == onto.Id && was.Name is not null && target.Name is { } shown && shown != was.Name)
        {
            return (true, [$"{ontoWhat} changed when {what} was dropped on it (now {Short(shown)})"], "");
        }

        return (false, [], FormattableString.Invariant($"{what} did not end up on {ontoWhat}: it lies at ({x:0},{y:0}), outside it; the page changed otherwise ({Changed(dragged, outcome) ?? "nothing"})"));
    }

    // A slider was dragged when its handle moved (or its value changed): other changes on the page do not say so.
    private static (bool, List<string>, string) SliderMoved(ProbeResult probe, string what, UiElement slider, DragAction drag)
    {
        var (x, y) = slider.Bounds.Center;

        // Dragged "all the way" (to a point, not onto an element): the handle must now sit at that end of its track. A
        // handle stopped short (by the other handle of a range, or a limit) did not do what was asked.
        if (drag.To.ElementId is null && drag.To.Point is { } to && probe is { Track: { } track, Cx: { } hx, Cy: { } hy })
        {
            var (dx, dy) = (to.X - x, to.Y - y);
            var horizontal = Math.Abs(dx) >= Math.Abs(dy);
            var slack = Math.Max(6, (horizontal ? probe.Hw : probe.Hh) ?? 6);
            var (end, at, name) = horizontal
                ? dx >= 0 ? (track.R, hx, "right") : (track.L, hx, "left")
                : dy >= 0 ? (track.B, hy, "bottom") : (track.T, hy, "top");
            return Math.Abs(at - end) <= slack
                ? (true, [FormattableString.Invariant($"{what} is at the {name} end of its track")], "")
                : (false, [], FormattableString.Invariant($"{what} stopped {Math.Round(Math.Abs(at - end))} px short of the {name} end of its track"));
        }

        if (probe.Cx is { } cx && probe.Cy is { } cy && Math.Abs(cx - x) + Math.Abs(cy - y) > 2)
        {
            return (true, [FormattableString.Invariant($"{what} moved by {Math.Round(cx - x)}, {Math.Round(cy - y)} px")], "");
        }

        if (probe.Value is { } v && !string.Equals(v, slider.Value, StringComparison.Ordinal))
        {
            return (true, [$"{what} now reads \"{Short(v)}\""], "");
        }

        return (false, [], $"{what} did not move (it may already be at that end)");
    }

    private (bool, List<string>, string) Typed(TypeTextAction type, ProbeResult probe, string what, UiElement? element)
    {
        if (type.PressEnter && probe.Refused is { } why)
        {
            return (false, [], $"typed into {what}, but the page refused the form Enter sent: {why}; {NotTaken(why)}");
        }

        var changed = Changed(probe, outcome: null);
        if (probe.Status is "stale" or "gone" || (probe.Value is null && probe.Filled is null))
        {
            // The field went away (a search that navigated, a form that re-rendered) or holds no readable value.
            if (type.PressEnter && changed is { } c)
            {
                return (true, [$"the page changed after Enter ({c})"], "");
            }

            if (probe.Status is "stale" or "gone")
            {
                return changed is { } moved ? (true, [$"{what} was replaced ({moved})"], "") : (false, [], $"{what} is no longer on the page");
            }

            // Nothing to read back: only a change on the page shows the typing went somewhere (typing into the page
            // itself, with no field focused, changes nothing and is no typed value).
            return changed is { } shown
                ? (true, [$"{what} holds no readable value, and the page changed ({shown})"], "")
                : (false, [], $"{what} holds no readable value and nothing on the page changed");
        }

        var secret = type.Text.Contains("{{secret:", StringComparison.OrdinalIgnoreCase) || probe.Secret;
        if (secret)
        {
            var wanted = type.Text.Length > 0;
            return probe.Filled == wanted || (type.PressEnter && changed is not null)
                ? (true, [wanted ? $"{what} is filled (secret, not read back)" : $"{what} is empty"], "")
                : (false, [], wanted ? $"{what} is still empty" : $"{what} is not empty");
        }

        var value = probe.Value ?? "";
        var kind = element?.InputType ?? probe.Type;
        if (type.Text.Length == 0)
        {
            return value.Length == 0 ? (true, [$"{what} is empty"], "") : (false, [], $"{what} still reads \"{Short(value)}\"");
        }

        if (InputValues.Reads(type.Text, value, kind, out var how))
        {
            return (true, [$"{what} reads \"{Short(value)}\"{(how == "exactly" ? "" : $" ({how})")}"], "");
        }

        if (probe.ValueNow is { } now && SliderValues.Same(now, type.Text))
        {
            return (true, [$"{what} holds {Short(now)} (it shows \"{Short(value)}\")"], "");
        }

        if (!type.ClearFirst && value.Contains(type.Text, StringComparison.OrdinalIgnoreCase))
        {
            return (true, [$"{what} contains \"{Short(type.Text)}\""], "");
        }

        if (type.PressEnter && changed is { } after)
        {
            // A to-do box or a chat input empties itself once Enter took the text.
            return (true, [$"the page changed after Enter ({after}); {what} now reads \"{Short(value)}\""], "");
        }

        if (value.Length > type.Text.Length && value.StartsWith(type.Text, StringComparison.OrdinalIgnoreCase))
        {
            return (true, [$"{what} reads \"{Short(value)}\" (completed by the page)"], "");
        }

        return (false, [], $"{what} reads \"{Short(value)}\" instead of \"{Short(type.Text)}\"");
    }

    private (bool, List<string>, string) Selected(SelectOptionAction select, ProbeResult probe, string what, ActionOutcome outcome)
    {
        if (probe.Options is { } chosen)
        {
            return chosen.Any(o => string.Equals(o.Trim(), select.Option.Trim(), StringComparison.OrdinalIgnoreCase))
                ? (true, [$"option \"{Short(select.Option)}\" of {what} is selected"], "")
                : (false, [], $"{what} shows \"{Short(string.Join(", ", chosen))}\" instead of \"{Short(select.Option)}\"");
        }

        // A text field with suggestions: it must read the option now.
        if (probe.Tag is "input" or "textarea" && probe.Value is { } typed)
        {
            return InputValues.Reads(select.Option, typed, probe.Type, out _)
                ? (true, [$"{what} reads \"{Short(typed)}\""], "")
                : (false, [], $"{what} reads \"{Short(typed)}\" instead of \"{Short(select.Option)}\"");
        }

        // A drop-down drawn by a script: it shows the option now, or its list marks the option chosen. One that closed and
        // still shows what it showed chose nothing, however much the page changed (the list closing).
        if (probe.Shown is { } shown && probe.Status == "ok")
        {
            var option = WhiteSpace.Collapse(select.Option);
            if (shown.Contains(option, StringComparison.OrdinalIgnoreCase))
            {
                return (true, [$"{what} now shows \"{Short(shown)}\""], "");
            }

            if (probe.Chosen?.Any(c => string.Equals(WhiteSpace.Collapse(c), option, StringComparison.OrdinalIgnoreCase)) == true)
            {
                return (true, [$"option \"{Short(select.Option)}\" is marked chosen"], "");
            }

            return probe.ShownBefore is { } before && string.Equals(before, shown, StringComparison.Ordinal)
                ? (false, [], $"{what} still shows \"{Short(shown)}\": choosing \"{Short(select.Option)}\" was not taken")
                : (false, [], $"{what} shows \"{Short(shown)}\" instead of \"{Short(select.Option)}\"");
        }

        // One seen only in pixels: its state is not in the DOM, so ask for any change.
        return Changed(probe, outcome) is { } c ? (true, [$"choosing \"{Short(select.Option)}\" changed the page ({c})"], "") : (false, [], $"choosing \"{Short(select.Option)}\" in {what} changed nothing on the page");
    }

    private (bool, List<string>, string) Clicked(ClickAction click, ProbeResult probe, string what, UiElement? element, ActionOutcome outcome)
    {
        if (probe.PressStopped && probe.PressedElsewhere is { } moved)
        {
            return (false, [], $"the click meant for {what} landed on {moved}, which was put under the pointer after {what} was located; the press was stopped before the page saw it, so nothing was clicked");
        }

        if (probe.Refused is { } why && (probe.Status != "stale" || element is { Role: "button" }))
        {
            // An error shown is a change, but the form was not accepted: the step did not do what it was for. (A new page
            // with fields marked invalid after a button: the server sent the form back.)
            return (false, [], probe.Status == "stale"
                ? $"the page refused the form {what} sent: it came back with {why}; it was not accepted"
                : why.StartsWith("the page says ", StringComparison.Ordinal)
                    ? $"the page refused what clicking {what} sent: {why}; it was not accepted"
                    : $"the page refused the form {what} sends: {why}; it was not sent");
        }

        var checkable = element is { Checked: not null } && element.Role.ToLowerInvariant() is "checkbox" or "radio" or "switch" or "menuitemcheckbox" or "menuitemradio";
        if (checkable && click.ClickCount == 1 && probe.Checked is { } now)
        {
            var radio = element!.Role.Contains("radio", StringComparison.OrdinalIgnoreCase);
            var wanted = radio || !element.Checked!.Value;
            var state = now ? (radio ? "selected" : "checked") : "unchecked";
            return now == wanted
                ? (true, [$"{what} is {state}"], "")
                : (false, [], $"{what} is still {state}");
        }

        if (probe.PressedElsewhere is { } other)
        {
            // Whatever changed was the doing of what lay over the target, not of the target.
            return (false, [], $"the click meant for {what} landed on {other}, which lay over it");
        }

        var changed = Changed(probe, outcome);
        if (changed is null && probe.Focused && element is { } e && (e.Role.ToLowerInvariant() is "textbox" or "searchbox" or "combobox" or "spinbutton" or "listbox" or "slider"))
        {
            changed = "it has the focus";
        }

        if (changed is { } c)
        {
            return (true, [$"clicking {what} changed the page ({c})"], "");
        }

        var pixels = outcome.ChangedFraction is { } f ? FormattableString.Invariant($", {f:P1} of the screen changed") : "";
        var dom = probe.SameMarkup ? "the page redrew itself the same" : "no DOM change";
        return (false, [], $"clicking {what} changed nothing on the page ({dom}, same URL, focus on {probe.Focus ?? "nothing"}{pixels}{Life(probe)})");
    }

    // Fields marked invalid or the browser's validation stop the form before it leaves; an error message the page shows
    // may come after the server answered.
    private static string NotTaken(string why) =>
        why.StartsWith("the page says ", StringComparison.Ordinal) ? "it was not accepted" : "it was not sent";

    // What changed since the executor located its target (or the observation): null when nothing did.
    private string? Changed(ProbeResult probe, ActionOutcome? outcome)
    {
        if (probe.Status == "stale")
        {
            return "a new page loaded";
        }

        if (probe.UrlChanged)
        {
            return $"the URL is now {probe.Url}";
        }

        // Press feedback on the target itself (a class or style added on mousedown and taken back) is not an effect.
        // A redraw that put back the same markup (a pager's Next on its last page re-rendering the same rows) is no effect.
        var mutations = probe.SameMarkup ? 0 : probe.Mutations - probe.Transient;
        if (mutations > 0)
        {
            return mutations == 1 ? "1 DOM change" : FormattableString.Invariant($"{mutations} DOM changes");
        }

        if (probe.BoxNow is { } box)
        {
            return $"its box is now {box}";
        }

        if (probe.FocusMoved)
        {
            return $"focus moved to {probe.Focus}";
        }

        if (probe.Scrolled)
        {
            return "the page scrolled";
        }

        if (outcome is not null && outcome.Message.Contains("new tab or window", StringComparison.Ordinal))
        {
            return "a new tab opened";
        }

        // Pixels that changed may be the page's own life when elements changed by themselves meanwhile.
        return probe.Ignored == 0 && outcome?.ChangedFraction is { } f && f >= options.PixelEvidence ? FormattableString.Invariant($"{f:P1} of the screen changed") : null;
    }

    // Said when nothing counted: the changes left out because those elements change by themselves.
    private static string Life(ProbeResult probe) => probe.Ignored switch
    {
        0 => "",
        1 => "; 1 change in a part of the page that changes by itself was not counted",
        var n => FormattableString.Invariant($"; {n} changes in parts of the page that change by themselves were not counted"),
    };

    private static string Role(UiElement e) => e.Role.ToLowerInvariant() switch
    {
        "textbox" when e.Tag == "textarea" => "text area",
        "textbox" => "text field",
        "searchbox" => "search box",
        "spinbutton" => "number field",
        "combobox" or "listbox" => "select",
        var r => r,
    };

    private static string Short(string s) => s.Length > 60 ? s[..57] + "…" : s;
}
