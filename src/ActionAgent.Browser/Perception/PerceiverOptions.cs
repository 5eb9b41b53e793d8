namespace ActionAgent.Browser.Perception;

/// <summary>Limits of one DOM observation.</summary>
public sealed class PerceiverOptions
{
    /// <summary>Most elements reported; controls are kept before static text. Default 400.</summary>
    public int MaxElements { get; set; } = 400;

    /// <summary>Most characters of the page's visible text (document.body.innerText). Default 4000.</summary>
    public int MaxVisibleTextChars { get; set; } = 4000;

    /// <summary>Take a screenshot with each observation. Default true.</summary>
    public bool Screenshot { get; set; } = true;
}
