namespace ActionAgent.Cli.Output;

/// <summary>How the CLI talks: coloured live lines on a terminal, plain lines when redirected, or JSON only.</summary>
public enum OutputMode
{
    /// <summary>Coloured lines (stdout is a terminal).</summary>
    Terminal,

    /// <summary>Plain lines (stdout redirected).</summary>
    Plain,

    /// <summary>Only a JSON result object on stdout (--json).</summary>
    Json,
}
