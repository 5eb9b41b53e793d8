namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>Turns key names as people write them ("ctrl+a", "the Enter key", "page down") into Playwright notation.</summary>
internal static class Keys
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["enter"] = "Enter", ["return"] = "Enter", ["tab"] = "Tab", ["escape"] = "Escape", ["esc"] = "Escape",
        ["space"] = "Space", ["spacebar"] = "Space", ["space bar"] = "Space", ["backspace"] = "Backspace",
        ["back space"] = "Backspace", ["delete"] = "Delete", ["del"] = "Delete", ["insert"] = "Insert", ["home"] = "Home",
        ["end"] = "End", ["pageup"] = "PageUp", ["page up"] = "PageUp", ["pgup"] = "PageUp", ["pagedown"] = "PageDown",
        ["page down"] = "PageDown", ["pgdn"] = "PageDown", ["up"] = "ArrowUp", ["arrowup"] = "ArrowUp",
        ["arrow up"] = "ArrowUp", ["up arrow"] = "ArrowUp", ["down"] = "ArrowDown", ["arrowdown"] = "ArrowDown",
        ["arrow down"] = "ArrowDown", ["down arrow"] = "ArrowDown", ["left"] = "ArrowLeft", ["arrowleft"] = "ArrowLeft",
        ["arrow left"] = "ArrowLeft", ["left arrow"] = "ArrowLeft", ["right"] = "ArrowRight", ["arrowright"] = "ArrowRight",
        ["arrow right"] = "ArrowRight", ["right arrow"] = "ArrowRight",
        ["ctrl"] = "Control", ["control"] = "Control", ["shift"] = "Shift", ["alt"] = "Alt", ["option"] = "Alt",
        ["cmd"] = "Meta", ["command"] = "Meta", ["meta"] = "Meta", ["win"] = "Meta", ["windows"] = "Meta",
    };

    private static readonly HashSet<string> Modifiers = ["Control", "Shift", "Alt", "Meta"];

    /// <summary>The chord in Playwright notation, or null when the text is not a key ("Sign in").</summary>
    public static string? TryParse(string text)
    {
        var t = text.Trim().Trim('"', '\'', '“', '”');
        t = StripPrefix(t, "the ");
        if (t.EndsWith(" button", StringComparison.OrdinalIgnoreCase))
        {
            return null; // "Press the Delete button" names a button, not the Delete key
        }

        foreach (var suffix in new[] { " keys", " key" })
        {
            if (t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                t = t[..^suffix.Length].TrimEnd();
            }
        }

        if (t.Length == 0)
        {
            return null;
        }

        var parts = t.Split('+', StringSplitOptions.TrimEntries);
        if (parts.Any(p => p.Length == 0))
        {
            return null;
        }

        var keys = new List<string>();
        foreach (var part in parts)
        {
            if (Names.TryGetValue(part, out var name))
            {
                keys.Add(name);
            }
            else if (part.Length == 1 && char.IsLetterOrDigit(part[0]))
            {
                keys.Add(parts.Length > 1 ? part.ToUpperInvariant() : part);
            }
            else if (part.Length is 2 or 3 && (part[0] is 'f' or 'F') && int.TryParse(part[1..], out var n) && n is >= 1 and <= 12)
            {
                keys.Add($"F{n}");
            }
            else
            {
                return null;
            }
        }

        // A chord is modifiers then one key; "Control" alone is fine, "A+B" is not a chord.
        return keys.Take(keys.Count - 1).All(Modifiers.Contains) ? string.Join('+', keys) : null;
    }

    private static string StripPrefix(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? text[prefix.Length..] : text;
}
