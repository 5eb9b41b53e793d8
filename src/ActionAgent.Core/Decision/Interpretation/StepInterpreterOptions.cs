using ActionAgent.Core.Decision.Meaning;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>Settings of the <see cref="StepInterpreter"/>; the defaults suit pages perceived from the DOM.</summary>
public sealed class StepInterpreterOptions
{
    /// <summary>Lowest grounding score (0..1) accepted as a match. Default 0.5.</summary>
    public double MinScore { get; set; } = 0.5;

    /// <summary>Lowest score for matching an option of a select. Default 0.6.</summary>
    public double MinOptionScore { get; set; } = 0.6;

    /// <summary>
    /// Lowest grounding score (0..1) of the closest element for the target to count as "coming close": below it, on a
    /// page that is not loading, the step fails at once instead of waiting. Default 0.35.
    /// </summary>
    public double CloseScore { get; set; } = 0.35;

    /// <summary>How many observations to wait for a target that is not on the page yet before failing. Default 4.</summary>
    public int MaxWaitObservations { get; set; } = 4;

    /// <summary>How long each wait for a missing target lasts. Default 500 ms.</summary>
    public TimeSpan WaitPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often a step whose action failed or was skipped is grounded again before the run fails. Default 1.</summary>
    public int MaxRetriesPerStep { get; set; } = 1;

    /// <summary>How far "scroll down/up" scrolls, in CSS pixels. Default 600.</summary>
    public double ScrollStep { get; set; } = 600;

    /// <summary>Upper bound of "wait for &lt;text&gt;". Default 10 s.</summary>
    public TimeSpan WaitForTextTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Looks tried per step to bring out a target that is not on the page (hovering its row). Default: 2.</summary>
    public int MaxExplorationsPerStep { get; set; } = 2;

    /// <summary>
    /// Unnamed icon buttons hovered in a run to read their tooltips, when a step's target is not on the page (an icon
    /// toolbar named only by tooltips: "Add Event", "Previous Month"). Each is hovered once per run. Default: 24.
    /// </summary>
    public int MaxTooltipLooks { get; set; } = 24;

    /// <summary>
    /// Actions a repeated step may take: a calendar step's moves to its month (a month forward or back, a drop-down
    /// choice), an "every box" step's clicks. Default: 40.
    /// </summary>
    public int MaxCalendarMoves { get; set; } = 40;

    /// <summary>
    /// Actions a step that toggles toward its result may take: a drag to an end of a list, a click on a column header
    /// until the column is sorted the way asked (headers cycle ascending, descending, unsorted). Default: 3.
    /// </summary>
    public int MaxToggleMoves { get; set; } = 3;

    /// <summary>Clicks a "click Next until …" or "advance the wizard to step 3" step may make. Default: 12.</summary>
    public int MaxUntilClicks { get; set; } = 12;

    /// <summary>
    /// When true, <c>done</c> needs every carried-out step confirmed by a check even if no outcome of the run carried
    /// one (a single-step run whose check was lost). Set it where an effect verifier is composed. Default: false.
    /// </summary>
    public bool RequireEveryStepConfirmed { get; set; }

    /// <summary>
    /// On-device meaning model used where words do not match: select options ("arrived late" → Late delivery), buttons,
    /// checkboxes and other controls named differently from the step. Null turns it off. Default: null.
    /// </summary>
    public IMeaningModel? Meaning { get; set; }

    /// <summary>Lowest cosine similarity (−1..1) a meaning match needs. Default 0.4.</summary>
    public double MeaningMinSimilarity { get; set; } = 0.4;

    /// <summary>How far a meaning match must lead the second best; closer than this, the step is not grounded. Default 0.15.</summary>
    public double MeaningMargin { get; set; } = 0.15;
}
