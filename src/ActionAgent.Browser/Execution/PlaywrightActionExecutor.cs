using System.Globalization;
using ActionAgent.Browser.Internal;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace ActionAgent.Browser.Execution;

/// <summary>
/// Carries out actions with real mouse and keyboard input on the session's page. Element targets are re-measured by
/// id (and scrolled into view) just before acting; points are mapped from the screenshot space they were given in.
/// Expected failures (element gone, timeout, navigation error, upload outside the allow-list) come back as
/// <see cref="ActionOutcome.Failed"/>; a dead page throws <see cref="BrowserSessionException"/>.
/// </summary>
public sealed partial class PlaywrightActionExecutor : IActionExecutor
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);
    // How long no request may be in flight after an action for the page to count as settled. Requests the page
    // starts in response to the input are reported within a few ms; 25 ms (was 100, then 50) keeps the loop's
    // overhead under 150 ms a step (bench/ActionAgent.Bench.Loop). Slower reactions are caught by the deciders'
    // wait-for-target polling and by polled expectations.
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(25);

    // After an action that usually navigates (Enter, a submit button, a link) and has not yet, how long to watch for
    // the navigation to start: Chromium may report a form submission's request later than the quiet period.
    private static readonly TimeSpan NavigationGrace = TimeSpan.FromMilliseconds(300);
    private readonly BrowserSession session;
    private readonly Func<string, string, string>? resolveSecrets; // (text, URL of the document that receives it)
    private readonly TimeSpan? settle;
    private readonly ILogger logger;
    private DateTimeOffset? actionStarted; // settling waits only for requests started since (see PageActivity.WaitForQuietAsync)

    internal PlaywrightActionExecutor(BrowserSession session, Func<string, string, string>? resolveSecrets, TimeSpan? settle)
    {
        this.session = session;
        this.resolveSecrets = resolveSecrets;
        this.settle = settle;
        logger = session.LoggerFactory.CreateLogger<PlaywrightActionExecutor>();
    }

    private IPage Page => session.Page;

    private BrowserSettings Settings => session.Settings;

    /// <inheritdoc />
    public async Task<ActionOutcome> ExecuteAsync(ProposedAction proposal, Observation observation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(observation);
        var action = proposal.Action;
        if (action.IsTerminal)
        {
            // done, fail and ask_human end the run; there is nothing to do in the page.
            return ActionOutcome.Success(action.Describe());
        }

        session.ThrowIfDead();
        logger.LogDebug("Executing {Kind}", action.Kind);
        if (session.Dialogs.Pending is not null && action is not WaitAction { UntilText: null })
        {
            return await AnswerDialogAsync(action, cancellationToken).ConfigureAwait(false);
        }

        var onDialog = action.OnDialog;
        session.Dialogs.BeginAction(onDialog, onDialog?.Text is { } typed && resolveSecrets is not null ? resolveSecrets(typed, Page.Url) : null);
        ActionOutcome outcome;
        IReadOnlyList<AnsweredDialog> dialogs;
        try
        {
            actionStarted = session.Time.GetUtcNow();
            var navigationsBefore = session.Activity.Navigations;
            var urlBefore = SafeUrl();
            outcome = await RunAsync(action, observation, cancellationToken).ConfigureAwait(false);
            if (action is not WaitAction)
            {
                await SettleAsync(cancellationToken).ConfigureAwait(false);
                await AwaitNavigationAsync(navigationsBefore, outcome.Succeeded && MayNavigate(action, observation) && SafeUrl() == urlBefore, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException && !session.IsDead)
        {
            outcome = ActionOutcome.Failed($"{action.Kind} failed: {Clean(e)}");
        }
        finally
        {
            dialogs = session.Dialogs.EndAction();
        }

        foreach (var note in session.TakePopupNotes())
        {
            outcome = outcome with { Message = outcome.Message + "; " + note };
        }

        if (dialogs.Count > 0)
        {
            outcome = outcome with { Message = outcome.Message + string.Concat(dialogs.Select(d => $"; {d}")), Dialogs = dialogs };
        }

        logger.LogInformation("{Kind} → {Status}", action.Kind, outcome.Status);
        return outcome with { UrlAfter = SafeUrl() };
    }

    private Task<ActionOutcome> RunAsync(BrowserAction action, Observation observation, CancellationToken ct) => action switch
    {
        ClickAction click => ClickAsync(click, observation, ct),
        HoverAction hover => HoverAsync(hover, observation, ct),
        TypeTextAction type => TypeAsync(type, observation, ct),
        PressKeyAction press => PressAsync(press, ct),
        ScrollAction scroll => ScrollAsync(scroll, observation, ct),
        DragAction drag => DragAsync(drag, observation, ct),
        SelectOptionAction select => SelectAsync(select, observation, ct),
        SelectTextAction selectText => SelectTextAsync(selectText, observation, ct),
        UploadFileAction upload => UploadAsync(upload, observation, ct),
        NavigateAction navigate => NavigateAsync(navigate, ct),
        GoBackAction => GoBackAsync(ct),
        WaitAction wait => WaitAsync(wait, ct),
        _ => Task.FromResult(ActionOutcome.Failed($"the action \"{action.Kind}\" is not supported by the browser executor")),
    };

    // ------------------------------------------------------------------ actions

    private async Task<ActionOutcome> ClickAsync(ClickAction click, Observation observation, CancellationToken ct)
    {
        var (target, error) = await ResolveAsync(click.Target, observation, ct, guardPress: true).ConfigureAwait(false);
        if (target is null)
        {
            return ActionOutcome.Failed(error!);
        }

        var button = click.Button switch
        {
            MouseButtonKind.Right => MouseButton.Right,
            MouseButtonKind.Middle => MouseButton.Middle,
            _ => MouseButton.Left,
        };
        var held = click.Modifiers is { Length: > 0 } m ? m.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        await Guard(async () =>
        {
            foreach (var key in held)
            {
                await Page.Keyboard.DownAsync(key).ConfigureAwait(false);
            }

            try
            {
                if (click.ClickCount >= 2)
                {
                    await Page.Mouse.DblClickAsync((float)target.X, (float)target.Y, new MouseDblClickOptions { Button = button }).ConfigureAwait(false);
                }
                else
                {
                    await Page.Mouse.ClickAsync((float)target.X, (float)target.Y, new MouseClickOptions { Button = button }).ConfigureAwait(false);
                }
            }
            finally
            {
                // A key left down would turn every later click into a Ctrl-click.
                foreach (var key in held.Reverse())
                {
                    await Page.Keyboard.UpAsync(key).ConfigureAwait(false);
                }
            }
        }, ct).ConfigureAwait(false);
        var verb = click.ClickCount >= 2 ? "double-clicked" : click.Button == MouseButtonKind.Right ? "right-clicked" : "clicked";
        return ActionOutcome.Success($"{(held.Length > 0 ? $"holding {string.Join('+', held)}, " : "")}{verb} {target}{target.Notes}");
    }

    private async Task<ActionOutcome> HoverAsync(HoverAction hover, Observation observation, CancellationToken ct)
    {
        var (target, error) = await ResolveAsync(hover.Target, observation, ct, allowCovered: true).ConfigureAwait(false);
        if (target is null)
        {
            return ActionOutcome.Failed(error!);
        }

        // A hand on a mouse arrives with a last small move. Pages that tell a mouse from a touch screen (menus that open
        // on hover only once a mouse is seen) look for two close moves in a row; one long jump reads as a tap.
        await Guard(() => Page.Mouse.MoveAsync((float)target.X - 2, (float)target.Y - 1, new MouseMoveOptions { Steps = 4 }), ct).ConfigureAwait(false);
        await Guard(() => Page.Mouse.MoveAsync((float)target.X, (float)target.Y, new MouseMoveOptions { Steps = 2 }), ct).ConfigureAwait(false);
        await RestAsync(ct).ConfigureAwait(false);
        return ActionOutcome.Success($"moved the mouse over {target}{target.Notes}");
    }

    // What a hover shows after a delay (a tooltip after 750 ms, a menu after 300 ms) is timed by the page: the hand rests
    // while a timeout the hover scheduled is due within HoverRest, so the next look sees what the hover brought.
    private static readonly TimeSpan HoverRest = TimeSpan.FromMilliseconds(1200);

    private async Task RestAsync(CancellationToken ct)
    {
        var until = DateTime.UtcNow + HoverRest + TimeSpan.FromMilliseconds(300);
        while (DateTime.UtcNow < until)
        {
            var due = await Script<DueResult>(new { op = "due", key = session.ScriptKey, ms = (int)HoverRest.TotalMilliseconds }, ct).ConfigureAwait(false);
            if (due.Ms < 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(due.Ms + 50, 50, 400)), ct).ConfigureAwait(false);
        }
    }

    private static readonly HashSet<string> ValueOnlyInputTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "date", "time", "datetime-local", "month", "week", "color", "range",
    };

    // Finds the focused element through open shadow roots and same-origin iframes, sets its value, fires input+change.
    private const string SetValueScript = """
        (value) => {
          let el = document.activeElement;
          while (el) {
            if (el.shadowRoot && el.shadowRoot.activeElement) { el = el.shadowRoot.activeElement; continue; }
            if (el.tagName === 'IFRAME') { try { const d = el.contentDocument; if (d && d.activeElement) { el = d.activeElement; continue; } } catch (e) {} }
            break;
          }
          if (!el || !('value' in el)) return false;
          el.value = value;
          el.dispatchEvent(new Event('input', { bubbles: true }));
          el.dispatchEvent(new Event('change', { bubbles: true }));
          return el.value === value || (el.type === 'color' && el.value.toLowerCase() === String(value).toLowerCase());
        }
        """;

    private static string ExampleFor(string kind) => kind switch
    {
        "date" => "2026-11-20",
        "time" => "14:30",
        "datetime-local" => "2026-11-20T14:30",
        "month" => "2026-11",
        "week" => "2026-W47",
        "color" => "#1e3a8a",
        _ => "a number within the range",
    };

    private async Task<ActionOutcome> TypeAsync(TypeTextAction type, Observation observation, CancellationToken ct)
    {
        string text;
        try
        {
            text = resolveSecrets is null ? type.Text : resolveSecrets(type.Text, Page.Url);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            return ActionOutcome.Failed($"could not fill in the secret reference: {e.Message}");
        }

        var hasSecret = !string.Equals(text, type.Text, StringComparison.Ordinal) || type.Text.Contains("{{secret:", StringComparison.OrdinalIgnoreCase);
        var into = "";
        UiElement? typedInto = null;
        if (type.Target is not null)
        {
            var (target, error) = await ResolveAsync(type.Target, observation, ct).ConfigureAwait(false);
            typedInto = target?.Element;
            if (target is null)
            {
                return ActionOutcome.Failed(error!);
            }

            if (target.Element is { InputType: "file" })
            {
                return ActionOutcome.Failed($"{target} is a file input: use upload with a file path instead of typing");
            }

            if (target.Element is { Tag: "select" })
            {
                return ActionOutcome.Failed($"{target} is a drop-down: use select with the option's label instead of typing");
            }

            if (target.Element is { Role: "slider" } slider && slider.Tag != "input" && !hasSecret)
            {
                return await SlideByKeysAsync(target, text.Trim(), ct).ConfigureAwait(false);
            }

            await Guard(() => Page.Mouse.ClickAsync((float)target.X, (float)target.Y), ct).ConfigureAwait(false);
            var focus = await Guard(() => Page.EvaluateAsync<string>(FocusScript), ct).ConfigureAwait(false);
            if (!focus.StartsWith("editable", StringComparison.Ordinal))
            {
                return ActionOutcome.Failed($"clicking {target} did not put the cursor in a text field (focus is on {focus}); nothing was typed{target.Notes}");
            }

            into = $" into {target}{target.Notes}";
            var focusedKind = focus.StartsWith("editable:", StringComparison.Ordinal) ? focus["editable:".Length..] : null;
            if ((target.Element?.InputType ?? focusedKind) is { } kind && ValueOnlyInputTypes.Contains(kind))
            {
                // Date, time, colour and range inputs take locale-dependent keystrokes; set the value the way a picker
                // does and fire the same events, so "2026-11-20" means the same on every machine. A value written the
                // way people write it (05/20/2010, 2:30 PM) is converted to the control's form first.
                if (!hasSecret && InputValues.TryConvert(kind, text, out var converted))
                {
                    text = converted;
                }

                var accepted = await Guard(() => Page.EvaluateAsync<bool>(SetValueScript, text), ct).ConfigureAwait(false);
                return accepted
                    ? ActionOutcome.Success($"set {kind} \"{Shorten(text, 40)}\"{into}")
                    : ActionOutcome.Failed($"{target} is a {kind} input and did not accept \"{Shorten(text, 40)}\" (expected a value like {ExampleFor(kind)})");
            }
        }

        if (hasSecret)
        {
            // The keys go to the document that has the focus, which may be a frame from another site inside the page (an
            // embedded form, an ad): the secret's domains are checked against that document, right before typing.
            var (receiving, problem) = await ReceivingDocumentAsync(ct).ConfigureAwait(false);
            if (receiving is null)
            {
                return ActionOutcome.Failed($"a secret was not typed{into}: {problem}");
            }

            if (!string.Equals(receiving, Page.Url, StringComparison.Ordinal))
            {
                try
                {
                    text = resolveSecrets!(type.Text, receiving);
                }
                catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or ArgumentException)
                {
                    return ActionOutcome.Failed($"a secret was not typed{into}: the field with the focus is in a frame from {LoggedHost(receiving)}, not in the page itself: {e.Message}");
                }
            }

            // Whatever field receives a secret is masked from now on, like a password field: screenshots black it
            // out and observations drop its value, even when the page made it a plain text input.
            await Guard(() => Page.EvaluateAsync(MarkSecretScript), ct).ConfigureAwait(false);
        }

        await Guard(async () =>
        {
            // An empty field is not cleared: in a tag input (selectize, chips) select-all and Delete remove the tags.
            if (type.ClearFirst && await Page.EvaluateAsync<string?>(FocusedValueScript).ConfigureAwait(false) is not "")
            {
                await Page.Keyboard.PressAsync("ControlOrMeta+A").ConfigureAwait(false);
                await Page.Keyboard.PressAsync("Delete").ConfigureAwait(false);
            }

            if (text.Length > 0)
            {
                // Real key events for ordinary text; very long text is inserted at once (one input event).
                if (text.Length <= 500)
                {
                    await Page.Keyboard.TypeAsync(text).ConfigureAwait(false);
                }
                else
                {
                    await Page.Keyboard.InsertTextAsync(text).ConfigureAwait(false);
                }
            }

            // A date in words into a field that took something else (a date picker's field keeps only digits and
            // slashes): typed again the way the field writes dates.
            if (!hasSecret && WrittenDates.IsInWords(text, out var date)
                && await Page.EvaluateAsync<string?>(FocusedValueScript).ConfigureAwait(false) is { } held
                && !InputValues.Reads(text, held, null, out _))
            {
                await Page.Keyboard.PressAsync("ControlOrMeta+A").ConfigureAwait(false);
                await Page.Keyboard.PressAsync("Delete").ConfigureAwait(false);
                await Page.Keyboard.TypeAsync(WrittenDates.Format(date, typedInto?.Placeholder)).ConfigureAwait(false);
            }

            if (type.PressEnter)
            {
                await Page.Keyboard.PressAsync("Enter").ConfigureAwait(false);
            }
            else if (text.Length > 0)
            {
                // Typed in, as a person would leave it: the page takes the value (batch 23: dat.gui kept the old message,
                // and Revert had nothing to undo).
                await Page.EvaluateAsync<bool>(CommitScript).ConfigureAwait(false);
            }
        }, ct).ConfigureAwait(false);

        var what = hasSecret ? $"typed {text.Length} characters (containing a secret)" : $"typed \"{Shorten(type.Text, 80)}\"";
        return ActionOutcome.Success($"{what}{into}{(type.PressEnter ? " and pressed Enter" : "")}");
    }

    private async Task<ActionOutcome> PressAsync(PressKeyAction press, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(press.Keys))
        {
            return ActionOutcome.Failed("press needs a key, for example \"Enter\", \"Tab\" or \"Control+A\"");
        }

        try
        {
            await Guard(() => Page.Keyboard.PressAsync(press.Keys.Trim()), ct).ConfigureAwait(false);
        }
        catch (PlaywrightException e) when (e.Message.Contains("Unknown key", StringComparison.OrdinalIgnoreCase))
        {
            return ActionOutcome.Failed($"\"{press.Keys}\" is not a key Playwright knows: use names like Enter, Tab, Escape, ArrowDown, PageDown, Control+A, Shift+Tab");
        }

        return ActionOutcome.Success($"pressed {press.Keys.Trim()}");
    }

    private async Task<ActionOutcome> ScrollAsync(ScrollAction scroll, Observation observation, CancellationToken ct)
    {
        double x, y;
        var over = "the page";
        if (scroll.Target is not null)
        {
            var (target, error) = await ResolveAsync(scroll.Target, observation, ct, allowCovered: true).ConfigureAwait(false);
            if (target is null)
            {
                return ActionOutcome.Failed(error!);
            }

            (x, y, over) = (target.X, target.Y, target.ToString());
        }
        else
        {
            (x, y) = (observation.Geometry.CssWidth / 2.0, observation.Geometry.CssHeight / 2.0);
        }

        var before = await Script<ScrollResult>(new { op = "scroll", key = session.ScriptKey }, ct).ConfigureAwait(false);
        await Guard(async () =>
        {
            await Page.Mouse.MoveAsync((float)x, (float)y).ConfigureAwait(false);
            await Page.Mouse.WheelAsync((float)scroll.DeltaX, (float)scroll.DeltaY).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);

        // Wheel scrolling lands asynchronously: wait until the position stops changing (bounded).
        var after = before;
        for (var i = 0; i < 25; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), session.Time, ct).ConfigureAwait(false);
            var now = await Script<ScrollResult>(new { op = "scroll", key = session.ScriptKey }, ct).ConfigureAwait(false);
            if (i >= 2 && now.X == after.X && now.Y == after.Y)
            {
                break;
            }

            after = now;
        }

        var delta = Invariant($"{scroll.DeltaX:0},{scroll.DeltaY:0}");
        if (scroll.Target is not null)
        {
            return ActionOutcome.Success($"scrolled by {delta} over {over}");
        }

        return after.X == before.X && after.Y == before.Y
            ? ActionOutcome.Success(Invariant($"scrolled by {delta}, but the page did not move (it is at y={after.Y:0} of {Math.Max(0, after.MaxY):0}; already at the end, or the content under the pointer does not scroll)"))
            : ActionOutcome.Success(Invariant($"scrolled the page by {delta}; it is now at y={after.Y:0} of {Math.Max(0, after.MaxY):0}"));
    }

    private async Task<ActionOutcome> DragAsync(DragAction drag, Observation observation, CancellationToken ct)
    {
        var (from, fromError) = await ResolveAsync(drag.From, observation, ct).ConfigureAwait(false);
        if (from is null)
        {
            return ActionOutcome.Failed(fromError!);
        }

        // The source may have been scrolled into view; the drop target must be visible as it is now.
        var (to, toError) = await ResolveAsync(drag.To, observation, ct, scroll: false, allowCovered: true).ConfigureAwait(false);
        if (to is null)
        {
            return ActionOutcome.Failed(toError!);
        }

        await Guard(async () =>
        {
            await Page.Mouse.MoveAsync((float)from.X, (float)from.Y).ConfigureAwait(false);
            await Page.Mouse.DownAsync().ConfigureAwait(false);
            // A small first move starts the drag gesture before travelling to the target.
            await Page.Mouse.MoveAsync((float)from.X + 3, (float)from.Y + 3, new MouseMoveOptions { Steps = 2 }).ConfigureAwait(false);
            await Page.Mouse.MoveAsync((float)to.X, (float)to.Y, new MouseMoveOptions { Steps = 12 }).ConfigureAwait(false);
            await Page.Mouse.UpAsync().ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
        return ActionOutcome.Success($"dragged {from} to {to}{from.Notes}");
    }

    private async Task<ActionOutcome> UploadAsync(UploadFileAction upload, Observation observation, CancellationToken ct)
    {
        var baseDir = Settings.ResolveBaseDirectory();
        var folders = Settings.ResolveUploadFolders();
        string full;
        try
        {
            full = Path.GetFullPath(upload.FilePath, baseDir);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return ActionOutcome.Failed($"\"{upload.FilePath}\" is not a valid file path: {e.Message}");
        }

        var real = RealPath(full);
        if (!folders.Any(f => IsInside(full, f) && IsInside(real, RealPath(f))))
        {
            var allowed = folders.Count == 0 ? "(none configured)" : string.Join(", ", folders);
            return ActionOutcome.Failed($"uploading \"{upload.FilePath}\" is not allowed: files may only be uploaded from {allowed} (uploadFolders in playwright.config.json)");
        }

        if (!File.Exists(full))
        {
            return ActionOutcome.Failed($"the file \"{upload.FilePath}\" does not exist (looked for {full})");
        }

        var element = ElementAt(upload.Target, observation);
        if (element is null)
        {
            return ActionOutcome.Failed($"upload needs a file input element: {upload.Target} is not an element of the observation");
        }

        var tag = await TagAsync(element.Id, observation, ct).ConfigureAwait(false);
        if (tag.Status != "ok")
        {
            return ActionOutcome.Failed(Missing(element, tag.Status));
        }

        var name = Path.GetFileName(full);
        if ((tag.Tag == "input" && tag.Type == "file") || (tag.Tag == "label" && tag.ControlType == "file"))
        {
            // Playwright sends a label's files to its input.
            await Guard(() => Locate(tag).SetInputFilesAsync(full, new LocatorSetInputFilesOptions { Timeout = Settings.Timeouts.ActionMs }), ct).ConfigureAwait(false);
            return ActionOutcome.Success($"attached {name} to {Describe(element)}");
        }

        // A custom upload button: click it and answer the file chooser it opens.
        var (target, error) = await ResolveAsync(ActionTarget.Element(element.Id), observation, ct).ConfigureAwait(false);
        if (target is null)
        {
            return ActionOutcome.Failed(error!);
        }

        try
        {
            var chooser = await Guard(() => Page.RunAndWaitForFileChooserAsync(
                () => Page.Mouse.ClickAsync((float)target.X, (float)target.Y),
                new PageRunAndWaitForFileChooserOptions { Timeout = 3000 }), ct).ConfigureAwait(false);
            await Guard(() => chooser.SetFilesAsync(full), ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return ActionOutcome.Failed($"{Describe(element)} is not a file input, and clicking it opened no file chooser");
        }

        return ActionOutcome.Success($"attached {name} through the file chooser of {Describe(element)}");
    }

    private async Task<ActionOutcome> NavigateAsync(NavigateAction navigate, CancellationToken ct)
    {
        if (!TryResolveUrl(navigate.Url, SafeUrl(), out var url, out var problem))
        {
            return ActionOutcome.Failed(problem!);
        }

        IResponse? response;
        try
        {
            response = await Guard(() => Page.GotoAsync(url, new PageGotoOptions
            {
                WaitUntil = WaitUntilState.DOMContentLoaded,
                Timeout = Settings.Timeouts.NavigationMs,
            }), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException && !session.IsDead)
        {
            if (e.Message.Contains("net::ERR", StringComparison.Ordinal))
            {
                // Chromium commits its error page just after the failure; wait for it so the next step sees it
                // (and a later navigation is not interrupted by it).
                try
                {
                    await Guard(() => Page.WaitForURLAsync(u => u.StartsWith("chrome-error:", StringComparison.Ordinal), new PageWaitForURLOptions
                    {
                        Timeout = 2000,
                        WaitUntil = WaitUntilState.Commit,
                    }), ct).ConfigureAwait(false);
                }
                catch (Exception wait) when (wait is PlaywrightException or TimeoutException && !session.IsDead)
                {
                    // Some failures (aborted downloads, blocked schemes) leave the old page: nothing to wait for.
                }
            }

            return ActionOutcome.Failed($"could not open {url}: {Clean(e)}");
        }

        return response is { Status: >= 400 }
            ? ActionOutcome.Success(Invariant($"opened {url}, but the server answered HTTP {response.Status} {response.StatusText}"))
            : ActionOutcome.Success($"opened {url}");
    }

    private async Task<ActionOutcome> AnswerDialogAsync(BrowserAction action, CancellationToken ct)
    {
        var dialog = session.Dialogs.Pending!;
        AnsweredDialog? answered;
        switch (action)
        {
            case PressKeyAction { Keys: var keys } when keys.Trim().Equals("Enter", StringComparison.OrdinalIgnoreCase):
                answered = await session.Dialogs.AnswerPendingAsync(accept: true, promptText: null).ConfigureAwait(false);
                break;
            case PressKeyAction { Keys: var keys } when keys.Trim().Equals("Escape", StringComparison.OrdinalIgnoreCase):
                answered = await session.Dialogs.AnswerPendingAsync(accept: false, promptText: null).ConfigureAwait(false);
                break;
            case TypeTextAction type when dialog.Type == DialogType.Prompt:
                var text = resolveSecrets is null ? type.Text : resolveSecrets(type.Text, Page.Url);
                answered = await session.Dialogs.AnswerPendingAsync(accept: true, promptText: text, shownText: type.Text).ConfigureAwait(false);
                break;
            default:
                return ActionOutcome.Failed(
                    $"a {DialogTracker.Describe(dialog)} dialog is open and blocks the page: press Enter to accept it or Escape to dismiss it first") with { UrlAfter = SafeUrl() };
        }

        await SettleAsync(ct).ConfigureAwait(false);
        if (answered is null)
        {
            return ActionOutcome.Failed("the dialog was gone before it could be answered") with { UrlAfter = SafeUrl() };
        }

        // The answer is its own effect: the dialog is gone, answered as asked.
        return (ActionOutcome.Success(answered.ToString()) with { UrlAfter = SafeUrl(), Dialogs = [answered] }).WithChecks([answered.ToString()]);
    }

    // ------------------------------------------------------------------ targets

    private sealed record Resolved(double X, double Y, UiElement? Element, string Notes)
    {
        public override string ToString() =>
            Element is { } e ? $"{Describe(e)}" : Invariant($"the point ({X:0},{Y:0})");
    }

    // allowCovered: only for pointing without pressing (hover, scroll, a drop target); a press on a covered element lands on
    // whatever covers it, which is not the element the policy judged and the reviewer approved.
    // guardPress: the next press is meant for this element itself (a click), so the page's init script stops it if it lands
    // on anything else; not for actions that press elsewhere after locating (a custom drop-down's option, a drag's drop).
    private async Task<(Resolved? Target, string? Error)> ResolveAsync(ActionTarget target, Observation observation, CancellationToken ct, bool scroll = true, bool allowCovered = false, bool guardPress = false)
    {
        if (target.ElementId is { } id)
        {
            var element = observation.Find(id);
            if (element is null)
            {
                return (null, $"element #{id} is not in the observation; choose an id from the element list");
            }

            if (element.Source != ElementSource.Dom && !element.Source.HasFlag(ElementSource.Dom))
            {
                // OCR or pixel proposals have no DOM node: act at their box.
                var (cx, cy) = element.Bounds.Center;
                return (new Resolved(cx, cy, element, ""), null);
            }

            var located = await Script<LocateResult>(new { op = "locate", key = session.ScriptKey, id, token = session.DocumentOf(observation), scroll, role = element.Role, press = guardPress }, ct)
                .ConfigureAwait(false);
            if (located.Status != "ok")
            {
                return (null, Missing(element, located.Status));
            }

            if (element.Tag is { } tagName && located.Tag is { } now && !string.Equals(tagName, now, StringComparison.OrdinalIgnoreCase))
            {
                return (null, Missing(element, "stale"));
            }

            if (Drift(element, located) is { } drift)
            {
                return (null, drift);
            }

            if (located.Covered is { } cover && !allowCovered)
            {
                return (null, $"{Describe(element)} is covered by {cover}: a press there would land on {cover}, which is not what was judged; nothing was done. Close or move what covers it, then look again.");
            }

            var notes = (located.Scrolled ? " (scrolled it into view first)" : "")
                + (located.Covered is { } covered ? $" (it seemed covered by {covered}; the click may have landed there)" : "");
            if (target.Across is { } across && located.W > 0 && located.H > 0)
            {
                // A point along the element (a star bar rated by where it is clicked), at its middle height.
                var f = Math.Clamp(across, 0.01, 0.99);
                return (new Resolved(located.X + (located.W * f), located.Y + (located.H / 2), element, notes + Invariant($" (at {f:0%} of its width)")), null);
            }

            return (new Resolved(located.Px, located.Py, element, notes), null);
        }

        if (target.Point is { } point)
        {
            if (session.DocumentOf(observation) is { } token)
            {
                var state = await Script<ScrollResult>(new { op = "scroll", key = session.ScriptKey }, ct).ConfigureAwait(false);
                if (state.Token != token)
                {
                    return (null, $"the page changed since it was observed (it is now {SafeUrl()}); the point {point} may mean something else now. Look again.");
                }
            }

            var css = observation.Geometry.ToCss(point);
            return (new Resolved(css.X, css.Y, null, point.Space == CoordinateSpace.Css ? "" : $" (given as {point})"), null);
        }

        return (null, $"the action has no target: give an element id or a point{(target.Description.Length > 0 ? $" for \"{target.Description}\"" : "")}");
    }

    // The element must still say what it said and lead where it led when it was observed: the action was judged (and
    // perhaps approved) on those words and that link. Names are compared only for elements perception read from the DOM
    // alone; a fused element's name is the text OCR read, which the DOM cannot reproduce.
    private static string? Drift(UiElement element, LocateResult located)
    {
        if (element.Tag == "a" && !string.Equals(element.Href ?? "", located.Href ?? "", StringComparison.Ordinal))
        {
            return $"{Describe(element)} was changed since it was observed: it now leads to {located.Href ?? "nowhere"}, not {element.Href ?? "nowhere"}; nothing was done. Look again.";
        }

        if (element.Source == ElementSource.Dom && located.Name is { } now && !string.Equals(now, element.Name, StringComparison.Ordinal))
        {
            return $"{Describe(element)} was changed since it was observed: it now reads \"{now}\"; nothing was done. Look again.";
        }

        return null;
    }

    private static UiElement? ElementAt(ActionTarget target, Observation observation)
    {
        if (target.ElementId is { } id)
        {
            return observation.Find(id);
        }

        if (target.Point is { } point)
        {
            var css = observation.Geometry.ToCss(point);
            return observation.Elements.Where(e => e.Bounds.Contains(css.X, css.Y) && e.Source.HasFlag(ElementSource.Dom)).MinBy(e => e.Bounds.Area);
        }

        return null;
    }

    private async Task<TagResult> TagAsync(int id, Observation observation, CancellationToken ct) =>
        await Script<TagResult>(new { op = "tag", key = session.ScriptKey, id, token = session.DocumentOf(observation) }, ct).ConfigureAwait(false);

    private ILocator Locate(TagResult tag)
    {
        ILocator? frame = null;
        IFrameLocator? frames = null;
        foreach (var mark in tag.Frames)
        {
            frame = frames is null ? Page.Locator($"[data-aa-id=\"{mark}\"]") : frames.Locator($"[data-aa-id=\"{mark}\"]");
            frames = frame.ContentFrame;
        }

        var selector = $"[data-aa-id=\"{tag.Mark}\"]";
        return frames is null ? Page.Locator(selector) : frames.Locator(selector);
    }

    private string Missing(UiElement element, string status) => status switch
    {
        "stale" => $"the page changed since it was observed (it is now {SafeUrl()}); {Describe(element)} is not there any more. Look again.",
        "gone" => $"{Describe(element)} is no longer on the page (it was removed or replaced); look again",
        "offscreen" => $"{Describe(element)} is outside the visible area and could not be scrolled into view",
        _ => $"{Describe(element)} could not be found ({status})",
    };

    private static string Describe(UiElement e)
    {
        var label = e.Label;
        return label.Length > 0 ? $"#{e.Id} {e.Role} \"{Shorten(label, 60)}\"" : $"#{e.Id} {e.Role}";
    }

    // ------------------------------------------------------------------ plumbing

    private async Task SettleAsync(CancellationToken ct, TimeSpan? max = null)
    {
        var budget = max ?? settle ?? TimeSpan.FromMilliseconds(Settings.Timeouts.SettleMs);
        if (budget <= TimeSpan.Zero)
        {
            return;
        }

        var started = session.Time.GetTimestamp();
        session.Activity.Touch();
        // With a settle override (flows and replays, which wait for their next target themselves), a page the action
        // opened counts as settled once it is loaded, whatever it fetches afterwards.
        await session.Activity.WaitForQuietAsync(QuietPeriod, budget, ct, actionStarted, untilNewDocument: settle is not null).ConfigureAwait(false);
        var left = budget - session.Time.GetElapsedTime(started);
        try
        {
            await Guard(() => Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new PageWaitForLoadStateOptions
            {
                Timeout = (float)Math.Max(100, left.TotalMilliseconds),
            }), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException && !session.IsDead)
        {
            // A page that has not finished loading within the budget is observed as it is; the decider sees it.
        }
    }

    /// <summary>Enter pressed, or a click on a link or a submit button: actions that usually load another page.</summary>
    private static bool MayNavigate(BrowserAction action, Observation observation) => action switch
    {
        TypeTextAction { PressEnter: true } => true,
        PressKeyAction press => press.Keys.Contains("Enter", StringComparison.OrdinalIgnoreCase),
        ClickAction { Button: MouseButtonKind.Left, Target.ElementId: { } id } =>
            observation.Elements.FirstOrDefault(e => e.Id == id) is { } e && (e.SubmitsForm || e.Role == "link" || e.Tag == "a"),
        _ => false,
    };

    /// <summary>
    /// Makes sure the next observation sees the new document when the action navigates: see
    /// <see cref="PageActivity.WaitForNavigationAsync"/>; when it waited for one, the page is settled again.
    /// </summary>
    private async Task AwaitNavigationAsync((int Requested, int Committed) before, bool expectNavigation, CancellationToken ct)
    {
        var grace = expectNavigation ? NavigationGrace : TimeSpan.Zero;
        if (await session.Activity.WaitForNavigationAsync(before, grace, TimeSpan.FromMilliseconds(Math.Max(0, Settings.Timeouts.SettleMs)), ct).ConfigureAwait(false))
        {
            logger.LogDebug("Waited for a navigation that started or committed after the quiet period; settling again");
            await SettleAsync(ct).ConfigureAwait(false);
        }
    }

    private async Task<T> Script<T>(object args, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await session.GuardAsync(() => PageScript.RunAsync<T>(Page, args), ct).ConfigureAwait(false);
            }
            catch (PlaywrightException e) when (attempt < 3 && Perception.PlaywrightPerceiver.IsNavigationRace(e))
            {
                await SettleAsync(ct).ConfigureAwait(false);
            }
        }
    }

    private Task Guard(Func<Task> operation, CancellationToken ct) =>
        session.GuardAsync(async () =>
        {
            await operation().ConfigureAwait(false);
            return true;
        }, ct);

    private Task<T> Guard<T>(Func<Task<T>> operation, CancellationToken ct) => session.GuardAsync(operation, ct);

    // Where keyboard focus is, through same-origin iframes and open shadow roots.
    private const string MarkSecretScript = """
        () => {
          let el = document.activeElement;
          for (let i = 0; el && i < 16; i++) {
            if (el.shadowRoot && el.shadowRoot.activeElement) { el = el.shadowRoot.activeElement; continue; }
            if (el.localName === 'iframe' || el.localName === 'frame') {
              let doc = null;
              try { doc = el.contentDocument; } catch (e) { doc = null; }
              if (!doc) return;
              el = doc.activeElement;
              continue;
            }
            break;
          }
          if (el && el !== document.body) el.setAttribute('data-secret', '');
        }
        """;

    // What leaving a text field does, without leaving it: the field's change event, which many pages wait for before they
    // take a typed value (dat.gui's text and number fields, a settings form that saves on change). Not for a field that
    // offers suggestions while it keeps the focus (its list stays open for the pick that follows).
    private const string CommitScript = """
        () => {
          let el = document.activeElement;
          while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
          if (!el || !(el.localName === 'input' || el.localName === 'textarea')) return false;
          if (el.getAttribute('role') === 'combobox' || el.hasAttribute('aria-autocomplete') || el.hasAttribute('list')
            || el.hasAttribute('aria-haspopup') || el.hasAttribute('aria-owns') || el.hasAttribute('aria-controls')) return false;
          el.dispatchEvent(new Event('change', { bubbles: true }));
          return true;
        }
        """;

    // The focused field's value (through shadow roots), or null when the focus is not on a field.
    private const string FocusedValueScript = """
        () => {
          let el = document.activeElement;
          while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
          return el && 'value' in el && typeof el.value === 'string' ? el.value : null;
        }
        """;

    // The URL of the document whose element has the keyboard focus (the page, or a frame in it), or why it is unknown.
    private async Task<(string? Url, string Problem)> ReceivingDocumentAsync(CancellationToken ct)
    {
        string? found = null;
        var mainHolds = false;
        foreach (var frame in Page.Frames)
        {
            string here;
            try
            {
                here = await frame.EvaluateAsync<string>(FocusHereScript).WaitAsync(ct).ConfigureAwait(false);
            }
            catch (PlaywrightException)
            {
                // A frame that cannot answer (detached, loading) holds no focus we could vouch for.
                continue;
            }

            if (here == "focus")
            {
                found = frame.Url;
            }

            mainHolds |= frame == Page.MainFrame && here is "focus" or "active";
        }

        // A window the system has not focused (a headed browser in the background) says no document has the focus; its
        // own active field, when it is not a frame, is where the keys go.
        if ((found ?? (mainHolds ? Page.Url : null)) is { } url)
        {
            return (url, "");
        }

        return (null, "could not tell which page or frame holds the field with the focus, so the secret's domains could not be checked");
    }

    private static string LoggedHost(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : "an unknown place";

    // "focus" in the one document whose own element (not a frame inside it) has the keyboard focus; "active" when its
    // active element is its own but the window has no focus; "" otherwise.
    private const string FocusHereScript = """
        () => {
          let el = document.activeElement;
          while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
          const own = !!el && el !== document.body && el !== document.documentElement && el.localName !== 'iframe' && el.localName !== 'frame';
          return !own ? '' : document.hasFocus() ? 'focus' : 'active';
        }
        """;

    private const string FocusScript = """
        () => {
          let el = document.activeElement;
          for (let i = 0; el && i < 16; i++) {
            if (el.shadowRoot && el.shadowRoot.activeElement) { el = el.shadowRoot.activeElement; continue; }
            if (el.localName === 'iframe' || el.localName === 'frame') {
              let doc = null;
              try { doc = el.contentDocument; } catch (e) { doc = null; }
              if (!doc) return 'editable (a cross-origin frame)';
              el = doc.activeElement;
              continue;
            }
            break;
          }
          if (!el || el.localName === 'body' || el.localName === 'html') return 'nothing';
          const t = el.localName === 'input' ? (el.getAttribute('type') || 'text').toLowerCase() : '';
          const textInput = el.localName === 'textarea'
            || (el.localName === 'input' && !['checkbox', 'radio', 'submit', 'button', 'reset', 'image', 'file', 'range', 'color', 'hidden'].includes(t));
          // Value-only inputs say their type, so a target seen only in pixels still gets its value set, not keystrokes.
          if (['date', 'time', 'datetime-local', 'month', 'week', 'range', 'color'].includes(t)) return 'editable:' + t;
          if (textInput || el.isContentEditable) return 'editable';
          return el.localName + (el.getAttribute('aria-label') ? ' "' + el.getAttribute('aria-label') + '"' : '');
        }
        """;

    internal static bool TryResolveUrl(string raw, string current, out string url, out string? problem)
    {
        url = "";
        problem = null;
        var text = raw?.Trim() ?? "";
        if (text.Length == 0)
        {
            problem = "navigate needs a URL";
            return false;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "file" or "about" or "data")
        {
            url = absolute.AbsoluteUri;
            return true;
        }

        if (absolute is not null && absolute.Scheme is "javascript" or "chrome" or "devtools")
        {
            problem = $"navigating to {absolute.Scheme}: URLs is not allowed";
            return false;
        }

        // "localhost:5000/x" parses with the host as scheme; so does "example.com:8080": treat as http.
        if (absolute is not null && !text.Contains("://", StringComparison.Ordinal) && Uri.TryCreate("http://" + text, UriKind.Absolute, out var withHttp))
        {
            url = withHttp.AbsoluteUri;
            return true;
        }

        if (Uri.TryCreate(current, UriKind.Absolute, out var baseUri) && baseUri.Scheme is "http" or "https" or "file"
            && Uri.TryCreate(baseUri, text, out var relative))
        {
            url = relative.AbsoluteUri;
            return true;
        }

        problem = $"cannot resolve \"{text}\" against the current page ({current}); give an absolute URL such as https://example.com/";
        return false;
    }

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative != "." && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    private static string RealPath(string path)
    {
        // Follow symbolic links (of the file and of its folders) so a link cannot lead out of an upload folder.
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.LinkTarget is not null)
            {
                return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
            }

            var dir = new DirectoryInfo(path);
            if (dir.Exists && dir.LinkTarget is not null)
            {
                return dir.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
            }

            var parent = Path.GetDirectoryName(path);
            return parent is null || parent == path ? path : Path.Combine(RealPath(parent), Path.GetFileName(path));
        }
        catch (IOException)
        {
            return path;
        }
    }

    private string SafeUrl()
    {
        try
        {
            return Page.Url;
        }
        catch (PlaywrightException)
        {
            return "(unknown)";
        }
    }

    private static string Clean(Exception e)
    {
        var line = e.Message.Split('\n', 2)[0].Trim();
        return line.StartsWith("Error: ", StringComparison.Ordinal) ? line[7..] : line;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
