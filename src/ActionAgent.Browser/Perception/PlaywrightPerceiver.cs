using ActionAgent.Browser.Internal;
using ActionAgent.Core.Perception;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace ActionAgent.Browser.Perception;

/// <summary>
/// Observes the session's page: a masked viewport screenshot, the geometry that maps it to CSS pixels, the visible
/// text, an open dialog, and the interactive and labelling elements found by one injected DOM walk (same-origin
/// iframes and open shadow roots included). Element ids are stable for the same node within a page.
/// </summary>
public sealed class PlaywrightPerceiver : IPerceiver
{
    private const int NavigationRetries = 3;
    private readonly BrowserSession session;
    private readonly PerceiverOptions options;
    private readonly ILogger logger;
    private ViewportGeometry lastGeometry;
    private (int Width, double Dpr)? knownViewport;

    internal PlaywrightPerceiver(BrowserSession session, PerceiverOptions options)
    {
        this.session = session;
        this.options = options;
        logger = session.LoggerFactory.CreateLogger<PlaywrightPerceiver>();
        lastGeometry = ViewportGeometry.Identity(session.Settings.Viewport.Width, session.Settings.Viewport.Height);
    }

    /// <inheritdoc />
    public async Task<Observation> ObserveAsync(CancellationToken cancellationToken = default)
    {
        session.ThrowIfDead();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ObserveOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PlaywrightException e) when (attempt < NavigationRetries && IsNavigationRace(e) && !cancellationToken.IsCancellationRequested)
            {
                // The page navigated while we looked (a click that submits can start its navigation after the executor
                // settled, most often on a loaded machine): wait for the new document and look again.
                logger.LogDebug("Observation raced a navigation (attempt {Attempt}); retrying", attempt);
                await session.WaitForNewDocumentAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<Observation> ObserveOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The DOM walk and the screenshot run together when the viewport is known from the last observation;
            // if the viewport changed since, the screenshot is taken again so geometry and pixels always agree.
            var known = knownViewport;
            var shotTask = options.Screenshot && known is { } k ? ShootAsync(k.Width, k.Dpr, cancellationToken) : null;
            WalkResult walk;
            try
            {
                walk = await WalkAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                if (shotTask is not null)
                {
                    _ = shotTask.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                }

                throw;
            }

            knownViewport = (walk.Vw, walk.Dpr);
            Screenshotter.Shot? shot = null;
            if (options.Screenshot)
            {
                shot = shotTask is not null && known == knownViewport
                    ? await shotTask.ConfigureAwait(false)
                    : await ShootAsync(walk.Vw, walk.Dpr, cancellationToken).ConfigureAwait(false);
            }

            var geometry = new ViewportGeometry(walk.Vw, walk.Vh, walk.Dpr, shot?.Width ?? walk.Vw, shot?.Height ?? walk.Vh);
            lastGeometry = geometry;
            var notes = new List<string>(walk.Notes);
            if (shot?.Note is { } note)
            {
                notes.Add(note);
            }

            notes.AddRange(session.TakePopupNotes());

            var observation = new Observation
            {
                Url = session.Page.Url,
                Title = walk.Title,
                Screenshot = shot?.Png ?? ReadOnlyMemory<byte>.Empty,
                Geometry = geometry,
                Elements = walk.Elements.Select(ToElement).ToArray(),
                VisibleText = walk.Text,
                At = session.Time.GetUtcNow(),
                Notes = notes,
            };
            session.RememberDocument(observation, walk.Token);
            logger.LogDebug("Observed {Url}: {Count} elements, screenshot {Width}x{Height}", LoggedUrl.Of(observation.Url), observation.Elements.Count, geometry.ScreenshotWidth, geometry.ScreenshotHeight);
            return observation;
        }
        catch (DialogOpenedException)
        {
            return DialogObservation();
        }
    }

    private Task<Screenshotter.Shot> ShootAsync(int cssWidth, double dpr, CancellationToken cancellationToken) =>
        session.GuardAsync(() => Screenshotter.TakeAsync(session.Page, cssWidth, dpr, session.Settings), cancellationToken, stopOnDialog: true);

    private Task<WalkResult> WalkAsync(CancellationToken cancellationToken)
    {
        // A page still loading is measured once it can be drawn (see PageScript): the concurrent screenshot waits for a
        // drawn frame too, so the boxes and the pixels of one observation show the same page. Without this, a document
        // whose stylesheet was late (a loaded machine) was walked unstyled, its elements hundreds of pixels off.
        var args = new { op = "observe", key = session.ScriptKey, maxElements = options.MaxElements, maxText = options.MaxVisibleTextChars, drawnWithin = session.Settings.Timeouts.ActionMs };
        return session.GuardAsync(() => PageScript.RunAsync<WalkResult>(session.Page, args), cancellationToken, stopOnDialog: true);
    }

    internal static bool IsNavigationRace(PlaywrightException e) =>
        e.Message.Contains("Execution context was destroyed", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("navigat", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("Cannot find context", StringComparison.OrdinalIgnoreCase);

    private Observation DialogObservation()
    {
        var dialog = session.Dialogs.Pending;
        var text = dialog is null ? "a dialog" : DialogTracker.Describe(dialog);
        var answer = dialog?.Type == DialogType.Prompt
            ? "type the answer (it is entered into the prompt and accepted), press Enter to accept the default, or Escape to dismiss"
            : "press Enter to accept it or Escape to dismiss it";
        return new Observation
        {
            Url = session.Page.Url,
            Geometry = lastGeometry,
            OpenDialog = text,
            At = session.Time.GetUtcNow(),
            Notes = [$"A JavaScript {text} dialog is open and blocks the page (no screenshot or elements until it is answered): {answer}."],
        };
    }

    private static UiElement ToElement(ElementDto e) => new()
    {
        Id = e.Id,
        Role = e.Role,
        Name = e.Name ?? "",
        Text = e.Text,
        Value = e.Value,
        Placeholder = e.Placeholder,
        NearbyText = e.Near,
        Tag = e.Tag,
        InputType = e.Type,
        Href = e.Href,
        Checked = e.Checked,
        Selected = e.Selected,
        Expanded = e.Expanded,
        Submenu = e.Submenu,
        Row = e.Row,
        TabList = e.Tabs,
        Level = e.Level,
        InTableRow = e.TableRow,
        Icon = e.Icon,
        HtmlId = e.Hid,
        Disabled = e.Disabled,
        SubmitsForm = e.Submits,
        EnterSubmits = e.Enter,
        SubmitsGetForm = e.GetForm,
        IsFocused = e.Focused,
        Options = e.Options is { Count: > 0 } options ? options : [],
        Bounds = new ScreenRect(e.X, e.Y, e.W, e.H),
        Source = ElementSource.Dom,
        FramePath = e.Frame,
        IsSecret = e.Secret,
        IsOffscreen = e.Off,
    };
}
