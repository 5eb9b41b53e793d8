using ActionAgent.Core.Perception;
using ActionAgent.Flows.Definition;

namespace ActionAgent.Flows.Expectations;

// The expectation kinds form a closed hierarchy that the checker switches over, so they share this file.

/// <summary>Something that must be true on the page, checked deterministically (no model) by <see cref="ExpectationChecker"/>.</summary>
public abstract record Expectation
{
    /// <summary>The expectation as written in the flow ("the page shows Refund filed").</summary>
    public required string Source { get; init; }

    /// <summary>Where it was written.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>What is expected, in words, for "expected … / actual …" messages.</summary>
    public abstract string DescribeExpected();

    /// <inheritdoc />
    public override string ToString() => Source;
}

/// <summary>"the page shows X" / "the page does not show X": text in the visible text or element names (not typed values).</summary>
public sealed record TextExpectation(string Text, bool Visible) : Expectation
{
    /// <inheritdoc />
    public override string DescribeExpected() => Visible ? $"the page shows \"{Text}\"" : $"the page does not show \"{Text}\"";
}

/// <summary>"the Total field reads 42.00" (exact, whitespace and case relaxed) or "the Notes field contains late".</summary>
public sealed record FieldValueExpectation(string Label, string Value, bool Contains = false) : Expectation
{
    /// <inheritdoc />
    public override string DescribeExpected() => $"the \"{Label}\" field {(Contains ? "contains" : "reads")} \"{Value}\"";
}

/// <summary>"the URL ends with /orders", "the URL contains ?q=", "the URL is …", "the URL starts with …".</summary>
public sealed record UrlExpectation(UrlMatchKind Match, string Value) : Expectation
{
    /// <inheritdoc />
    public override string DescribeExpected() => Match switch
    {
        UrlMatchKind.EndsWith => $"the URL ends with \"{Value}\"",
        UrlMatchKind.StartsWith => $"the URL starts with \"{Value}\"",
        UrlMatchKind.Contains => $"the URL contains \"{Value}\"",
        _ => $"the URL is \"{Value}\"",
    };
}

/// <summary>"the page title is X" / "the title contains X".</summary>
public sealed record TitleExpectation(string Value, bool Contains) : Expectation
{
    /// <inheritdoc />
    public override string DescribeExpected() => $"the title {(Contains ? "contains" : "is")} \"{Value}\"";
}

/// <summary>
/// "the Express checkbox is checked", "the Submit refund button is disabled", "the Error text is hidden":
/// an element found by its label (fuzzy) and role word, in a state (<see cref="Expected"/> false for the opposite).
/// </summary>
public sealed record ElementStateExpectation(string Label, string? Role, ElementState State, bool Expected = true) : Expectation
{
    /// <summary>The role word as written ("checkbox", "button", "field").</summary>
    public string RoleWord { get; init; } = "element";

    /// <summary>The state in words: checked, unchecked, disabled, enabled, visible, hidden, selected, not selected…</summary>
    public string StateWord => (State, Expected) switch
    {
        (ElementState.Checked, true) => "checked",
        (ElementState.Checked, false) => "unchecked",
        (ElementState.Disabled, true) => "disabled",
        (ElementState.Disabled, false) => "enabled",
        (ElementState.Visible, true) => "visible",
        (ElementState.Visible, false) => "hidden",
        (ElementState.Selected, true) => "selected",
        (ElementState.Selected, false) => "not selected",
        (ElementState.Empty, true) => "empty",
        _ => "not empty",
    };

    /// <inheritdoc />
    public override string DescribeExpected() => $"the \"{Label}\" {RoleWord} is {StateWord}";
}

/// <summary>
/// A region of the screenshot (CSS pixels) compared to a baseline PNG by an <see cref="IImageComparer"/>;
/// passes when the difference is at most <see cref="Tolerance"/> (fraction of differing pixels, 0..1).
/// </summary>
public sealed record VisualRegionExpectation(string Name, ScreenRect Region, string BaselinePath, double Tolerance) : Expectation
{
    /// <inheritdoc />
    public override string DescribeExpected() =>
        FormattableString.Invariant($"region \"{Name}\" {Region} matches {Path.GetFileName(BaselinePath)} within {Tolerance:P1}");
}
