using System.Globalization;
using System.Text;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Models.Imaging;
using Microsoft.Extensions.AI;

namespace ActionAgent.Models.Prompting;

/// <summary>
/// Renders one step's prompt (template <see cref="PromptTemplates.Version"/>): the task, a compact history, page content
/// fenced as untrusted data (URL, title, elements with 0-1000 boxes, a visible-text excerpt) and the screenshot(s).
/// </summary>
public sealed class PromptBuilder(PromptOptions options)
{
    private readonly PromptOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>A builder with default options.</summary>
    public PromptBuilder()
        : this(new PromptOptions())
    {
    }

    /// <summary>The options in use.</summary>
    public PromptOptions Options => _options;

    /// <summary>Builds the system and user messages of a step; <paramref name="page"/> is the element page (1-based).</summary>
    public StepPrompt Build(DecisionContext context, EncodedImage? screenshot, IReadOnlyList<PastScreenshot>? earlier = null, int page = 1)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (text, elementPage) = RenderUserText(context, page, screenshot is not null);
        var contents = new List<AIContent> { new TextContent(text) };
        foreach (var past in (earlier ?? []).TakeLast(Math.Max(0, _options.ImagesToKeep - 1)))
        {
            contents.Add(new TextContent($"Screenshot before step {past.Step.ToString(CultureInfo.InvariantCulture)} (for comparison):"));
            contents.Add(new DataContent(past.Image.Bytes, past.Image.MediaType));
        }

