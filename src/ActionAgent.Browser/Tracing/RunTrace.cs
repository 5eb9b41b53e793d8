using System.IO.Compression;
using System.Text;
using ActionAgent.Core.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace ActionAgent.Browser.Tracing;

/// <summary>
/// A Playwright trace of one run or flow (DOM snapshots, network, console), opened with Playwright's own viewer
/// (<c>npx playwright show-trace recordings/&lt;run&gt;/trace.zip</c>). Each step is a group named after it in the
/// viewer's action list. Secrets never reach the file: no screencast frames are taken (a picture cannot be redacted),
/// and every text entry of the zip (snapshots, network bodies, console) goes through the run's redaction before it is
/// kept; a trace that cannot be redacted is deleted, not kept.
/// </summary>
public sealed class RunTrace
{
    /// <summary>The trace file's name in the recording folder.</summary>
    public const string FileName = "trace.zip";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly IBrowserContext _context;
    private readonly ISecretRedaction _redaction;
    private readonly ILogger _logger;
    private bool _inGroup;
    private bool _stopped;

    private RunTrace(IBrowserContext context, TraceMode mode, ISecretRedaction redaction, DateTimeOffset startedAt, ILogger logger)
    {
        _context = context;
        Mode = mode;
        _redaction = redaction;
        StartedAt = startedAt;
        _logger = logger;
    }

    /// <summary>When the trace is kept.</summary>
    public TraceMode Mode { get; }

    /// <summary>When recording began: a step's offset in the viewer's timeline is its start minus this.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Starts tracing the context; null for <see cref="TraceMode.Off"/>.</summary>
    public static async Task<RunTrace?> StartAsync(IBrowserContext context, TraceMode mode, string title, ISecretRedaction redaction, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(redaction);
        if (mode == TraceMode.Off)
        {
            return null;
        }

        await context.Tracing.StartAsync(new TracingStartOptions { Title = redaction.Redact(title), Screenshots = false, Snapshots = true, Sources = false }).ConfigureAwait(false);
        return new RunTrace(context, mode, redaction, DateTimeOffset.UtcNow, logger ?? NullLogger.Instance);
    }

    /// <summary>Milliseconds from the start of the trace to <paramref name="at"/>.</summary>
    public long OffsetOf(DateTimeOffset at) => Math.Max(0, (long)(at - StartedAt).TotalMilliseconds);

    /// <summary>Opens the group of one step (closing the previous one): the viewer lists the step's browser calls under it.</summary>
    public async Task BeginStepAsync(string title)
    {
        if (_stopped)
        {
            return;
        }

        try
        {
            await EndStepAsync().ConfigureAwait(false);
            await _context.Tracing.GroupAsync(_redaction.Redact(title)).ConfigureAwait(false);
            _inGroup = true;
        }
        catch (PlaywrightException e)
        {
            _logger.LogDebug(e, "Could not open the trace group of {Step}", title);
        }
    }

    /// <summary>Closes the open step group, if any.</summary>
    public async Task EndStepAsync()
    {
        if (!_inGroup || _stopped)
        {
            return;
        }

        _inGroup = false;
        try
        {
            await _context.Tracing.GroupEndAsync().ConfigureAwait(false);
        }
        catch (PlaywrightException e)
        {
            _logger.LogDebug(e, "Could not close a trace group");
        }
    }

    /// <summary>
    /// Stops tracing and, when the mode says to keep it (always, or on failure when <paramref name="failed"/>), writes the
    /// redacted trace to <paramref name="directory"/>/trace.zip. Returns its path, or null when none was kept.
    /// </summary>
    public async Task<string?> SaveAsync(string? directory, bool failed)
    {
        if (_stopped)
        {
            return null;
        }

        await EndStepAsync().ConfigureAwait(false);
        _stopped = true;
        var keep = directory is not null && (Mode == TraceMode.On || (Mode == TraceMode.RetainOnFailure && failed));
        if (!keep)
        {
            try
            {
                await _context.Tracing.StopAsync().ConfigureAwait(false);
            }
            catch (PlaywrightException e)
            {
                _logger.LogDebug(e, "Could not stop the trace");
            }

            return null;
        }

        var raw = Path.Combine(directory!, FileName + ".raw");
        var final = Path.Combine(directory!, FileName);
        try
        {
            await _context.Tracing.StopAsync(new TracingStopOptions { Path = raw }).ConfigureAwait(false);
            Redact(raw, final + ".tmp", _redaction);
            File.Move(final + ".tmp", final, overwrite: true);
            return final;
        }
        catch (Exception e) when (e is PlaywrightException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            _logger.LogWarning("The trace was not kept: {Message}", e.Message);
            TryDelete(final + ".tmp");
            return null;
        }
        finally
        {
            TryDelete(raw);
        }
    }

    /// <summary>Copies a trace zip, every text entry redacted; binary entries (images, fonts) as they are.</summary>
    public static void Redact(string source, string destination, ISecretRedaction redaction)
    {
        ArgumentNullException.ThrowIfNull(redaction);
        using var input = ZipFile.OpenRead(source);
        using var output = ZipFile.Open(destination, ZipArchiveMode.Create);
        foreach (var entry in input.Entries)
        {
            using var buffer = new MemoryStream();
            using (var read = entry.Open())
            {
                read.CopyTo(buffer);
            }

            var bytes = buffer.ToArray();
            if (TryText(bytes) is { } text)
            {
                bytes = Encoding.UTF8.GetBytes(redaction.Redact(text));
            }

            var copy = output.CreateEntry(entry.FullName, CompressionLevel.Fastest);
            copy.LastWriteTime = entry.LastWriteTime;
            using var write = copy.Open();
            write.Write(bytes);
        }
    }

    private static string? TryText(byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
