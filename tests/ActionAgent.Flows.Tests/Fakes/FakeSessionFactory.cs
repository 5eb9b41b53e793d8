using ActionAgent.Flows.Running;

namespace ActionAgent.Flows.Tests.Fakes;

/// <summary>Creates fake sessions per flow name and measures how many were open at once.</summary>
internal sealed class FakeSessionFactory(Func<string, FakeSession> create) : IFlowSessionFactory
{
    private int _open;
    private int _maxOpen;

    public int MaxOpen => Volatile.Read(ref _maxOpen);

    public List<FakeSession> Created { get; } = [];

    public Task<IFlowSession> CreateAsync(string name, FlowSessionOptions options, CancellationToken cancellationToken = default)
    {
        var session = create(name);
        session.OnDispose = Release;
        lock (Created)
        {
            Created.Add(session);
        }

        var open = Interlocked.Increment(ref _open);
        int seen;
        while (open > (seen = Volatile.Read(ref _maxOpen)) && Interlocked.CompareExchange(ref _maxOpen, open, seen) != seen)
        {
        }

        return Task.FromResult<IFlowSession>(session);
    }

    public void Release() => Interlocked.Decrement(ref _open);
}
