using ActionAgent.Browser.Internal;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace ActionAgent.Browser.Approval;

/// <summary>
/// Before a held action that submits a form (a click on its submit control, Enter in one of its fields) reaches the
/// reviewer, reads in the page the fields that form would send and puts them on <see cref="ApprovalRequest.FormFields"/>.
/// Password and secret fields, declared secret values and <c>{{secret:NAME}}</c> references are masked.
/// </summary>
public sealed class FormFieldsApprover(IApprover inner, BrowserSession session, ISecretRedaction redaction, ILogger<FormFieldsApprover>? logger = null) : IApprover
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>The label of the last row: the form's method and action URL.</summary>
    public const string SendsTo = "Sends to";

    /// <inheritdoc />
    public async Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.FormFields.Count == 0 && SubmitsForm(request, out var from))
        {
            var fields = await CollectAsync(request, from, cancellationToken).ConfigureAwait(false);
            if (fields.Count > 0)
            {
                request = request with { FormFields = fields };
            }
        }

        return await inner.RequestAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the action submits a form; <paramref name="from"/> is the element in it (null: the focused element).</summary>
    internal static bool SubmitsForm(ApprovalRequest request, out int? from)
    {
        var target = request.TargetElement;
        (var submits, from) = request.Proposal.Action switch
        {
            TypeTextAction { PressEnter: true } t => (true, t.Target?.ElementId ?? target?.Id),
            PressKeyAction p when p.Keys.Contains("Enter", StringComparison.OrdinalIgnoreCase) => (true, target?.Id),
            ClickAction c when target is { SubmitsForm: true } => (true, c.Target.ElementId ?? target.Id),
            _ => (false, (int?)null),
        };
        return submits;
    }

    private async Task<IReadOnlyList<FormFieldValue>> CollectAsync(ApprovalRequest request, int? elementId, CancellationToken cancellationToken)
    {
        FormResult result;
        try
        {
            result = await session.GuardAsync(
                () => PageScript.RunAsync<FormResult>(session.Page, new { op = "form", key = session.ScriptKey, id = elementId ?? 0 }),
                cancellationToken, stopOnDialog: true).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PlaywrightException or BrowserSessionException or DialogOpenedException or InvalidOperationException or System.Text.Json.JsonException)
        {
            // The reviewer still decides; the request just lists no values.
            _logger.LogWarning("Could not read the form of approval {Key}: {Error}", request.IdempotencyKey, e.Message);
            return [];
        }

        if (result.Status != "ok")
        {
            _logger.LogDebug("No form values for approval {Key}: {Status}", request.IdempotencyKey, result.Status);
            return [];
        }

        // A type action with Enter sends the text it is about to type, not what the field holds now.
        var typed = request.Proposal.Action is TypeTextAction t ? t : null;
        var typedInto = typed?.Target?.ElementId ?? request.TargetElement?.Id;
        var fields = result.Fields.Select(f =>
        {
            var value = typed is not null && f.Id == typedInto ? (typed.ClearFirst ? typed.Text : f.Value + typed.Text) : f.Value;
            var label = redaction.Redact(f.Label.Length > 0 ? f.Label : f.Type);
            var masked = f.Secret || value.Contains("{{secret:", StringComparison.Ordinal) || redaction.Redact(value) != value;
            return new FormFieldValue(label, f.Type, masked ? FormFieldValue.MaskedValue : value) { Masked = masked };
        }).ToList();

        // Where the form sends it, last: the reviewer approves the destination too (the form lock holds it to that).
        if (result.Action.Length > 0)
        {
            fields.Add(new FormFieldValue(SendsTo, "form", redaction.Redact($"{result.Method.ToUpperInvariant()} {result.Action}")));
        }

        return fields;
    }
}
