using ActionAgent.Core.Runtime;

namespace ActionAgent.Flows.Running;

/// <summary>Settings of <see cref="FlowRunner"/> (<c>actionagent test</c> options).</summary>
public sealed class FlowRunnerOptions
{
    /// <summary>Flows run at the same time, each in its own session (<c>--workers</c>). Default 1.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>Only flows with at least one of these tags run (<c>--tag</c>); empty runs all. Default empty.</summary>
    public IReadOnlyCollection<string> Tags { get; set; } = [];

    /// <summary>Timeout of a flow that does not set its own <c>timeout:</c>. Default 5 minutes.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an expectation is re-checked before it fails (pages settle). Default 5 s.</summary>
    public TimeSpan ExpectationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Pause between re-checks of a failing expectation. Default 250 ms.</summary>
    public TimeSpan ExpectationPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Folder for recordings (one per flow); null records nothing. Default "recordings".</summary>
    public string? RecordingsRoot { get; set; } = "recordings";

    /// <summary>Base for relative flow URLs ("/login"); null leaves them as written. Default null.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// Longest to wait after each action for the page's network to go quiet (<c>--settle-ms</c>); null uses the
    /// browser settings' <c>settleMs</c>. Steps wait for their targets and expectations are re-checked anyway, so
    /// a short wait only skips background requests nobody looks at. Default 300 ms.
    /// </summary>
    public TimeSpan? Settle { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Limits of the agent loop that carries out each instruction. Default: 10 steps, 60 s per step, 3 failures in a row.</summary>
    public AgentOptions Agent { get; set; } = new() { MaxSteps = 10 };
}
