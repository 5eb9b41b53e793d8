using System.Text;
using System.Text.Json;

namespace ActionAgent.Core.Recording;

/// <summary>
/// Writes <c>&lt;root&gt;/&lt;run-id&gt;/</c>: run.json (replaced atomically), steps.jsonl (one flushed line per step)
/// and one PNG per step (plus its set-of-marks copy, <c>step-NNNN.marks.png</c>, when one is recorded). A step whose action
/// runs is written twice: before the action (marked executing) and after it. A killed run leaves run.json with status
/// Running: readable, and marked incomplete.
/// </summary>
public sealed class JsonRunRecorder(string root) : IRunRecorder
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<int> _imagesWritten = [];

    /// <summary>The run's folder, once <see cref="BeginAsync"/> was called.</summary>
    public string? RunDirectory { get; private set; }

    /// <inheritdoc />
    public async Task BeginAsync(RunManifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        RunDirectory = Path.Combine(root, manifest.RunId);
        if (Directory.Exists(RunDirectory) && File.Exists(Path.Combine(RunDirectory, RecordingSchema.RunFile)))
        {
            throw new IOException($"A recording for run '{manifest.RunId}' already exists at {RunDirectory}; choose another run id.");
        }

        Directory.CreateDirectory(RunDirectory);
        await WriteManifestAsync(manifest, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task BeginStepAsync(StepRecord step, StepImages images, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        return WriteStepAsync(step with { Executing = true }, images, cancellationToken);
    }

    /// <inheritdoc />
    public Task AppendAsync(StepRecord step, StepImages images, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        return WriteStepAsync(step with { Executing = false }, images, cancellationToken);
    }

    private async Task WriteStepAsync(StepRecord step, StepImages images, CancellationToken cancellationToken)
    {
        var dir = RunDirectory ?? throw new InvalidOperationException("BeginAsync must be called before a step is recorded.");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Images before the line that names them: a kill in between leaves an unnamed PNG, never a dangling name.
            // A step recorded before its action already wrote them.
            if (!_imagesWritten.Contains(step.Step))
            {
                await WriteImageAsync(dir, step.Observation.ScreenshotFile, images.Screenshot).ConfigureAwait(false);
                await WriteImageAsync(dir, step.Observation.MarkedScreenshotFile, images.MarkedScreenshot).ConfigureAwait(false);
                _imagesWritten.Add(step.Step);
            }

            // One complete line per step, flushed, so a kill never leaves half a step behind the last newline.
            var line = JsonSerializer.Serialize(step, RecordingJsonContext.Default.StepRecord) + "\n";
            await using var stream = new FileStream(Path.Combine(dir, RecordingSchema.StepsFile), FileMode.Append, FileAccess.Write, FileShare.Read);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(line), CancellationToken.None).ConfigureAwait(false);
            await stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public Task CompleteAsync(RunManifest manifest, CancellationToken cancellationToken = default) =>
        WriteManifestAsync(manifest, CancellationToken.None);

    private static Task WriteImageAsync(string dir, string? file, ReadOnlyMemory<byte> png) =>
        png.IsEmpty || file is null ? Task.CompletedTask : File.WriteAllBytesAsync(Path.Combine(dir, file), png.ToArray(), CancellationToken.None);

    private async Task WriteManifestAsync(RunManifest manifest, CancellationToken cancellationToken)
    {
        var dir = RunDirectory!;
        var tmp = Path.Combine(dir, RecordingSchema.RunFile + ".tmp");
        try
        {
            await File.WriteAllTextAsync(tmp, JsonSerializer.Serialize(manifest, typeof(RunManifest), RecordingJsonContext.Indented), cancellationToken).ConfigureAwait(false);
            File.Move(tmp, Path.Combine(dir, RecordingSchema.RunFile), overwrite: true);
        }
        catch
        {
            // A full disk or a cancelled write leaves no half-written run.json.tmp behind; run.json keeps its last state.
            TryDelete(tmp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done about a file the disk will not let go of.
        }
    }
}
