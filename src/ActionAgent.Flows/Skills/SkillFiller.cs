using System.Text.RegularExpressions;
using ActionAgent.Core.Decision.Meaning;
using ActionAgent.Flows.Definition;

namespace ActionAgent.Flows.Skills;

/// <summary>
/// Fills a skill's parameters from a task, in an order that keeps readings apart: text patterns and quotes, then dates,
/// then money, then numbers the task names ("order 1042"), then what is left, then options by meaning. A value is
/// taken only when one reading fits; two readings (two amounts, two bare numbers for an id and an amount) or a weak
/// option match become a <see cref="ParameterQuestion"/>, never a guess.
/// </summary>
public sealed partial class SkillFiller(IMeaningModel model, OptionMatcherOptions? options = null)
{
    private readonly OptionMatcher _matcher = new(model);
    private readonly OptionMatcherOptions _options = options ?? new OptionMatcherOptions();

    [GeneratedRegex("\"(?<value>[^\"]+)\"")]
    private static partial Regex Quoted();

    /// <summary>Reads the values of <paramref name="skill"/>'s parameters from <paramref name="task"/>.</summary>
    public SkillFill Fill(FlowDefinition skill, string task)
    {
        ArgumentNullException.ThrowIfNull(skill);
        ArgumentNullException.ThrowIfNull(task);
        var work = task.ToCharArray();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var questions = new List<ParameterQuestion>();
        var parameters = skill.Parameters;

        var spans = new List<(int Start, int Length, string Name)>();
        void Take(SkillParameter p, string value) => values[p.Name] = value;
        void Blank(ValueMention m) => Array.Fill(work, ' ', m.Start, m.Length);
        void TakeAt(SkillParameter p, string value, ValueMention m)
        {
            Take(p, value);
            spans.Add((m.Start, m.Length, p.Name));
        }
        void Unclear(SkillParameter p, string why, IEnumerable<string> candidates) =>
            questions.Add(new ParameterQuestion(p, why, candidates.Distinct(StringComparer.Ordinal).ToList()));
        string Text() => new(work);

        // 1. Text: the parameter's own pattern, else the one quoted phrase of the task.
        foreach (var p in parameters.Where(p => p.Type == SkillParameterType.Text))
        {
            var m = p.Pattern is null ? null : Regex.Match(Text(), p.Pattern, RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
            if (m is { Success: true })
            {
                var g = m.Groups["value"].Success ? m.Groups["value"] : m.Groups[0];
                TakeAt(p, g.Value.Trim(), new ValueMention(g.Value, g.Index, g.Length, true));
                Blank(new ValueMention(g.Value, m.Index, m.Length, true));
            }
        }

        var quoteless = parameters.Where(p => p.Type == SkillParameterType.Text && p.Pattern is null && !values.ContainsKey(p.Name)).ToList();
        var quotes = Quoted().Matches(Text());
        if (quoteless.Count == 1 && quotes.Count == 1)
        {
            TakeAt(quoteless[0], quotes[0].Groups["value"].Value.Trim(), new ValueMention("", quotes[0].Index, quotes[0].Length, true));
            Blank(new ValueMention("", quotes[0].Index, quotes[0].Length, true));
        }

        // 2. Dates first: their digits must not be read as amounts or ids.
        var dates = DateMentions.Find(Text());
        dates.ToList().ForEach(Blank);
        AssignInOrder(parameters.Where(p => p.Type == SkillParameterType.Date).ToList(), dates, "dates", TakeAt, Unclear);

        // 3. Money: currency words and decimals are certain; a spoken price ("twelve fifty") only if nothing else.
        var money = MoneyMentions.Find(Text());
        money.ToList().ForEach(Blank);
        var moneyParameters = parameters.Where(p => p.Type == SkillParameterType.Money).ToList();
        var certainMoney = money.Where(m => m.IsCertain).ToList();
        AssignInOrder(moneyParameters, certainMoney.Count > 0 ? certainMoney : money, "amounts", TakeAt, Unclear);

        // 4. Numbers the task names: "order 1042", "order #1045", "1044's order".
        foreach (var p in parameters.Where(p => p.Type == SkillParameterType.Number))
        {
            var named = NumberMentions.Find(Text(), p.Name).Where(m => m.IsCertain).ToList();
            if (named.Select(m => m.Value).Distinct().Count() == 1)
            {
                named.ForEach(m => TakeAt(p, m.Value, m));
                named.ForEach(Blank);
            }
            else if (named.Count > 1)
            {
                Unclear(p, $"the task names {named.Count} different {p.Name} numbers", named.Select(m => m.Value));
            }
        }

        // 5. Bare numbers left over: one number for one open numeric parameter is unambiguous; anything else is asked.
        var open = parameters.Where(p => p.Type is SkillParameterType.Number or SkillParameterType.Money && !values.ContainsKey(p.Name) && questions.All(q => q.Parameter != p)).ToList();
        var bare = NumberMentions.Find(Text(), "\u0001");
        if (open.Count == 1 && bare.Count == 1)
        {
            TakeAt(open[0], open[0].Type == SkillParameterType.Money ? MoneyMentions.Format(decimal.Parse(bare[0].Value, System.Globalization.CultureInfo.InvariantCulture)) : bare[0].Value, bare[0]);
            Blank(bare[0]);
        }
        else if (open.Count > 0 && bare.Count > 0)
        {
            foreach (var p in open)
            {
                Unclear(p, $"the task has {bare.Count} plain number{(bare.Count == 1 ? "" : "s")} ({string.Join(", ", bare.Select(b => b.Value))}) and it is not clear which is the {p.Name}", bare.Select(b => b.Value));
            }
        }

        void TakeOption(SkillParameter p, OptionMatch match)
        {
            Take(p, match.Best!);
            foreach (var word in match.TaskWords)
            {
                foreach (Match m in Regex.Matches(task, $@"\b{Regex.Escape(word)}\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)))
                {
                    spans.Add((m.Index, m.Length, p.Name));
                }
            }
        }

        // 6. Options by words, then by meaning, against what is left of the task (numbers and dates blanked out).
        var rest = Text();
        foreach (var p in parameters.Where(p => p.Type == SkillParameterType.Option))
        {
            var match = _matcher.Match(rest, p.Options, p.OptionMeanings);
            var confident = match.Best is not null && match.Score >= _options.Accept && match.Margin >= _options.Margin;
            if (!p.IsRequired)
            {
                // Replacing a default needs the option's own words or a strong meaning match.
                if (confident && (match.ByWords || match.Score >= _options.ReplaceDefault))
                {
                    TakeOption(p, match);
                }
                else if (p.Default is { Length: > 0 } fallback
                    && match.Scores.Where(x => x.Key != fallback).OrderByDescending(x => x.Value).FirstOrDefault() is { Key: { } other, Value: var score }
                    && score >= _options.Accept && score - match.Scores.GetValueOrDefault(fallback) >= _options.Margin)
                {
                    // Part of the task leans to another option than the default, not clearly enough to replace it:
                    // keeping the default would be a guess too, so it is asked.
                    Unclear(p, $"the task may mean {p.Field ?? p.Name} \"{other}\" ({score:0.00}) rather than the default \"{fallback}\"", [other, fallback]);
                }

                continue;
            }

            if (confident)
            {
                TakeOption(p, match);
            }
            else if (match.Score >= _options.Relevant)
            {
                Unclear(p, $"not sure which {p.Field ?? p.Name} the task means: \"{match.Best}\" ({match.Score:0.00}) or \"{match.RunnerUp}\" ({match.RunnerUpScore:0.00})", new[] { match.Best!, match.RunnerUp! }.Where(c => c is not null));
            }
        }

        // Whatever is required and still has no value (and no question yet) is missing.
        foreach (var p in parameters.Where(p => p.IsRequired && !values.ContainsKey(p.Name) && questions.All(q => q.Parameter != p)))
        {
            questions.Add(new ParameterQuestion(p, $"the task does not give the {p.Name}", p.Options) { IsMissing = true });
        }

        return new SkillFill(skill, values, questions) { Masked = Mask(task, spans) };
    }

    /// <summary>The task with each span replaced by its parameter name; overlapping spans keep the first.</summary>
    private static string Mask(string task, List<(int Start, int Length, string Name)> spans)
    {
        var sb = new System.Text.StringBuilder();
        var at = 0;
        foreach (var (start, length, name) in spans.OrderBy(s => s.Start))
        {
            if (start < at)
            {
                continue;
            }

            sb.Append(task, at, start - at).Append(name.Replace('_', ' '));
            at = start + length;
        }

        return sb.Append(task, at, task.Length - at).ToString();
    }

    private static void AssignInOrder(List<SkillParameter> parameters, IReadOnlyList<ValueMention> found, string what, Action<SkillParameter, string, ValueMention> take, Action<SkillParameter, string, IEnumerable<string>> unclear)
    {
        if (parameters.Count == 0 || found.Count == 0)
        {
            return;
        }

        var distinct = found.Select(f => f.Value).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == parameters.Count)
        {
            // As many values as parameters: in the order written (a second date parameter takes the second date).
            for (var i = 0; i < parameters.Count; i++)
            {
                take(parameters[i], distinct[i], found.First(f => f.Value == distinct[i]));
            }

            return;
        }

        foreach (var p in parameters)
        {
            unclear(p, $"the task has {distinct.Count} {what} ({string.Join(", ", distinct)}) for {parameters.Count} parameter{(parameters.Count == 1 ? "" : "s")}", distinct);
        }
    }
}
