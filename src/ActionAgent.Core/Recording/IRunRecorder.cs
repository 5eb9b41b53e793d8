namespace ActionAgent.Core.Recording;

/// <summary>Writes a run down as it happens, so a killed run still leaves a readable recording.</summary>
public interface IRunRecorder
{
    /// <summary>Starts the recording (run.json with status Running).</summary>
    Task BeginAsync(RunManifest manifest, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a step before its action runs (<see cref="StepRecord.Executing"/> set, with its images), so an action is never
    /// carried out unrecorded: if the run dies (killed, disk full) before <see cref="AppendAsync"/> finishes the step, the
    /// recording still shows what was being done. Throws when it cannot write; the action then does not run.
    /// </summary>
    Task BeginStepAsync(StepRecord step, StepImages images, CancellationToken cancellationToken = default);

    /// <summary>Appends one step with its screenshot and, when recorded, its set-of-marks image.</summary>
    Task AppendAsync(StepRecord step, StepImages images, CancellationToken cancellationToken = default);

    /// <summary>Closes the recording with the final status.</summary>
    Task CompleteAsync(RunManifest manifest, CancellationToken cancellationToken = default);
}
