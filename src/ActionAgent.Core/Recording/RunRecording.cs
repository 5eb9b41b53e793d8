using System.Text.Json;

namespace ActionAgent.Core.Recording;

/// <summary>A recording read back from disk: the manifest and its steps.</summary>
public sealed record RunRecording(string Directory, RunManifest Manifest, IReadOnlyList<StepRecord> Steps)
{
    /// <summary>
    /// Reads a recording folder. A step whose action was begun but never finished (the run was killed, the disk filled)
    /// is kept with <see cref="StepRecord.Executing"/> set and an outcome that says its effect is unknown. Throws <see cref="InvalidDataException"/> with a message that says what is wrong
    /// (missing files, unknown schema version, a corrupt line) and what to do.
    /// </summary>
    public static RunRecording Load(string directory)
    {
        var runFile = Path.Combine(directory, RecordingSchema.RunFile);
        if (!File.Exists(runFile))
        {
            throw new InvalidDataException($"'{directory}' is not a recording: it has no {RecordingSchema.RunFile}. Pass a folder under recordings/.");
        }

        RunManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(File.ReadAllText(runFile), RecordingJsonContext.Default.RunManifest)
                ?? throw new InvalidDataException($"{runFile} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{runFile} is not valid JSON ({e.Message}).", e);
        }

        if (manifest.SchemaVersion != RecordingSchema.Version)
        {
            throw new InvalidDataException(
                $"{runFile} has schemaVersion {manifest.SchemaVersion}; this ActionAgent reads version {RecordingSchema.Version}. Re-record the run with this version.");
        }

        var steps = new List<StepRecord>();
        var stepsFile = Path.Combine(directory, RecordingSchema.StepsFile);
        if (File.Exists(stepsFile))
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(stepsFile))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    var step = JsonSerializer.Deserialize(line, RecordingJsonContext.Default.StepRecord)!;
                    if (step.SchemaVersion != RecordingSchema.Version)
                    {
                        throw new InvalidDataException($"{stepsFile}:{lineNumber} has schemaVersion {step.SchemaVersion}; expected {RecordingSchema.Version}.");
                    }

                    // The line written before a step's action is replaced by the step's final line.
                    if (steps.Count > 0 && steps[^1].Step == step.Step && steps[^1].Executing)
                    {
                        steps[^1] = step;
                    }
                    else
                    {
                        steps.Add(step);
                    }
                }
                catch (JsonException e)
                {
                    throw new InvalidDataException($"{stepsFile}:{lineNumber} is not a valid step ({e.Message}).", e);
                }
            }
        }

        return new RunRecording(directory, manifest, steps);
    }
}
