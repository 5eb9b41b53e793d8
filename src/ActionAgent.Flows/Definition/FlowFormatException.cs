namespace ActionAgent.Flows.Definition;

/// <summary>A flow file that cannot be used: the message starts with <c>file:line:col:</c> and says what to change.</summary>
public sealed class FlowFormatException : Exception
{
    /// <summary>Creates the exception; <see cref="Exception.Message"/> is <c>location: problem</c>.</summary>
    public FlowFormatException(SourceLocation location, string problem, Exception? inner = null)
        : base($"{location}: {problem}", inner)
    {
        Location = location;
        Problem = problem;
    }

    /// <summary>Where the problem is.</summary>
    public SourceLocation Location { get; }

    /// <summary>The problem without the location prefix.</summary>
    public string Problem { get; }
}
