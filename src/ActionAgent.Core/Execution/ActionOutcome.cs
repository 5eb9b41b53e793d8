using System.Text.Json.Serialization;

namespace ActionAgent.Core.Execution;

/// <summary>What happened when an action was (or was not) carried out. Expected failures are values, not exceptions.</summary>
public sealed record ActionOutcome(OutcomeStatus Status, string Message)
{
    /// <summary>The URL after the action, when it is known.</summary>
    public string? UrlAfter { get; init; }

    /// <summary>Fraction of the screen that changed (0..1), when a verifier measured it.</summary>
    public double? ChangedFraction { get; init; }

    /// <summary>Why it did not succeed, as a value (<see cref="FailureKind.None"/> for a success).</summary>
    public FailureKind Failure { get; init; }

    /// <summary>What was checked to confirm the action's effect ("Amount reads 42.00", "URL changed"), when anything was.</summary>
    public IReadOnlyList<string>? Checks { get; init; }

    /// <summary>The JavaScript dialogs the action raised and how each was answered, in order; null when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AnsweredDialog>? Dialogs { get; init; }

    /// <summary>True when the action succeeded.</summary>
    [JsonIgnore]
    public bool Succeeded => Status == OutcomeStatus.Succeeded;

    /// <summary>A successful outcome.</summary>
    public static ActionOutcome Success(string message = "done") => new(OutcomeStatus.Succeeded, message);

    /// <summary>A failed outcome the decider should hear about.</summary>
    public static ActionOutcome Failed(string message, FailureKind kind = FailureKind.ActionFailed) => new(OutcomeStatus.Failed, message) { Failure = kind };

    /// <summary>An action that was not carried out, and why.</summary>
    public static ActionOutcome Skipped(string reason, FailureKind kind = FailureKind.PolicyDenied) => new(OutcomeStatus.Skipped, reason) { Failure = kind };

    /// <summary>How the message names its checks: "clicked #5 [checked: a; b]".</summary>
    public const string ChecksMarker = " [checked: ";

    /// <summary>
    /// This outcome confirmed by <paramref name="checks"/>: <see cref="Checks"/> set and, when there are any, the message
    /// ending in "[checked: …]" — an earlier list replaced, so a second verifier extends the first instead of repeating it.
    /// </summary>
    public ActionOutcome WithChecks(IReadOnlyList<string> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var bare = WithoutChecks();
        return bare with { Checks = checks, Message = checks.Count == 0 ? bare.Message : $"{bare.Message}{ChecksMarker}{string.Join("; ", checks)}]" };
    }

    /// <summary>This outcome without its checks: <see cref="Checks"/> cleared and their "[checked: …]" taken off the message.</summary>
    public ActionOutcome WithoutChecks()
    {
        var at = Checks is { Count: > 0 } && Message.EndsWith(']') ? Message.LastIndexOf(ChecksMarker, StringComparison.Ordinal) : -1;
        return this with { Checks = null, Message = at >= 0 ? Message[..at] : Message };
    }

    /// <inheritdoc />
    public override string ToString() => $"{Status}: {Message}";
}
