namespace ActionAgent.SampleApp;

/// <summary>Settings for <see cref="SampleAppServer"/>. Defaults: free port, normal layout, 1.5 s slow sections.</summary>
public sealed class SampleAppOptions
{
    /// <summary>TCP port on 127.0.0.1. Default 0: the operating system picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>Serve the alternate layout (moved and relabelled elements) for self-healing tests. Default false.</summary>
    public bool AlternateLayout { get; set; }

    /// <summary>How long slow sections ("Recent activity", <c>/slow</c>) take to appear. Default 1.5 seconds.</summary>
    public TimeSpan SlowSectionDelay { get; set; } = TimeSpan.FromMilliseconds(1500);
}
