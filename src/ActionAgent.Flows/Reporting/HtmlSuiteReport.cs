using System.Globalization;
using System.Text;
using ActionAgent.Flows.Expectations;
using ActionAgent.Flows.Running;
using static ActionAgent.Flows.Reporting.HtmlParts;

namespace ActionAgent.Flows.Reporting;

/// <summary>Renders a test run: failures first (message, expected vs actual, screenshot), then every flow.</summary>
internal static class HtmlSuiteReport
{
    public static string Render(FlowSuiteResult suite, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var sb = new StringBuilder(64 * 1024);
        Open(sb, "ActionAgent test report");
        var failedFlows = suite.Results.Where(r => !r.Passed).ToList();
        var verdict = suite.AllPassed ? Badge("all passed", "ok") : Badge($"{suite.FailedCount} failed", "bad");
        sb.Append("<header class=\"top\"><h1>ActionAgent test report ").Append(verdict).Append("</h1><div class=\"sub\">")
          .Append("<span>started ").Append(E(suite.StartedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))).Append("</span>")
          .Append("<span>duration ").Append(E(Duration(suite.Duration))).Append("</span>");
        if (suite.FilteredOut > 0)
        {
            sb.Append("<span>").Append(suite.FilteredOut).Append(" flows left out by tag filter</span>");
        }

        sb.Append("</div><div class=\"stats\">")
          .Append(Stat(suite.Results.Count + suite.LoadErrors.Count, "flows"))
          .Append(Stat(suite.PassedCount, "passed"))
          .Append(Stat(failedFlows.Count, "failed"))
          .Append(Stat(suite.LoadErrors.Count, "did not load"))
          .Append(Stat(suite.Results.Sum(r => r.Tokens), "tokens"));
        if (suite.Cache is { } cache)
        {
            sb.Append("<div class=\"stat\"><b>").Append(E(Inv($"{cache.HitRate:P0}"))).Append("</b><small>")
              .Append(E($"cache hits ({cache.Hits} hits, {cache.Misses} misses, {cache.Healed} healed)")).Append("</small></div>");
        }

        sb.Append("</div></header><main>");

        if (failedFlows.Count + suite.LoadErrors.Count == 0)
        {
            sb.Append("<div class=\"summary clean\"><h2>Every flow passed</h2></div>");
        }
        else
        {
            sb.Append("<div class=\"summary\"><h2>Failures (").Append(failedFlows.Count + suite.LoadErrors.Count).Append(")</h2><ol>");
            foreach (var e in suite.LoadErrors)
            {
                sb.Append("<li><a href=\"#load-").Append(E(Slug.From(e.Path))).Append("\">").Append(E(e.Path)).Append("</a> — ").Append(Badge("did not load", "bad")).Append("</li>");
            }

            foreach (var r in failedFlows)
            {
                sb.Append("<li><a href=\"#flow-").Append(E(Slug.From(r.Flow.Name))).Append("\">").Append(E(r.Flow.Name)).Append("</a> — ")
                  .Append(StatusBadge(r.Status)).Append(' ').Append(E(TextSimilarity.Clip(r.Message, 200))).Append("</li>");
            }

            sb.Append("</ol></div><h2>Failure details</h2>");
            foreach (var e in suite.LoadErrors)
            {
                sb.Append("<section class=\"card failed\" id=\"load-").Append(E(Slug.From(e.Path))).Append("\"><div class=\"card-h\"><b>").Append(E(e.Path)).Append("</b>")
                  .Append(Badge("did not load", "bad")).Append("</div><div class=\"card-b mono\">").Append(E(e.Message)).Append("</div></section>");
            }

            foreach (var r in failedFlows)
            {
                RenderFailure(sb, r, outputDirectory);
            }
        }

