using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace ActionAgent.Browser.Internal;

/// <summary>The injected page helper (Scripts/page-agent.js) and the shapes of its answers.</summary>
internal static class PageScript
{
    /// <summary>CSS selector of fields whose pixels are masked black in screenshots.</summary>
    public const string SecretSelector =
        "input[type=password], [data-secret], input[autocomplete~=cc-number], input[autocomplete~=cc-csc], input[autocomplete~=one-time-code]";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static string Source { get; } = LoadSource("ActionAgent.Browser.page-agent.js");

    /// <summary>The init script (Scripts/page-timers.js) that tells the page's own timers from the action's, for one session key.</summary>
    public static string TimersFor(string key) => TimersSource.Replace("__KEY__", key, StringComparison.Ordinal);

    private static string TimersSource { get; } = LoadSource("ActionAgent.Browser.page-timers.js");

    // The answer comes back as one JSON string: several times cheaper than Playwright's per-value serialisation.
    // Pages that replaced JSON.stringify or added toJSON to prototypes (old libraries did) get the plain object.
    // With args.drawnWithin (ms), a document that is still loading is first given until its next animation frame (at
    // most that long): until its render-blocking stylesheets arrive the page is not drawn, and boxes measured then are
    // the unstyled ones, not those the screenshot shows. A loaded or hidden document (no frames) is answered at once.
    private static readonly string Stringified =
        "(a) => { const run = () => { const r = (\n" + Source + "\n)(a); "
        + "const safe = !Array.prototype.toJSON && !Object.prototype.toJSON && /\\[native code\\]/.test(String(JSON.stringify)); "
        + "return safe ? JSON.stringify(r) : { raw: r }; }; "
        + "if (!(a.drawnWithin > 0) || document.readyState === 'complete' || document.visibilityState !== 'visible') return run(); "
        + "return new Promise((drawn) => { requestAnimationFrame(() => drawn()); setTimeout(drawn, a.drawnWithin); }).then(run); }";

    public static async Task<T> RunAsync<T>(IPage page, object args)
    {
        var result = await page.EvaluateAsync<JsonElement>(Stringified, args).ConfigureAwait(false);
        var value = result.ValueKind == JsonValueKind.String
            ? JsonSerializer.Deserialize<T>(result.GetString()!, Json)
            : result.GetProperty("raw").Deserialize<T>(Json);
        return value ?? throw new InvalidOperationException("The page helper returned nothing.");
    }

