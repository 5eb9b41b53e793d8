namespace ActionAgent.Flows.Expectations;

/// <summary>A state an element can be expected to be in (or, with Expected = false, not to be in).</summary>
public enum ElementState
{
    /// <summary>Checkbox, radio or switch is on (false: unchecked).</summary>
    Checked,

    /// <summary>The element is disabled (false: present and enabled).</summary>
    Disabled,

    /// <summary>The element is on the page (false: hidden or absent).</summary>
    Visible,

    /// <summary>An option or tab is selected.</summary>
    Selected,

    /// <summary>A field has no value.</summary>
    Empty,
}
