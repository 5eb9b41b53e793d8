namespace ActionAgent.Core.Perception;

/// <summary>Looks at the current page and reports what is there.</summary>
public interface IPerceiver
{
    /// <summary>Takes one observation of the page the perceiver is bound to.</summary>
    Task<Observation> ObserveAsync(CancellationToken cancellationToken = default);
}
