using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;

namespace ActionAgent.Core.Approval;

/// <summary>
/// One approval request as a store keeps it: what was proposed, why it was held, where on the screenshot the target is,
/// when it expires, and what was decided. The screenshot bytes are fetched separately.
/// </summary>
public sealed record StoredApproval
{
    /// <summary>Short numeric id for people and URLs.</summary>
    public required long Id { get; init; }

    /// <summary>The request's idempotency key (run:step:fingerprint16; run:step for requests stored before schema 2); unique.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The full <see cref="ActionFingerprint"/> of the action this approval releases; empty for requests stored before schema 2.</summary>
    public string Fingerprint { get; init; } = "";

    /// <summary>The run that asked.</summary>
    public required string RunId { get; init; }

    /// <summary>The step of the run.</summary>
    public required int Step { get; init; }

    /// <summary>The task the run carries out.</summary>
    public string Task { get; init; } = "";

    /// <summary>Who asked for the run, or null; unless <see cref="RequesterMayApprove"/>, they cannot decide this request.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>True when the run's policy lets <see cref="RequestedBy"/> decide it.</summary>
    public bool RequesterMayApprove { get; init; }

    /// <summary>The page URL when the action was proposed.</summary>
    public string Url { get; init; } = "";

    /// <summary>The proposed action as JSON (the recording format).</summary>
    public string ActionJson { get; init; } = "";

    /// <summary>The action in one line (<c>click #12 "Submit refund"</c>).</summary>
    public string ActionSummary { get; init; } = "";

    /// <summary>The action kind (click, type, navigate…).</summary>
    public string ActionKind { get; init; } = "";

    /// <summary>The text a type action would enter, the option a select would choose, or the URL of a navigation.</summary>
    public string? ActionValue { get; init; }

    /// <summary>Why the decider proposed it.</summary>
    public string ProposalReason { get; init; } = "";

    /// <summary>The target in words (label of the element, or the action's target description).</summary>
    public string TargetLabel { get; init; } = "";

    /// <summary>The fields and values the action's form would submit, as collected at request time (secrets masked); empty for none.</summary>
    public IReadOnlyList<FormFieldValue> FormFields { get; init; } = [];

    /// <summary>Risk class computed by the policy engine.</summary>
    public RiskClass Risk { get; init; }

    /// <summary>The rule that fired (actions.submit, patterns.refunds…).</summary>
    public string Rule { get; init; } = "";

    /// <summary>The policy's reason.</summary>
    public string Reason { get; init; } = "";

    /// <summary>The target's box in screenshot pixels, when known.</summary>
    public ScreenRect? TargetBox { get; init; }

    /// <summary>True when the request kept a numbered set-of-marks image besides its screenshot.</summary>
    public bool HasMarksScreenshot { get; init; }

    /// <summary>Screenshot size in pixels (0 when there is no screenshot).</summary>
    public int ScreenshotWidth { get; init; }

    /// <summary>Screenshot height in pixels.</summary>
    public int ScreenshotHeight { get; init; }

    /// <summary>When it was requested.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it expires if nobody decides.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>What a timeout means for this request.</summary>
    public ApprovalTimeoutBehavior OnTimeout { get; init; }

    /// <summary>Current status.</summary>
    public ApprovalStatus Status { get; init; }

    /// <summary>Who decided ("timeout" or "agent" for automatic outcomes).</summary>
    public string? Reviewer { get; init; }

    /// <summary>The reviewer's comment or the reason of an automatic outcome.</summary>
    public string? Comment { get; init; }

    /// <summary>The value the reviewer typed instead, for type actions.</summary>
    public string? EditedValue { get; init; }

    /// <summary>When it was decided (or expired, or orphaned).</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>When the approved action was claimed for execution; set once only.</summary>
    public DateTimeOffset? ExecutedAt { get; init; }
}
