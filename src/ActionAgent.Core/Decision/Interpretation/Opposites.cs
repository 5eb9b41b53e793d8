namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Word pairs of opposite sense. Sentence embeddings place "private" next to "public" and "early" next to "late", and
/// word overlap puts "Go to next page" next to "Go to last page": a match, by meaning or by words, whose name holds the
/// opposite of a word of the query (and not that word itself) is refused.
/// </summary>
internal static class Opposites
{
    private static readonly Dictionary<string, string[]> Pairs = Build(
    [
        ("private", "public"), ("early", "late"), ("on", "off"), ("enable", "disable"), ("enabled", "disabled"),
        ("show", "hide"), ("shown", "hidden"), ("visible", "hidden"), ("visible", "invisible"), ("allow", "block"),
        ("allow", "deny"), ("open", "close"), ("open", "closed"), ("lock", "unlock"), ("locked", "unlocked"),
        ("subscribe", "unsubscribe"), ("accept", "reject"), ("accept", "decline"), ("include", "exclude"),
        ("increase", "decrease"), ("high", "low"), ("higher", "lower"), ("more", "less"), ("maximum", "minimum"),
        ("yes", "no"), ("add", "remove"), ("start", "stop"), ("light", "dark"), ("first", "last"), ("in", "out"),
        ("import", "export"), ("upload", "download"), ("next", "previous"), ("before", "after"), ("buy", "sell"),
        ("credit", "debit"), ("mute", "unmute"), ("pause", "resume"), ("archive", "unarchive"), ("paid", "unpaid"),
        ("read", "unread"), ("active", "inactive"), ("valid", "invalid"), ("available", "unavailable"),
        ("ascending", "descending"), ("newest", "oldest"), ("wrong", "right"), ("correct", "wrong"), ("big", "small"),
        ("large", "small"), ("fast", "slow"),
        // A pager's or a wizard's ends and directions: "Go to next page" is never "Go to last page".
        ("next", "last"), ("next", "first"), ("previous", "last"), ("previous", "first"), ("prev", "next"),
        ("prev", "last"), ("prev", "first"), ("back", "next"), ("back", "forward"), ("forward", "previous"),
    ]);

    /// <summary>True when <paramref name="name"/> says the opposite of a word of <paramref name="query"/>.</summary>
    public static bool Contradict(string query, string name) => Contradict(Phrase.Of(query), Phrase.Of(name));

    /// <inheritdoc cref="Contradict(string, string)"/>
    public static bool Contradict(Phrase query, Phrase name)
    {
        if (!query.Tokens.Any(Pairs.ContainsKey))
        {
            return false;
        }

        var q = query.Tokens.ToHashSet(StringComparer.Ordinal);
        var n = name.Tokens.ToHashSet(StringComparer.Ordinal);
        foreach (var word in q)
        {
            if (n.Contains(word) || !Pairs.TryGetValue(word, out var opposite))
            {
                continue;
            }

            if (opposite.Any(o => n.Contains(o) && !q.Contains(o)))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, string[]> Build((string A, string B)[] pairs)
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (a, b) in pairs)
        {
            Add(a, b);
            Add(b, a);
        }

        return map.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

        void Add(string from, string to)
        {
            if (!map.TryGetValue(from, out var list))
            {
                map[from] = list = [];
            }

            list.Add(to);
        }
    }
}
