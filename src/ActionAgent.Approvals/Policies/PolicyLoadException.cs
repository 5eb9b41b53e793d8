namespace ActionAgent.Approvals.Policies;

/// <summary>A policy file could not be loaded; <see cref="Errors"/> lists every problem with its line and column.</summary>
public sealed class PolicyLoadException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public PolicyLoadException(IReadOnlyList<PolicyError> errors)
        : base(string.Join(Environment.NewLine, (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.ToString())))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with a single message (for the analyzers' sake; prefer the list).</summary>
    public PolicyLoadException(string message)
        : base(message)
    {
        Errors = [new PolicyError("", 0, 0, "", message)];
    }

    /// <summary>Creates the exception with a single message and a cause.</summary>
    public PolicyLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new PolicyError("", 0, 0, "", message)];
    }

    /// <summary>Creates an empty exception.</summary>
    public PolicyLoadException()
        : this("the policy could not be loaded")
    {
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<PolicyError> Errors { get; }
}
