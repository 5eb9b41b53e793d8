using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Audit;

/// <summary>Wraps a policy and appends every verdict to the audit log (kind "verdict"), prompt-injection events too when given an engine; long texts are clipped, never refused.</summary>
public sealed class AuditingPolicy : IActionPolicy
{
    private readonly IActionPolicy _inner;
    private readonly AuditLog _log;

    /// <summary>Wraps <paramref name="inner"/>; when it is a <see cref="PolicyEngine"/>, its injection events are logged as "injection".</summary>
    public AuditingPolicy(IActionPolicy inner, AuditLog log)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        if (inner is PolicyEngine engine)
        {
            engine.InjectionDetected += a => _log.Append("injection", new { url = AuditLimits.Clip(a.Url), markers = a.Markers.Select(AuditLimits.Clip).ToArray(), excerpt = AuditLimits.Clip(a.Excerpt) });
        }
    }

    /// <summary>The run id written into entries, when the composition root knows it.</summary>
    public string? RunId { get; set; }

    /// <inheritdoc />
    public Verdict Evaluate(ProposedAction proposal, Observation observation)
    {
        var verdict = _inner.Evaluate(proposal, observation);
        _log.Append("verdict", new
        {
            runId = AuditLimits.Clip(RunId),
            url = AuditLimits.Clip(observation.Url),
            action = AuditLimits.Clip(proposal.Action.Describe()),
            verdict = verdict.Kind.ToString(),
            risk = verdict.Risk.ToString(),
            rule = AuditLimits.Clip(verdict.Rule),
            reason = AuditLimits.Clip(verdict.Reason),
        });
        return verdict;
    }
}
