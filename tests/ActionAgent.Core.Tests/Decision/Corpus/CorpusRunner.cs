using System.Globalization;
using System.Runtime.CompilerServices;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision.Corpus;

/// <summary>One line of corpus.txt: a page, an instruction and the actions it should produce.</summary>
internal sealed record CorpusEntry(int Line, string Page, string Instruction, IReadOnlyList<string> Expected);

/// <summary>Loads the phrase corpus and runs each entry through the interpreter against a simulated page.</summary>
internal static class CorpusRunner
{
    public static string CorpusPath(string file = "corpus.txt", [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, file);

    public static IReadOnlyList<CorpusEntry> Load(string file = "corpus.txt")
    {
        var path = CorpusPath(file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the phrase corpus is read from the source tree; {path} is missing", path);
        }

        var entries = new List<CorpusEntry>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(" | ");
            if (parts.Length != 3)
            {
                throw new FormatException($"{file} line {i + 1}: expected 'page | instruction | expected', got '{line}'");
            }

            var expected = parts[2].Split(" ; ").Select(Canon).ToList();
            if (expected[^1] is not ("done" or "fail"))
            {
                expected.Add("done");
            }

            entries.Add(new CorpusEntry(i + 1, parts[0].Trim(), parts[1].Trim().Replace("\\n", "\n", StringComparison.Ordinal), expected));
        }

        return entries;
    }

    /// <summary>Runs an entry to its end (done or fail), applying each action to the page as a browser would.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(CorpusEntry entry, StepInterpreter interpreter)
    {
        var page = CorpusPages.Get(entry.Page);
        var history = new List<StepSummary>();
        var actual = new List<string>();
        var runId = $"corpus-{entry.Line}";
        for (var step = 1; step <= 20; step++)
        {
            var proposal = await interpreter.DecideAsync(new DecisionContext(runId, entry.Instruction, step, page, history.ToArray()));
            if (proposal.Action is DoneAction)
            {
                actual.Add("done");
                return actual;
            }

            if (proposal.Action is FailAction)
            {
                actual.Add("fail");
                return actual;
            }

            actual.Add(Describe(proposal.Action));
            page = Apply(page, proposal.Action);
            history.Add(new StepSummary(step, proposal.Action.Describe(), "done", true) { StepText = proposal.StepText });
        }

        actual.Add("(no end after 20 steps)");
        return actual;
    }

    public static string Describe(BrowserAction action) => action switch
    {
        ClickAction c => $"{c.Kind} #{c.Target.ElementId}",
        HoverAction h => $"hover #{h.Target.ElementId}",
        TypeTextAction t => $"type{(t.Target is null ? "" : $" #{t.Target.ElementId}")} \"{t.Text}\"{(t.PressEnter ? " +enter" : "")}",
        SelectOptionAction s => $"select #{s.Target.ElementId} \"{s.Option}\"",
        PressKeyAction p => $"press {p.Keys}",
        ScrollAction s => s.DeltaY >= 10_000 ? "scroll bottom" : s.DeltaY <= -10_000 ? "scroll top"
            : s.DeltaY > 0 ? "scroll down" : s.DeltaY < 0 ? "scroll up" : s.DeltaX > 0 ? "scroll right" : "scroll left",
        NavigateAction n => $"navigate {n.Url}",
        GoBackAction => "go_back",
        WaitAction w => w.UntilText is null
            ? string.Create(CultureInfo.InvariantCulture, $"wait {w.Duration.TotalSeconds:0.#}s")
            : $"wait \"{w.UntilText}\"",
        _ => action.Describe(),
    };

    private static string Canon(string expected) => string.Join(' ', expected.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    // What the browser would show after the action: typed values, toggled checkboxes, the chosen option.
    private static Observation Apply(Observation page, BrowserAction action)
    {
        var id = action.PrimaryTarget?.ElementId;
        var target = id is null ? null : page.Find(id.Value);
        if (target is null)
        {
            return page;
        }

        UiElement Change(UiElement e) => action switch
        {
            TypeTextAction t when e.Id == target.Id => e with { Value = t.ClearFirst ? t.Text : e.Value + t.Text },
            SelectOptionAction s when e.Id == target.Id => e with { Value = s.Option },
            ClickAction when target.Role == "radio" && e.Role == "radio" && e.NearbyText == target.NearbyText => e with { Checked = e.Id == target.Id },
            ClickAction when e.Id == target.Id && e.Checked is { } on => e with { Checked = !on },
            _ => e,
        };

        return page with { Elements = page.Elements.Select(Change).ToArray() };
    }
}
