using ActionAgent.Cli.Output;

namespace ActionAgent.Cli.Hosting;

/// <summary>Everything the command line said about one run, after parsing.</summary>
public sealed record CliSettings
{
    /// <summary>Path of playwright.config.json (found upward from the current directory when not given).</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Show the browser window.</summary>
    public bool Headed { get; init; }

    /// <summary>Viewport override, e.g. (1280, 720).</summary>
    public (int Width, int Height)? Viewport { get; init; }

    /// <summary>Device scale factor override.</summary>
    public double? DeviceScaleFactor { get; init; }

    /// <summary>Attach to a running Chromium over CDP (http://127.0.0.1:PORT).</summary>
    public string? CdpUrl { get; init; }

    /// <summary>Use a remote Playwright browser server (ws://…).</summary>
    public string? ConnectUrl { get; init; }

    /// <summary>Approve every held action.</summary>
    public bool Yes { get; init; }

    /// <summary>Maximum steps.</summary>
    public int MaxSteps { get; init; } = 40;

    /// <summary>Per-step timeout.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where recordings go.</summary>
    public string RecordingsDirectory { get; init; } = "recordings";

    /// <summary>Run id to use.</summary>
    public string? RunId { get; init; }

    /// <summary>Console verbosity.</summary>
    public bool Verbose { get; init; }

    /// <summary>How results are printed.</summary>
    public OutputMode Output { get; init; } = OutputMode.Plain;

    /// <summary>Policy file (YAML); null: policies/default.yaml in the repository when it exists, else the built-in default.</summary>
    public string? PolicyPath { get; init; }

    /// <summary>Who decides held actions: console, web or none; null: console on a terminal, otherwise none.</summary>
    public string? Approver { get; init; }

    /// <summary>SQLite approval queue for --approver web (default: .actionagent/approvals.db in the repository).</summary>
    public string? ApprovalsDb { get; init; }

    /// <summary>Audit log (default: .actionagent/audit.jsonl in the repository).</summary>
    public string? AuditPath { get; init; }

    /// <summary>An already-loaded policy (wins over <see cref="PolicyPath"/>); the demo and tests use it.</summary>
    public ActionAgent.Core.Policy.PolicyDocument? Policy { get; init; }

    /// <summary>--perception dom|vision|hybrid; null: hybrid, falling back to DOM when the OCR models are missing.</summary>
    public ActionAgent.Vision.Perception.PerceptionMode? Perception { get; init; }

    /// <summary>--record-marks: when a step's set-of-marks image goes into the recording. Default always.</summary>
    public ActionAgent.Core.Recording.MarksRecording RecordMarks { get; init; } = ActionAgent.Core.Recording.MarksRecording.Always;

    /// <summary>Whether the run keeps a Playwright trace (trace.zip in its recording).</summary>
    public ActionAgent.Browser.Tracing.TraceMode Trace { get; init; } = ActionAgent.Browser.Tracing.TraceMode.Off;
}
