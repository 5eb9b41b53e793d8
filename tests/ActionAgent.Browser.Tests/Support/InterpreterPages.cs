using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Support;

/// <summary>
/// What a test class of whole interpreter runs needs: a test server with its pages, a browser session and a recordings
/// folder, started once per class and disposed at its end.
/// </summary>
internal sealed class InterpreterPages : IAsyncDisposable
{
    private InterpreterPages(TestWebServer server, BrowserSession session, DirectoryInfo recordings)
    {
        Server = server;
        Session = session;
        Recordings = recordings;
    }

    public TestWebServer Server { get; }

    public BrowserSession Session { get; }

    public DirectoryInfo Recordings { get; }

    public static async Task<InterpreterPages> StartAsync(string name, params (string Path, string Html)[] pages)
    {
        var server = new TestWebServer();
        foreach (var (path, html) in pages)
        {
            server.Add(path, html);
        }

        return new InterpreterPages(server, await TestBrowser.OpenAsync(), Directory.CreateTempSubdirectory($"aa-{name}-"));
    }

    /// <summary>Opens <paramref name="path"/> and runs <paramref name="task"/> on it as `actionagent run` would.</summary>
    public async Task<RunResult> RunAsync(string path, string task, CancellationToken cancellationToken)
    {
        await Session.Page.GotoAsync(Server.Url(path));
        return await InterpreterRun.RunAsync(Session, Recordings, task, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        Server.Dispose();
        Recordings.Delete(recursive: true);
    }
}
