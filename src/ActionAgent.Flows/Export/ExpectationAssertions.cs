using ActionAgent.Flows.Expectations;
using static ActionAgent.Flows.Export.PlaywrightCSharpExporter;

namespace ActionAgent.Flows.Export;

/// <summary>
/// Turns a flow's <c>expect:</c> lines into Playwright assertions (<c>Assertions.Expect(…)</c>, which retry until
/// the page settles, as the flow runner does): text, field values, URL, title and element states. Visual regions
/// have no Playwright equivalent and become a comment.
/// </summary>
public static class ExpectationAssertions
{
    /// <summary>The C# lines (without indentation) that assert <paramref name="expectation"/>; the origin becomes <c>BaseUrl</c>.</summary>
    public static IReadOnlyList<string> For(Expectation expectation, string origin)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        ArgumentNullException.ThrowIfNull(origin);
        var comment = $"// expect: {OneLineText(expectation.Source)}";
        return expectation switch
        {
            TextExpectation text => [comment, text.Visible
                ? $"await Assertions.Expect(page.Locator(\"body\")).ToContainTextAsync({Literal(text.Text)}, new() {{ IgnoreCase = true, UseInnerText = true }});"
                : $"await Assertions.Expect(page.Locator(\"body\")).Not.ToContainTextAsync({Literal(text.Text)}, new() {{ IgnoreCase = true, UseInnerText = true }});"],
            FieldValueExpectation field => [comment,
                $"await Assertions.Expect(page.GetByLabel({Literal(Label(field.Label))}).First).ToHaveValueAsync(new Regex({Literal(field.Contains ? Regex(field.Value) : $"^\\s*{Regex(field.Value)}\\s*$")}, RegexOptions.IgnoreCase));"],
            UrlExpectation url => [comment, $"await Assertions.Expect(page).ToHaveURLAsync({UrlPattern(url, origin)});"],
            TitleExpectation title => [comment, title.Contains
                ? $"await Assertions.Expect(page).ToHaveTitleAsync(new Regex({Literal(Regex(title.Value))}, RegexOptions.IgnoreCase));"
                : $"await Assertions.Expect(page).ToHaveTitleAsync({Literal(title.Value)});"],
            ElementStateExpectation state => [comment, StateAssertion(state)],
            _ => [$"{comment}   (not exported: no Playwright equivalent)"],
        };
    }

    private static string UrlPattern(UrlExpectation url, string origin)
    {
        // As the flow runner checks: "ends with" and "is" also hold when only a query or fragment follows.
        const string Tail = "/?(?:[?#].*)?$";
        var value = url.Value;
        var relative = value.StartsWith(origin, StringComparison.OrdinalIgnoreCase);
        var rest = relative ? value[origin.Length..] : value;
        return (url.Match, relative) switch
        {
            (UrlMatchKind.EndsWith, _) => $"new Regex({Literal(Regex(value.Length > 1 ? value.TrimEnd('/') : value) + Tail)})",
            (UrlMatchKind.Contains, _) => $"new Regex({Literal(Regex(value))})",
            (UrlMatchKind.StartsWith, true) => $"new Regex(\"^\" + Regex.Escape(BaseUrl) + {Literal(Regex(rest))})",
            (UrlMatchKind.StartsWith, false) when value.StartsWith('/') => $"new Regex({Literal("^[a-z]+://[^/]+" + Regex(value))})",
            (UrlMatchKind.StartsWith, false) => $"new Regex({Literal("^" + Regex(value))})",
            (_, true) => $"new Regex(\"^\" + Regex.Escape(BaseUrl) + {Literal(Regex(rest.TrimEnd('/')) + Tail)})",
            (_, false) when value.StartsWith('/') => $"new Regex({Literal("^[a-z]+://[^/]+" + Regex(value.TrimEnd('/')) + Tail)})",
            _ => $"new Regex({Literal("^" + Regex(value.TrimEnd('/')) + Tail)})",
        };
    }

    private static string StateAssertion(ElementStateExpectation state)
    {
        var name = Label(state.Label);
        var locator = state.RoleWord.ToLowerInvariant() switch
        {
            "checkbox" or "check box" => $"page.GetByRole(AriaRole.Checkbox, new() {{ Name = {Literal(name)} }}).First",
            "radio" or "radio button" or "option" when state.State == ElementState.Checked => $"page.GetByRole(AriaRole.Radio, new() {{ Name = {Literal(name)} }}).First",
            "button" => $"page.GetByRole(AriaRole.Button, new() {{ Name = {Literal(name)} }}).First",
            "link" => $"page.GetByRole(AriaRole.Link, new() {{ Name = {Literal(name)} }}).First",
            "field" or "textbox" or "input" or "box" or "select" or "dropdown" => $"page.GetByLabel({Literal(name)}).First",
            _ => $"page.GetByText({Literal(name)}).First",
        };
        var not = state.Expected ? "" : ".Not";
        return state.State switch
        {
            ElementState.Checked => $"await Assertions.Expect({locator}){not}.ToBeCheckedAsync();",
            ElementState.Disabled => $"await Assertions.Expect({locator}){not}.ToBeDisabledAsync();",
            ElementState.Visible => state.Expected ? $"await Assertions.Expect({locator}).ToBeVisibleAsync();" : $"await Assertions.Expect({locator}).ToBeHiddenAsync();",
            ElementState.Empty => $"await Assertions.Expect({locator}){not}.ToBeEmptyAsync();",
            ElementState.Selected => $"await Assertions.Expect({locator}){not}.ToBeCheckedAsync();",
            _ => $"// not exported: state {state.StateWord}",
        };
    }

    private static string Label(string label) => label.Trim().TrimEnd(':', '*').Trim();

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);

    private static string OneLineText(string text) => text.ReplaceLineEndings(" ");
}
