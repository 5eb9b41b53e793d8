using ActionAgent.Vision.Ocr;

namespace ActionAgent.Vision.Tests.Support;

/// <summary>One OCR engine for all tests (loading the models takes about a second).</summary>
internal static class SharedOcr
{
    private static readonly Lazy<PaddleOcrEngine> LazyEngine = new(() => new PaddleOcrEngine(new OcrOptions()));

    /// <summary>The engine, with models found the default way (models/ symlink above the test folder).</summary>
    public static PaddleOcrEngine Engine => LazyEngine.Value;

    /// <summary>Frees the sessions if they were created.</summary>
    public static void Dispose()
    {
        if (LazyEngine.IsValueCreated)
        {
            LazyEngine.Value.Dispose();
        }
    }
}
