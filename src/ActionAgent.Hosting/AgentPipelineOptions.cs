using ActionAgent.Core.Approval;
using ActionAgent.Core.Policy;

namespace ActionAgent.Hosting;

/// <summary>What the governed pipeline is made of: the policy, where the audit log goes, and who approves.</summary>
public sealed class AgentPipelineOptions
{
    /// <summary>The policy every action and request is judged by. Required (the CLI loads policies/default.yaml when none is given).</summary>
    public required PolicyDocument Policy { get; init; }

    /// <summary>The hash-chained audit log file. Required: every entry point writes one.</summary>
    public required string AuditPath { get; init; }

    /// <summary>Who decides held actions and held requests. Default: nobody (every held action is refused, NotApproved).</summary>
    public IApprover Approver { get; init; } = new AutoApprover(false, "no reviewer available");

    /// <summary>Where secrets with <c>source: env</c> are read. Default: the process environment.</summary>
    public Func<string, string?>? SecretEnvironment { get; init; }

    /// <summary>Secret names this pipeline may resolve (a subset of the policy's). Default null: every declared name.</summary>
    public IReadOnlyCollection<string>? GivenSecrets { get; init; }

    /// <summary>The clock. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
