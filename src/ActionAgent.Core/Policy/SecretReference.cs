using System.Text.RegularExpressions;

namespace ActionAgent.Core.Policy;

/// <summary>The <c>{{secret:NAME}}</c> reference syntax used in tasks, flows and typed text.</summary>
public static partial class SecretReference
{
    /// <summary>Matches one reference; group "name" is the secret name.</summary>
    [GeneratedRegex(@"\{\{\s*secret:(?<name>[A-Za-z0-9_.-]+)\s*\}\}")]
    public static partial Regex Pattern();

    /// <summary>The distinct secret names referenced in a text.</summary>
    public static IReadOnlyList<string> NamesIn(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Pattern().Matches(text).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The reference text for a name.</summary>
    public static string For(string name) => "{{secret:" + name + "}}";
}
