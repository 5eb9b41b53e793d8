using YamlDotNet.Serialization;

namespace ActionAgent.Eval;

/// <summary>Reads eval/tasks/*.yaml into <see cref="EvalTask"/>s; any malformed task is a one-line error naming it.</summary>
public static class TaskFile
{
    /// <summary>Loads every task of the file, in file order.</summary>
    public static IReadOnlyList<EvalTask> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"task file {path} not found; pass --tasks eval/tasks/tasks.yaml");
        }

        var root = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object?>>(File.ReadAllText(path));
        if (root is null || !root.TryGetValue("tasks", out var list) || list is not List<object?> items)
        {
            throw new InvalidDataException($"{path}: expected a top-level 'tasks:' list");
        }

        var tasks = new List<EvalTask>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is not Dictionary<object, object?> map)
            {
                throw new InvalidDataException($"{path}: task #{tasks.Count + 1} is not a mapping");
            }

            var id = Text(map, "id", path, $"#{tasks.Count + 1}");
            if (!seen.Add(id))
            {
                throw new InvalidDataException($"{path}: task id '{id}' appears twice; ids must be unique");
            }

            tasks.Add(new EvalTask(
                id,
                Text(map, "category", path, id),
                Text(map, "page", path, id),
                Text(map, "path", path, id),
                Text(map, "instruction", path, id),
                Text(map, "check", path, id),
                Steps(map, "setup", path, id),
                Steps(map, "reference", path, id)));
            if (tasks[^1].Reference.Count == 0)
            {
                throw new InvalidDataException($"{path}: task '{id}' has no reference steps; every task needs a scripted solution");
            }
        }

        return tasks;
    }

    private static string Text(Dictionary<object, object?> map, string key, string path, string id) =>
        map.TryGetValue(key, out var value) && value is string s && s.Trim().Length > 0
            ? s.Trim()
            : throw new InvalidDataException($"{path}: task '{id}' needs a non-empty '{key}'");

    private static IReadOnlyList<EvalStep> Steps(Dictionary<object, object?> map, string key, string path, string id)
    {
        if (!map.TryGetValue(key, out var value) || value is null)
        {
            return [];
        }

        if (value is not List<object?> list)
        {
            throw new InvalidDataException($"{path}: task '{id}' {key} must be a list of steps");
        }

        var steps = new List<EvalStep>();
        foreach (var entry in list)
        {
            if (entry is not Dictionary<object, object?> step || step.Count != 1)
            {
                throw new InvalidDataException($"{path}: task '{id}' {key} step {steps.Count + 1} must be one 'verb: argument' pair");
            }

            var (verbObj, arg) = step.First();
            var verb = verbObj.ToString() ?? "";
            if (!EvalStep.Verbs.Contains(verb))
            {
                throw new InvalidDataException($"{path}: task '{id}' {key} step {steps.Count + 1} has unknown verb '{verb}'; use one of {string.Join(", ", EvalStep.Verbs)}");
            }

            IReadOnlyList<string> args = arg switch
            {
                string s => [s],
                List<object?> l => l.Select(a => a?.ToString() ?? "").ToList(),
                _ => throw new InvalidDataException($"{path}: task '{id}' {key} step {steps.Count + 1} ({verb}) needs an argument"),
            };
            steps.Add(new EvalStep(verb, args));
        }

        return steps;
    }
}
