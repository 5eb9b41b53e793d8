using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ActionAgent.Eval;

/// <summary>Writes a run's results as JSON and markdown (per task, per category, summary line).</summary>
public static class ResultWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The one-line summary: success rate and false completions.</summary>
    public static string Summary(string agent, IReadOnlyList<TaskResult> results)
    {
        var passed = results.Count(r => r.Passed);
        var rate = results.Count == 0 ? 0 : 100.0 * passed / results.Count;
        return string.Create(CultureInfo.InvariantCulture,
            $"agent={agent} tasks={results.Count} passed={passed} success={rate:0.0}% false_completions={results.Count(r => r.FalseCompletion)} claimed_completed={results.Count(r => r.ClaimedStatus == "Completed")}");
    }

    /// <summary>Writes {stem}.json and {stem}.md into the folder and returns the markdown path.</summary>
    public static string Write(string folder, string stem, EvalOptions options, IReadOnlyList<TaskResult> results, TimeSpan elapsed)
    {
        Directory.CreateDirectory(folder);
        var summary = Summary(options.Agent, results);
        var json = new
        {
            schemaVersion = 1,
            agent = options.Agent,
            label = options.Label,
            cli = options.Agent == "actionagent" ? options.CliPath : null,
            tasksFile = options.TasksPath,
            filter = options.Filter,
            maxSteps = options.MaxSteps,
            stepTimeoutSeconds = options.StepTimeoutSeconds,
            taskTimeoutSeconds = options.TaskTimeoutSeconds,
            elapsedSeconds = Math.Round(elapsed.TotalSeconds, 1),
            summary,
            categories = Categories(results).Select(c => new { category = c.Name, tasks = c.Count, passed = c.Passed, falseCompletions = c.False }),
            results,
        };
        File.WriteAllText(Path.Combine(folder, stem + ".json"), JsonSerializer.Serialize(json, Json));

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Eval results: {options.Label}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"`{summary}` (elapsed {elapsed.TotalMinutes:0.0} min; max-steps {options.MaxSteps}, step-timeout {options.StepTimeoutSeconds} s, task-timeout {options.TaskTimeoutSeconds} s)");
        md.AppendLine();
        md.AppendLine("| category | tasks | passed | success | false completions |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var c in Categories(results))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Name} | {c.Count} | {c.Passed} | {100.0 * c.Passed / c.Count:0}% | {c.False} |");
        }

        md.AppendLine();
        md.AppendLine("| task | check | claimed | exit | s | false done | instruction | agent message |");
        md.AppendLine("|---|---|---|---:|---:|---|---|---|");
        foreach (var r in results)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Id} | {(r.Passed ? "pass" : "FAIL")} | {r.ClaimedStatus} | {r.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {r.Seconds:0.0} | {(r.FalseCompletion ? "**yes**" : "")} | {Cell(r.Instruction)} | {Cell(r.CheckError is null ? r.Message : $"{r.Message} (check error: {r.CheckError})")} |");
        }

        var path = Path.Combine(folder, stem + ".md");
        File.WriteAllText(path, md.ToString());
        return path;
    }

    private static IEnumerable<(string Name, int Count, int Passed, int False)> Categories(IReadOnlyList<TaskResult> results) =>
        results.GroupBy(r => r.Category).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), g.Count(r => r.Passed), g.Count(r => r.FalseCompletion)));

    private static string Cell(string text)
    {
        var flat = text.Replace('\n', ' ').Replace("|", "\\|", StringComparison.Ordinal).Trim();
        return flat.Length > 160 ? flat[..157] + "..." : flat;
    }
}
