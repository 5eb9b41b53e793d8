using System.Runtime.CompilerServices;

namespace ActionAgent.TestKit;

/// <summary>
/// Golden-file comparison. Set ACTIONAGENT_UPDATE_GOLDEN=1 to rewrite the golden file next to the calling test
/// (then review the diff in git); otherwise the actual text must equal the golden text.
/// </summary>
public static class Golden
{
    /// <summary>Returns the golden text (normalised line endings), updating it first when asked to.</summary>
    public static string Read(string fileName, string actual, [CallerFilePath] string callerFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerFile)!, fileName);
        var normalised = actual.ReplaceLineEndings("\n").Trim();
        if (Environment.GetEnvironmentVariable("ACTIONAGENT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, normalised + "\n");
        }

        return File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n").Trim() : "(golden file missing: run with ACTIONAGENT_UPDATE_GOLDEN=1)";
    }
}
