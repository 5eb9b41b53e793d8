using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionAgent.Flows.Skills;

/// <summary>
/// Finds amounts of money in a task: <c>$15</c>, <c>$1,250.00</c>, <c>USD 20</c>, <c>15 dollars</c>, <c>5 bucks</c>,
/// <c>3 dollars 50 cents</c>, <c>fifteen dollars</c>, decimals such as <c>42.50</c>, and <c>twelve fifty</c>. Values are
/// written with two decimals. A bare whole number ("refund 40") is not found here: it may be an id.
/// </summary>
public static partial class MoneyMentions
{
    private const string Amount = @"(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)";
    private const string Words = "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";

    [GeneratedRegex(@"(?:\$|\bUSD\s?|\bUS\$\s?)\s?" + Amount + @"\b", RegexOptions.IgnoreCase)]
    private static partial Regex CurrencyFirst();

    [GeneratedRegex(@"\b" + Amount + @"\s?(?:dollars?|bucks|usd)\b(?:\s+(?:and\s+)?(?<c>\d{1,2})\s+cents?\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex CurrencyAfter();

    [GeneratedRegex(@"\b(?<w1>" + Words + @")(?:[\s-]+(?<w2>" + Words + @"))?\s+(?:dollars?|bucks)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WordsThenCurrency();

    [GeneratedRegex(@"\b(?<w1>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\s+(?<w2>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?<w3>one|two|three|four|five|six|seven|eight|nine))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpokenPrice();

    [GeneratedRegex(@"(?<![\d.,/-])\b(?<n>\d+\.\d{1,2})\b(?![\d.,/-]\d)")]
    private static partial Regex Decimal();

    /// <summary>The amounts in <paramref name="text"/>, in order of position, overlapping finds removed.</summary>
    public static IReadOnlyList<ValueMention> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<ValueMention>();
        foreach (Match m in CurrencyFirst().Matches(text))
        {
            Add(found, Number(m.Groups["n"].Value), m, certain: true);
        }

        foreach (Match m in CurrencyAfter().Matches(text))
        {
            var value = Number(m.Groups["n"].Value);
            if (m.Groups["c"].Success)
            {
                value += int.Parse(m.Groups["c"].Value, CultureInfo.InvariantCulture) / 100m;
            }

            Add(found, value, m, certain: true);
        }

        foreach (Match m in WordsThenCurrency().Matches(text))
        {
            var first = NumberWords.Word(m.Groups["w1"].Value)!.Value;
            if (m.Groups["w2"].Success && NumberWords.IsTens(m.Groups["w1"].Value) && NumberWords.IsDigit(m.Groups["w2"].Value))
            {
                Add(found, first + NumberWords.Word(m.Groups["w2"].Value)!.Value, m, certain: true);
            }
            else if (!m.Groups["w2"].Success)
            {
                Add(found, first, m, certain: true);
            }
        }

        foreach (Match m in SpokenPrice().Matches(text))
        {
            // "twelve fifty" is how a price is said: 12.50. Not certain: only a money parameter may take it.
            var cents = NumberWords.Word(m.Groups["w2"].Value)!.Value + (m.Groups["w3"].Success ? NumberWords.Word(m.Groups["w3"].Value)!.Value : 0);
            Add(found, NumberWords.Word(m.Groups["w1"].Value)!.Value + (cents / 100m), m, certain: false);
        }

        foreach (Match m in Decimal().Matches(text))
        {
            Add(found, Number(m.Groups["n"].Value), m, certain: true);
        }

        return found.OrderBy(f => f.Start).ToList();
    }

    /// <summary>The amount written as a form wants it: invariant, two decimals ("15.00").</summary>
    public static string Format(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static decimal Number(string text) => decimal.Parse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);

    private static void Add(List<ValueMention> found, decimal value, Match m, bool certain)
    {
        if (found.Any(f => m.Index < f.End && f.Start < m.Index + m.Length))
        {
            return;
        }

        found.Add(new ValueMention(Format(value), m.Index, m.Length, certain));
    }
}
