using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Running;

namespace ActionAgent.Flows.Skills;

/// <summary>
/// Turns a successful recording into a skill file: each action that succeeded becomes a plain-English step, and every
/// value typed or selected that also appears in the task text (plus numbers of the task that appear in clicked names,
/// "Order 1042") becomes a proposed parameter with its recorded value as the test value. The user edits and keeps it.
/// </summary>
public static partial class SkillFromRecording
{
    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"(?<word>[A-Za-z]+)\s*#?\s*(?<n>\d{2,})")]
    private static partial Regex NamedNumber();

    /// <summary>The skill file text for <paramref name="recording"/>; throws <see cref="InvalidDataException"/> for a run that did not complete.</summary>
    public static string Write(RunRecording recording, string name)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var manifest = recording.Manifest;
        if (manifest.Status != RunStatus.Completed)
        {
            throw new InvalidDataException($"run {manifest.RunId} ended {manifest.Status}{(manifest.Message.Length > 0 ? $" ({manifest.Message})" : "")}: only a run that completed becomes a skill");
        }

        // A flow recording's task is "flow: <name>": the name is the phrasing.
        var task = manifest.Task.StartsWith("flow: ", StringComparison.Ordinal) ? manifest.Task[6..] : manifest.Task;
        var steps = new List<string>();
        var values = new List<(string Name, string Value, SkillParameterType Type, IReadOnlyList<string> Options, string Said)>();
        string? start = manifest.StartUrl;
        foreach (var step in recording.Steps.Where(s => s.Outcome.Succeeded))
        {
            var action = step.Proposal.Action;
            var what = action.PrimaryTarget?.Description is { Length: > 0 } d ? d : step.Target?.Label ?? "";
            string? line = action switch
            {
                NavigateAction nav when start is null => Remember(ref start, nav.Url),
                NavigateAction nav when nav.Url == start && steps.Count == 0 => null,
                NavigateAction nav => $"Go to {nav.Url}",
                ClickAction => $"Click {what}",
                TypeTextAction type => $"Type {Quote(type.Text)} into {what}",
                SelectOptionAction select => $"Select {select.Option} in {what}",
                PressKeyAction press => $"Press {press.Keys}",
                HoverAction => $"Hover over {what}",
                SelectTextAction select => $"Select the text {Quote(select.Text)} in {what}",
                _ => null,
            };
            if (line is null || (steps.Count > 0 && steps[^1] == line))
            {
                continue;
            }

            steps.Add(line);
            var typed = action switch
            {
                TypeTextAction t when !t.Text.Contains("{{secret:", StringComparison.Ordinal) => t.Text,
                SelectOptionAction s => s.Option,
                _ => null,
            };
            if (typed is { Length: > 0 } && InTask(task, typed) is { } said && values.All(v => v.Value != typed))
            {
                var type = action is SelectOptionAction ? SkillParameterType.Option : TypeOf(typed, what);
                var label = NamedNumber().Matches(task).FirstOrDefault(m => m.Groups["n"].Value == said && !StopWords.Contains(m.Groups["word"].Value.ToLowerInvariant()))?.Groups["word"].Value ?? what;
                values.Add((UniqueName(label, values.Select(v => v.Name)), typed, type, action is SelectOptionAction ? step.Target?.Options.Where(o => o.Length > 0).ToList() ?? [] : [], said));
            }
        }

        // Numbers the task names ("order 1042") that a step uses in a clicked name ("Order 1042").
        foreach (Match m in NamedNumber().Matches(task))
        {
            var value = m.Groups["n"].Value;
            var word = m.Groups["word"].Value;
            if (!StopWords.Contains(word.ToLowerInvariant()) && values.All(v => v.Value != value && v.Said != value)
                && steps.Any(s => Regex.IsMatch(s, $@"\b{Regex.Escape(word)}\s*#?\s*{value}(?![\w.])", RegexOptions.IgnoreCase)))
            {
                values.Add((UniqueName(word, values.Select(v => v.Name)), value, SkillParameterType.Number, [], value));
            }
        }

        foreach (var v in values.Where(v => v.Type == SkillParameterType.Option && v.Options.Count == 0).ToList())
        {
            values[values.IndexOf(v)] = v with { Type = SkillParameterType.Text };
        }

        var example = task;
        foreach (var v in values.OrderByDescending(v => v.Value.Length))
        {
            // In the steps the value as typed ("15.00"); in the example the words the task used for it ("15 dollars").
            steps = steps.Select(s => Regex.Replace(s, $@"(?<![\w.]){Regex.Escape(v.Value)}(?![\w.])", "${" + v.Name + "}", RegexOptions.IgnoreCase)).ToList();
            example = Regex.Replace(example, $@"(?<![\w.$]){Regex.Escape(v.Said)}(?![\w.])", "{" + v.Name + "}", RegexOptions.IgnoreCase);
        }

        return Render(name, task, manifest.RunId, start ?? "", steps, values, example);
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal) { "for", "of", "to", "on", "by", "at", "in", "and", "is", "was", "the", "a", "an", "refund", "usd" };

    /// <summary>How the task says <paramref name="typed"/>: the same text, or an amount or date that reads the same ("15 dollars" for 15.00).</summary>
    private static string? InTask(string task, string typed)
    {
        if (task.Contains(typed, StringComparison.OrdinalIgnoreCase))
        {
            return typed;
        }

        var money = MoneyMentions.Find(task).FirstOrDefault(m => decimal.TryParse(typed, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && MoneyMentions.Format(d) == m.Value);
        var date = DateMentions.Find(task).FirstOrDefault(m => m.Value == typed);
        var mention = money ?? date;
        return mention is null ? null : task.Substring(mention.Start, mention.Length);
    }

    private static string? Remember(ref string? start, string url)
    {
        start = url;
        return null;
    }

    private static SkillParameterType TypeOf(string value, string field)
    {
        if (DateMentions.Find(value) is [{ } date] && date.Length == value.Trim().Length)
        {
            return SkillParameterType.Date;
        }

        if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            return Regex.IsMatch(field, "amount|price|total|sum|cost", RegexOptions.IgnoreCase) || value.Contains('.', StringComparison.Ordinal)
                ? SkillParameterType.Money
                : SkillParameterType.Number;
        }

        return SkillParameterType.Text;
    }

    private static string UniqueName(string label, IEnumerable<string> taken)
    {
        var baseName = NonWord().Replace(label.ToLowerInvariant(), "-").Trim('-');
        baseName = baseName.Length == 0 || !char.IsLetter(baseName[0]) ? "value" + baseName : baseName;
        var names = taken.ToHashSet(StringComparer.Ordinal);
        var name = baseName;
        for (var i = 2; names.Contains(name); i++)
        {
            name = $"{baseName}{i}";
        }

        return name;
    }

    private static string Render(string name, string task, string runId, string start, List<string> steps, List<(string Name, string Value, SkillParameterType Type, IReadOnlyList<string> Options, string Said)> values, string example)
    {
        var url = Uri.TryCreate(start, UriKind.Absolute, out var u) ? "${baseUrl}" + u.PathAndQuery : start;
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Learned from recording {runId} by 'actionagent skills add'. Check the parameters, types and examples, then keep it.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"name: {Quote(name, always: true)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"description: {Quote(task, always: true)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"url: {Quote(url, always: true)}");
        sb.AppendLine("tags: [skill, learned]");
        if (values.Count > 0)
        {
            sb.AppendLine("parameters:");
            foreach (var v in values)
            {
                var options = v.Type == SkillParameterType.Option ? $", options: [{string.Join(", ", v.Options.Select(o => Quote(o, always: true)))}]" : "";
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {v.Name}: {{ type: {v.Type.ToString().ToLowerInvariant()}{options} }}");
            }

            sb.AppendLine("variables:");
            sb.AppendLine("  # The recorded values: 'actionagent test' runs the skill with them.");
            foreach (var v in values)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {v.Name}: {Quote(v.Value, always: true)}");
            }
        }

        sb.AppendLine("examples:");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  - {Quote(example, always: true)}");
        sb.AppendLine("steps:");
        foreach (var s in steps)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  - {Quote(s, always: true)}");
        }

        return sb.ToString();
    }

    // YAML double-quoted scalars take JSON escapes; inside a step, a value with spaces is quoted for the interpreter.
    private static string Quote(string text, bool always = false)
    {
        if (!always)
        {
            return text.Contains(' ', StringComparison.Ordinal) ? $"\"{text}\"" : text;
        }

        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    /// <summary>The file name for a skill called <paramref name="name"/>: <c>refund-order.yaml</c>.</summary>
    public static string FileName(string name) => Slug.From(name) + ".yaml";
}
