using System.Text.RegularExpressions;
using ActionAgent.Browser;
using ActionAgent.Flows.Running;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Cli.Hosting.Flows;

/// <summary>
/// Opens one isolated Playwright session per flow (its own browser process and context, so flows share no cookies
/// and one crashing flow cannot take the others down). Secrets <c>{{secret:NAME}}</c> are read from the environment
/// (<c>ACTIONAGENT_SECRET_NAME</c>, then <c>NAME</c>) at the moment they are typed. With <paramref name="perception"/>
/// every flow sees the page as <c>--perception</c> says (one shared OCR engine); without it, DOM only.
/// </summary>
public sealed partial class PlaywrightFlowSessionFactory(BrowserSettings settings, ILoggerFactory loggerFactory, PerceptionFactory? perception = null) : IFlowSessionFactory
{
    /// <inheritdoc />
    public async Task<IFlowSession> CreateAsync(string name, FlowSessionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var session = await BrowserSessionFactory.OpenAsync(settings, BrowserConnection.Launch, loggerFactory, cancellationToken).ConfigureAwait(false);
        return new PlaywrightFlowSession(session, ResolveSecrets, perception, options.Settle);
    }

    /// <summary>The value of a secret, or null when neither environment variable is set.</summary>
    public static string? SecretValue(string name) =>
        Environment.GetEnvironmentVariable("ACTIONAGENT_SECRET_" + name) ?? Environment.GetEnvironmentVariable(name);

    /// <summary>Replaces every <c>{{secret:NAME}}</c> in <paramref name="text"/>; throws <see cref="KeyNotFoundException"/> for a missing one.</summary>
    public static string ResolveSecrets(string text) => SecretPattern().Replace(text, m =>
        SecretValue(m.Groups[1].Value) ?? throw new KeyNotFoundException(
            $"secret {m.Groups[1].Value} is not set; export ACTIONAGENT_SECRET_{m.Groups[1].Value} (or {m.Groups[1].Value}) before running"));

    [GeneratedRegex(@"\{\{secret:([A-Za-z0-9_]+)\}\}")]
    private static partial Regex SecretPattern();
}
