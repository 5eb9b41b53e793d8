using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;

namespace ActionAgent.Core.Approval;

/// <summary>A proposed action held for a reviewer: what, why it is held, and where on screen (target element, screenshot).</summary>
public sealed record ApprovalRequest(string RunId, int Step, ProposedAction Proposal, Verdict Verdict)
{
    /// <summary>
    /// <c>run:step:fingerprint16</c>: unique per run, step and action, so an approval releases only the action it was
    /// requested for, and at most once.
    /// </summary>
    public string IdempotencyKey => $"{RunId}:{Step.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{Fingerprint.Short}";

    /// <summary>What the approval releases (kind, perceived target, value hash, page origin and path, policy hash).</summary>
    public ActionFingerprint Fingerprint => ActionFingerprint.Of(this);

    /// <summary>The <see cref="PolicyDocument.Hash"/> of the policy that held the action; part of the fingerprint. Empty when unknown.</summary>
    public string PolicyHash { get; init; } = "";

    /// <summary>The task the run carries out.</summary>
    public string Task { get; init; } = "";

    /// <summary>
    /// Who asked for the run (a <c>serve</c> task's operator), or null when nobody is named. Unless
    /// <see cref="RequesterMayApprove"/>, the approval store refuses their decision on it, whatever the channel.
    /// </summary>
    public string? RequestedBy { get; init; }

    /// <summary>True when the policy lets <see cref="RequestedBy"/> decide the run's held steps (approval.requester_may_approve).</summary>
    public bool RequesterMayApprove { get; init; }

    /// <summary>The element the action targets, when it has one.</summary>
    public UiElement? TargetElement { get; init; }

    /// <summary>The page URL when the action was proposed; its origin and path are part of the fingerprint.</summary>
    public string Url { get; init; } = "";

    /// <summary>PNG of the screen with the target highlighted (secrets masked).</summary>
    public ReadOnlyMemory<byte> AnnotatedScreenshot { get; init; }

    /// <summary>The numbered set-of-marks PNG the decider saw, kept apart so the reviewer's screenshot highlights only the target; empty when none.</summary>
    public ReadOnlyMemory<byte> MarksScreenshot { get; init; }

    /// <summary>The fields and values the action's form would submit (secrets masked); empty when it submits no form.</summary>
    public IReadOnlyList<FormFieldValue> FormFields { get; init; } = [];

    /// <summary>How the screenshot's pixels relate to CSS pixels, so a reviewer UI can draw the target box; null means 1:1.</summary>
    public ViewportGeometry? Geometry { get; init; }
}
