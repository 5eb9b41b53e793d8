using ActionAgent.Core.Perception;

namespace ActionAgent.Flows.Expectations;

/// <summary>
/// Checks an expectation against one observation, deterministically: text in the visible text and element labels,
/// field values by (fuzzy) label, the URL, the title, element states, and visual regions through an
/// <see cref="IImageComparer"/>. No model is involved; failures say "expected … / actual …".
/// </summary>
public sealed class ExpectationChecker(IImageComparer? comparer = null, ITargetCropper? cropper = null, ExpectationCheckerOptions? options = null)
{
    private readonly ExpectationCheckerOptions _options = options ?? new ExpectationCheckerOptions();

    /// <summary>A checker without image support (visual-region expectations fail saying so).</summary>
    public static ExpectationChecker Default { get; } = new();

    /// <summary>Checks one expectation on the observation.</summary>
    public ExpectationResult Check(Expectation expectation, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        ArgumentNullException.ThrowIfNull(observation);
        return expectation switch
        {
            TextExpectation text => CheckText(text, observation),
            FieldValueExpectation field => CheckField(field, observation),
            UrlExpectation url => CheckUrl(url, observation),
            TitleExpectation title => CheckTitle(title, observation),
            ElementStateExpectation state => CheckState(state, observation),
            VisualRegionExpectation region => CheckRegion(region, observation),
            _ => ExpectationResult.Fail(expectation, $"this version cannot check {expectation.GetType().Name}"),
        };
    }

    private static ExpectationResult CheckText(TextExpectation e, Observation o)
    {
        var wanted = TextSimilarity.NormalizeText(e.Text);
        var page = TextSimilarity.NormalizeText(o.VisibleText);
        var where = page.Contains(wanted, StringComparison.Ordinal)
            ? "in the page text"
            : o.Elements.FirstOrDefault(el => new[] { el.Name, el.Text }.Any(t => TextSimilarity.NormalizeText(t).Contains(wanted, StringComparison.Ordinal))) is { } hit
                ? $"on {hit.Role} \"{TextSimilarity.Clip(hit.Label, 60)}\""
                : null;
        if (e.Visible)
        {
            return where is not null
                ? ExpectationResult.Pass(e, $"\"{e.Text}\" is shown {where}")
                : ExpectationResult.Fail(e, $"no \"{e.Text}\" on the page{Closest(e.Text, o)}; page text: \"{TextSimilarity.Clip(o.VisibleText, 160)}\"");
        }

        return where is null
            ? ExpectationResult.Pass(e, $"\"{e.Text}\" is not shown")
            : ExpectationResult.Fail(e, $"\"{e.Text}\" is shown {where}: \"{Around(o.VisibleText, e.Text)}\"");
    }

    private ExpectationResult CheckField(FieldValueExpectation e, Observation o)
    {
        var (element, score) = o.Elements
            .Select(el => (el, score: FieldLabelScore(e.Label, el)))
            .Where(x => x.score >= _options.MinLabelScore)
            .OrderByDescending(x => x.el.Value is not null || RoleFamily.FieldRoles.Contains(x.el.Role) ? 1 : 0)
            .ThenByDescending(x => x.score)
            .FirstOrDefault();
        string? actual = null;
        string source;
        if (element is not null && (element.Value is not null || RoleFamily.FieldRoles.Contains(element.Role)))
        {
            actual = element.Value ?? "";
            source = $"{element.Role} \"{element.Label}\"";
        }
        else
        {
            actual = ValueFromText(e.Label, element, o.VisibleText);
            source = "the page text";
        }

        if (actual is null)
        {
            var fields = o.Elements.Where(el => RoleFamily.FieldRoles.Contains(el.Role) || el.Value is not null).Select(el => $"\"{el.Label}\"").Distinct().Take(12).ToList();
            return ExpectationResult.Fail(e, $"no field labelled \"{e.Label}\" on the page; fields present: {(fields.Count == 0 ? "none" : string.Join(", ", fields))}");
        }

        var a = TextSimilarity.NormalizeText(actual);
        var v = TextSimilarity.NormalizeText(e.Value);
        var ok = e.Contains ? a.Contains(v, StringComparison.Ordinal) : a == v;
        var description = $"the \"{e.Label}\" field reads \"{actual}\" ({source}{(score < 1 && element is not null ? FormattableString.Invariant($", label match {score:0.00}") : "")})";
        return ok ? ExpectationResult.Pass(e, description) : ExpectationResult.Fail(e, description);
    }

