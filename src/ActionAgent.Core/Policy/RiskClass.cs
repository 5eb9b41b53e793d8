namespace ActionAgent.Core.Policy;

/// <summary>How much harm an action could do, computed in code from the action and the page, never by the model.</summary>
public enum RiskClass
{
    /// <summary>Looking, scrolling, hovering, waiting.</summary>
    Read,

    /// <summary>Typing or choosing values in a form.</summary>
    Input,

    /// <summary>Following a link or going to a URL on an allowed domain.</summary>
    Navigation,

    /// <summary>Submitting a form or pressing a button with an irreversible verb (submit, pay, send, confirm…).</summary>
    Submit,

    /// <summary>Deleting, removing, cancelling, transferring.</summary>
    Destructive,

    /// <summary>Typing into a password or other credential field.</summary>
    CredentialEntry,

    /// <summary>Data leaving: uploads, downloads, other domains.</summary>
    Egress,
}
