namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>The kind of control a step's wording points at ("field", "button", "link", "list", "checkbox"…).</summary>
public enum RoleHint
{
    /// <summary>No hint.</summary>
    None,

    /// <summary>A text input, search box, number or date input, textarea.</summary>
    Field,

    /// <summary>A button.</summary>
    Button,

    /// <summary>A link (or a page reached by one).</summary>
    Link,

    /// <summary>A select, dropdown or list box.</summary>
    Select,

    /// <summary>A checkbox, switch or toggle.</summary>
    Checkbox,

    /// <summary>A radio button.</summary>
    Radio,

    /// <summary>A tab.</summary>
    Tab,

    /// <summary>An image, icon or logo.</summary>
    Image,

    /// <summary>A slider (a range input or a script-drawn handle).</summary>
    Slider,

    /// <summary>A section that opens and closes (an accordion header, a <c>summary</c>, a disclosure button).</summary>
    Section,

    /// <summary>
    /// A dot of a carousel's or pager's row of dots: a small control with no name, a number or "Page 3" / "Go to slide 3"
    /// for a name ("the third dot under the carousel").
    /// </summary>
    Dot,
}
