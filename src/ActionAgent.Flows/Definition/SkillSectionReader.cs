using System.Text.RegularExpressions;
using ActionAgent.Flows.Skills;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ActionAgent.Flows.Definition;

/// <summary>
/// Reads the two keys that make a flow a skill: <c>parameters:</c> (name → type, default, field, options, pattern) and
/// <c>examples:</c> (phrasings with <c>{name}</c> placeholders). Problems are <see cref="FlowFormatException"/>s at file:line:col.
/// </summary>
internal static partial class SkillSectionReader
{
    /// <summary>The keys of one parameter, in the order the docs list them.</summary>
    public static IReadOnlyList<string> ParameterKeys { get; } = ["type", "description", "default", "required", "field", "options", "pattern"];

    [GeneratedRegex(@"(?<!\{)\{(?<name>[A-Za-z_][A-Za-z0-9_.\-]*)\}(?!\})")]
    public static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*$")]
    private static partial Regex ParameterName();

    public static List<SkillParameter> ReadParameters(YamlNode node, string source)
    {
        if (node is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (node is not YamlMappingNode map)
        {
            throw new FlowFormatException(At(source, node.Start), "parameters is a mapping of name: { type: text|number|money|date|option, ... }");
        }

        var result = new List<SkillParameter>();
        foreach (var (k, v) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value;
            if (name is null || !ParameterName().IsMatch(name))
            {
                throw new FlowFormatException(At(source, k.Start), $"invalid parameter name \"{name}\"; use letters, digits, _ . - and start with a letter");
            }

            result.Add(ReadParameter(name, k, v, source));
        }

        return result;
    }

    public static List<string> ReadExamples(YamlNode node, IReadOnlyCollection<SkillParameter> parameters, string source)
    {
        if (node is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw new FlowFormatException(At(source, node.Start), "examples is a list of phrasings: - Refund order {order} for {amount}");
        }

        var names = parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var examples = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlScalarNode { Value: { } text } scalar || string.IsNullOrWhiteSpace(text))
            {
                throw new FlowFormatException(At(source, item.Start), "an example is one phrasing on one line, for example \"Refund order {order} for {amount}\"");
            }

            var named = Placeholder().Matches(text).ToList();
            foreach (var m in named.Where(m => !names.Contains(m.Groups["name"].Value)))
            {
                throw new FlowFormatException(
                    At(source, scalar.Start) with { Column = (int)scalar.Start.Column + (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0) + m.Index },
                    $"example names {{{m.Groups["name"].Value}}}, which is not a parameter; parameters: {(names.Count == 0 ? "none" : string.Join(", ", names.Order(StringComparer.Ordinal)))}");
            }

            if (names.Count > 0 && named.Count == 0)
            {
                throw new FlowFormatException(
                    At(source, scalar.Start),
                    $"example \"{text}\" names no parameter; write {{name}} where a value goes (parameters: {string.Join(", ", names.Order(StringComparer.Ordinal))})");
            }

            examples.Add(text.Trim());
        }

