namespace ActionAgent.Core.Text;

/// <summary>White space as people read it: any run of it (spaces, tabs, line breaks) is one space, none at the ends.</summary>
public static class WhiteSpace
{
    /// <summary><paramref name="text"/> with every run of white space made one space and the ends trimmed; "" for null.</summary>
    public static string Collapse(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
