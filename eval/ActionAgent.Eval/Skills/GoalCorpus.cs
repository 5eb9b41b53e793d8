using YamlDotNet.RepresentationModel;

namespace ActionAgent.Eval.Skills;

/// <summary>Reads eval/goals/corpus.yaml (format in its header).</summary>
public static class GoalCorpus
{
    /// <summary>The tasks of the corpus file, in order.</summary>
    public static IReadOnlyList<GoalTask> Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var tasks = (YamlSequenceNode)root.Children[new YamlScalarNode("tasks")];
        return tasks.Children.Cast<YamlMappingNode>().Select(t =>
        {
            string S(string key) => t.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value ?? "" : "";
            var parameters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (t.Children.TryGetValue(new YamlScalarNode("params"), out var p) && p is YamlMappingNode map)
            {
                foreach (var (k, v) in map.Children)
                {
                    parameters[((YamlScalarNode)k).Value!] = v is YamlSequenceNode seq
                        ? seq.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList()
                        : [((YamlScalarNode)v).Value ?? ""];
                }
            }

            var ask = t.Children.TryGetValue(new YamlScalarNode("ask"), out var a) && a is YamlSequenceNode list
                ? list.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList()
                : [];
            return new GoalTask(S("id"), S("task"), S("skill"), parameters, ask);
        }).ToList();
    }
}
