using System.Text.Json;

namespace ActionAgent.Flows.Caching;

/// <summary>
/// Decisions remembered between runs (default file .actionagent/cache.json), keyed by instruction, step and page
/// signature. Thread-safe; <see cref="SaveAsync"/> writes atomically.
/// </summary>
public sealed class ActionCache
{
    /// <summary>The cache file format version.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The default location, relative to the working folder.</summary>
    public const string DefaultPath = ".actionagent/cache.json";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, CachedAction> _entries = new(StringComparer.Ordinal);

    /// <summary>An empty cache that saves to <paramref name="path"/> (null: memory only).</summary>
    public ActionCache(string? path = null)
    {
        FilePath = path;
    }

    /// <summary>The file it loads from and saves to; null for a memory-only cache.</summary>
    public string? FilePath { get; }

    /// <summary>Number of entries.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Loads the cache file, or starts empty when it does not exist. A corrupt file or another schema version throws
    /// <see cref="InvalidDataException"/> saying to delete it (the cache is rebuilt by the next run).
    /// </summary>
    public static ActionCache Load(string path = DefaultPath)
    {
        ArgumentNullException.ThrowIfNull(path);
        var cache = new ActionCache(path);
        if (!File.Exists(path))
        {
            return cache;
        }

        ActionCacheFile? file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllText(path), FlowsJsonContext.Default.ActionCacheFile);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid action cache ({e.Message}); delete it and the next run rebuilds it.", e);
        }

        if (file is null || file.SchemaVersion != SchemaVersion)
        {
            throw new InvalidDataException($"{path} has cache schemaVersion {file?.SchemaVersion}; this ActionAgent uses {SchemaVersion}. Delete it and the next run rebuilds it.");
        }

        foreach (var entry in file.Entries)
        {
            cache._entries[entry.Key] = entry;
        }

        return cache;
    }

    /// <summary>The key for an instruction at a step on a page: normalised instruction | step | signature.</summary>
    public static string KeyFor(string instruction, int step, string pageSignature) =>
        $"{TextSimilarity.NormalizeText(instruction)}|{step}|{pageSignature}";

    /// <summary>The entry with exactly this key, or null.</summary>
    public CachedAction? Get(string key)
    {
        lock (_gate)
        {
            return _entries.GetValueOrDefault(key);
        }
    }

    /// <summary>The most recent entry for the instruction and step on the same URL path, whatever the page looked like.</summary>
    public CachedAction? FindSimilar(string instruction, int step, string urlPath)
    {
        var normalized = TextSimilarity.NormalizeText(instruction);
        lock (_gate)
        {
            return _entries.Values
                .Where(e => e.Step == step && e.UrlPath == urlPath && TextSimilarity.NormalizeText(e.Instruction) == normalized)
                .MaxBy(e => e.UpdatedAt);
        }
    }

    /// <summary>The most recent entry that finished the instruction (a terminal action) at this step, on any page.</summary>
    public CachedAction? FindFinished(string instruction, int step)
    {
        var normalized = TextSimilarity.NormalizeText(instruction);
        lock (_gate)
        {
            return _entries.Values
                .Where(e => e.Step == step && e.Proposal.Action.IsTerminal && TextSimilarity.NormalizeText(e.Instruction) == normalized)
                .MaxBy(e => e.UpdatedAt);
        }
    }

    /// <summary>Adds or replaces an entry.</summary>
    public void Put(CachedAction entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            _entries[entry.Key] = entry;
        }
    }

    /// <summary>Removes an entry; true when it was there.</summary>
    public bool Remove(string key)
    {
        lock (_gate)
        {
            return _entries.Remove(key);
        }
    }

    /// <summary>A copy of all entries.</summary>
    public IReadOnlyList<CachedAction> Entries()
    {
        lock (_gate)
        {
            return _entries.Values.OrderBy(e => e.Key, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>Writes the cache file (atomically, through a temporary file). Does nothing for a memory-only cache.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken = default)
    {
        if (FilePath is null)
        {
            return;
        }

        var file = new ActionCacheFile { Entries = Entries() };
        var dir = Path.GetDirectoryName(Path.GetFullPath(FilePath))!;
        Directory.CreateDirectory(dir);
        var tmp = FilePath + ".tmp";
        await File.WriteAllTextAsync(tmp, JsonSerializer.Serialize(file, FlowsJsonContext.Default.ActionCacheFile), cancellationToken).ConfigureAwait(false);
        File.Move(tmp, FilePath, overwrite: true);
    }
}
