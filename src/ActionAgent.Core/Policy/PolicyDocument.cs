namespace ActionAgent.Core.Policy;

/// <summary>
/// A permission policy: which domains, which action classes need approval or are denied, text patterns, limits, uploads,
/// secrets, approval and network-guard settings. Immutable: page text can never change it. Loaded from YAML by
/// ActionAgent.Approvals' PolicyLoader; <see cref="Hash"/> identifies the file a run used.
/// </summary>
public sealed record PolicyDocument
{
    /// <summary>Short name ("default", "ops-forms").</summary>
    public string Name { get; init; } = "built-in";

    /// <summary>What the policy is for.</summary>
    public string Description { get; init; } = "";

    /// <summary>Allowed and denied hosts.</summary>
    public DomainRules Domains { get; init; } = new();

    /// <summary>Verdict per action class; classes not listed fall back to <see cref="DefaultActions"/>.</summary>
    public IReadOnlyDictionary<RiskClass, VerdictKind> Actions { get; init; } = DefaultActions;

    /// <summary>Text and element patterns, evaluated in order.</summary>
    public IReadOnlyList<PatternRule> Patterns { get; init; } = [];

    /// <summary>Run limits.</summary>
    public PolicyLimits Limits { get; init; } = new();

    /// <summary>Absolute folders files may be uploaded from; empty means uploads are denied.</summary>
    public IReadOnlyList<string> UploadFolders { get; init; } = [];

    /// <summary>Known secrets.</summary>
    public SecretSettings Secrets { get; init; } = new();

    /// <summary>Approval timeout and orphan settings.</summary>
    public ApprovalSettings Approval { get; init; } = new();

    /// <summary>Network guard settings.</summary>
    public NetworkGuardSettings Network { get; init; } = new();

    /// <summary>"sha256:…" of the normalised policy file; runs record it. Empty for policies built in code.</summary>
    public string Hash { get; init; } = "";

    /// <summary>Path of the file the policy was loaded from; empty for policies built in code.</summary>
    public string Source { get; init; } = "";

    /// <summary>
    /// The safe defaults: read, input and navigation allowed; submit, destructive and egress need approval;
    /// credential entry allowed on allowed domains (approval elsewhere, enforced by the engine).
    /// </summary>
    public static IReadOnlyDictionary<RiskClass, VerdictKind> DefaultActions { get; } = new Dictionary<RiskClass, VerdictKind>
    {
        [RiskClass.Read] = VerdictKind.Allow,
        [RiskClass.Input] = VerdictKind.Allow,
        [RiskClass.Navigation] = VerdictKind.Allow,
        [RiskClass.Submit] = VerdictKind.RequireApproval,
        [RiskClass.Destructive] = VerdictKind.RequireApproval,
        [RiskClass.CredentialEntry] = VerdictKind.Allow,
        [RiskClass.Egress] = VerdictKind.RequireApproval,
    };

    /// <summary>A policy with the safe defaults and loopback hosts allowed.</summary>
    public static PolicyDocument Default { get; } = new() { Name = "built-in default" };

    /// <summary>The verdict for an action class.</summary>
    public VerdictKind VerdictFor(RiskClass risk) =>
        Actions.TryGetValue(risk, out var v) ? v : DefaultActions.TryGetValue(risk, out var d) ? d : VerdictKind.RequireApproval;
}
