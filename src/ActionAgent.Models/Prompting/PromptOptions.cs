namespace ActionAgent.Models.Prompting;

/// <summary>What goes into each step's prompt, and how much of it.</summary>
public sealed class PromptOptions
{
    /// <summary>Elements listed per page; the model may ask for the next page. Default 60.</summary>
    public int ElementsPerPage { get; set; } = 60;

    /// <summary>Screenshots sent per step: 1 = only the current one, 2 = also the one before the last action. Default 1.</summary>
    public int ImagesToKeep { get; set; } = 1;

    /// <summary>
    /// Most earlier steps shown in the history (older ones are counted, not shown). Default 6: the page itself shows
    /// what was filled in, and six lines keep a 40-element step under 1,500 text tokens.
    /// </summary>
    public int HistorySteps { get; set; } = 6;

    /// <summary>Longest element label, in characters. Default 60.</summary>
    public int MaxLabelChars { get; set; } = 60;

    /// <summary>Most option labels shown for a select. Default 8.</summary>
    public int MaxOptions { get; set; } = 8;

    /// <summary>Characters of the page's visible text not already in the element list (messages, errors) included; 0 = none. Default 600.</summary>
    public int VisibleTextChars { get; set; } = 600;

    /// <summary>Longest history line, in characters. Default 160.</summary>
    public int MaxHistoryLineChars { get; set; } = 160;
}
