using System.Text;

namespace ActionAgent.Flows.Running;

/// <summary>File-name-safe short names: "File a refund" → "file-a-refund".</summary>
internal static class Slug
{
    public static string From(string text, int max = 48)
    {
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "flow" : slug.Length <= max ? slug : slug[..max].TrimEnd('-');
    }
}
