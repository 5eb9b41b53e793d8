using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Models.Tests.Support;

/// <summary>Keeps every log line (level + rendered message) for assertions.</summary>
internal sealed class ListLogger<T>(LogLevel minimum = LogLevel.Trace) : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

    public string All => string.Join('\n', Lines.Select(l => $"{l.Level}: {l.Message}"));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Lines.Enqueue((logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception.Message)));
        }
    }
}

/// <summary>A logger factory whose loggers all write to one list.</summary>
internal sealed class ListLoggerFactory(LogLevel minimum = LogLevel.Trace) : ILoggerFactory
{
    private readonly ListLogger<object> _sink = new(minimum);

    public string All => _sink.All;

    public IEnumerable<(LogLevel Level, string Message)> Lines => _sink.Lines;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => _sink;

    public void Dispose()
    {
    }
}
