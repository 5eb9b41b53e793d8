using System.Collections.Concurrent;
using ActionAgent.Core.Decision.Meaning;
using ActionAgent.Flows.Definition;

namespace ActionAgent.Flows.Skills;

/// <summary>
/// Picks the skill a task asks for by meaning: the task is compared (MiniLM cosine) with each skill's description and
/// examples (placeholders read as the parameter names: "Refund order {order}" → "Refund order order"); a skill's score
/// is its best phrasing. With a <paramref name="mask"/> (a skill and the task → the task with the values that skill would
/// take replaced by parameter names: "Remove Grace Hopper" → "Remove customer") the masked task is scored too and the
/// better of the two counts. Embeddings of the phrasings are cached for the picker's lifetime.
/// </summary>
public sealed class SkillPicker(IMeaningModel model, SkillPickerOptions? options = null, Func<FlowDefinition, string, string>? mask = null)
{
    private readonly SkillPickerOptions _options = options ?? new SkillPickerOptions();
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);

    /// <summary>Scores every skill against <paramref name="task"/> and decides: picked, ambiguous or no match.</summary>
    public SkillPick Pick(string task, IReadOnlyList<FlowDefinition> skills)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(skills);
        if (skills.Count == 0)
        {
            return new SkillPick(SkillPickOutcome.NoMatch, []);
        }

        var taskVector = model.Embed(task);
        var ranked = skills.Select(s =>
            {
                var masked = mask?.Invoke(s, task);
                var maskedVector = masked is null || masked == task ? null : model.Embed(masked);
                var best = Phrasings(s)
                    .Select(p => new SkillScore(s, Math.Max(MeaningVectors.Cosine(taskVector, Vector(p)), maskedVector is null ? -1 : MeaningVectors.Cosine(maskedVector, Vector(p))), p))
                    .MaxBy(x => x.Score)!;
                return OppositeWords.Find(task, Phrasings(s)) is { } opposite
                    ? best with { Score = 0, Phrasing = $"the task says \"{opposite}\", the opposite of this skill" }
                    : best;
            })
            .OrderByDescending(s => s.Score)
            .ToList();
        if (ranked[0].Score < _options.Threshold)
        {
            return new SkillPick(SkillPickOutcome.NoMatch, ranked);
        }

        var close = ranked.Count > 1 && ranked[0].Score - ranked[1].Score < _options.Margin;
        return new SkillPick(close ? SkillPickOutcome.Ambiguous : SkillPickOutcome.Picked, ranked)
        {
            Tied = ranked.TakeWhile(s => ranked[0].Score - s.Score < _options.Margin).ToList(),
        };
    }

    /// <summary>The texts a skill is known by: its name, description and examples with placeholders read as names.</summary>
    public static IEnumerable<string> Phrasings(FlowDefinition skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        yield return skill.Name;
        if (skill.Description.Length > 0)
        {
            yield return skill.Description;
        }

        foreach (var example in skill.Examples)
        {
            yield return Definition.SkillSectionReader.Placeholder().Replace(example, m => m.Groups["name"].Value.Replace('_', ' '));
        }
    }

    private float[] Vector(string text) => _cache.GetOrAdd(text, model.Embed);
}
