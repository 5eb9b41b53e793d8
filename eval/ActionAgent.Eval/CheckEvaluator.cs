using Microsoft.Playwright;

namespace ActionAgent.Eval;

/// <summary>Scores a task from the page state: evaluates its check expression in the page, with a few helpers in scope.</summary>
public static class CheckEvaluator
{
    /// <summary>Helpers every check may use: $$, T, byText, visible (documented in tasks.yaml).</summary>
    public const string Prelude =
        "const $$ = (s) => [...document.querySelectorAll(s)];" +
        "const T = (e) => e ? e.textContent.trim() : null;" +
        "const byText = (s, t) => $$(s).find(e => T(e) === t) || null;" +
        "const visible = (e) => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';";

    /// <summary>True when the check holds; a check that throws (missing element…) counts as failed, with the error.</summary>
    public static async Task<(bool Passed, string? Error)> EvaluateAsync(IPage page, string check)
    {
        try
        {
            var passed = await page.EvaluateAsync<bool>($"() => {{ {Prelude} return !!({check}); }}");
            return (passed, null);
        }
        catch (PlaywrightException e)
        {
            return (false, e.Message.Split('\n', 2)[0].Trim());
        }
    }
}
