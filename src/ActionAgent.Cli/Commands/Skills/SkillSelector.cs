using System.Globalization;
using ActionAgent.Cli.Output;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Skills;

namespace ActionAgent.Cli.Commands.Skills;

/// <summary>
/// Picks the skill for a task and fills its parameters; what the task leaves open is asked on the terminal
/// (<paramref name="ask"/> non-null) or, without one, stops the run with exit 1 naming it. Never guesses: an
/// ambiguous skill, a missing value or a weak option match is a question.
/// </summary>
public sealed class SkillSelector(SkillPicker picker, SkillFiller filler, TextWriter messages, Func<string, string?>? ask)
{
    /// <summary>Decides what to do with <paramref name="task"/> given the loaded <paramref name="skills"/>.</summary>
    public SkillChoice Choose(string task, IReadOnlyList<FlowDefinition> skills)
    {
        var pick = picker.Pick(task, skills);
        var closest = string.Join(", ", pick.Closest(3).Select(s => $"{SkillCatalog.IdOf(s.Skill)} ({s.Score.ToString("0.00", CultureInfo.InvariantCulture)})"));
        FlowDefinition skill;
        double score;
        switch (pick.Outcome)
        {
            case SkillPickOutcome.NoMatch:
                messages.WriteLine($"no skill matches this task well enough (closest: {closest}); reading it as explicit steps");
                return new SkillChoice { FallBack = true };
            case SkillPickOutcome.Ambiguous:
                var tied = pick.Tied;
                var listing = string.Join(", ", tied.Select(s => $"{SkillCatalog.IdOf(s.Skill)} ({s.Score.ToString("0.00", CultureInfo.InvariantCulture)})"));
                if (ask is null)
                {
                    return Stop($"the task matches more than one skill: {listing}; say which (name the skill's words in the task) or run with --no-skills");
                }

                var answer = ask($"Which skill? {string.Join(" / ", tied.Select((s, i) => $"{i + 1}) {SkillCatalog.IdOf(s.Skill)}"))} (or none): ")?.Trim() ?? "";
                var chosen = int.TryParse(answer, out var n) && n >= 1 && n <= tied.Count ? tied[n - 1]
                    : tied.FirstOrDefault(s => string.Equals(SkillCatalog.IdOf(s.Skill), answer, StringComparison.OrdinalIgnoreCase));
                if (chosen is null)
                {
                    return Stop($"no skill chosen (\"{answer}\"); the task matches {listing}");
                }

                (skill, score) = (chosen.Skill, chosen.Score);
                break;
            default:
                (skill, score) = (pick.Ranked[0].Skill, pick.Ranked[0].Score);
                break;
        }

        var fill = filler.Fill(skill, task);
        var answered = new List<string>();
        foreach (var question in fill.Questions.ToList())
        {
            if (ask is null)
            {
                var open = string.Join("; ", fill.Questions.Select(q => $"{q.Parameter.Name}: {q.Why}"));
                return Stop($"skill {SkillCatalog.IdOf(skill)} needs {string.Join(", ", fill.Questions.Select(q => q.Parameter.Name))} ({open}); put it in the task and run again");
            }

            var value = AskFor(question);
            if (value is null)
            {
                return Stop($"skill {SkillCatalog.IdOf(skill)}: no valid {question.Parameter.Name} given");
            }

            fill = fill.Answer(question.Parameter.Name, value);
            answered.Add(question.Parameter.Name);
        }

        return new SkillChoice { Fill = fill, Score = score, Answered = answered };
    }

    private string? AskFor(ParameterQuestion question)
    {
        var p = question.Parameter;
        var choices = p.Type == SkillParameterType.Option ? $" [{string.Join(" / ", p.Options)}]" : "";
        var answer = ask!($"{p.Name} ({question.Why}){choices}: ")?.Trim() ?? "";
        return Valid(p, answer);
    }

    /// <summary>The answer as the parameter's value (money with two decimals, dates as yyyy-MM-dd), or null when it is not one.</summary>
    public static string? Valid(SkillParameter p, string answer) => SkillParameterValue.Read(p, answer);

    private static SkillChoice Stop(string message) => new() { ExitCode = ExitCodes.RunFailed, Message = message };
}
