using System.Text.Json.Serialization;

namespace ActionAgent.Core.Recording;

/// <summary>Milliseconds spent in each phase of a step.</summary>
public sealed record StepDurations(double ObserveMs, double DecideMs, double ApprovalMs, double ExecuteMs, double VerifyMs)
{
    /// <summary>Everything but the approval wait.</summary>
    [JsonIgnore]
    public double WorkMs => ObserveMs + DecideMs + ExecuteMs + VerifyMs;
}
