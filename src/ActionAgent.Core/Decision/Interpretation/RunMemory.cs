namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// What the run knows beyond the page in front of it: the page as it was when the task started, and the elements its
/// steps acted on (and the field typed into last). A step that says to leave something as it is is checked against these,
/// never just believed.
/// </summary>
internal sealed record RunMemory(PageIndex? Start, IReadOnlySet<int> ActedOn, int? LastTyped = null)
{
    /// <summary>Actions the current step has already had (a repeated step: a month paged, a menu opened to remove a row).</summary>
    public int StepMoves { get; init; }

    /// <summary>The page when the current step was first grounded (a row counted by its place is counted there).</summary>
    public PageIndex? StepStart { get; init; }

    /// <summary>Menu entries the current step pointed at that showed nothing: they are clicked next, not pointed at again.</summary>
    public IReadOnlySet<int> Pointed { get; init; } = new HashSet<int>();

    /// <summary>The words of the row the current removing step set out to remove, when it counted the row by its place.</summary>
    public IReadOnlyList<string>? RemovedRow { get; init; }
}