        return examples;
    }

    private static SkillParameter ReadParameter(string name, YamlNode key, YamlNode node, string source)
    {
        // "order: number" is the short form of "order: { type: number }".
        if (node is YamlScalarNode shortForm)
        {
            return new SkillParameter(name, ParseType(shortForm, source), At(source, key.Start));
        }

        if (node is not YamlMappingNode map)
        {
            throw new FlowFormatException(At(source, node.Start), $"parameter {name} is a type (order: number) or a mapping {{ type: ..., default: ... }}");
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var field = (k as YamlScalarNode)?.Value ?? "";
            if (!ParameterKeys.Contains(field))
            {
                throw new FlowFormatException(At(source, k.Start), $"unknown parameter key \"{field}\" (expected: {string.Join(", ", ParameterKeys)})");
            }

            values[field] = v;
        }

        if (!values.TryGetValue("type", out var typeNode))
        {
            throw new FlowFormatException(At(source, map.Start), $"parameter {name} needs a type: text, number, money, date or option");
        }

        var type = ParseType(typeNode, source);
        var defaultValue = values.TryGetValue("default", out var d) ? Scalar(d, $"parameter {name} default", source) : null;
        if (values.TryGetValue("required", out var r))
        {
            var text = Scalar(r, $"parameter {name} required", source);
            if (text is not ("true" or "false"))
            {
                throw new FlowFormatException(At(source, r.Start), $"required is true or false, not \"{text}\"");
            }

            if (text == "true" && defaultValue is not null)
            {
                throw new FlowFormatException(At(source, r.Start), $"parameter {name} is required and has a default; keep one of the two");
            }

            // Optional without a default: an empty value.
            defaultValue ??= text == "false" ? "" : null;
        }

        var options = new List<string>();
        var meanings = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (values.TryGetValue("options", out var o))
        {
            if (o is YamlMappingNode described)
            {
                // options: { Damaged item: [broken on arrival, scratched], Other: ~ }: each option with what it means.
                foreach (var (optionNode, meaningNode) in described.Children)
                {
                    var option = Scalar(optionNode, $"an option of {name}", source).Trim();
                    options.Add(option);
                    var phrases = meaningNode switch
                    {
                        YamlSequenceNode list => list.Children.Select(c => Scalar(c, $"a meaning of option {option}", source)),
                        YamlScalarNode one => [one.Value ?? ""],
                        _ => throw new FlowFormatException(At(source, meaningNode.Start), $"the meaning of option {option} is a phrase or a list of phrases"),
                    };
                    meanings[option] = phrases.Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
                }
            }
            else
            {
                options = o is YamlSequenceNode list
                    ? list.Children.Select(c => Scalar(c, $"an option of {name}", source).Trim()).Where(c => c.Length > 0).ToList()
                    : throw new FlowFormatException(At(source, o.Start), "options is a list (options: [Damaged item, Late delivery]) or a mapping of option to meanings (options: { Damaged item: [broken on arrival] })");
            }
        }

        if (type == SkillParameterType.Option && options.Count == 0)
        {
            throw new FlowFormatException(At(source, map.Start), $"option parameter {name} needs options: the values its field offers");
        }

        if (type != SkillParameterType.Option && (values.ContainsKey("options") || values.ContainsKey("field")))
        {
            throw new FlowFormatException(At(source, (values.GetValueOrDefault("options") ?? values["field"]).Start), $"options and field belong to option parameters; {name} is {type.ToString().ToLowerInvariant()}");
        }

        if (type == SkillParameterType.Option && defaultValue is { Length: > 0 } && !options.Contains(defaultValue, StringComparer.Ordinal))
        {
            throw new FlowFormatException(At(source, values["default"].Start), $"default \"{defaultValue}\" is not one of the options of {name}: {string.Join(" | ", options)}");
        }

        string? pattern = null;
        if (values.TryGetValue("pattern", out var p))
        {
            pattern = Scalar(p, $"parameter {name} pattern", source);
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw new FlowFormatException(At(source, p.Start), $"pattern is not a valid regular expression ({e.Message})", e);
            }
        }

        return new SkillParameter(name, type, At(source, key.Start))
        {
            Description = values.TryGetValue("description", out var desc) ? Scalar(desc, $"parameter {name} description", source) : "",
            Default = defaultValue,
            Field = values.TryGetValue("field", out var f) ? Scalar(f, $"parameter {name} field", source) : null,
            Options = options,
            OptionMeanings = meanings,
            Pattern = pattern,
        };
    }

    private static SkillParameterType ParseType(YamlNode node, string source)
    {
        var text = Scalar(node, "type", source);
        return Enum.TryParse<SkillParameterType>(text, ignoreCase: true, out var type) && !int.TryParse(text, out _)
            ? type
            : throw new FlowFormatException(At(source, node.Start), $"unknown parameter type \"{text}\"; use text, number, money, date or option");
    }

    private static string Scalar(YamlNode node, string what, string source) =>
        (node as YamlScalarNode)?.Value ?? throw new FlowFormatException(At(source, node.Start), $"{what} must be a single value, not a list or mapping");

    private static SourceLocation At(string source, Mark mark) => new(source, (int)mark.Line, (int)mark.Column);
}
