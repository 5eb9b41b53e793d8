using System.Globalization;
using ActionAgent.Flows.Caching;
using ActionAgent.Flows.Running;

namespace ActionAgent.Flows.Reporting;

/// <summary>
/// Merges the report folders of several shard runs (each with <c>results.json</c>) into one run, as if it had not been
/// sharded: results in sorted flow-file order, counts and cache statistics summed, the earliest start and the longest
/// shard as the duration. Refuses (<see cref="InvalidDataException"/>, one line) a folder that is missing or holds no
/// results, mixed format versions, a flow in two shards, shards of different splits, and a missing shard.
/// </summary>
public static class SuiteResultsMerger
{
    /// <summary>Reads and merges the results of <paramref name="directories"/>.</summary>
    public static FlowSuiteResult Merge(IReadOnlyList<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        if (directories.Count == 0)
        {
            throw new InvalidDataException("--merge needs at least one report folder written by actionagent test");
        }

        var files = new List<(string Dir, SuiteResultsFile File)>();
        foreach (var dir in directories)
        {
            var path = Path.Combine(dir, SuiteResults.FileName);
            if (!Directory.Exists(dir))
            {
                throw new InvalidDataException($"{dir}: no such folder; give the report folders (--html) of the shard runs");
            }

            if (!File.Exists(path))
            {
                throw new InvalidDataException($"{dir} holds no test results ({SuiteResults.FileName}); give a folder written by actionagent test (its --html folder)");
            }

            var file = SuiteResults.Read(path);
            if (file.SchemaVersion != SuiteResults.SchemaVersion)
            {
                throw new InvalidDataException($"{path} has results schemaVersion {file.SchemaVersion}; this ActionAgent merges {SuiteResults.SchemaVersion}. Run every shard with the same ActionAgent version");
            }

            files.Add((dir, file));
        }

        CheckShards(files);
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (dir, file) in files)
        {
            foreach (var name in file.Flows.Select(f => f.Name).Concat(file.LoadErrors.Select(e => e.Path)))
            {
                if (seen.TryGetValue(name, out var other))
                {
                    throw new InvalidDataException($"\"{name}\" is in both {other} and {dir}: the shards overlap; merge the folders of one sharded run (--shard 1/n … n/n) only");
                }

                seen[name] = dir;
            }
        }

        var suites = files.Select(f => ToSuite(f.Dir, f.File)).ToList();
        var caches = suites.Select(s => s.Cache).OfType<CacheStatistics>().ToList();
        return new FlowSuiteResult(
            suites.SelectMany(s => s.Results).OrderBy(r => FlowShard.SortKey(r.Flow.SourcePath, r.Flow.Name, "/"), StringComparer.Ordinal).ToList(),
            suites.Min(s => s.StartedAt),
            suites.Max(s => s.Duration))
        {
            LoadErrors = suites.SelectMany(s => s.LoadErrors).OrderBy(e => e.Path, StringComparer.Ordinal).ToList(),
            FilteredOut = suites.Max(s => s.FilteredOut), // every shard counts the same flows outside the tag filter
            Cache = caches.Count == 0 ? null : caches.Aggregate((a, b) =>
                new CacheStatistics(a.Hits + b.Hits, a.Misses + b.Misses, a.Relocated + b.Relocated, a.Healed + b.Healed, a.Invalidated + b.Invalidated)),
            Heals = suites.SelectMany(s => s.Heals).OrderBy(h => h.At).ToList(),
        };
    }

    private static FlowSuiteResult ToSuite(string dir, SuiteResultsFile file)
    {
        try
        {
            return SuiteResults.ToSuite(file);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{Path.Combine(dir, SuiteResults.FileName)} is damaged ({e.Message}); run that shard again", e);
        }
    }

    /// <summary>Sharded results must come from one split (same n, same total) and all n shards must be there.</summary>
    private static void CheckShards(List<(string Dir, SuiteResultsFile File)> files)
    {
        var sharded = files.Where(f => f.File.Shard is not null).ToList();
        if (sharded.Count == 0)
        {
            return;
        }

        var shards = sharded.Select(f => (f.Dir, f.File, Shard: FlowShard.Parse(f.File.Shard!, out _)
            ?? throw new InvalidDataException($"{f.Dir}: results say shard \"{f.File.Shard}\", which is not i/n"))).ToList();
        var first = shards[0];
        foreach (var s in shards.Skip(1))
        {
            if (s.Shard.Count != first.Shard.Count || s.File.ShardedFrom != first.File.ShardedFrom)
            {
                throw new InvalidDataException(
                    $"{first.Dir} is shard {first.Shard} of {first.File.ShardedFrom} flows but {s.Dir} is shard {s.Shard} of {s.File.ShardedFrom}: merge the shards of one run only");
            }
        }

        if (sharded.Count != files.Count)
        {
            throw new InvalidDataException($"{files.First(f => f.File.Shard is null).Dir} holds a whole run and {first.Dir} a shard: merge the shards of one run only");
        }

        var missing = Enumerable.Range(1, first.Shard.Count).Where(i => shards.All(s => s.Shard.Index != i)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"shard {string.Join(", ", missing.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i}/{first.Shard.Count}")))} missing: give the report folder of every shard (the counts would not be the whole run's)");
        }
    }
}
