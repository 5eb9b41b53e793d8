using System.Security.Cryptography;
using ActionAgent.Browser.Internal;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace ActionAgent.Browser.Approval;

/// <summary>
/// Binds an approval to what the held action's form would submit. <see cref="FormLockApprover"/> reads the form
/// (<see cref="FormSnapshot"/>) when the approval is requested and holds it once approved; <see cref="FormLockExecutor"/>
/// reads it again right before the approved action runs and refuses it when anything differs. One per browser session.
/// </summary>
public sealed class FormLock(BrowserSession session, ILogger<FormLock>? logger = null)
{
    // Values are hashed with a key that lives only in this process, so a short value (a PIN, an amount) cannot be
    // recovered from a hash by trying candidates.
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly Lock _gate = new();
    private Held? _held;

    /// <summary>What the approved action will submit, read when it was put to the reviewer.</summary>
    internal sealed record Held(BrowserAction Action, FormScope Scope, FormSnapshot Snapshot);

    /// <summary>Where the form is read: the element the action acts on (null: the focused one) and whether Enter submits it.</summary>
    internal sealed record FormScope(int? ElementId, bool Enter);

    /// <summary>The form scope of a held action, or null when it acts on no element (a bare point, a navigation, a scroll).</summary>
    internal static FormScope? ScopeOf(ApprovalRequest request)
    {
        var action = request.Proposal.Action;
        var enter = action switch
        {
            TypeTextAction t => t.PressEnter,
            PressKeyAction p => p.Keys.Contains("Enter", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
        if (action.PrimaryTarget is { } primary)
        {
            // At a bare point, the element perceived there (when there is one) is the one pressed.
            return (primary.ElementId ?? request.TargetElement?.Id) is { } id ? new FormScope(id, enter) : null;
        }

        // Keys and text without a target go to the focused element.
        return action is TypeTextAction or PressKeyAction ? new FormScope(null, enter) : null;
    }

    /// <summary>Reads the form the request's action acts in; null when it acts in none or the page cannot be read (logged).</summary>
    internal async Task<Held?> ReadAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        if (ScopeOf(request) is not { } scope)
        {
            return null;
        }

        var (status, snapshot) = await ReadAsync(scope, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            _logger.Log(status == "noform" ? LogLevel.Debug : LogLevel.Warning, "No form lock for approval {Key}: {Status}", request.IdempotencyKey, status);
            return null;
        }

        return new Held(request.Proposal.Action, scope, snapshot);
    }

    /// <summary>Holds the snapshot of an approved action until the executor runs the next action.</summary>
    internal void Hold(Held held)
    {
        lock (_gate)
        {
            _held = held;
        }
    }

    /// <summary>
    /// Takes the held snapshot (it is used once, by the next action whichever it is); null when the action about to run
    /// is not the approved one it was read for (then it was never run and the snapshot is dropped).
    /// </summary>
    internal Held? Take(BrowserAction action)
    {
        Held? held;
        lock (_gate)
        {
            held = _held;
            _held = null;
        }

        // A reviewer's edit changes a type action's text, not its kind or target.
        return held is not null && held.Action.Kind == action.Kind && Equals(held.Action.PrimaryTarget, action.PrimaryTarget) ? held : null;
    }

    /// <summary>
    /// What a request (<paramref name="method"/> <paramref name="url"/>), sent while the approved action of <paramref name="held"/> runs,
    /// sends differently from what the reviewer saw, when it is that form's own submission (same method and URL,
    /// urlencoded or multipart) — a click or submit handler rewrote a field during the press. Empty for any other request, or the same
    /// entries. The entries are named, never quoted.
    /// </summary>
    internal IReadOnlyList<string> ChangesSentBy(Held held, string method, string url, string? contentType, string? body)
    {
        var form = held.Snapshot;
        if (body is null || contentType is null || !string.Equals(method, form.Method, StringComparison.OrdinalIgnoreCase) || !SameUrl(url, form.Action))
        {
            return [];
        }

        if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return form.BodyChanges(body, _key);
        }

        return contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) && Boundary(contentType) is { } boundary
            ? form.MultipartChanges(body, boundary, _key)
            : [];
    }

    /// <summary>Why such a request must not leave (see <see cref="ChangesSentBy"/>).</summary>
    internal static string RefusalFor(IReadOnlyList<string> changes) =>
        $"it sends another form than the one the reviewer approved ({string.Join("; ", changes)})";

    private static string? Boundary(string contentType)
    {
        var at = contentType.IndexOf("boundary=", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : contentType[(at + "boundary=".Length)..].Split(';')[0].Trim().Trim('"') is { Length: > 0 } b ? b : null;
    }

    private static bool SameUrl(string a, string b) =>
        string.Equals(a.Split('#')[0], b.Split('#')[0], StringComparison.Ordinal);

    /// <summary>Reads the form of <paramref name="scope"/> now: the page helper's status and the snapshot when it is "ok".</summary>
    internal async Task<(string Status, FormSnapshot? Snapshot)> ReadAsync(FormScope scope, CancellationToken cancellationToken)
    {
        FormEntriesResult read;
        try
        {
            read = await session.GuardAsync(
                () => PageScript.RunAsync<FormEntriesResult>(session.Page, new { op = "formEntries", key = session.ScriptKey, id = scope.ElementId ?? 0, enter = scope.Enter }),
                cancellationToken, stopOnDialog: true).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PlaywrightException or BrowserSessionException or DialogOpenedException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return ("unreadable: " + e.Message, null);
        }

        return (read.Status, read.Status == "ok" ? FormSnapshot.From(read, _key) : null);
    }
}
