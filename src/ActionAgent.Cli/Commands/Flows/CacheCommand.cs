using System.CommandLine;
using ActionAgent.Cli.Output;
using ActionAgent.Flows.Caching;

namespace ActionAgent.Cli.Commands.Flows;

/// <summary><c>actionagent cache merge FILE… [-o OUT]</c>: one action cache from the caches of parallel (sharded) test runs.</summary>
public static class CacheCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Action cache files written by the shard runs (--cache)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output", "-o") { Description = $"The merged cache file (default: {ActionCache.DefaultPath})" };
        var merge = new Command("merge", "Merge action caches; for a key in several, the entry stored last wins (then the one served more often)") { files, output };
        merge.SetAction(async (result, ct) =>
        {
            var inputs = result.GetValue(files) ?? [];
            var caches = new List<ActionCache>();
            foreach (var file in inputs)
            {
                if (!File.Exists(file))
                {
                    return Fail($"{file}: no such cache file; give the --cache files the shard runs wrote");
                }

                try
                {
                    caches.Add(ActionCache.Load(file));
                }
                catch (InvalidDataException e)
                {
                    return Fail(e.Message);
                }
            }

            var path = result.GetValue(output) ?? ActionCache.DefaultPath;
            var (merged, conflicts) = ActionCacheMerger.Merge(caches, path);
            await merged.SaveAsync(ct);
            Console.Out.WriteLine($"cache: {merged.Count} entries from {inputs.Length} files ({conflicts} conflicting keys, the entry stored last kept) written to {path}");
            return ExitCodes.Success;
        });
        return new Command("cache", "Work with the action cache (.actionagent/cache.json)") { merge };
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
