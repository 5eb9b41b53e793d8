using System.Diagnostics;
using ActionAgent.Flows.Skills;
using ActionAgent.Meaning;

namespace ActionAgent.Eval.Skills;

/// <summary>
/// <c>actionagent-eval skills</c>: runs skill picking and parameter filling (no browser) over the goal corpus and prints
/// the share of tasks with the right skill and the right parameters, and how many would run with a wrong value.
/// </summary>
public static class SkillsEvalRunner
{
    /// <summary>Usage of the skills mode.</summary>
    public const string Usage = "usage: actionagent-eval skills [--corpus eval/goals/corpus.yaml] [--skills DIR]... [--quiet] [--task \"one task to explain\"] [--threshold X] [--pick-margin X] [--accept X] [--margin X]";

    /// <summary>Runs the eval; returns the exit code (0, or 2 for bad input).</summary>
    public static int Run(string[] args)
    {
        var root = RepoRoot();
        var corpusPath = Path.Combine(root, "eval", "goals", "corpus.yaml");
        var dirs = new List<string>();
        var quiet = false;
        string? single = null;
        var pickOptions = new SkillPickerOptions();
        var optionOptions = new OptionMatcherOptions();
        double Number(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--corpus" when i + 1 < args.Length: corpusPath = Path.GetFullPath(args[++i]); break;
                case "--skills" when i + 1 < args.Length: dirs.Add(Path.GetFullPath(args[++i])); break;
                case "--quiet": quiet = true; break;
                case "--task" when i + 1 < args.Length: single = args[++i]; break;
                case "--threshold" when i + 1 < args.Length: pickOptions = new SkillPickerOptions { Threshold = Number(args[++i]), Margin = pickOptions.Margin }; break;
                case "--pick-margin" when i + 1 < args.Length: pickOptions = new SkillPickerOptions { Threshold = pickOptions.Threshold, Margin = Number(args[++i]) }; break;
                case "--accept" when i + 1 < args.Length: optionOptions = new OptionMatcherOptions { Accept = Number(args[++i]), Margin = optionOptions.Margin }; break;
                case "--margin" when i + 1 < args.Length: optionOptions = new OptionMatcherOptions { Accept = optionOptions.Accept, Margin = Number(args[++i]) }; break;
                default:
                    Console.Error.WriteLine($"error: unknown argument \"{args[i]}\"");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        if (dirs.Count == 0)
        {
            dirs = [Path.Combine(root, "flows", "skills"), Path.Combine(root, "eval", "goals", "skills")];
        }

        var catalog = SkillCatalog.Load(dirs, new Dictionary<string, string> { ["baseUrl"] = "http://127.0.0.1" });
        foreach (var error in catalog.Errors)
        {
            Console.Error.WriteLine($"error: {error.Message}");
        }

        if (catalog.Errors.Count > 0)
        {
            return 2;
        }

        var tasks = single is null ? GoalCorpus.Load(corpusPath) : [new GoalTask("task", single, "?", new Dictionary<string, IReadOnlyList<string>>(), [])];
        var model = MiniLmMeaningModel.Instance;
        var clock = Stopwatch.StartNew();
        model.EnsureLoaded();
        var filler = new SkillFiller(model, optionOptions);
        var picker = new SkillPicker(model, pickOptions, (skill, text) => filler.Fill(skill, text).Masked);
        int right = 0, wrongSkillRun = 0, wrongParams = 0, asked = 0;
        foreach (var task in tasks)
        {
            var pick = picker.Pick(task.Task, catalog.Skills);
            if (single is not null)
            {
                Explain(pick, filler, new OptionMatcher(model), single);
                return 0;
            }

            var verdict = Judge(task, pick, filler);
            right += verdict.Right ? 1 : 0;
            wrongSkillRun += verdict.WrongSkillRun ? 1 : 0;
            wrongParams += verdict.WrongParams ? 1 : 0;
            asked += verdict.Asked ? 1 : 0;
            if (!quiet && !verdict.Right)
            {
                var top = string.Join(", ", pick.Closest(2).Select(s => $"{SkillCatalog.IdOf(s.Skill)} {s.Score:0.00}"));
                Console.WriteLine($"{task.Id,-6} {(verdict.WrongSkillRun || verdict.WrongParams ? "WRONG" : "miss "),-5} {verdict.Detail} [{pick.Outcome}: {top}] {task.Task}");
            }
        }

        Console.WriteLine($"skills eval: {tasks.Count} tasks, {catalog.Skills.Count} skills, {clock.Elapsed.TotalSeconds:0.0} s (model load {model.LoadTime.TotalSeconds:0.0} s)");
        Console.WriteLine($"right skill + right parameters: {right}/{tasks.Count} ({100.0 * right / tasks.Count:0.0} %)");
        Console.WriteLine($"would run a wrong skill: {wrongSkillRun}; right skill with a wrong parameter value: {wrongParams}; asked or refused instead: {asked}");
        return 0;
    }

    private static void Explain(SkillPick pick, SkillFiller filler, OptionMatcher options, string task)
    {
        Console.WriteLine($"pick: {pick.Outcome}");
        foreach (var s in pick.Closest(4))
        {
            Console.WriteLine($"  {s.Score:0.000} {SkillCatalog.IdOf(s.Skill)} (\"{s.Phrasing}\")");
        }

        if (pick.Ranked.Count == 0)
        {
            return;
        }

        var fill = filler.Fill(pick.Ranked[0].Skill, task);
        foreach (var (name, value) in fill.Values)
        {
            Console.WriteLine($"  {name} = {value}");
        }

        foreach (var q in fill.Questions)
        {
            Console.WriteLine($"  ? {q.Parameter.Name}: {q.Why}");
        }

        // Each option's best score over the task's clauses (the whole task, before values are blanked out).
        foreach (var p in pick.Ranked[0].Skill.Parameters.Where(p => p.Type == SkillParameterType.Option))
        {
            var match = options.Match(task, p.Options, p.OptionMeanings);
            Console.WriteLine($"  {p.Name} scores: {string.Join(", ", match.Scores.Select(x => $"{x.Key} {x.Value:0.00}"))}");
        }
    }

    private static Verdict Judge(GoalTask task, SkillPick pick, SkillFiller filler)
    {
        if (pick.Outcome != SkillPickOutcome.Picked)
        {
            var none = task.Skill == "none" && pick.Outcome == SkillPickOutcome.NoMatch;
            return new Verdict(none, false, false, !none, none ? "" : $"no skill picked ({pick.Outcome})");
        }

        var id = SkillCatalog.IdOf(pick.Skill!);
        var fill = filler.Fill(pick.Skill!, task.Task);
        if (id != task.Skill)
        {
            // A wrong skill that still asks a question does not run; one with every value filled would.
            return new Verdict(false, fill.IsComplete, false, !fill.IsComplete, $"picked {id}");
        }

        var problems = new List<string>();
        var wrong = false;
        var values = fill.ValuesWithDefaults();
        foreach (var (name, expected) in task.Params)
        {
            var want = string.Join(", ", expected);
            if (!values.TryGetValue(name, out var got))
            {
                problems.Add($"{name} missing (want {want})");
            }
            else if (!string.Equals(got, want, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{name}={got} (want {want})");
                wrong = true;
            }
        }

        foreach (var name in task.Ask)
        {
            if (fill.Values.ContainsKey(name))
            {
                problems.Add($"{name}={fill.Values[name]} guessed (must ask)");
                wrong = true;
            }
        }

        foreach (var (name, value) in fill.Values.Where(v => !task.Params.ContainsKey(v.Key) && !task.Ask.Contains(v.Key)))
        {
            var parameter = pick.Skill!.Parameters.First(p => p.Name == name);
            if (value != (parameter.Default ?? ""))
            {
                problems.Add($"{name}={value} not in the task");
                wrong = true;
            }
        }

        var asks = fill.Questions.Select(q => q.Parameter.Name).ToHashSet(StringComparer.Ordinal);
        var unexpectedQuestions = asks.Where(a => !task.Ask.Contains(a)).ToList();
        if (unexpectedQuestions.Count > 0)
        {
            problems.Add($"asks {string.Join(", ", fill.Questions.Where(q => unexpectedQuestions.Contains(q.Parameter.Name)).Select(q => $"{q.Parameter.Name} ({q.Why})"))}");
        }

        var missingAsks = task.Ask.Where(a => !asks.Contains(a) && !fill.Values.ContainsKey(a)).ToList();
        if (missingAsks.Count > 0)
        {
            problems.Add($"does not ask {string.Join(", ", missingAsks)}");
        }

        return new Verdict(problems.Count == 0, false, wrong, unexpectedQuestions.Count > 0, string.Join("; ", problems));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ActionAgent.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidDataException("run from inside the repository (ActionAgent.sln not found above the current folder)");
    }

    private sealed record Verdict(bool Right, bool WrongSkillRun, bool WrongParams, bool Asked, string Detail);
}
