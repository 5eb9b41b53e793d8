namespace ActionAgent.Browser.Internal;

/// <summary>A JavaScript dialog opened while an operation waited on the page; the page is blocked until it is answered.</summary>
internal sealed class DialogOpenedException : Exception
{
    public DialogOpenedException()
        : base("A JavaScript dialog opened and blocks the page.")
    {
    }

    public DialogOpenedException(string message)
        : base(message)
    {
    }

    public DialogOpenedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
