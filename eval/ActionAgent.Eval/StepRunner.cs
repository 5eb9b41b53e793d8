using Microsoft.Playwright;

namespace ActionAgent.Eval;

/// <summary>Carries out scripted <see cref="EvalStep"/>s with Playwright (task setup and the reference agent).</summary>
public static class StepRunner
{
    /// <summary>Runs the steps in order; a step that cannot run throws with the step in the message.</summary>
    public static async Task RunAsync(IPage page, IReadOnlyList<EvalStep> steps, CancellationToken cancellationToken = default)
    {
        foreach (var step in steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await RunOneAsync(page, step);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                // Playwright reports a wait that ran out as a TimeoutException: that step failed, not the harness.
                throw new InvalidOperationException($"step '{step}' failed: {FirstLine(e.Message)}", e);
            }
        }
    }

    private static async Task RunOneAsync(IPage page, EvalStep step)
    {
        var options = new LocatorClickOptions { Timeout = 5000 };
        switch (step.Verb)
        {
            case "click":
                await page.Locator(Arg(step, 0)).First.ClickAsync(options);
                break;
            case "dblclick":
                await page.Locator(Arg(step, 0)).First.DblClickAsync(new LocatorDblClickOptions { Timeout = 5000 });
                break;
            case "hover":
                await page.Locator(Arg(step, 0)).First.HoverAsync(new LocatorHoverOptions { Timeout = 5000 });
                break;
            case "fill":
                await page.Locator(Arg(step, 0)).First.FillAsync(Arg(step, 1), new LocatorFillOptions { Timeout = 5000 });
                break;
            case "type":
                await page.Locator(Arg(step, 0)).First.PressSequentiallyAsync(Arg(step, 1), new LocatorPressSequentiallyOptions { Delay = 30, Timeout = 5000 });
                break;
            case "press":
                await page.Locator(Arg(step, 0)).First.PressAsync(Arg(step, 1), new LocatorPressOptions { Timeout = 5000 });
                break;
            case "select":
                await page.Locator(Arg(step, 0)).First.SelectOptionAsync(Arg(step, 1), new LocatorSelectOptionOptions { Timeout = 5000 });
                break;
            case "drag":
                await DragAsync(page, Arg(step, 0), Arg(step, 1));
                break;
            case "js":
                await page.EvaluateAsync($"() => {{ {Arg(step, 0)}; }}");
                break;
            case "wait":
                await page.WaitForTimeoutAsync(float.Parse(Arg(step, 0), System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                throw new InvalidOperationException($"unknown step verb '{step.Verb}'");
        }

        // Widgets animate (menus, accordions); give the page a moment, as a person would.
        await page.WaitForTimeoutAsync(150);
    }

    private static async Task DragAsync(IPage page, string from, string to)
    {
        // jQuery UI draggables need real intermediate mouse moves, not a synthetic drop.
        var source = await page.Locator(from).First.BoundingBoxAsync() ?? throw new InvalidOperationException($"{from} has no box");
        var target = await page.Locator(to).First.BoundingBoxAsync() ?? throw new InvalidOperationException($"{to} has no box");
        await page.Mouse.MoveAsync(source.X + (source.Width / 2), source.Y + (source.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target.X + (target.Width / 2), target.Y + (target.Height / 2), new MouseMoveOptions { Steps = 12 });
        await page.Mouse.UpAsync();
    }

    private static string Arg(EvalStep step, int index) =>
        index < step.Args.Count ? step.Args[index] : throw new InvalidOperationException($"step '{step}' needs argument {index + 1}");

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
