using Microsoft.Extensions.Logging;

namespace ActionAgent.TestKit.Fakes;

/// <summary>A logger factory that hands out one given logger for every category (to capture what one component logs).</summary>
public sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
{
    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => logger;

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider)
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
