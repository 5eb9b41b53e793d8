namespace ActionAgent.Serve.Tasks;

/// <summary>What an operator submits: the task, where it starts, which policy judges it, who decides, which secrets it may use.</summary>
public sealed record TaskSubmission
{
    /// <summary>The task in plain English (explicit steps for the offline interpreter).</summary>
    public string Task { get; init; } = "";

    /// <summary>Start URL (http or https).</summary>
    public string Url { get; init; } = "";

    /// <summary>Policy name (a file in the policies folder, without .yaml) or path. Default: "default".</summary>
    public string? Policy { get; init; }

    /// <summary>The decider: null or "interpreter" for the offline interpreter, else a <c>--model</c> value.</summary>
    public string? Model { get; init; }

    /// <summary>Secret names the task may use; each must be declared by the policy. Values stay on the workers.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];
}
