using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Secrets;

/// <summary>
/// Replaces <c>{{secret:NAME}}</c> references with their values at execution time only, from the environment
/// (ACTIONAGENT_SECRET_NAME) or the policy's secrets file (<c>NAME=value</c> lines), and only for pages on the secret's
/// domains. Unknown names, other domains and missing values are refused with a message that says what to do.
/// Values are never logged; <see cref="Redaction"/> scrubs them (and their encoded forms) from text.
/// </summary>
public sealed class SecretResolver
{
    private readonly SecretSettings _settings;
    private readonly Func<string, string?> _environment;
    private readonly Lazy<IReadOnlyDictionary<string, string>> _file;
    private readonly Lazy<SecretRedaction> _redaction;
    private readonly IReadOnlySet<string>? _given;

    /// <summary>
    /// Names a run may resolve, comma-separated (empty: none); unset: every name the policy declares. <c>serve</c> sets it
    /// for each task's run to the secrets the task names, so a value in the policy's secrets file reaches only the tasks
    /// that asked for it. It can only narrow the policy, never widen it.
    /// </summary>
    public const string GivenEnvironmentVariable = "ACTIONAGENT_GIVEN_SECRETS";

    /// <summary>
    /// A resolver for a policy's secrets; <paramref name="environment"/> defaults to the process environment;
    /// <paramref name="given"/> (null: every declared name) limits which names this run may resolve.
    /// </summary>
    public SecretResolver(SecretSettings settings, Func<string, string?>? environment = null, IReadOnlyCollection<string>? given = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _given = given is null ? null : new HashSet<string>(given, StringComparer.Ordinal);
        _file = new Lazy<IReadOnlyDictionary<string, string>>(ReadFile);
        _redaction = new Lazy<SecretRedaction>(DeclaredValues);
    }

    /// <summary>The names <see cref="GivenEnvironmentVariable"/> gives a run, or null when it is not set.</summary>
    public static IReadOnlyCollection<string>? GivenFromEnvironment(Func<string, string?>? environment = null) =>
        (environment ?? Environment.GetEnvironmentVariable)(GivenEnvironmentVariable) is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;

    /// <summary>True when the text holds at least one secret reference.</summary>
    public static bool HasReferences(string? text) => text is not null && SecretReference.Pattern().IsMatch(text);

    /// <summary>
    /// Resolves every reference in <paramref name="text"/> for a page at <paramref name="pageUrl"/>.
    /// Throws <see cref="SecretResolutionException"/> when a name is unknown, not allowed there, or has no value.
    /// </summary>
    public string Resolve(string text, string pageUrl)
    {
        ArgumentNullException.ThrowIfNull(text);
        var host = DomainPattern.HostOf(pageUrl);
        return SecretReference.Pattern().Replace(text, m => ValueFor(m.Groups["name"].Value, host, pageUrl));
    }

    /// <summary>A <c>Func&lt;string, string&gt;</c> for the executor: resolves references in a text for one page URL.</summary>
    public Func<string, string> ForPage(string pageUrl) => text => Resolve(text, pageUrl);

    /// <summary>Like <see cref="Resolve"/> but returns the problem instead of throwing (for ActionOutcome.Failed).</summary>
    public bool TryResolve(string text, string pageUrl, out string resolved, out string? error)
    {
        try
        {
            resolved = Resolve(text, pageUrl);
            error = null;
            return true;
        }
        catch (SecretResolutionException e)
        {
            resolved = text;
            error = e.Message;
            return false;
        }
    }

    /// <summary>
    /// The run's redaction: every declared secret that has a value, and every value this resolver resolves (registered the
    /// moment it is resolved), replaced by <c>{{secret:NAME}}</c> in any of its encoded forms. Live: later resolutions count.
    /// </summary>
    public ISecretRedaction Redaction => _redaction.Value;

    /// <summary>
    /// A resolver for an executor that types into whatever page is open: resolves references against
    /// <paramref name="currentUrl"/> at the moment of typing. Throws <see cref="SecretResolutionException"/> (an
    /// <see cref="InvalidOperationException"/>, which executors report as a failed action).
    /// </summary>
    public Func<string, string> ForCurrentPage(Func<string> currentUrl)
    {
        ArgumentNullException.ThrowIfNull(currentUrl);
        return text => Resolve(text, currentUrl());
    }

    /// <summary>
    /// Why <paramref name="name"/> could not be typed anywhere, in one line (not declared, or no value), or null when it
    /// can (domains are checked when it is typed). For checking a flow's secret names before any browser starts.
    /// </summary>
    public string? Check(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_settings.Find(name) is not { } def)
        {
            return Undeclared(name);
        }

        if (NotGiven(name) is { } notGiven)
        {
            return notGiven;
        }

        return string.IsNullOrEmpty(Lookup(def)) ? NoValue(def) : null;
    }

    private string ValueFor(string name, string? host, string pageUrl)
    {
        var def = _settings.Find(name) ?? throw new SecretResolutionException(Undeclared(name)) { SecretName = name };
        if (NotGiven(name) is { } notGiven)
        {
            throw new SecretResolutionException(notGiven) { SecretName = name };
        }

        if (!def.AllowedOn(host))
        {
            throw new SecretResolutionException(
                $"secret {name} may not be used on {host ?? pageUrl}: it is limited to {(def.Domains.Count == 0 ? "no domain" : string.Join(", ", def.Domains))}")
            { SecretName = name };
        }

        var value = Lookup(def);
        if (string.IsNullOrEmpty(value))
        {
            throw new SecretResolutionException(NoValue(def)) { SecretName = name };
        }

        _redaction.Value.Register(name, value);
        return value;
    }

    private string? NotGiven(string name) => _given is null || _given.Contains(name)
        ? null
        : $"secret {name} is not given to this run: it may use {(_given.Count == 0 ? "no secrets" : string.Join(", ", _given.Order(StringComparer.Ordinal)))} (a served task uses only the secrets it names)";

    private string Undeclared(string name) =>
        $"unknown secret \"{name}\": the policy declares {(_settings.Entries.Count == 0 ? "no secrets" : string.Join(", ", _settings.Entries.Select(e => e.Name)))}; "
        + $"declare it under secrets.names in the policy (e.g. {name}: {{ source: env, domains: [example.com] }}, see policies/README.md)";

    private string NoValue(SecretDefinition def) => def.Source == SecretSource.Env
        ? $"secret {def.Name} has no value: set the environment variable {def.EnvironmentVariable}"
        : $"secret {def.Name} has no value: add a line {def.Name}=… to {_settings.File}";

    private SecretRedaction DeclaredValues()
    {
        var redaction = new SecretRedaction();
        foreach (var def in _settings.Entries)
        {
            if (Lookup(def) is { Length: > 0 } value)
            {
                redaction.Register(def.Name, value);
            }
        }

        return redaction;
    }

    private string? Lookup(SecretDefinition def) => def.Source switch
    {
        SecretSource.File => _file.Value.TryGetValue(def.Name, out var v) ? v : null,
        _ => _environment(def.EnvironmentVariable),
    };

    private Dictionary<string, string> ReadFile()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_settings.File is not { } path || !File.Exists(path))
        {
            return values;
        }

        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\''))
            {
                value = value[1..^1];
            }

            values[line[..eq].Trim()] = value;
        }

        return values;
    }
}
