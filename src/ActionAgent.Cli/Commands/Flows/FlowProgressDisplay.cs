using System.Text.Json;
using ActionAgent.Cli.Output;
using ActionAgent.Core.Perception;
using ActionAgent.Flows.Running;
using Spectre.Console;

namespace ActionAgent.Cli.Commands.Flows;

/// <summary>
/// Shows a test run as it happens: coloured lines through Spectre.Console on a terminal, plain lines when the output
/// is redirected (CI logs), one JSON line per finished step and flow with --json; page text is shown inert. Thread-safe: several workers report at once.
/// </summary>
public sealed class FlowProgressDisplay(OutputMode mode, TextWriter? plainOutput = null, IAnsiConsole? terminal = null) : IFlowProgress
{
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public void Report(FlowProgressEvent update)
    {
        ArgumentNullException.ThrowIfNull(update);
        update = update with { Flow = Shown(update.Flow), Text = Shown(update.Text), Message = Shown(update.Message) };
        if (mode == OutputMode.Json)
        {
            WriteJson(update);
            return;
        }

        var (markup, plain) = update.Kind switch
        {
            FlowProgressKind.FlowStarted => ($"[bold]▶ {Markup.Escape(update.Flow)}[/]", $"START {update.Flow}"),
            FlowProgressKind.StepStarted => ((string?)null, (string?)null),
            FlowProgressKind.StepFinished => (
                $"  [grey]{Markup.Escape(update.Flow)} {update.Step}/{update.StepCount}[/] {Markup.Escape(update.Text)} {(update.Passed == false ? "[red]failed[/]" : "[green]ok[/]")}{(update.Passed == false && update.Message.Length > 0 ? "\n    [red]" + Markup.Escape(update.Message) + "[/]" : "")}",
                $"  {update.Flow} {update.Step}/{update.StepCount} {update.Text} -> {(update.Passed == false ? "failed" : "ok")}{(update.Passed == false && update.Message.Length > 0 ? ": " + update.Message : "")}"),
            FlowProgressKind.FlowFinished => (
                $"{(update.Passed == true ? "[bold green]PASS[/]" : "[bold red]FAIL[/]")} {Markup.Escape(update.Flow)}{(update.Message.Length > 0 && update.Passed != true ? "\n    [red]" + Markup.Escape(update.Message) + "[/]" : "")}",
                $"{(update.Passed == true ? "PASS" : "FAIL")} {update.Flow}{(update.Status is { } s ? $" ({s})" : "")}{(update.Message.Length > 0 && update.Passed != true ? ": " + update.Message : "")}"),
            _ => ((string?)null, (string?)null),
        };
        if (plain is null)
        {
            return;
        }

        lock (_gate)
        {
            if (mode == OutputMode.Terminal)
            {
                (terminal ?? AnsiConsole.Console).MarkupLine(markup!);
            }
            else if (mode == OutputMode.Plain)
            {
                var output = plainOutput ?? Console.Out;
                output.WriteLine(plain);
                output.Flush();
            }
        }
    }

    // --json: one line per finished step and per finished flow, as they happen (the result object comes last, from the command).
    private void WriteJson(FlowProgressEvent update)
    {
        string? line = update.Kind switch
        {
            FlowProgressKind.StepFinished => JsonSerializer.Serialize(new { type = "step", flow = update.Flow, step = update.Step, of = update.StepCount, text = update.Text, passed = update.Passed, message = update.Message }),
            FlowProgressKind.FlowFinished => JsonSerializer.Serialize(new { type = "flow", flow = update.Flow, passed = update.Passed, status = update.Status?.ToString(), message = update.Message }),
            _ => null,
        };
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            var output = plainOutput ?? Console.Out;
            output.WriteLine(line);
            output.Flush();
        }
    }

    // Step text and messages echo the page (labels, URLs): an ESC or CR in them must not rewrite the CI log line.
    private static string Shown(string text) => InertText.Line(text);
}
