namespace ActionAgent.Core.Policy;

/// <summary>Limits of a run under a policy; null means no limit from the policy (the run's own options still apply).</summary>
public sealed record PolicyLimits
{
    /// <summary>Most actions the policy will judge in one run. Default: null (AgentOptions.MaxSteps applies).</summary>
    public int? MaxSteps { get; init; }

    /// <summary>Longest a run may act, measured from its first judged action. Default: null.</summary>
    public TimeSpan? MaxTime { get; init; }

    /// <summary>Most model money (the decider's reported cost) a run may spend. Default: null.</summary>
    public decimal? Budget { get; init; }
}