        if (suite.Heals.Count > 0)
        {
            sb.Append("<h2>Self-healed steps (").Append(suite.Heals.Count).Append(")</h2><p class=\"muted\">The cached action no longer fit the page; the decider was asked again and the cache updated. Check that the new target is right.</p>")
              .Append("<table><thead><tr><th>Instruction</th><th>Why</th><th>Was</th><th>Now</th></tr></thead><tbody>");
            foreach (var h in suite.Heals)
            {
                sb.Append("<tr><td>").Append(E(h.Instruction)).Append("</td><td>").Append(E(h.Reason)).Append("</td><td class=\"mono\">").Append(E(h.OldTarget))
                  .Append("</td><td class=\"mono\">").Append(E(h.NewAction)).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        sb.Append("<h2>All flows</h2><table><thead><tr><th>Status</th><th>Flow</th><th>Tags</th><th>Steps</th><th>Expectations</th><th>Duration</th><th>Report</th></tr></thead><tbody>");
        foreach (var r in suite.Results)
        {
            var steps = r.Steps.Count(s => s.Passed);
            var expectations = r.Expectations.Count(e => e.Passed) + r.Steps.Count(s => s.IsExpectation && s.Passed);
            var expectationTotal = r.Flow.Expectations.Count + r.Flow.Steps.Count(s => s.IsExpectation);
            sb.Append("<tr><td>").Append(StatusBadge(r.Status)).Append("</td><td><a href=\"#flow-").Append(E(Slug.From(r.Flow.Name))).Append("\">").Append(E(r.Flow.Name)).Append("</a><br><span class=\"muted mono\">")
              .Append(E(r.Flow.SourcePath)).Append("</span></td><td>").Append(E(string.Join(", ", r.Flow.Tags))).Append("</td><td>")
              .Append(steps).Append('/').Append(r.Flow.Steps.Count).Append("</td><td>").Append(expectations).Append('/').Append(expectationTotal)
              .Append("</td><td>").Append(E(Duration(r.Duration))).Append("</td><td>").Append(RunReportLink(r, outputDirectory)).Append("</td></tr>");
        }

        sb.Append("</tbody></table><h2>Details</h2>");
        foreach (var r in suite.Results.Where(r => r.Passed))
        {
            sb.Append("<section class=\"card passed\" id=\"flow-").Append(E(Slug.From(r.Flow.Name))).Append("\"><div class=\"card-b\"><details><summary><b>").Append(E(r.Flow.Name)).Append("</b> ")
              .Append(StatusBadge(r.Status)).Append(" <span class=\"muted\">").Append(E(r.Message)).Append("</span></summary>");
            StepsTable(sb, r);
            sb.Append("</details></div></section>");
        }

        Close(sb, "Generated by ActionAgent");
        return sb.ToString();
    }

    private static void RenderFailure(StringBuilder sb, FlowResult r, string outputDirectory)
    {
        sb.Append("<section class=\"card failed\" id=\"flow-").Append(E(Slug.From(r.Flow.Name))).Append("\"><div class=\"card-h\"><b>").Append(E(r.Flow.Name)).Append("</b>")
          .Append(StatusBadge(r.Status)).Append("<span class=\"muted\">").Append(E(Duration(r.Duration))).Append(" · ").Append(E(r.Flow.SourcePath)).Append("</span>")
          .Append("<span style=\"margin-left:auto\">").Append(RunReportLink(r, outputDirectory)).Append("</span></div><div class=\"card-b\"><div class=\"step-grid\"><div>");
        Screenshot(sb, r.FailureScreenshot.Span, 0, 0, "", $"screenshot of {r.Flow.Name} when it failed");
        sb.Append("</div><div><p><b>").Append(E(r.Message)).Append("</b></p>");
        var failedStep = r.Steps.LastOrDefault(s => !s.Passed);
        if (failedStep is not null)
        {
            sb.Append("<p>Step ").Append(failedStep.Index).Append(" <span class=\"mono\">").Append(E(failedStep.Text)).Append("</span></p>");
        }

        var failedExpectations = r.Steps.Where(s => !s.Passed && s.Expectation is not null).Select(s => s.Expectation!).Concat(r.Expectations.Where(e => !e.Passed)).ToList();
        if (failedExpectations.Count > 0)
        {
            sb.Append("<table><thead><tr><th>Expected</th><th>Actual</th></tr></thead><tbody>");
            foreach (var e in failedExpectations)
            {
                sb.Append("<tr><td class=\"exp expected\">").Append(E(e.Expected)).Append("<br><span class=\"muted\">").Append(E(e.Expectation.Location.ToString())).Append("</span></td><td class=\"exp actual\">")
                  .Append(E(e.Actual)).Append("</td></tr>");
                if (!e.ActualImage.IsEmpty)
                {
                    sb.Append("<tr><td colspan=\"2\"><div class=\"pair\">").Append(Figure(e.ExpectedImage, "baseline")).Append(Figure(e.ActualImage, "now")).Append("</div></td></tr>");
                }
            }

            sb.Append("</tbody></table>");
        }

        if (r.RecordingPath is not null)
        {
            sb.Append("<p class=\"muted\">recording: <span class=\"mono\">").Append(E(r.RecordingPath)).Append("</span></p>");
        }

        sb.Append("</div></div><details><summary>All steps</summary>");
        StepsTable(sb, r);
        sb.Append("</details></div></section>");
    }

    private static void StepsTable(StringBuilder sb, FlowResult r)
    {
        sb.Append("<table><thead><tr><th>#</th><th>Step</th><th>Result</th><th>Time</th></tr></thead><tbody>");
        foreach (var s in r.Steps)
        {
            sb.Append("<tr><td>").Append(s.Index).Append("</td><td>").Append(s.IsExpectation ? "<span class=\"muted\">expect:</span> " : "").Append(E(s.Text))
              .Append("</td><td>").Append(s.Passed ? Badge("ok", "ok") : Badge("failed", "bad")).Append(' ').Append(E(s.Message))
              .Append(s.Actions > 0 ? $" <span class=\"muted\">({s.Actions} actions)</span>" : "").Append("</td><td>").Append(E(Duration(s.Duration))).Append("</td></tr>");
        }

        foreach (var step in r.Flow.Steps.Skip(r.Steps.Count))
        {
            sb.Append("<tr class=\"muted\"><td>").Append(step.Index).Append("</td><td>").Append(E(step.ToString())).Append("</td><td>").Append(Badge("not run", "mute")).Append("</td><td></td></tr>");
        }

        foreach (var e in r.Expectations)
        {
            sb.Append("<tr><td></td><td><span class=\"muted\">expect:</span> ").Append(E(e.Expectation.Source)).Append("</td><td>")
              .Append(e.Passed ? Badge("ok", "ok") : Badge("failed", "bad")).Append(' ').Append(E(e.Actual)).Append("</td><td></td></tr>");
        }

        sb.Append("</tbody></table>");
    }

    private static string Figure(ReadOnlyMemory<byte> png, string caption) =>
        png.IsEmpty ? $"<figure><figcaption>{E(caption)}: none</figcaption></figure>"
        : $"<figure><img style=\"max-width:100%;border:1px solid #d0d7de\" alt=\"{E(caption)}\" src=\"{DataUri(png.Span)}\"><figcaption>{E(caption)}</figcaption></figure>";

    private static string RunReportLink(FlowResult r, string outputDirectory)
    {
        if (r.RecordingPath is null)
        {
            return "<span class=\"muted\">—</span>";
        }

        var report = FlowReports.RunReportPath(outputDirectory, r)!;
        if (!File.Exists(report))
        {
            return "<span class=\"muted\">recorded</span>";
        }

        var relative = Path.GetRelativePath(outputDirectory, report).Replace('\\', '/');
        return $"<a href=\"{E(Uri.EscapeDataString(relative).Replace("%2F", "/", StringComparison.Ordinal))}\">run report</a>";
    }

    internal static string StatusBadge(FlowStatus status) => status switch
    {
        FlowStatus.Passed => Badge("passed", "ok"),
        FlowStatus.TimedOut => Badge("timed out", "bad"),
        FlowStatus.Error => Badge("error", "bad"),
        FlowStatus.Cancelled => Badge("cancelled", "warn"),
        _ => Badge("failed", "bad"),
    };

    private static string Stat(long value, string label) =>
        $"<div class=\"stat\"><b>{value.ToString("N0", CultureInfo.InvariantCulture)}</b><small>{E(label)}</small></div>";
}
