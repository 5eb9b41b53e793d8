using System.Text.RegularExpressions;

namespace ActionAgent.Flows.Skills;

/// <summary>
/// Spots a task that asks for the opposite of a skill: a word of the task that is a word of the skill with a negating
/// prefix ("unsubscribe" vs "subscribe", "disable" vs "enable", "undelete" vs "delete"). Sentence embeddings put such
/// pairs close together, so this is checked by spelling.
/// </summary>
public static partial class OppositeWords
{
    private static readonly string[] Prefixes = ["un", "dis", "de", "non"];

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex Word();

    /// <summary>The task word that negates a word of the phrasings, or null.</summary>
    public static string? Find(string task, IEnumerable<string> phrasings)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(phrasings);
        var skillWords = phrasings.SelectMany(p => Word().Matches(p).Select(m => m.Value.ToLowerInvariant())).Where(w => w.Length >= 4).ToHashSet(StringComparer.Ordinal);
        foreach (var word in Word().Matches(task).Select(m => m.Value.ToLowerInvariant()))
        {
            if (skillWords.Contains(word))
            {
                continue;
            }

            foreach (var prefix in Prefixes)
            {
                if (word.Length > prefix.Length + 3 && word.StartsWith(prefix, StringComparison.Ordinal) && skillWords.Contains(word[prefix.Length..]))
                {
                    return word;
                }
            }
        }

        return null;
    }
}
