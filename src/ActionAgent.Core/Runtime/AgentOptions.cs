using ActionAgent.Core.Recording;

namespace ActionAgent.Core.Runtime;

/// <summary>Limits of one run.</summary>
public sealed class AgentOptions
{
    /// <summary>Most steps before the run fails with "max steps exceeded". Default 40.</summary>
    public int MaxSteps { get; set; } = 40;

    /// <summary>Steps an entry point adds before the task (opening the start page); they do not count against <see cref="MaxSteps"/>. Default 0.</summary>
    public int PreludeSteps { get; set; }

    /// <summary>Longest one step (observe, decide, execute, verify; approval waits excluded) may take. Default 60 s.</summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Failed actions in a row after which the run gives up. Default 3.</summary>
    public int MaxConsecutiveFailures { get; set; } = 3;

    /// <summary>How many steps of history the decider is given. Default 20.</summary>
    public int HistoryLength { get; set; } = 20;

    /// <summary>When the set-of-marks image is recorded beside a step's screenshot. Default <see cref="MarksRecording.WhenDrawn"/>.</summary>
    public MarksRecording RecordMarks { get; set; } = MarksRecording.WhenDrawn;
}
