using ActionAgent.Browser.Internal;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Text;
using Microsoft.Playwright;

namespace ActionAgent.Browser.Execution;

/// <summary>Selecting words inside a field, a rich-text editor or a block of text (<see cref="SelectTextAction"/>).</summary>
public sealed partial class PlaywrightActionExecutor
{
    // A text field's range is selected in the page at once; elsewhere the mouse drags from the first character to the
    // last, as a person does (editors that show a toolbar or track the selection see a real gesture). When the drag
    // selected something else (a line wrapped, an overlay took the press), the same range is selected directly.
    private async Task<ActionOutcome> SelectTextAsync(SelectTextAction select, Observation observation, CancellationToken ct)
    {
        var (target, error) = await ResolveAsync(select.Target, observation, ct).ConfigureAwait(false);
        if (target is null)
        {
            return ActionOutcome.Failed(error!);
        }

        if (target.Element is null || select.Target.ElementId is not { } id)
        {
            return ActionOutcome.Failed($"selecting text needs an element to select it in, not {target}; give an element id");
        }

        var found = await Script<SelectTextResult>(new { op = "selectText", key = session.ScriptKey, id, text = select.Text }, ct).ConfigureAwait(false);
        switch (found.Status)
        {
            case "ok":
                break;
            case "absent":
                return ActionOutcome.Failed($"the text \"{Shorten(select.Text, 60)}\" is not in {target} (it reads \"{Shorten(found.Reads ?? "", 120)}\"); nothing was selected");
            case "secret":
                return ActionOutcome.Failed($"{target} holds a secret: its text is not selected");
            default:
                return ActionOutcome.Failed($"{target} could not be searched for \"{Shorten(select.Text, 60)}\" ({found.Status}); nothing was selected{target.Notes}");
        }

        var what = $"\"{Shorten(found.Selected ?? select.Text, 60)}\" in {target}{target.Notes}";
        if (found.Kind == "field")
        {
            return ActionOutcome.Success($"selected {what}");
        }

        if (found.Drag)
        {
            await Guard(async () =>
            {
                await Page.Mouse.MoveAsync((float)found.Sx, (float)found.Sy).ConfigureAwait(false);
                await Page.Mouse.DownAsync().ConfigureAwait(false);
                await Page.Mouse.MoveAsync((float)found.Ex, (float)found.Ey, new MouseMoveOptions { Steps = 6 }).ConfigureAwait(false);
                await Page.Mouse.UpAsync().ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
            if (Same(await SelectedNowAsync(ct).ConfigureAwait(false), found.Selected))
            {
                return ActionOutcome.Success($"selected {what} by dragging over it");
            }
        }

        await Script<SelectTextResult>(new { op = "applyRange", key = session.ScriptKey }, ct).ConfigureAwait(false);
        return ActionOutcome.Success($"selected {what}{(found.Drag ? " (the drag selected other text; the range was then selected directly)" : "")}");
    }

    private async Task<string?> SelectedNowAsync(CancellationToken ct) =>
        (await Script<ProbeResult>(new { op = "probe", key = session.ScriptKey, id = 0 }, ct).ConfigureAwait(false)).SelectedText;

    internal static bool Same(string? selected, string? wanted) =>
        selected is not null && wanted is not null
        && string.Equals(WhiteSpace.Collapse(selected), WhiteSpace.Collapse(wanted), StringComparison.OrdinalIgnoreCase);
}
