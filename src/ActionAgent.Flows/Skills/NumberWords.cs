namespace ActionAgent.Flows.Skills;

/// <summary>Small English number words ("fifteen", "twenty five") as values; enough for amounts people type out.</summary>
public static class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>The value of one word ("fifteen" → 15, "fifty" → 50), or null.</summary>
    public static int? Word(string word) =>
        Units.TryGetValue(word, out var u) ? u : Tens.TryGetValue(word, out var t) ? t : null;

    /// <summary>True for a tens word ("twenty"), which may be followed by a unit ("twenty five").</summary>
    public static bool IsTens(string word) => Tens.ContainsKey(word);

    /// <summary>True for a word below 10 ("five"), the second half of "twenty five".</summary>
    public static bool IsDigit(string word) => Units.TryGetValue(word, out var u) && u is > 0 and < 10;
}
