using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Core.Runtime;

/// <summary>
/// The named parts of one <see cref="AgentLoop"/>. Entry points do not fill this by hand: the governed pipeline
/// (ActionAgent.Hosting's AgentPipeline) supplies policy, approver and executor with their decorators, so no caller can
/// forget one. Tests fill it directly with fakes.
/// </summary>
public sealed record AgentParts
{
    /// <summary>Sees the page.</summary>
    public required IPerceiver Perceiver { get; init; }

    /// <summary>Proposes the next action.</summary>
    public required IDecider Decider { get; init; }

    /// <summary>Judges every proposal, outside the decider.</summary>
    public required IActionPolicy Policy { get; init; }

    /// <summary>Decides held actions.</summary>
    public required IApprover Approver { get; init; }

    /// <summary>Carries out allowed or approved actions.</summary>
    public required IActionExecutor Executor { get; init; }

    /// <summary>Checks what an action did. Default: <see cref="PassThroughVerifier"/> (nothing checked).</summary>
    public IOutcomeVerifier Verifier { get; init; } = new PassThroughVerifier();

    /// <summary>Writes the run's recording.</summary>
    public required IRunRecorder Recorder { get; init; }

    /// <summary>Limits of the run. Default: <see cref="AgentOptions"/>'s defaults.</summary>
    public AgentOptions Options { get; init; } = new();

    /// <summary>The hash of the policy document in force, bound into every approval request's fingerprint. Default empty.</summary>
    public string PolicyHash { get; init; } = "";

    /// <summary>The clock. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Loggers. Default: none.</summary>
    public ILoggerFactory Loggers { get; init; } = NullLoggerFactory.Instance;
}
