namespace ActionAgent.Serve.Queue;

/// <summary>How a worker starts <c>actionagent run</c> for a task, and where the run's approvals, audit and recordings go.</summary>
public sealed class RunnerOptions
{
    /// <summary>The program (the <c>actionagent</c> apphost, or <c>dotnet</c>). Required.</summary>
    public string FileName { get; set; } = "";

    /// <summary>Arguments before <c>run</c> (the dll path when <see cref="FileName"/> is dotnet). Default: none.</summary>
    public IReadOnlyList<string> PrefixArguments { get; set; } = [];

    /// <summary>The approval queue the runs hold irreversible steps in (<c>--approvals-db</c>): a SQLite file path or a <c>postgres://</c> URL. Required.</summary>
    public string ApprovalsDb { get; set; } = "";

    /// <summary>Audit log of every run (<c>--audit</c>). Required.</summary>
    public string AuditPath { get; set; } = "";

    /// <summary>Recordings folder (<c>--recordings</c>). Required.</summary>
    public string RecordingsDirectory { get; set; } = "";

    /// <summary>A remote Playwright browser server for every run (<c>--connect</c>). Default: each run launches Chromium.</summary>
    public string? ConnectUrl { get; set; }

    /// <summary>Working directory of the runs (where playwright.config.json is found). Default: the current folder.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>How long a cancelled run may take to close its recording before it is killed. Default: 30 s.</summary>
    public TimeSpan StopGrace { get; set; } = TimeSpan.FromSeconds(30);
}
