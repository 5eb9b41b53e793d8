using System.Collections.Concurrent;
using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Secrets;

/// <summary>
/// Replaces <c>{{secret:NAME}}</c> references with their values at execution time only, from the environment
/// (ACTIONAGENT_SECRET_NAME) or the policy's secrets file (<c>NAME=value</c> lines), and only for pages on the secret's
/// domains. Unknown names, other domains and missing values are refused with a message that says what to do.
/// Values are never logged; use <see cref="CreateRedactor"/> to scrub them from text.
/// </summary>
public sealed class SecretResolver
{
    private readonly SecretSettings _settings;
    private readonly Func<string, string?> _environment;
    private readonly Lazy<IReadOnlyDictionary<string, string>> _file;
    private readonly ConcurrentDictionary<string, string> _seen = new(StringComparer.Ordinal);

    /// <summary>A resolver for a policy's secrets; <paramref name="environment"/> defaults to the process environment.</summary>
    public SecretResolver(SecretSettings settings, Func<string, string?>? environment = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _file = new Lazy<IReadOnlyDictionary<string, string>>(ReadFile);
    }

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
    /// A redactor for every secret value this resolver can see (all known secrets that have a value, plus any value it has
    /// resolved), replacing each with its <c>{{secret:NAME}}</c> reference.
    /// </summary>
    public SecretRedactor CreateRedactor()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var def in _settings.Entries)
        {
            if (Lookup(def) is { Length: > 0 } v)
            {
                values[def.Name] = v;
            }
        }

        foreach (var (name, value) in _seen)
        {
            values[name] = value;
        }

        return new SecretRedactor(values);
    }

    /// <summary>
    /// Why <paramref name="name"/> could not be typed anywhere — not declared by the policy, or no value — as one line
    /// that says what to do; null when it is declared and has a value. Checked before a flow or replay starts.
    /// </summary>
    public string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_settings.Find(name) is not { } def)
        {
            return $"secret {name} is not declared by the policy ({(_settings.Entries.Count == 0 ? "it declares no secrets" : "it declares " + string.Join(", ", _settings.Entries.Select(e => e.Name)))}); add it under secrets.names with its source and domains (see policies/README.md), or pass a policy that declares it with --policy";
        }

        return string.IsNullOrEmpty(Lookup(def))
            ? def.Source == SecretSource.Env
                ? $"secret {name} has no value: set the environment variable {def.EnvironmentVariable}"
                : $"secret {name} has no value: add a line {name}=… to {_settings.File}"
            : null;
    }

    private string ValueFor(string name, string? host, string pageUrl)
    {
        var def = _settings.Find(name) ?? throw new SecretResolutionException(
            $"unknown secret \"{name}\": the policy defines {(_settings.Entries.Count == 0 ? "no secrets" : string.Join(", ", _settings.Entries.Select(e => e.Name)))}; add it under secrets.names")
        { SecretName = name };
        if (!def.AllowedOn(host))
        {
            throw new SecretResolutionException(
                $"secret {name} may not be used on {host ?? pageUrl}: it is limited to {(def.Domains.Count == 0 ? "no domain" : string.Join(", ", def.Domains))}")
            { SecretName = name };
        }

        var value = Lookup(def);
        if (string.IsNullOrEmpty(value))
        {
            throw new SecretResolutionException(def.Source == SecretSource.Env
                ? $"secret {name} has no value: set the environment variable {def.EnvironmentVariable}"
                : $"secret {name} has no value: add a line {name}=… to {_settings.File}")
            { SecretName = name };
        }

        _seen[name] = value;
        return value;
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
