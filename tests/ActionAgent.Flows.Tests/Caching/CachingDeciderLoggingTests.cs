using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Flows.Caching;
using ActionAgent.Flows.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Flows.Tests.Caching;

[TestClass]
public sealed class CachingDeciderLoggingTests
{
    private static Observation Page(int id) => new()
    {
        Url = "http://app.test/refund",
        Geometry = ViewportGeometry.Identity(800, 600),
        Elements = [new UiElement { Id = id, Role = "button", Name = "Submit refund", Bounds = new ScreenRect(100, 400, 160, 40) }],
        Screenshot = new byte[] { 1, 2, 3 },
    };

    [TestMethod]
    public async Task DecideAsync_CacheHit_LogsTheInstructionOnlyAtVerbose()
    {
        var logger = new LinesLogger();
        var decider = new CachingDecider(new InstructionDecider(), new ActionCache(), logger: logger);

        await decider.DecideAsync(new DecisionContext("run-1", "Click Submit refund", 1, Page(2), []));
        await decider.DecideAsync(new DecisionContext("run-2", "Click Submit refund", 1, Page(12), []));

        var information = string.Join('\n', logger.Lines.Where(l => l.Level > LogLevel.Trace).Select(l => l.Message));
        StringAssert.Contains(information, "Cache hit for step 1");
        Assert.IsFalse(information.Contains("Click Submit refund", StringComparison.Ordinal), information);
        Assert.IsTrue(logger.Lines.Any(l => l.Level == LogLevel.Trace && l.Message.Contains("Click Submit refund", StringComparison.Ordinal)));
    }

    private sealed class LinesLogger : ILogger<CachingDecider>
    {
        public List<(LogLevel Level, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
