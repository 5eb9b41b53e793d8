namespace ActionAgent.Flows.Expectations;

/// <summary>Maps the role words people write ("dropdown", "field") to element roles, and checks an element's role against them.</summary>
internal static class RoleFamily
{
    /// <summary>Roles a person calls a "field".</summary>
    public static readonly string[] FieldRoles = ["textbox", "searchbox", "spinbutton", "combobox", "listbox", "slider", "textarea", "input"];

    /// <summary>The role for a written word; null means any role ("element", "text", "field" are checked by family).</summary>
    public static string? FromWord(string word) => word switch
    {
        "checkbox" or "check box" => "checkbox",
        "radio" or "radio button" => "radio",
        "button" => "button",
        "link" => "link",
        "option" => "option",
        "tab" => "tab",
        "switch" or "toggle" => "switch",
        "select" or "dropdown" or "combobox" => "combobox",
        "heading" => "heading",
        "image" => "img",
        "menu item" => "menuitem",
        "field" or "input" or "textbox" or "text box" => "field",
        _ => null,
    };

    /// <summary>True when an element's role fits the wanted role (null fits everything, "field" fits inputs).</summary>
    public static bool Fits(string? wanted, string role)
    {
        if (wanted is null)
        {
            return true;
        }

        role = role.ToLowerInvariant();
        return wanted switch
        {
            "field" => FieldRoles.Contains(role),
            "combobox" => role is "combobox" or "listbox",
            "img" => role is "img" or "image",
            "switch" => role is "switch" or "checkbox",
            _ => role == wanted,
        };
    }
}
