using System.Globalization;
using ActionAgent.Flows.Definition;

namespace ActionAgent.Flows.Running;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (1-based, <c>--shard 2/3</c>). The flows are sorted by their file's
/// path relative to the working folder ('/' separators, ordinal) and then by name, and dealt round-robin: the same
/// flows give the same split on any machine, whatever order the file system lists them in; shards are disjoint, cover
/// every flow and differ in size by at most one.
/// </summary>
public sealed record FlowShard(int Index, int Count)
{
    /// <summary>Parses "i/n" (1 ≤ i ≤ n); on bad input returns null and a one-line <paramref name="error"/> saying what to give.</summary>
    public static FlowShard? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            error = $"--shard takes i/n with whole numbers, got \"{text}\" (for example --shard 2/3 runs the second of three shards)";
            return null;
        }

        if (count < 1 || index < 1 || index > count)
        {
            error = $"--shard {text}: the shard number must be from 1 to the shard count, and the count at least 1 (for example --shard 1/{Math.Max(count, 1)})";
            return null;
        }

        error = null;
        return new FlowShard(index, count);
    }

    /// <summary>
    /// The flows and load errors of this shard. Flows outside the tag filter are kept (the runner leaves them out and
    /// counts them, as without sharding); the others and the files that did not load are split.
    /// </summary>
    public FlowLoadResult Select(FlowLoadResult loaded, IReadOnlyCollection<string> tags, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(tags);
        var items = loaded.Flows.Where(f => f.HasAnyTag(tags)).Select(f => (Key: SortKey(f.SourcePath, f.Name, workingDirectory), Flow: (FlowDefinition?)f, Error: (FlowLoadError?)null))
            .Concat(loaded.Errors.Select(e => (Key: SortKey(e.Path, "", workingDirectory), Flow: (FlowDefinition?)null, Error: (FlowLoadError?)e)))
            .OrderBy(x => x.Key, StringComparer.Ordinal)
            .Where((_, i) => i % Count == Index - 1)
            .ToList();
        var mine = items.Select(x => x.Flow).OfType<FlowDefinition>().ToHashSet();
        return new FlowLoadResult(
            loaded.Flows.Where(f => !f.HasAnyTag(tags) || mine.Contains(f)).ToList(),
            items.Select(x => x.Error).OfType<FlowLoadError>().ToList());
    }

    /// <summary>The number of flows and unloadable files that are split between shards.</summary>
    public static int Splittable(FlowLoadResult loaded, IReadOnlyCollection<string> tags)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return loaded.Flows.Count(f => f.HasAnyTag(tags)) + loaded.Errors.Count;
    }

    /// <summary>"flows/refund.yaml\nFile a refund": relative, '/'-separated, so that every machine sorts the same.</summary>
    internal static string SortKey(string path, string name, string workingDirectory)
    {
        var relative = path.Length == 0 ? "" : Path.GetRelativePath(workingDirectory, Path.GetFullPath(path, workingDirectory));
        return relative.Replace('\\', '/') + "\n" + name;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";
}
