using System.Runtime.CompilerServices;

namespace ActionAgent.Models.Tests.Support;

/// <summary>
/// Golden-file comparison against tests/ActionAgent.Models.Tests/Golden/NAME. Set ACTIONAGENT_UPDATE_GOLDEN=1 to
/// rewrite the files after an intended change (and bump PromptTemplates.Version when prompt text changed).
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string name, string actual, [CallerFilePath] string caller = "")
    {
        var directory = FindGoldenDirectory(caller);
        var path = Path.Combine(directory, name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("ACTIONAGENT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.IsTrue(File.Exists(path), $"golden file {path} is missing; run the tests once with ACTIONAGENT_UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.AreEqual(expected, actual, $"rendered text differs from {name}; if the change is intended, bump the version and run with ACTIONAGENT_UPDATE_GOLDEN=1");
    }

    private static string FindGoldenDirectory(string caller)
    {
        var directory = Path.GetDirectoryName(caller);
        while (directory is not null && !File.Exists(Path.Combine(directory, "ActionAgent.Models.Tests.csproj")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return Path.Combine(directory ?? AppContext.BaseDirectory, "Golden");
    }
}
