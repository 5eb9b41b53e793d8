namespace ActionAgent.Serve.Web;

/// <summary>What a token may do in <c>actionagent serve</c>.</summary>
public enum ServeRole
{
    /// <summary>Submits tasks, sees the queue, cancels their own tasks.</summary>
    Operator,

    /// <summary>Sees the queue and decides approvals (never on a task they submitted themselves).</summary>
    Reviewer,

    /// <summary>Everything: submit, cancel any task, decide approvals.</summary>
    Admin,
}
