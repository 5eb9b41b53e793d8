namespace ActionAgent.Models.Deciders;

/// <summary>When <see cref="RoutingDecider"/> (<c>--model auto</c>) uses the offline interpreter, the small or the large model.</summary>
public sealed class RoutingOptions
{
    /// <summary>The routine-step model spec. Default "openai:gpt-4.1-mini".</summary>
    public string SmallModel { get; set; } = "openai:gpt-4.1-mini";

    /// <summary>The escalation model spec. Default "openai:gpt-4.1".</summary>
    public string LargeModel { get; set; } = "openai:gpt-4.1";

    /// <summary>Least interpreter confidence to act without a model (its fail and wait answers never count). Default 0.8.</summary>
    public double InterpreterConfidence { get; set; } = 0.8;

    /// <summary>The small model's answer is escalated when its confidence is below this. Default 0.5; 0 disables.</summary>
    public double SmallUnsureBelow { get; set; } = 0.5;

    /// <summary>Escalate when the small model fails the step (invalid output, provider error, fail or ask_human). Default true.</summary>
    public bool EscalateOnSmallFailure { get; set; } = true;

    /// <summary>Go straight to the large model when the previous step failed. Default true.</summary>
    public bool LargeAfterFailedStep { get; set; } = true;
}
