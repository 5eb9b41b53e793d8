using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ActionAgent.Cli.Hosting;

/// <summary>Serilog, configured once: human-readable console (stderr) and a rolling compact-JSON file.</summary>
public static class LoggingSetup
{
    /// <summary>Creates the logger. Console level: Warning, or Information with --verbose; file: Debug.</summary>
    public static Serilog.Core.Logger Create(string logDirectory, bool verbose)
    {
        Directory.CreateDirectory(logDirectory);
        return new LoggerConfiguration()
            .MinimumLevel.Debug()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(
                restrictedToMinimumLevel: verbose ? LogEventLevel.Information : LogEventLevel.Warning,
                outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} [{RunId} {Step}] {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose)
            .WriteTo.File(
                new CompactJsonFormatter(),
                Path.Combine(logDirectory, "actionagent-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                restrictedToMinimumLevel: LogEventLevel.Debug)
            .CreateLogger();
    }
}
