namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>Where one run is in its list of steps, and what the interpreter proposed last.</summary>
internal sealed class RunCursor(string task, IReadOnlyList<InterpretedStep> steps)
{
    public string Task { get; } = task;

    public IReadOnlyList<InterpretedStep> Steps { get; } = steps;

    public int Index { get; private set; }

    /// <summary>Failed or skipped attempts at the current step.</summary>
    public int Attempts { get; set; }

    /// <summary>Observations waited for the current step's target to appear.</summary>
    public int Waits { get; set; }

    /// <summary>
    /// True once a typed date brought up a calendar by its field: the step goes on there, paging to the month and
    /// clicking the day; <see cref="DayProposed"/> is true when the action proposed last was that day's click.
    /// </summary>
    public bool CalendarPhase { get; set; }

    public bool DayProposed { get; set; }

    /// <summary>True when the action proposed last was one move of a step that ends only when grounding it says done.</summary>
    public bool RepeatProposed { get; set; }

    /// <summary>The element the last successful typing step typed into (the next value of the same clause goes there).</summary>
    public int? LastTyped { get; set; }

    /// <summary>Calendar moves (a month forward or back, a drop-down choice) made for the current ShowMonth step.</summary>
    public int Moves { get; set; }

    public Proposed Pending { get; set; }

    /// <summary>The page as it was when the last action was proposed (<c>Fingerprint</c>): to tell whether an action that ran past the step timeout did anything.</summary>
    public string? FingerprintAtProposal { get; set; }

    /// <summary>
    /// The last action ran past the step timeout and the page changed meanwhile: it may have taken effect, so the step
    /// is done only if its effect now shows; it is never proposed a second time.
    /// </summary>
    public bool TimedOutWithChange { get; set; }

    /// <summary>The page as it was at the last wait for the current step's target, to tell an idle page from a loading one.</summary>
    public string? LastFingerprint { get; set; }

    /// <summary>True when the current step began right after an action ran: its page may still be arriving.</summary>
    public bool AfterAction { get; set; }

    /// <summary>Steps whose effect a check confirmed (or that were already so on the page).</summary>
    public int Confirmed { get; private set; }

    public int? LastElementId { get; set; }

    /// <summary>The JavaScript dialogs the last action that ran raised, and how each was answered.</summary>
    public IReadOnlyList<Execution.AnsweredDialog> RecentDialogs { get; set; } = [];

    /// <summary>The element ids of the page the last action was chosen on, to tell what that action brought up.</summary>
    public HashSet<int>? IdsAtProposal { get; set; }

    /// <summary>Kind of the step whose action was proposed last.</summary>
    public StepKind? ProposedKind { get; set; }

    /// <summary>What the click or hover that finished the last step brought up; kept until the next step is done.</summary>
    public IReadOnlySet<int> Brought { get; set; } = new HashSet<int>();

    /// <summary>The page when the task started (the first observation with elements), for "leave X as it is".</summary>
    public PageIndex? Start { get; set; }

    /// <summary>The page when the current step was first grounded, for "move it up two places" and "the last row" counted then.</summary>
    public PageIndex? StepStart { get; set; }

    /// <summary>Elements the run's carried-out steps acted on.</summary>
    public HashSet<int> ActedOn { get; } = [];

    /// <summary>Everything the last step brought up, however much: what "its …" and "… inside it" are searched in.</summary>
    public IReadOnlySet<int> BroughtScope { get; set; } = new HashSet<int>();

    /// <summary>Elements hovered (or otherwise explored) for the current step, each tried once.</summary>
    public HashSet<int> Explored { get; } = [];

    /// <summary>Unnamed icon buttons hovered in this run to read their tooltips, each once.</summary>
    public HashSet<int> TooltipLooks { get; } = [];

    /// <summary>The shown element ids before the first of the current run of tooltip looks (cleared when an action is
    /// proposed): a look that took any of them away did more than show a tooltip.</summary>
    public HashSet<int>? IdsBeforeTooltip { get; set; }

    /// <summary>Elements whose action failed for the current step: grounded again only if nothing else fits as well.</summary>
    public HashSet<int> Penalized { get; } = [];

    /// <summary>The menu entry the last proposal pointed at to open it (null when it clicked or did anything else).</summary>
    public int? PointedAt { get; set; }

    /// <summary>Menu entries the current step pointed at that showed nothing: they are clicked next.</summary>
    public HashSet<int> Pointed { get; } = [];

    /// <summary>The words of the row the current removing step set out to remove (a row counted by its place).</summary>
    public IReadOnlyList<string>? RemovedRow { get; set; }

    /// <summary>What each finished step did, for the final report.</summary>
    public List<string> Notes { get; } = [];

    public InterpretedStep Current => Steps[Index];

    public bool IsFinished => Index >= Steps.Count;

    /// <summary>Steps carried out whose effect no check confirmed, by 1-based number (waits and navigation excluded).</summary>
    public List<int> Unconfirmed { get; } = [];

    /// <summary>True once any outcome of the run carried checks: an effect verifier is at work.</summary>
    public bool Verified { get; set; }

    /// <summary>One move of a repeated step succeeded: the same step is grounded again, with fresh retries and waits.</summary>
    public void NextMove()
    {
        Unconfirmed.Remove(Index + 1);
        AfterAction = true;
        Attempts = 0;
        Waits = 0;
        Penalized.Clear();
        Pending = Proposed.Nothing;
    }

    /// <summary>What steps found already done named (their grounding's reasons): evidence for <see cref="StepCoverage"/>.</summary>
    public List<string> Evidence { get; } = [];

    /// <summary>
    /// Text typed into a field, by step number: the field must still hold it at the end (a picker that parses what it was
    /// given and puts its own value back, a script that resets it, did not keep it).
    /// </summary>
    public List<TypedOver> Typed { get; } = [];

    /// <summary>One field typed into: its element, name and page, what it read before, what was typed, at which step.</summary>
    public sealed record TypedOver(int Step, int ElementId, string Before, string Text, string Label, string Url);

    public void Advance(string note, bool confirmed = false)
    {
        Notes.Add(note);
        Confirmed += confirmed ? 1 : 0;
        LastFingerprint = null;
        AfterAction = false;
        Index++;
        Attempts = 0;
        Waits = 0;
        Moves = 0;
        StepStart = null;
        CalendarPhase = false;
        DayProposed = false;
        RepeatProposed = false;
        Pending = Proposed.Nothing;
        TimedOutWithChange = false;
        LastElementId = null;
        Penalized.Clear();
        Pointed.Clear();
        PointedAt = null;
        RemovedRow = null;
        Explored.Clear();
        Brought = new HashSet<int>();
        BroughtScope = new HashSet<int>();
    }

    /// <summary>What the last proposal was, to read the next call's history right.</summary>
    public enum Proposed
    {
        Nothing,
        Action,
        WaitForTarget,
        Explore,
    }
}
