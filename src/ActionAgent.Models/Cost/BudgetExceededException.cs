namespace ActionAgent.Models.Cost;

/// <summary>A model call was refused before it was sent because it would go over the run's <see cref="Budget"/>.</summary>
public sealed class BudgetExceededException : Exception
{
    /// <summary>Creates the exception; the message starts with "budget exceeded:".</summary>
    public BudgetExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public BudgetExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public BudgetExceededException()
        : base("budget exceeded")
    {
    }
}
