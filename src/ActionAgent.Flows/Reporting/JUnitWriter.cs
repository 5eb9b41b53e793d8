using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ActionAgent.Core.Perception;
using ActionAgent.Flows.Running;

namespace ActionAgent.Flows.Reporting;

/// <summary>
/// Writes a test run as JUnit XML in the Jenkins/Surefire shape (testsuites/testsuite/testcase with failure, error or
/// skipped, then system-out): failed steps and expectations are failures, timeouts failures of type Timeout,
/// infrastructure problems and unloadable files errors.
/// </summary>
public static class JUnitWriter
{
    /// <summary>Builds the XML document.</summary>
    public static XDocument ToXml(FlowSuiteResult suite, string suiteName = "actionagent flows")
    {
        ArgumentNullException.ThrowIfNull(suite);
        var failures = suite.Results.Count(r => r.Status is FlowStatus.Failed or FlowStatus.TimedOut);
        var errors = suite.Results.Count(r => r.Status == FlowStatus.Error) + suite.LoadErrors.Count;
        var skipped = suite.Results.Count(r => r.Status == FlowStatus.Cancelled);
        var tests = suite.Results.Count + suite.LoadErrors.Count;
        var time = Seconds(suite.Duration);
        var testsuite = new XElement("testsuite",
            new XAttribute("name", suiteName),
            new XAttribute("tests", tests),
            new XAttribute("failures", failures),
            new XAttribute("errors", errors),
            new XAttribute("skipped", skipped),
            new XAttribute("time", time),
            new XAttribute("timestamp", suite.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            new XAttribute("hostname", "localhost"));
        if (suite.Cache is { } cache)
        {
            testsuite.Add(new XElement("properties",
                Property("actionagent.cache.hits", cache.Hits),
                Property("actionagent.cache.misses", cache.Misses),
                Property("actionagent.cache.relocated", cache.Relocated),
                Property("actionagent.cache.healed", cache.Healed)));
        }

        foreach (var error in suite.LoadErrors)
        {
            testsuite.Add(new XElement("testcase",
                new XAttribute("name", Path.GetFileName(error.Path)),
                new XAttribute("classname", "flows.load"),
                new XAttribute("time", "0"),
                new XAttribute("file", error.Path),
                new XElement("error", new XAttribute("message", Clean(error.Message)), new XAttribute("type", "FlowFormatError"), Clean(error.Message))));
        }

        foreach (var result in suite.Results)
        {
            var testcase = new XElement("testcase",
                new XAttribute("name", Clean(result.Flow.Name)),
                new XAttribute("classname", "flows." + Slug.From(Path.GetFileNameWithoutExtension(result.Flow.SourcePath) is { Length: > 0 } f ? f : result.Flow.Name)),
                new XAttribute("time", Seconds(result.Duration)));
            if (result.Flow.SourcePath.Length > 0)
            {
                testcase.Add(new XAttribute("file", result.Flow.SourcePath));
            }

            var details = Details(result);
            var shot = FlowReports.FailureScreenshotPath(result) is { } p && File.Exists(p) ? p : null;
            if (shot is not null)
            {
                details = $"{details}\nscreenshot: {shot}";
            }
            switch (result.Status)
            {
                case FlowStatus.Failed:
                    testcase.Add(new XElement("failure", new XAttribute("message", Clean(result.Message)), new XAttribute("type", FailureType(result)), Clean(details)));
                    break;
                case FlowStatus.TimedOut:
                    testcase.Add(new XElement("failure", new XAttribute("message", Clean(result.Message)), new XAttribute("type", "Timeout"), Clean(details)));
                    break;
                case FlowStatus.Error:
                    testcase.Add(new XElement("error", new XAttribute("message", Clean(result.Message)), new XAttribute("type", "InfrastructureError"), Clean(details)));
                    break;
                case FlowStatus.Cancelled:
                    testcase.Add(new XElement("skipped", new XAttribute("message", Clean(result.Message))));
                    break;
            }

            // [[ATTACHMENT|path]] is how Jenkins (junit-attachments) and GitLab pick up a test's screenshot.
            testcase.Add(new XElement("system-out", Clean(shot is null ? Log(result) : $"{Log(result)}\n[[ATTACHMENT|{shot}]]")));
            testsuite.Add(testcase);
        }

        var root = new XElement("testsuites",
            new XAttribute("name", suiteName),
            new XAttribute("tests", tests),
            new XAttribute("failures", failures),
            new XAttribute("errors", errors),
            new XAttribute("skipped", skipped),
            new XAttribute("time", time),
            testsuite);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    /// <summary>Writes the XML to a file (UTF-8, indented), creating its folder.</summary>
    public static void Write(FlowSuiteResult suite, string path, string suiteName = "actionagent flows")
    {
        ArgumentNullException.ThrowIfNull(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        using var writer = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        ToXml(suite, suiteName).Save(writer);
    }

    private static XElement Property(string name, int value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", value));

    private static string FailureType(FlowResult result) =>
        result.Steps.LastOrDefault(s => !s.Passed) is { } step ? step.IsExpectation ? "ExpectationFailed" : "StepFailed" : "ExpectationFailed";

    private static string Details(FlowResult result)
    {
        var sb = new StringBuilder();
        sb.AppendLine(result.Message);
        foreach (var step in result.Steps.Where(s => !s.Passed))
        {
            sb.AppendLine($"step {step.Index} \"{step.Text}\": {step.Message}");
        }

        foreach (var e in result.Expectations.Where(e => !e.Passed))
        {
            sb.AppendLine($"{e.Expectation.Location}: expected {e.Expected}");
            sb.AppendLine($"  actual: {e.Actual}");
        }

        if (result.RecordingPath is not null)
        {
            sb.AppendLine($"recording: {result.RecordingPath}");
        }

        return sb.ToString().TrimEnd();
    }

    private static string Log(FlowResult result)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"flow \"{result.Flow.Name}\" {result.Status} in {result.Duration.TotalSeconds:0.00}s: {result.Message}");
        foreach (var step in result.Steps)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{(step.Passed ? "ok  " : "FAIL")} {step.Index,2}. {(step.IsExpectation ? "expect: " : "")}{step.Text} ({step.Duration.TotalSeconds:0.00}s{(step.Actions > 0 ? $", {step.Actions} actions" : "")}) {step.Message}");
        }

        foreach (var e in result.Expectations)
        {
            sb.AppendLine($"{(e.Passed ? "ok  " : "FAIL")} expect: {e.Expectation.Source} — {e.Actual}");
        }

        if (result.Tokens > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"tokens {result.Tokens}, cost {result.Cost:0.0000}");
        }

        if (result.RecordingPath is not null)
        {
            sb.AppendLine($"recording: {result.RecordingPath}");
        }

        return sb.ToString().TrimEnd();
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Shows control and bidi characters from page text escaped (CI pages render this text), then drops what XML 1.0 cannot hold.</summary>
    private static string Clean(string text)
    {
        text = InertText.Block(text);
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
