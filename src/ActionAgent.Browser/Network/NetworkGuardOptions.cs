using ActionAgent.Core.Policy;

namespace ActionAgent.Browser.Network;

/// <summary>Settings of the network guard; <see cref="FromPolicy"/> takes them from a policy.</summary>
public sealed class NetworkGuardOptions
{
    /// <summary>Mode. Default: guard.</summary>
    public NetworkGuardMode Mode { get; set; } = NetworkGuardMode.Guard;

    /// <summary>Allowed and denied hosts. Default: loopback only, unlisted denied.</summary>
    public DomainRules Domains { get; set; } = new();

    /// <summary>Endpoints whose mutating requests pass without approval (<c>POST */api/search*</c>). Default: none.</summary>
    public IReadOnlyList<string> Exempt { get; set; } = [];

    /// <summary>
    /// How long after an approved action ends its requests still count as approved (a form POST can start a moment after
    /// the click returns). Default: 2 s.
    /// </summary>
    public TimeSpan ApprovedActionGrace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Before a decider's "done" is accepted, how long the page's traffic must have been quiet, so that a request or
    /// WebSocket message sent a moment earlier is counted (see <see cref="NetworkGuard.SettleAsync"/>; at most four times
    /// this in all). Default: 300 ms.
    /// </summary>
    public TimeSpan SettleBeforeDone { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// When the guard is disposed, stop the pages' scripts and abort every later request instead of removing the routes, so
    /// a page cannot send anything while its context closes. Turn it off only for a browser the run does not own (CDP
    /// attach), whose pages go on living. Default: true.
    /// </summary>
    public bool SealOnDispose { get; set; } = true;

    /// <summary>Run id used for approval requests of held requests (suffixed with "/net"). Default: "network".</summary>
    public string RunId { get; set; } = "network";

    /// <summary>The task, shown to the reviewer of a held request. Default: empty.</summary>
    public string Task { get; set; } = "";

    /// <summary>Options from a policy's domains and network settings.</summary>
    public static NetworkGuardOptions FromPolicy(PolicyDocument policy, string runId = "network", string task = "")
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new NetworkGuardOptions
        {
            Mode = policy.Network.Mode,
            Domains = policy.Domains,
            Exempt = policy.Network.Exempt,
            RunId = runId,
            Task = task,
        };
    }
}
