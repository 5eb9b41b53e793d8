namespace ActionAgent.Core.Decision;

/// <summary>A decider that has versions worth recording in run.json (model, prompt template…).</summary>
public interface IDescribesVersions
{
    /// <summary>Name → version, merged into the run's recorded versions.</summary>
    IReadOnlyDictionary<string, string> Versions { get; }
}