    private static double FieldLabelScore(string label, UiElement el) =>
        new[]
        {
            TextSimilarity.LabelScore(label, el.Name),
            TextSimilarity.LabelScore(label, el.NearbyText) * 0.95,
            TextSimilarity.LabelScore(label, el.Placeholder) * 0.9,
        }.Max();

    /// <summary>"Total: 42.00" on one line, or "Total" on one line and "42.00" on the next.</summary>
    private static string? ValueFromText(string label, UiElement? element, string visibleText)
    {
        var lines = visibleText.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (element is not null && !string.IsNullOrWhiteSpace(element.Text ?? element.Name))
        {
            lines.Insert(0, (element.Text ?? element.Name).Trim());
        }

        var wanted = TextSimilarity.NormalizeLabel(label);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (TextSimilarity.NormalizeLabel(line) == wanted)
            {
                return i + 1 < lines.Count ? lines[i + 1] : null;
            }

            foreach (var separator in new[] { ':', '=', '\t' })
            {
                var at = line.IndexOf(separator, StringComparison.Ordinal);
                if (at > 0 && TextSimilarity.LabelScore(label, line[..at]) >= 0.9)
                {
                    return line[(at + 1)..].Trim();
                }
            }
        }

        return null;
    }

    private static ExpectationResult CheckUrl(UrlExpectation e, Observation o)
    {
        var url = o.Url;
        var bare = StripQuery(url);
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : bare;
        var v = e.Value;
        var ok = e.Match switch
        {
            UrlMatchKind.EndsWith => url.EndsWith(v, StringComparison.Ordinal) || bare.EndsWith(v, StringComparison.Ordinal)
                                     || (v.Length > 1 && bare.TrimEnd('/').EndsWith(v.TrimEnd('/'), StringComparison.Ordinal)),
            UrlMatchKind.StartsWith => url.StartsWith(v, StringComparison.Ordinal) || path.StartsWith(v, StringComparison.Ordinal),
            UrlMatchKind.Contains => url.Contains(v, StringComparison.Ordinal),
            _ => Same(url, v) || Same(bare, v) || Same(path, v),
        };
        return ok ? ExpectationResult.Pass(e, $"the URL is {url}") : ExpectationResult.Fail(e, $"the URL is {url}");

        static bool Same(string a, string b) => string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.Ordinal);
    }

    private static string StripQuery(string url)
    {
        var cut = url.IndexOfAny(['?', '#']);
        return cut < 0 ? url : url[..cut];
    }

    private static ExpectationResult CheckTitle(TitleExpectation e, Observation o)
    {
        var a = TextSimilarity.NormalizeText(o.Title);
        var v = TextSimilarity.NormalizeText(e.Value);
        var ok = e.Contains ? a.Contains(v, StringComparison.Ordinal) : a == v;
        return ok ? ExpectationResult.Pass(e, $"the title is \"{o.Title}\"") : ExpectationResult.Fail(e, $"the title is \"{o.Title}\"");
    }

    private ExpectationResult CheckState(ElementStateExpectation e, Observation o)
    {
        var candidates = o.Elements.Where(el => RoleFamily.Fits(e.Role, el.Role)).ToList();
        var best = candidates
            .Select(el => (el, score: Math.Max(FieldLabelScore(e.Label, el), TextSimilarity.LabelScore(e.Label, el.Text))))
            .Where(x => x.score >= _options.MinLabelScore)
            .OrderByDescending(x => x.score)
            .Select(x => x.el)
            .FirstOrDefault();
        if (best is null)
        {
            if (e.State == ElementState.Visible && !e.Expected)
            {
                return ExpectationResult.Pass(e, $"no {e.RoleWord} labelled \"{e.Label}\" on the page");
            }

            var present = candidates.Select(el => $"\"{TextSimilarity.Clip(el.Label, 40)}\"").Where(l => l != "\"\"").Distinct().Take(12).ToList();
            return ExpectationResult.Fail(e, $"no {e.RoleWord} labelled \"{e.Label}\" on the page; {Plural(e.RoleWord)} present: {(present.Count == 0 ? "none" : string.Join(", ", present))}");
        }

        var name = $"{best.Role} \"{best.Label}\"";
        switch (e.State)
        {
            case ElementState.Visible:
                return e.Expected
                    ? ExpectationResult.Pass(e, $"{name} is visible at {best.Bounds}")
                    : ExpectationResult.Fail(e, $"{name} is visible at {best.Bounds}");
            case ElementState.Checked:
                if (best.Checked is null)
                {
                    return ExpectationResult.Fail(e, $"{name} cannot be checked or unchecked");
                }

                return Verdict(best.Checked.Value == e.Expected, $"{name} is {(best.Checked.Value ? "checked" : "unchecked")}");
            case ElementState.Disabled:
                return Verdict(best.Disabled == e.Expected, $"{name} is {(best.Disabled ? "disabled" : "enabled")}");
            case ElementState.Selected:
                var selected = best.Selected ?? best.Checked ?? false;
                return Verdict(selected == e.Expected, $"{name} is {(selected ? "selected" : "not selected")}");
            default:
                var empty = string.IsNullOrEmpty(best.Value);
                return Verdict(empty == e.Expected, empty ? $"{name} is empty" : $"{name} reads \"{best.Value}\"");
        }

        ExpectationResult Verdict(bool ok, string actual) => ok ? ExpectationResult.Pass(e, actual) : ExpectationResult.Fail(e, actual);
    }

    private ExpectationResult CheckRegion(VisualRegionExpectation e, Observation o)
    {
        if (comparer is null || cropper is null)
        {
            return ExpectationResult.Fail(e, "visual regions need the vision layer (no IImageComparer/ITargetCropper was configured)") with { Final = true };
        }

        if (o.Screenshot.IsEmpty)
        {
            return ExpectationResult.Fail(e, "no screenshot was taken of the page");
        }

        var pixels = o.Geometry.ToScreenshot(e.Region);
        var crop = cropper.Crop(o.Screenshot, pixels);
        if (crop.IsEmpty)
        {
            return ExpectationResult.Fail(e, $"the region {e.Region} lies outside the {o.Geometry.CssWidth}x{o.Geometry.CssHeight} viewport");
        }

        if (!File.Exists(e.BaselinePath))
        {
            if (_options.UpdateBaselines)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(e.BaselinePath))!);
                File.WriteAllBytes(e.BaselinePath, crop.ToArray());
                return ExpectationResult.Pass(e, $"baseline created at {e.BaselinePath}") with { ActualImage = crop };
            }

            return ExpectationResult.Fail(e, $"no baseline image at {e.BaselinePath}; run once with --update-baselines to create it from the current page") with { ActualImage = crop, Final = true };
        }

        var baseline = File.ReadAllBytes(e.BaselinePath);
        var comparison = comparer.Compare(baseline, crop);
        var actual = comparison.SameSize
            ? FormattableString.Invariant($"{comparison.DifferenceFraction:P2} of the region differs")
            : "the region and the baseline have different sizes";
        var result = comparison.SameSize && comparison.DifferenceFraction <= e.Tolerance ? ExpectationResult.Pass(e, actual) : ExpectationResult.Fail(e, actual);
        return result with { ExpectedImage = baseline, ActualImage = crop };
    }

    private static string Plural(string word) =>
        word.EndsWith('x') || word.EndsWith('s') || word.EndsWith("ch", StringComparison.Ordinal) ? word + "es" : word + "s";

    /// <summary>"; closest text: "Refund failed"" when some line of the page is similar to what was wanted.</summary>
    private static string Closest(string wanted, Observation o)
    {
        var w = TextSimilarity.NormalizeText(wanted);
        var words = w.Split(' ').Length;
        var best = ("", 0.0);
        var texts = o.VisibleText.Split('\n').Concat(o.Elements.Select(el => el.Label));
        foreach (var line in texts)
        {
            var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var i = 0; i + words <= tokens.Length; i++)
            {
                var window = string.Join(' ', tokens.Skip(i).Take(words));
                var ratio = TextSimilarity.Ratio(w, TextSimilarity.NormalizeText(window));
                if (ratio > best.Item2)
                {
                    best = (window, ratio);
                }
            }
        }

        return best.Item2 >= 0.6 ? $"; closest text: \"{best.Item1}\"" : "";
    }

    private static string Around(string text, string needle)
    {
        var at = text.IndexOf(needle, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return TextSimilarity.Clip(needle, 80);
        }

        var start = Math.Max(0, at - 40);
        var end = Math.Min(text.Length, at + needle.Length + 40);
        return TextSimilarity.Clip(text[start..end], 120);
    }
}
