using ActionAgent.Core.Approval;

namespace ActionAgent.TestKit.Fakes;

/// <summary>Answers approval requests with a fixed decision and keeps the requests.</summary>
public sealed class FakeApprover(Func<ApprovalRequest, ApprovalDecision> answer) : IApprover
{
    /// <summary>Requests received.</summary>
    public List<ApprovalRequest> Requests { get; } = [];

    /// <inheritdoc />
    public Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        return Task.FromResult(answer(request));
    }
}
