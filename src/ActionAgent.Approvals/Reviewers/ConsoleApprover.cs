using System.Globalization;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Reviewers;

/// <summary>
/// Asks the person at the terminal: shows the action, target, value, URL, risk and the rule that fired, then reads
/// <c>y</c> (approve), <c>n</c> (reject), <c>r</c> (reject with a reason) or <c>e</c> (edit the value, then approve).
/// Page-controlled text is shown inert (<see cref="InertText"/>). End of input rejects. Takes a reader and writer so
/// tests (and other front ends) can drive it.
/// </summary>
public sealed class ConsoleApprover(TextReader input, TextWriter output, string reviewer = "console") : IApprover
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>True when stdin and stdout are a terminal, so a person can answer.</summary>
    public static bool IsInteractive => !Console.IsInputRedirected && !Console.IsOutputRedirected;

    /// <inheritdoc />
    public async Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Show(request);
            var editable = request.Proposal.Action is TypeTextAction;
            while (true)
            {
                await output.WriteAsync(editable ? "Approve? [y]es / [n]o / [r]eject with reason / [e]dit value: " : "Approve? [y]es / [n]o / [r]eject with reason: ").ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (line is null)
                {
                    await output.WriteLineAsync().ConfigureAwait(false);
                    return ApprovalDecision.Reject(reviewer, "no answer (input closed)");
                }

                switch (line.Trim().ToLowerInvariant())
                {
                    case "y" or "yes":
                        return ApprovalDecision.Approve(reviewer, "approved at the console");
                    case "n" or "no":
                        return ApprovalDecision.Reject(reviewer, "rejected at the console");
                    case "r" or "reason":
                        await output.WriteAsync("Reason: ").ConfigureAwait(false);
                        var reason = (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.Trim();
                        return ApprovalDecision.Reject(reviewer, string.IsNullOrEmpty(reason) ? "rejected at the console" : reason);
                    case "e" or "edit" when editable:
                        await output.WriteAsync("New value: ").ConfigureAwait(false);
                        var value = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                        if (value is null)
                        {
                            return ApprovalDecision.Reject(reviewer, "no answer (input closed)");
                        }

                        return ApprovalDecision.Approve(reviewer, "approved with an edited value") with { EditedValue = value };
                    default:
                        await output.WriteLineAsync($"Please answer y, n, r{(editable ? " or e" : "")}.").ConfigureAwait(false);
                        break;
                }
            }
        }
        finally
        {
            _one.Release();
        }
    }

    private void Show(ApprovalRequest request)
    {
        var action = request.Proposal.Action;
        var v = request.Verdict;
        output.WriteLine();
        output.WriteLine($"── Approval needed · run {Shown(request.RunId)} · step {request.Step.ToString(CultureInfo.InvariantCulture)} ──");
        output.WriteLine($"  action : {Shown(action.Describe())}");
        if (request.TargetElement is { } t)
        {
            output.WriteLine($"  target : {Shown(t.Role)} \"{Shown(t.Label)}\" at {t.Bounds}");
        }

        switch (action)
        {
            case TypeTextAction type:
                output.WriteLine($"  value  : \"{Shown(type.Text)}\"{(type.PressEnter ? " then Enter" : "")}");
                break;
            case NavigateAction nav:
                output.WriteLine($"  to     : {Shown(nav.Url)}");
                break;
        }

        if (request.FormFields.Count > 0)
        {
            output.WriteLine("  this will submit:");
            var width = Math.Min(28, request.FormFields.Max(f => Shown(f.Label).Length));
            foreach (var f in request.FormFields)
            {
                var label = Shown(f.Label);
                output.WriteLine($"    {(label.Length > 28 ? label[..27] + "…" : label).PadRight(width)}  {(f.Masked ? FormFieldValue.MaskedValue : Shown(f.Value))}");
            }
        }

        output.WriteLine($"  page   : {Shown(request.Url)}");
        output.WriteLine($"  risk   : {PolicyEngine.ClassKey(v.Risk)}   rule: {Shown(v.Rule)}");
        output.WriteLine($"  why    : {Shown(v.Reason)}");
        if (request.Proposal.Reason.Length > 0)
        {
            output.WriteLine($"  agent  : {Shown(request.Proposal.Reason)}");
        }

        if (request.Task.Length > 0)
        {
            output.WriteLine($"  task   : {Shown(request.Task)}");
        }
    }

    // Page text must not drive the reviewer's terminal: an ESC or CR in a label could rewrite the line they read.
    private static string Shown(string? text) => InertText.Line(text);
}
