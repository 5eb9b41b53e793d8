using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ActionAgent.Core.Perception;
using ActionAgent.Flows.Expectations;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ActionAgent.Flows.Definition;

/// <summary>
/// Reads flow files (YAML; format in docs/flows.md). Every problem is a <see cref="FlowFormatException"/> whose message
/// starts with <c>file:line:col:</c>; variables (<c>${name}</c>) are substituted at load time, secret references
/// (<c>{{secret:NAME}}</c>) are left for the executor.
/// </summary>
public static partial class FlowLoader
{
    /// <summary>The keys a flow file may have, in the order the docs list them.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["name", "url", "tags", "variables", "steps", "expect", "timeout", "description", "parameters", "examples"];

    private static readonly string[] RegionKeys = ["name", "x", "y", "width", "height", "baseline", "tolerance"];

    [GeneratedRegex(@"\$\$\{|\$\{(?<name>[^}]*)\}")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"\{\{\s*secret:(?<name>[A-Za-z0-9_.\-]+)\s*\}\}")]
    private static partial Regex SecretReference();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*$")]
    private static partial Regex VariableName();

    /// <summary>Loads one flow file; <paramref name="variables"/> override its defaults (and may add <c>baseUrl</c>).</summary>
    public static FlowDefinition Load(string path, IReadOnlyDictionary<string, string>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FlowFormatException(new SourceLocation(path, 0, 0), "file not found; pass a .yaml flow file or a folder of them");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new FlowFormatException(new SourceLocation(path, 0, 0), $"cannot read the file ({e.Message})", e);
        }

        return Parse(text, path, variables, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>
    /// Loads every flow under the given files and folders (*.yaml, *.yml, recursively, sorted). A file that fails to
    /// load becomes an error entry; the others still load.
    /// </summary>
    public static FlowLoadResult LoadAll(IEnumerable<string> pathsOrFolders, IReadOnlyDictionary<string, string>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(pathsOrFolders);
        var files = new List<string>();
        var errors = new List<FlowLoadError>();
        foreach (var p in pathsOrFolders)
        {
            if (Directory.Exists(p))
            {
                files.AddRange(Directory.EnumerateFiles(p, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(p))
            {
                files.Add(p);
            }
            else
            {
                errors.Add(new FlowLoadError(p, $"{p}: no such file or folder"));
            }
        }

        var flows = new List<FlowDefinition>();
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files.Distinct())
        {
            try
            {
                var flow = Load(file, variables);
                if (names.TryGetValue(flow.Name, out var other))
                {
                    errors.Add(new FlowLoadError(file, $"{file}: duplicate flow name \"{flow.Name}\" (also in {other}); give each flow its own name"));
                    continue;
                }

                names[flow.Name] = file;
                flows.Add(flow);
            }
            catch (FlowFormatException e)
            {
                errors.Add(new FlowLoadError(file, e.Message));
            }
        }

        return new FlowLoadResult(flows, errors);
    }

    /// <summary>Parses flow YAML; <paramref name="sourceName"/> prefixes error locations, <paramref name="baseDirectory"/> anchors baseline paths.</summary>
    public static FlowDefinition Parse(string yaml, string sourceName, IReadOnlyDictionary<string, string>? variables = null, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var reader = new Reader(sourceName, baseDirectory ?? Directory.GetCurrentDirectory());
        return reader.Read(yaml, variables ?? new Dictionary<string, string>());
    }

    private sealed class Reader(string source, string baseDirectory)
    {
        private Dictionary<string, string> _variables = new(StringComparer.Ordinal);
        private string _flowName = "";
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);
        private readonly HashSet<string> _usedByStep = new(StringComparer.Ordinal);
        private HashSet<string> _emptyOptional = new(StringComparer.Ordinal);

        public FlowDefinition Read(string yaml, IReadOnlyDictionary<string, string> overrides)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(yaml));
            }
            catch (YamlException e)
            {
                throw new FlowFormatException(At(e.Start), $"{CleanYamlMessage(e)}; check the indentation and quote values that contain \": \" or start with {{ or [", e);
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                var where = stream.Documents.Count == 0 ? new SourceLocation(source, 1, 1) : At(stream.Documents[0].RootNode.Start);
                throw new FlowFormatException(where, $"a flow file is a mapping with the keys {string.Join(", ", Keys)}");
            }

            if (stream.Documents.Count > 1)
            {
                throw new FlowFormatException(At(stream.Documents[1].RootNode.Start), "one flow per file: remove the second YAML document (---)");
            }

            var entries = new Dictionary<string, (YamlScalarNode Key, YamlNode Value)>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in root.Children)
            {
                if (keyNode is not YamlScalarNode key || key.Value is null)
                {
                    throw new FlowFormatException(At(keyNode.Start), $"keys must be plain words (expected: {string.Join(", ", Keys)})");
                }

                if (!Keys.Contains(key.Value))
                {
                    var hint = Keys.MinBy(k => TextSimilarity.Levenshtein(k, key.Value.ToLowerInvariant()))!;
                    var suggestion = TextSimilarity.Levenshtein(hint, key.Value.ToLowerInvariant()) <= 2 ? $"; did you mean \"{hint}\"?" : "";
                    throw new FlowFormatException(At(key.Start), $"unknown key \"{key.Value}\" (expected: {string.Join(", ", Keys)}){suggestion}");
                }

                entries[key.Value] = (key, value);
            }

            // The name first: later errors name the flow.
            var name = Require(entries, "name", root);
            _flowName = ScalarText(name.Value, "name");
            var parameters = entries.TryGetValue("parameters", out var parameterNode) ? SkillSectionReader.ReadParameters(parameterNode.Value, source) : [];
            _variables = ReadVariables(entries.TryGetValue("variables", out var vars) ? vars.Value : null, overrides);
            foreach (var parameter in parameters)
            {
                // A value passed in (a filled skill, --var) or a variables: entry (the test value) wins over the default.
                _variables.TryAdd(parameter.Name, parameter.Default ?? "");
            }

            _emptyOptional = parameters.Where(p => !p.IsRequired && _variables[p.Name].Length == 0).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            _used.Clear();
            _flowName = Substitute((YamlScalarNode)name.Value);
            if (string.IsNullOrWhiteSpace(_flowName))
            {
                throw new FlowFormatException(At(name.Value.Start), "the flow name is empty");
            }

            var url = Substitute(AsScalar(Require(entries, "url", root).Value, "url"));
            if (string.IsNullOrWhiteSpace(url))
            {
                throw new FlowFormatException(At(entries["url"].Value.Start), "the url is empty; write for example url: ${baseUrl}/login");
            }

            var steps = ReadSteps(Require(entries, "steps", root).Value);
            var expectations = entries.TryGetValue("expect", out var expect) ? ReadExpectationList(expect.Value) : [];
            if (parameters.FirstOrDefault(p => !_used.Contains(p.Name)) is { } unused)
            {
                throw new FlowFormatException(unused.Location, $"parameter {unused.Name} is used in no step; write ${{{unused.Name}}} where its value goes, or remove it");
            }

            var examples = entries.TryGetValue("examples", out var exampleNode) ? SkillSectionReader.ReadExamples(exampleNode.Value, parameters, source) : [];
            var tags = entries.TryGetValue("tags", out var tagNode) ? ReadTags(tagNode.Value) : [];
            TimeSpan? timeout = null;
            if (entries.TryGetValue("timeout", out var timeoutNode))
            {
                var text = ScalarText(timeoutNode.Value, "timeout");
                if (!FlowDuration.TryParse(text, out var parsed))
                {
                    throw new FlowFormatException(At(timeoutNode.Value.Start), $"invalid timeout \"{text}\"; write 30s, 2m, 1m30s or 500ms");
                }

                timeout = parsed;
            }

            var description = entries.TryGetValue("description", out var descriptionNode) ? Substitute(AsScalar(descriptionNode.Value, "description")) : "";
            var secretTexts = new[] { url }.Concat(steps.Select(s => s.Text)).Concat(expectations.Select(e => e.Source));
            var secrets = secretTexts.SelectMany(t => SecretReference().Matches(t).Select(m => m.Groups["name"].Value)).Distinct().Order(StringComparer.Ordinal).ToList();
            return new FlowDefinition
            {
                Name = _flowName,
                Description = description,
                Url = url,
                Tags = tags,
                Variables = _variables,
                SecretNames = secrets,
                Timeout = timeout,
                Steps = steps,
                Expectations = expectations,
                Parameters = parameters,
                Examples = examples,
                SourcePath = source,
            };
        }

        private (YamlScalarNode Key, YamlNode Value) Require(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> entries, string key, YamlNode root) =>
            entries.TryGetValue(key, out var entry)
                ? entry
                : throw new FlowFormatException(At(root.Start), $"missing required key \"{key}\"{(_flowName.Length > 0 ? $" in flow \"{_flowName}\"" : "")}");

        private Dictionary<string, string> ReadVariables(YamlNode? node, IReadOnlyDictionary<string, string> overrides)
        {
            var defaults = new Dictionary<string, (string Value, YamlScalarNode Node)>(StringComparer.Ordinal);
            if (node is not null and not YamlScalarNode { Value: null or "" })
            {
                if (node is not YamlMappingNode map)
                {
                    throw new FlowFormatException(At(node.Start), "variables is a mapping of name: default value");
                }

                foreach (var (k, v) in map.Children)
                {
                    var key = (k as YamlScalarNode)?.Value;
                    if (key is null || !VariableName().IsMatch(key))
                    {
                        throw new FlowFormatException(At(k.Start), $"invalid variable name \"{key}\"; use letters, digits, _ . - and start with a letter");
                    }

                    defaults[key] = (AsScalar(v, $"variable {key}").Value ?? "", (YamlScalarNode)v);
                }
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in overrides)
            {
                values[key] = value;
            }

            // Defaults may refer to other variables (refundUrl: ${baseUrl}/refund); resolve them in dependency order.
            var pending = defaults.Where(d => !values.ContainsKey(d.Key)).ToDictionary(d => d.Key, d => d.Value);
            _variables = values;
            while (pending.Count > 0)
            {
                var ready = pending.FirstOrDefault(p => References(p.Value.Value).All(values.ContainsKey));
                if (ready.Key is null)
                {
                    // Either a reference to an unknown variable (reported with its position) or a cycle.
                    var known = values.Keys.Concat(pending.Keys).ToHashSet(StringComparer.Ordinal);
                    _variables = known.ToDictionary(k => k, k => values.GetValueOrDefault(k, ""), StringComparer.Ordinal);
                    foreach (var (_, (text, valueNode)) in pending.OrderBy(p => p.Value.Node.Start.Line))
                    {
                        if (References(text).Any(r => !known.Contains(r)))
                        {
                            Substitute(valueNode);
                        }
                    }

                    var first = pending.Values.OrderBy(p => p.Node.Start.Line).First().Node;
                    throw new FlowFormatException(At(first.Start), $"variables {string.Join(", ", pending.Keys)} refer to each other in a cycle in flow \"{_flowName}\"");
                }

                values[ready.Key] = Substitute(ready.Value.Node);
                pending.Remove(ready.Key);
            }

            return values;
        }

        private static IEnumerable<string> References(string text) =>
            VariableReference().Matches(text).Where(m => m.Groups["name"].Success).Select(m => m.Groups["name"].Value.Trim());

        private List<FlowStep> ReadSteps(YamlNode node)
        {
            if (node is not YamlSequenceNode sequence)
            {
                throw new FlowFormatException(At(node.Start), "steps is a list: one \"- sentence\" per line, or \"- expect: sentence\"");
            }

            if (sequence.Children.Count == 0)
            {
                throw new FlowFormatException(At(node.Start), $"flow \"{_flowName}\" has no steps");
            }

            var steps = new List<FlowStep>();
            foreach (var item in sequence.Children)
            {
                switch (item)
                {
                    case YamlScalarNode scalar:
                        _usedByStep.Clear();
                        var text = Substitute(scalar).Trim();
                        if (text.Length == 0)
                        {
                            throw new FlowFormatException(At(scalar.Start), "empty step; write what to do, for example \"Click Sign in\"");
                        }

                        if (_usedByStep.Overlaps(_emptyOptional))
                        {
                            // "Type ${notes} into Notes" with no notes: the step has nothing to do.
                            break;
                        }

                        steps.Add(new FlowStep(steps.Count + 1, At(scalar.Start)) { Instruction = text });
                        break;
                    case YamlMappingNode map when map.Children.Count == 1 && map.Children.First().Key is YamlScalarNode { Value: "expect" }:
                        foreach (var expectation in ReadExpectationList(map.Children.First().Value))
                        {
                            steps.Add(new FlowStep(steps.Count + 1, expectation.Location) { Expectation = expectation });
                        }

                        break;
                    case YamlMappingNode map:
                        var bad = map.Children.First(c => c.Key is not YamlScalarNode { Value: "expect" }).Key;
                        throw new FlowFormatException(At(bad.Start), $"a step is a sentence or \"expect: sentence\", not \"{(bad as YamlScalarNode)?.Value}:\"; quote a sentence that contains \": \"");
                    default:
                        throw new FlowFormatException(At(item.Start), "a step is a sentence or \"expect: sentence\", not a list");
                }
            }

            return steps;
        }

        private List<Expectation> ReadExpectationList(YamlNode node) => node switch
        {
            YamlSequenceNode sequence => sequence.Children.Select(ReadExpectation).ToList(),
            _ => [ReadExpectation(node)],
        };

        private Expectation ReadExpectation(YamlNode node)
        {
            switch (node)
            {
                case YamlScalarNode scalar:
                    return ExpectationParser.Parse(Substitute(scalar), At(scalar.Start));
                case YamlMappingNode map when map.Children.Count == 1 && map.Children.First().Key is YamlScalarNode { Value: "region" }:
                    return ReadRegion(map.Children.First().Value);
                case YamlMappingNode map:
                    var key = map.Children.First().Key;
                    throw new FlowFormatException(At(key.Start), $"an expectation is a sentence or \"region: {{...}}\", not \"{(key as YamlScalarNode)?.Value}:\"; quote a sentence that contains \": \"");
                default:
                    throw new FlowFormatException(At(node.Start), "an expectation is a sentence or \"region: {...}\"");
            }
        }

        private VisualRegionExpectation ReadRegion(YamlNode node)
        {
            if (node is not YamlMappingNode map)
            {
                throw new FlowFormatException(At(node.Start), $"region is a mapping with {string.Join(", ", RegionKeys)}");
            }

            var values = new Dictionary<string, YamlScalarNode>(StringComparer.Ordinal);
            foreach (var (k, v) in map.Children)
            {
                var key = (k as YamlScalarNode)?.Value ?? "";
                if (!RegionKeys.Contains(key))
                {
                    throw new FlowFormatException(At(k.Start), $"unknown region key \"{key}\" (expected: {string.Join(", ", RegionKeys)})");
                }

                values[key] = AsScalar(v, $"region {key}");
            }

            double Number(string key, double? fallback = null)
            {
                if (!values.TryGetValue(key, out var n))
                {
                    return fallback ?? throw new FlowFormatException(At(map.Start), $"region needs \"{key}\" (CSS pixels of the viewport)");
                }

                var text = Substitute(n);
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0
                    ? d
                    : throw new FlowFormatException(At(n.Start), $"region {key} must be a number ≥ 0, not \"{text}\"");
            }

            if (!values.TryGetValue("baseline", out var baselineNode))
            {
                throw new FlowFormatException(At(map.Start), "region needs \"baseline\": the PNG to compare with (relative to the flow file)");
            }

            var rect = new ScreenRect(Number("x"), Number("y"), Number("width"), Number("height"));
            if (rect.Width <= 0 || rect.Height <= 0)
            {
                throw new FlowFormatException(At(map.Start), "region width and height must be greater than 0");
            }

            var tolerance = Number("tolerance", 0.01);
            if (tolerance > 1)
            {
                throw new FlowFormatException(At(values["tolerance"].Start), "region tolerance is a fraction of pixels between 0 and 1 (0.02 = 2 %)");
            }

            var name = values.TryGetValue("name", out var n) ? Substitute(n) : "region";
            var baseline = Path.GetFullPath(Path.Combine(baseDirectory, Substitute(baselineNode)));
            return new VisualRegionExpectation(name, rect, baseline, tolerance)
            {
                Source = FormattableString.Invariant($"region \"{name}\" {rect} matches {Path.GetFileName(baseline)}"),
                Location = At(map.Start),
            };
        }

        private List<string> ReadTags(YamlNode node) => node switch
        {
            YamlSequenceNode sequence => sequence.Children.Select(c => Substitute(AsScalar(c, "tag")).Trim()).Where(t => t.Length > 0).ToList(),
            YamlScalarNode scalar => Substitute(scalar).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            _ => throw new FlowFormatException(At(node.Start), "tags is a list of words: tags: [smoke, refund]"),
        };

        private YamlScalarNode AsScalar(YamlNode node, string what) =>
            node as YamlScalarNode ?? throw new FlowFormatException(At(node.Start), $"{what} must be a single value, not a list or mapping");

        private string ScalarText(YamlNode node, string what) => AsScalar(node, what).Value ?? "";

        /// <summary>Replaces ${name} with its value; $${ is a literal ${. Unknown names are an error at their position.</summary>
        private string Substitute(YamlScalarNode node)
        {
            var text = node.Value ?? "";
            if (!text.Contains('$', StringComparison.Ordinal))
            {
                return text;
            }

            var sb = new StringBuilder();
            var last = 0;
            foreach (Match m in VariableReference().Matches(text))
            {
                sb.Append(text, last, m.Index - last);
                last = m.Index + m.Length;
                if (!m.Groups["name"].Success)
                {
                    sb.Append("${");
                    continue;
                }

                var name = m.Groups["name"].Value.Trim();
                if (!_variables.TryGetValue(name, out var value))
                {
                    var known = _variables.Keys.Order(StringComparer.Ordinal).ToList();
                    throw new FlowFormatException(
                        PositionIn(node, m.Index),
                        $"unknown variable ${{{name}}} in flow \"{_flowName}\"; known variables: {(known.Count == 0 ? "none" : string.Join(", ", known))}. " +
                        $"Define it under variables: or pass --var {name}=VALUE");
                }

                _used.Add(name);
                _usedByStep.Add(name);
                sb.Append(value);
            }

            sb.Append(text, last, text.Length - last);
            return sb.ToString();
        }

        /// <summary>The location of a character of a scalar's value: exact for single-line scalars, the line for block scalars.</summary>
        private SourceLocation PositionIn(YamlScalarNode node, int offset)
        {
            var start = At(node.Start);
            var value = node.Value ?? "";
            var before = value[..offset];
            var newlines = before.Count(c => c == '\n');
            if (node.Style is ScalarStyle.Literal or ScalarStyle.Folded)
            {
                return start with { Line = start.Line + 1 + newlines };
            }

            if (newlines > 0)
            {
                return start with { Line = start.Line + newlines };
            }

            var quote = node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
            return start with { Column = start.Column + quote + offset };
        }

        private SourceLocation At(Mark mark) => new(source, (int)mark.Line, (int)mark.Column);

        private static string CleanYamlMessage(YamlException e)
        {
            // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the location is already in front.
            var message = e.Message;
            var at = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line:", StringComparison.Ordinal) && at > 0)
            {
                message = message[(at + 3)..];
            }

            return message.TrimEnd('.');
        }
    }
}
