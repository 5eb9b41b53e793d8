using System.Diagnostics;
using ActionAgent.SampleApp;
using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.Flows;

/// <summary><c>actionagent export --format playwright-csharp</c>: the exported test compiles and passes on the sample app.</summary>
[TestClass]
[DoNotParallelize]
public sealed class FlowExportTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    // Runs the exported [TestMethod]s the way a test runner would, without needing the MSTest adapter packages offline.
    private const string Harness = """
        using System.Reflection;
        using Microsoft.VisualStudio.TestTools.UnitTesting;

        foreach (var type in Assembly.GetExecutingAssembly().GetTypes().Where(t => t.GetCustomAttribute<TestClassAttribute>() is not null))
        {
            foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<TestMethodAttribute>() is not null))
            {
                await (Task)method.Invoke(Activator.CreateInstance(type), null)!;
                Console.WriteLine($"PASSED {type.Name}.{method.Name}");
            }
        }
        """;

    [TestMethod]
    public async Task Export_RecordedSampleFlow_CompilesAndPassesAgainstTheApp()
    {
        var dir = CliProcess.NewWorkDir("aa-export-cli-");
        try
        {
            Environment.SetEnvironmentVariable("ACTIONAGENT_SECRET_OPS_PASSWORD", "ops-pass");
            await using var app = await SampleAppServer.StartAsync();
            var run = await CliProcess.RunAsync(dir, Timeout, "test", Path.Combine(FlowCommandTests.FlowsDir, "sign-in-and-search.yaml"),
                "--var", "baseUrl=" + app.BaseUrl, "--recordings", Path.Combine(dir, "rec"), "--no-cache");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            var project = Directory.CreateDirectory(Path.Combine(dir, "exported")).FullName;

            var export = await CliProcess.RunAsync(dir, Timeout, "export", Directory.GetDirectories(Path.Combine(dir, "rec")).Single(),
                "--format", "playwright-csharp", "-o", Path.Combine(project, "SignInTests.cs"));

            Assert.AreEqual(0, export.ExitCode, export.ToString());
            var bin = AppContext.BaseDirectory;
            File.WriteAllText(Path.Combine(project, "Program.cs"), Harness);
            File.WriteAllText(Path.Combine(project, "Exported.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <Reference Include="Microsoft.Playwright" HintPath="{bin}Microsoft.Playwright.dll" />
                    <Reference Include="Microsoft.Bcl.AsyncInterfaces" HintPath="{bin}Microsoft.Bcl.AsyncInterfaces.dll" />
                    <Reference Include="MSTest.TestFramework" HintPath="{bin}MSTest.TestFramework.dll" />
                  </ItemGroup>
                </Project>
                """);
            var build = await RunAsync(project, new Dictionary<string, string>(), "build", "-v", "q", "-o", Path.Combine(project, "out"));
            Assert.AreEqual(0, build.ExitCode, "the exported test compiles (warnings are errors)\n" + build.Output + "\n" + File.ReadAllText(Path.Combine(project, "SignInTests.cs")));

            var test = await RunAsync(project, new Dictionary<string, string>
            {
                ["ACTIONAGENT_BASE_URL"] = app.BaseUrl,
                ["PLAYWRIGHT_DRIVER_SEARCH_PATH"] = bin,
            }, Path.Combine(project, "out", "Exported.dll"));

            Assert.AreEqual(0, test.ExitCode, test.Output);
            StringAssert.Contains(test.Output, "PASSED ", test.Output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string dir, Dictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment)
        {
            psi.Environment[k] = v;
        }

        using var process = Process.Start(psi)!;
        var o = process.StandardOutput.ReadToEndAsync();
        var e = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await o + await e);
    }
}