        if (screenshot is not null)
        {
            contents.Add(new DataContent(screenshot.Bytes, screenshot.MediaType));
        }

        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, context.Skills.Count == 0 ? PromptTemplates.SystemPrompt : PromptTemplates.SystemPrompt + "\n" + PromptTemplates.SkillsPrompt),
            new(ChatRole.User, contents),
        };
        return new StepPrompt(messages, text, elementPage);
    }

    /// <summary>The user text of a step (everything but the images).</summary>
    public (string Text, ElementPage Page) RenderUserText(DecisionContext context, int page = 1, bool hasScreenshot = true)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = context.Observation;
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append("TASK (from the user): ").AppendLine(context.Task.Trim());
        text.AppendLine();
        AppendHistory(text, context);
        AppendSkills(text, context.Skills);

        foreach (var note in o.Notes)
        {
            text.Append("Note: ").AppendLine(UntrustedText.Line(note, 200));
        }

        text.AppendLine(UntrustedText.Open);
        text.Append("url: ").AppendLine(UntrustedText.Line(o.Url, 200));
        if (o.Title.Length > 0)
        {
            text.Append("title: ").AppendLine(UntrustedText.Line(o.Title, 120));
        }

        if (o.OpenDialog is { Length: > 0 } dialog)
        {
            text.Append("open dialog: ").AppendLine(UntrustedText.Line(dialog, 300));
        }

        var elementPage = AppendElements(text, o, page);
        if (_options.VisibleTextChars > 0 && UncoveredText(o) is { Length: > 0 } other)
        {
            // Labels are already in the element list: only the rest (messages, errors, confirmations) is worth tokens.
            text.Append("other visible text: ").AppendLine(UntrustedText.Line(other, _options.VisibleTextChars));
        }

        text.AppendLine(UntrustedText.Close);
        text.AppendLine();
        text.Append(hasScreenshot
            ? "Screenshot attached. Answer with one JSON action."
            : "No screenshot is available this step: rely on the element list. Answer with one JSON action.");
        return (text.ToString(), elementPage);
    }

    /// <summary>The elements in the order they are listed: those in the viewport first, then the rest, each in reading order.</summary>
    public static IReadOnlyList<UiElement> Order(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return observation.Elements.OrderBy(e => InViewport(e, observation.Geometry) ? 0 : 1).ToList();
    }

    /// <summary>The number of element pages an observation needs.</summary>
    public int PageCount(Observation observation) =>
        Math.Max(1, (int)Math.Ceiling(observation.Elements.Count / (double)Math.Max(1, _options.ElementsPerPage)));

    private static void AppendSkills(StringBuilder text, IReadOnlyList<SkillTool> skills)
    {
        if (skills.Count == 0)
        {
            return;
        }

        // Skill files are the team's own, but their words still only describe: they are listed, never obeyed.
        text.AppendLine("SKILLS (run one with run_skill; parameters: name type, * = required):");
        foreach (var skill in skills)
        {
            text.Append("- ").Append(UntrustedText.Line(skill.Name, 60)).Append(": ").Append(UntrustedText.Line(skill.Title, 80));
            if (skill.Description.Length > 0)
            {
                text.Append(" - ").Append(UntrustedText.Line(skill.Description, 200));
            }

            text.AppendLine();
            var parameters = skill.Parameters.Select(p =>
            {
                var type = p.Options.Count > 0 ? $"one of [{string.Join(" | ", p.Options.Select(o => UntrustedText.Line(o, 40)))}]" : p.Type;
                var required = p.Required ? "*" : string.IsNullOrEmpty(p.Default) ? " (optional)" : $" (default {UntrustedText.Line(p.Default, 40)})";
                return $"{UntrustedText.Line(p.Name, 40)} {type}{required}";
            });
            text.Append("  params: ").AppendLine(string.Join("; ", parameters));
        }

        text.AppendLine();
    }

    private void AppendHistory(StringBuilder text, DecisionContext context)
    {
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"STEP {context.Step}.");
        if (context.History.Count == 0)
        {
            text.AppendLine(" No earlier steps.");
            text.AppendLine();
            return;
        }

        text.AppendLine(" Earlier steps, oldest first:");
        var shown = context.History.TakeLast(Math.Max(1, _options.HistorySteps)).ToList();
        if (context.History.Count > shown.Count)
        {
            text.Append(inv, $"({context.History.Count - shown.Count} earlier steps not shown)").AppendLine();
        }

        foreach (var step in shown)
        {
            var outcome = step.Succeeded ? "ok" : "FAILED";
            var line = $"{step.Step}. {step.Action} -> {outcome}: {step.Outcome}";
            text.AppendLine(UntrustedText.Line(line, _options.MaxHistoryLineChars));
        }

        text.AppendLine();
    }

    private ElementPage AppendElements(StringBuilder text, Observation o, int page)
    {
        var inv = CultureInfo.InvariantCulture;
        var ordered = Order(o);
        var perPage = Math.Max(1, _options.ElementsPerPage);
        var pageCount = PageCount(o);
        page = Math.Clamp(page, 1, pageCount);
        var slice = ordered.Skip((page - 1) * perPage).Take(perPage).ToList();
        var first = ordered.Count == 0 ? 0 : (page - 1) * perPage + 1;

        text.Append(inv, $"elements {first}-{first + slice.Count - 1} of {ordered.Count} (id role \"label\" [x1,y1,x2,y2] state):").AppendLine();
        if (ordered.Count == 0)
        {
            text.AppendLine("(none found: use x/y coordinates on the screenshot)");
        }

        foreach (var element in slice)
        {
            text.AppendLine(FormatElement(element, o.Geometry));
        }

        if (pageCount > 1)
        {
            var rest = ordered.Count - (page - 1) * perPage - slice.Count;
            text.Append(inv, $"(page {page} of {pageCount}; {rest} more after this page. ");
            text.Append(page < pageCount
                ? string.Create(inv, $"To list them answer {{\"action\":\"more_elements\",\"page\":{page + 1}}})")
                : "This is the last page.)");
            text.AppendLine();
        }

        return new ElementPage(page, pageCount, slice.Count, ordered.Count);
    }

    /// <summary>One element as a line: <c>12 textbox "Order number" [100,200,400,240] value="A-1001"</c>.</summary>
    public string FormatElement(UiElement e, ViewportGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(geometry);
        var inv = CultureInfo.InvariantCulture;
        var line = new StringBuilder();
        line.Append(e.Id.ToString(inv)).Append(' ').Append(UntrustedText.Line(e.Role, 20));
        line.Append(" \"").Append(UntrustedText.Line(e.Label, _options.MaxLabelChars)).Append('"');
        if (InViewport(e, geometry))
        {
            var (x1, y1, x2, y2) = Normalise(e.Bounds, geometry);
            line.Append(inv, $" [{x1},{y1},{x2},{y2}]");
        }
        else
        {
            line.Append(" offscreen");
        }

        if (e.InputType is { Length: > 0 } type && type is not "text" and not "submit" and not "button" and not "radio" and not "checkbox")
        {
            line.Append(" type=").Append(UntrustedText.Line(type, 16));
        }

        if (e.IsSecret)
        {
            line.Append(" secret");
            if (!string.IsNullOrEmpty(e.Value))
            {
                line.Append(" value=\"•••\"");
            }
        }
        else if (!string.IsNullOrEmpty(e.Value))
        {
            line.Append(" value=\"").Append(UntrustedText.Line(e.Value, _options.MaxLabelChars)).Append('"');
        }
        else if (e.Placeholder is { Length: > 0 } placeholder && !string.Equals(placeholder, e.Label, StringComparison.Ordinal))
        {
            line.Append(" placeholder=\"").Append(UntrustedText.Line(placeholder, 40)).Append('"');
        }

        if (e.Checked is { } isChecked)
        {
            line.Append(isChecked ? " checked" : " unchecked");
        }

        if (e.Selected == true)
        {
            line.Append(" selected");
        }

        if (e.Disabled)
        {
            line.Append(" disabled");
        }

        if (e.SubmitsForm)
        {
            line.Append(" submits-form");
        }

        if (e.Options.Count > 0)
        {
            var shown = e.Options.Take(_options.MaxOptions).Select(opt => UntrustedText.Line(opt, 30));
            line.Append(" options=[").Append(string.Join('|', shown));
            if (e.Options.Count > _options.MaxOptions)
            {
                line.Append(inv, $"|+{e.Options.Count - _options.MaxOptions} more");
            }

            line.Append(']');
        }

        if (e.Source != ElementSource.Dom && !e.Source.HasFlag(ElementSource.Dom))
        {
            line.Append(e.Source.HasFlag(ElementSource.Ocr) ? " (ocr)" : " (pixels)");
        }

        return line.ToString();
    }

    /// <summary>The page's visible text without the element labels listed anyway, whitespace collapsed.</summary>
    public static string UncoveredText(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var text = " " + UntrustedText.Line(observation.VisibleText) + " ";
        var labels = observation.Elements
            .SelectMany(e => new[] { e.Label, e.Text ?? "", e.Value ?? "" })
            .Select(l => UntrustedText.Line(l))
            .Where(l => l.Length >= 2)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(l => l.Length);
        foreach (var label in labels)
        {
            text = text.Replace(" " + label + " ", "  ", StringComparison.Ordinal);
        }

        return UntrustedText.Line(text);
    }

    /// <summary>A CSS rectangle as 0-1000 coordinates of the viewport, clamped.</summary>
    public static (int X1, int Y1, int X2, int Y2) Normalise(ScreenRect css, ViewportGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        int N(double v, int size) => size <= 0 ? 0 : (int)Math.Round(Math.Clamp(v / size * 1000, 0, 1000));
        return (N(css.X, geometry.CssWidth), N(css.Y, geometry.CssHeight), N(css.Right, geometry.CssWidth), N(css.Bottom, geometry.CssHeight));
    }

    private static bool InViewport(UiElement e, ViewportGeometry g) =>
        g.CssWidth <= 0 || g.CssHeight <= 0
        || new ScreenRect(0, 0, g.CssWidth, g.CssHeight).Intersect(e.Bounds).Area > 0
        || (e.Bounds.Area == 0 && e.Bounds.X >= 0 && e.Bounds.Y >= 0 && e.Bounds.X <= g.CssWidth && e.Bounds.Y <= g.CssHeight);
}
