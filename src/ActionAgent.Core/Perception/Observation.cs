namespace ActionAgent.Core.Perception;

/// <summary>What the agent perceived at one moment: the screenshot, where the page is, and what is on it.</summary>
public sealed record Observation
{
    /// <summary>Page URL.</summary>
    public required string Url { get; init; }

    /// <summary>Page title.</summary>
    public string Title { get; init; } = "";

    /// <summary>PNG bytes of the viewport screenshot (secret fields already masked); empty when none was taken.</summary>
    public ReadOnlyMemory<byte> Screenshot { get; init; }

    /// <summary>How screenshot pixels relate to CSS pixels.</summary>
    public required ViewportGeometry Geometry { get; init; }

    /// <summary>Elements, in reading order.</summary>
    public IReadOnlyList<UiElement> Elements { get; init; } = [];

    /// <summary>Visible text of the page (trimmed), for expectations and grounding; untrusted content.</summary>
    public string VisibleText { get; init; } = "";

    /// <summary>A JavaScript dialog (alert/confirm/prompt) currently open, if any.</summary>
    public string? OpenDialog { get; init; }

    /// <summary>When the observation was taken.</summary>
    public DateTimeOffset At { get; init; }

    private readonly ReadOnlyMemory<byte> markedScreenshot;

    /// <summary>
    /// Annotated screenshot (numbered boxes), when the perceiver produced one. When the perceiver gave a
    /// <see cref="MarkedScreenshotRenderer"/> instead, it is drawn on first read: only a model decider, an approval
    /// request or a verifier looks at it, so observations no one shows to a model do not pay for it.
    /// </summary>
    public ReadOnlyMemory<byte> MarkedScreenshot
    {
        get => markedScreenshot.IsEmpty && MarkedScreenshotRenderer is { } render ? render.Value : markedScreenshot;
        init => markedScreenshot = value;
    }

    /// <summary>Draws <see cref="MarkedScreenshot"/> when it is first read (thread-safe, at most once); null when there is none to draw.</summary>
    public Lazy<ReadOnlyMemory<byte>>? MarkedScreenshotRenderer { get; init; }

    /// <summary>True once the set-of-marks image exists: given outright, or drawn because something read it.</summary>
    public bool MarksDrawn => !markedScreenshot.IsEmpty || MarkedScreenshotRenderer?.IsValueCreated == true;

    /// <summary>Notes from perception the decider should see ("the page did not settle within 2 s").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Finds an element by id, or null.</summary>
    public UiElement? Find(int id) => Elements.FirstOrDefault(e => e.Id == id);
}
