// OCR and the browser are CPU-heavy and the machine is shared: run the tests one at a time.
[assembly: DoNotParallelize]

namespace ActionAgent.Vision.Tests.Support;

/// <summary>Disposes the shared browser and OCR engine once all tests ran.</summary>
[TestClass]
public sealed class AssemblySetup
{
    /// <summary>Frees shared native resources.</summary>
    [AssemblyCleanup]
    public static async Task CleanupAsync()
    {
        await SharedBrowser.DisposeAsync();
        SharedOcr.Dispose();
    }
}
