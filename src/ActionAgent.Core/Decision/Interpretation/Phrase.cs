namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>A phrase prepared for fuzzy matching: normalised text, its tokens and its content tokens (no stop words).</summary>
internal sealed class Phrase
{
    private Phrase(string raw, string norm)
    {
        Raw = raw;
        Norm = norm;
        Tokens = norm.Length == 0 ? [] : norm.Split(' ');
        var content = Tokens.Where(t => !TextMatch.IsStopWord(t)).ToArray();
        Content = content.Length > 0 ? content : Tokens;
        ContentJoined = string.Join(' ', Content);
        NoSpace = norm.Replace(" ", "", StringComparison.Ordinal);
        Digits = new string(norm.Where(char.IsAsciiDigit).ToArray());
    }

    public string Raw { get; }

    public string Norm { get; }

    public string[] Tokens { get; }

    public string[] Content { get; }

    public string ContentJoined { get; }

    public string NoSpace { get; }

    public string Digits { get; }

    public bool IsEmpty => Norm.Length == 0;

    public static Phrase Of(string? text) => new(text ?? "", TextMatch.Normalize(text));
}