    private static string LoadSource(string name)
    {
        using var stream = typeof(PageScript).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded page script {name} is missing from ActionAgent.Browser.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

internal sealed class WalkResult
{
    public string Token { get; set; } = "";
    public string Title { get; set; } = "";
    public int Vw { get; set; }
    public int Vh { get; set; }
    public double Dpr { get; set; } = 1;
    public string Text { get; set; } = "";
    public List<ElementDto> Elements { get; set; } = [];
    public List<string> Notes { get; set; } = [];
}

internal sealed class ElementDto
{
    public int Id { get; set; }
    public string Role { get; set; } = "";
    public string Tag { get; set; } = "";
    public string? Name { get; set; }
    public string? Text { get; set; }
    public string? Value { get; set; }
    public string? Placeholder { get; set; }
    public string? Near { get; set; }
    public string? Type { get; set; }
    public string? Href { get; set; }
    public bool? Checked { get; set; }
    public bool? Selected { get; set; }
    public bool? Expanded { get; set; }
    public bool? Submenu { get; set; }
    public int? Row { get; set; }
    public int? Tabs { get; set; }
    public int? Level { get; set; }
    public bool TableRow { get; set; }
    public string? Icon { get; set; }
    public string? Hid { get; set; }
    public bool Disabled { get; set; }
    public bool Submits { get; set; }
    public bool Enter { get; set; }
    public bool GetForm { get; set; }
    public bool Focused { get; set; }
    public bool Secret { get; set; }
    public bool Off { get; set; }
    public List<string>? Options { get; set; }
    public double X { get; set; }
    public double Y { get; set; }
    public double W { get; set; }
    public double H { get; set; }
    public string Frame { get; set; } = "";
}

internal sealed class LocateResult
{
    public string Status { get; set; } = "";
    public string? Tag { get; set; }
    public string? Type { get; set; }
    public double X { get; set; }
    public double Y { get; set; }
    public double W { get; set; }
    public double H { get; set; }
    public double Px { get; set; }
    public double Py { get; set; }
    public bool Scrolled { get; set; }
    public string? Covered { get; set; }
    public string? Frame { get; set; }
    public bool Opener { get; set; }
    public string? Name { get; set; }
    public string? Href { get; set; }
}

internal sealed class TagResult
{
    public string Status { get; set; } = "";
    public string Mark { get; set; } = "";
    public List<string> Frames { get; set; } = [];
    public string? Tag { get; set; }
    public string? Type { get; set; }
    public string? ControlType { get; set; }
    public List<OptionDto>? Options { get; set; }
}

internal sealed class OptionDto
{
    public string Label { get; set; } = "";
    public string Value { get; set; } = "";
    public int Index { get; set; }
    public bool Disabled { get; set; }
}

internal sealed class ScrollResult
{
    public string Status { get; set; } = "";
    public double X { get; set; }
    public double Y { get; set; }
    public double MaxY { get; set; }
    public string? Token { get; set; }
}

/// <summary>How soon a timeout the agent's action scheduled is due, in ms (-1: none within the asked time).</summary>
internal sealed class DueResult
{
    public string Status { get; set; } = "";
    public int Ms { get; set; } = -1;
}

internal sealed class FindTextResult
{
    public string Status { get; set; } = "";
    public double X { get; set; }
    public double Y { get; set; }
    public string? Tag { get; set; }
}

internal sealed class SelectTextResult
{
    public string Status { get; set; } = "";

    /// <summary>"field" (a text field's value range, selected already) or "text" (a range of an element's text).</summary>
    public string? Kind { get; set; }

    /// <summary>The words as the page has them (their case may differ from the step's).</summary>
    public string? Selected { get; set; }

    /// <summary>What the element reads when the words are not in it.</summary>
    public string? Reads { get; set; }

    /// <summary>True when the range can be selected by dragging from (Sx, Sy) to (Ex, Ey), in CSS pixels.</summary>
    public bool Drag { get; set; }
    public double Sx { get; set; }
    public double Sy { get; set; }
    public double Ex { get; set; }
    public double Ey { get; set; }
}

internal sealed class ProbeResult
{
    public string Status { get; set; } = "";
    public string Token { get; set; } = "";
    public string Url { get; set; } = "";
    public int Mutations { get; set; }
    public int Ignored { get; set; }
    public int Transient { get; set; }

    /// <summary>True when DOM changes were made but the document's markup is the same as at the baseline (redrawn the same).</summary>
    public bool SameMarkup { get; set; }
    public bool Scrolled { get; set; }
    public bool UrlChanged { get; set; }
    public bool FocusMoved { get; set; }

    /// <summary>True when the selected text (a field's selection range, or the page's selection) differs from the baseline's.</summary>
    public bool SelectionChanged { get; set; }

    /// <summary>The selected text now (in the focused field, else the page's selection), white space collapsed; null in a secret field.</summary>
    public string? SelectedText { get; set; }

    /// <summary>What the agent's press landed on when that was neither the target nor part of it (null otherwise).</summary>
    public string? PressedElsewhere { get; set; }

    /// <summary>True when that press was stopped before any listener of the page saw it (it landed on something moved under the pointer).</summary>
    public bool PressStopped { get; set; }

    /// <summary>What a script-drawn drop-down (any element but a field or a native select) shows now, white space collapsed.</summary>
    public string? Shown { get; set; }

    /// <summary>What it showed just before the action.</summary>
    public string? ShownBefore { get; set; }

    /// <summary>The text of the options marked aria-selected in the page now.</summary>
    public List<string>? Chosen { get; set; }

    /// <summary>Why the page refused the form the pressed submit button sends (the fields its validation or script marked invalid, with their messages); null when it did not.</summary>
    public string? Refused { get; set; }
    public bool Focused { get; set; }
    public string? Focus { get; set; }
    public string? Tag { get; set; }
    public string? Type { get; set; }
    public string? Name { get; set; }
    public bool? Checked { get; set; }
    public bool? Selected { get; set; }
    public bool? Expanded { get; set; }
    public List<string>? Options { get; set; }
    public bool? Filled { get; set; }
    public string? BoxNow { get; set; }
    public string? Value { get; set; }

    /// <summary>For a slider drawn by a script: its aria-valuenow, the number behind a worded value ("43%", "Tuesday").</summary>
    public string? ValueNow { get; set; }
    public bool Secret { get; set; }

    /// <summary>The element's centre now, in its document's CSS pixels.</summary>
    public double? Cx { get; set; }

    /// <summary>The element's centre now, in its document's CSS pixels.</summary>
    public double? Cy { get; set; }

    /// <summary>The element's width and height now, in CSS pixels.</summary>
    public double? Hw { get; set; }

    /// <inheritdoc cref="Hw"/>
    public double? Hh { get; set; }

    /// <summary>For a slider's handle: the box of the track it runs along, in the same pixels as <see cref="Cx"/>.</summary>
    public TrackBox? Track { get; set; }
}

/// <summary>A slider track's box (left, top, right, bottom).</summary>
internal sealed class TrackBox
{
    public double L { get; set; }
    public double T { get; set; }
    public double R { get; set; }
    public double B { get; set; }
}

/// <summary>How long the page has been watched while the agent was not acting, and how many elements changed by themselves meanwhile.</summary>
internal sealed class IdleResult
{
    public string Status { get; set; } = "";
    public string Token { get; set; } = "";
    public int IdleMs { get; set; }
    public int Live { get; set; }

    /// <summary>Why the page may change by itself ("" when nothing could: loaded, nothing pending, nothing animating).</summary>
    public string? Restless { get; set; }

    /// <summary>Requests the page has in flight (fetch and XMLHttpRequest).</summary>
    public int Requests { get; set; }
}

internal sealed class FormResult
{
    public string Status { get; set; } = "";
    public List<FormFieldDto> Fields { get; set; } = [];
    public string Action { get; set; } = "";
    public string Method { get; set; } = "";
}

internal sealed class FormFieldDto
{
    public int Id { get; set; }
    public string Label { get; set; } = "";
    public string Type { get; set; } = "";
    public string Value { get; set; } = "";
    public bool Secret { get; set; }
}

internal sealed class FormEntriesResult
{
    public string Status { get; set; } = "";
    public string Action { get; set; } = "";
    public string Method { get; set; } = "";
    public string Enctype { get; set; } = "";
    public string Target { get; set; } = "";
    public List<FormEntryDto> Entries { get; set; } = [];

    /// <summary>How many of <see cref="Entries"/> (the first ones) a submission sends; the rest are controls without a name.</summary>
    public int Sent { get; set; }
}

internal sealed class FormEntryDto
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
    public bool File { get; set; }
}
