using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActionAgent.TestKit.Fakes;

/// <summary>Keeps every log line (level and rendered message) for assertions.</summary>
public sealed class RecordingLogger<T>(LogLevel minimum = LogLevel.Trace) : ILogger<T>
{
    /// <summary>Every line logged at or above the minimum level.</summary>
    public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

    /// <summary>The lines at or above <paramref name="level"/>, one per line, as "Level: message".</summary>
    public string At(LogLevel level) => string.Join('\n', Lines.Where(l => l.Level >= level).Select(l => $"{l.Level}: {l.Message}"));

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
        {
            Lines.Enqueue((logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception.Message)));
        }
    }
}
