using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ActionAgent.Core.Policy;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ActionAgent.Approvals.Policies;

/// <summary>
/// Loads a YAML policy file into a <see cref="PolicyDocument"/>. Every problem is reported with its line, column and key
/// (<c>policies/x.yaml:12:5: unknown action class "submitt" (expected one of: …)</c>); all problems are collected, not only
/// the first. Relative paths (upload folders, the secrets file) resolve against the policy file's folder.
/// </summary>
public static partial class PolicyLoader
{
    private static readonly string[] TopKeys = ["version", "name", "description", "domains", "actions", "patterns", "limits", "uploads", "secrets", "approval", "network"];
    private static readonly string[] DomainKeys = ["allowed", "denied", "unlisted"];
    private static readonly string[] PatternKeys = ["name", "match", "on", "verdict", "risk", "applies_to", "reason", "ignore_case"];
    private static readonly string[] LimitKeys = ["max_steps", "max_time", "budget"];
    private static readonly string[] UploadKeys = ["folders"];
    private static readonly string[] SecretKeys = ["file", "names"];
    private static readonly string[] SecretEntryKeys = ["source", "domains"];
    private static readonly string[] ApprovalKeys = ["timeout", "on_timeout", "orphan_after", "requester_may_approve"];
    private static readonly string[] NetworkKeys = ["mode", "exempt"];
    private static readonly string[] VerdictWords = ["allow", "require_approval", "deny"];
    private static readonly string[] ScopeWords = ["target", "page_text", "url", "value"];

    /// <summary>The action-class keys of the <c>actions:</c> section, in order.</summary>
    public static IReadOnlyList<string> ClassKeys { get; } = Enum.GetValues<RiskClass>().Select(PolicyEngine.ClassKey).ToArray();

    /// <summary>Loads and validates a policy file. Throws <see cref="PolicyLoadException"/> listing every problem.</summary>
    public static PolicyDocument Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new PolicyLoadException([new PolicyError(path, 0, 0, "", $"policy file not found: {path} (see policies/default.yaml for an example)")]);
        }

        var text = File.ReadAllText(path);
        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Parses policy YAML; <paramref name="sourceName"/> is used in messages, <paramref name="baseDirectory"/> for relative paths.</summary>
    public static PolicyDocument Parse(string yaml, string sourceName = "policy.yaml", string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var ctx = new Ctx(sourceName, baseDirectory ?? Directory.GetCurrentDirectory());
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var inner = e.InnerException?.Message;
            throw new PolicyLoadException([new PolicyError(sourceName, (int)e.Start.Line, (int)e.Start.Column, "",
                $"invalid YAML: {e.Message}{(inner is null ? "" : $" ({inner})")}")]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet fails this way when the text ends inside a flow collection or quote: find the last good token.
            var (line, column) = LastTokenMark(yaml);
            throw new PolicyLoadException([new PolicyError(sourceName, line, column, "",
                "invalid YAML: the file ends inside an unclosed [list], {mapping} or quoted string that starts here")]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            throw new PolicyLoadException([new PolicyError(sourceName, 1, 1, "", "the policy file is empty")]);
        }

        var root = ctx.Map(stream.Documents[0].RootNode, "(top level)");
        if (root is null)
        {
            throw new PolicyLoadException(ctx.Errors);
        }

        var doc = new PolicyDocument { Source = sourceName, Hash = HashOf(yaml), Name = Path.GetFileNameWithoutExtension(sourceName) };
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ctx.Key(keyNode, TopKeys, "top-level key", "");
            switch (key)
            {
                case "version":
                    if (ctx.Int(value, "version") is { } v && v != 1)
                    {
                        ctx.Error(value, "version", $"unsupported policy version {v} (this build reads version 1)");
                    }

                    break;
                case "name":
                    doc = doc with { Name = ctx.String(value, "name") ?? doc.Name };
                    break;
                case "description":
                    doc = doc with { Description = ctx.String(value, "description") ?? "" };
                    break;
                case "domains":
                    doc = doc with { Domains = ReadDomains(ctx, value) };
                    break;
                case "actions":
                    doc = doc with { Actions = ReadActions(ctx, value) };
                    break;
                case "patterns":
                    doc = doc with { Patterns = ReadPatterns(ctx, value) };
                    break;
                case "limits":
                    doc = doc with { Limits = ReadLimits(ctx, value) };
                    break;
                case "uploads":
                    doc = doc with { UploadFolders = ReadUploads(ctx, value) };
                    break;
                case "secrets":
                    doc = doc with { Secrets = ReadSecrets(ctx, value) };
                    break;
                case "approval":
                    doc = doc with { Approval = ReadApproval(ctx, value) };
                    break;
                case "network":
                    doc = doc with { Network = ReadNetwork(ctx, value) };
                    break;
            }
        }

        if (ctx.Errors.Count > 0)
        {
            throw new PolicyLoadException(ctx.Errors);
        }

        return doc;
    }

    /// <summary>
    /// "sha256:…" of the normalised text: UTF-8 without BOM, LF line ends, no trailing spaces, no trailing blank lines.
    /// Two files that differ only in those hash the same.
    /// </summary>
    public static string HashOf(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var lines = yaml.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var normalised = string.Join('\n', lines) + "\n";
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    private static (int Line, int Column) LastTokenMark(string yaml)
    {
        var scanner = new Scanner(new StringReader(yaml));
        (int, int) last = (1, 1);
        var open = new Stack<(int, int)>();
        try
        {
            while (scanner.MoveNext())
            {
                var token = scanner.Current!;
                last = ((int)token.Start.Line, (int)token.Start.Column);
                switch (token)
                {
                    case YamlDotNet.Core.Tokens.FlowSequenceStart or YamlDotNet.Core.Tokens.FlowMappingStart:
                        open.Push(last);
                        break;
                    case YamlDotNet.Core.Tokens.FlowSequenceEnd or YamlDotNet.Core.Tokens.FlowMappingEnd when open.Count > 0:
                        open.Pop();
                        break;
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or YamlException)
        {
            // Expected: the same failure as the parser's.
        }

        return open.Count > 0 ? open.Peek() : last;
    }

    private static DomainRules ReadDomains(Ctx ctx, YamlNode node)
    {
        var rules = new DomainRules();
        var map = ctx.Map(node, "domains");
        if (map is null)
        {
            return rules;
        }

        foreach (var (k, v) in map.Children)
        {
            switch (ctx.Key(k, DomainKeys, "key in domains", "domains."))
            {
                case "allowed":
                    rules = rules with { Allowed = ctx.Hosts(v, "domains.allowed") };
                    break;
                case "denied":
                    rules = rules with { Denied = ctx.Hosts(v, "domains.denied") };
                    break;
                case "unlisted":
                    rules = rules with { Unlisted = ctx.Verdict(v, "domains.unlisted") ?? rules.Unlisted };
                    break;
            }
        }

        return rules;
    }

    private static Dictionary<RiskClass, VerdictKind> ReadActions(Ctx ctx, YamlNode node)
    {
        var actions = new Dictionary<RiskClass, VerdictKind>(PolicyDocument.DefaultActions);
        var map = ctx.Map(node, "actions");
        if (map is null)
        {
            return actions;
        }

        foreach (var (k, v) in map.Children)
        {
            var key = ctx.Key(k, ClassKeys, "action class", "actions.");
            if (key is null || ctx.Verdict(v, "actions." + key) is not { } verdict)
            {
                continue;
            }

            var risk = ClassOf(key);
            if (risk == RiskClass.Destructive && verdict == VerdictKind.Allow)
            {
                ctx.Error(v, "actions.destructive",
                    "destructive actions cannot be allowed without a reviewer; use require_approval (an unattended run can pass --yes) or deny");
                continue;
            }

            actions[risk] = verdict;
        }

        return actions;
    }

    private static List<PatternRule> ReadPatterns(Ctx ctx, YamlNode node)
    {
        var rules = new List<PatternRule>();
        if (node is YamlScalarNode { Value: null or "" })
        {
            return rules;
        }

        if (node is not YamlSequenceNode seq)
        {
            ctx.Error(node, "patterns", "patterns must be a list of rules (each starting with \"- name: …\")");
            return rules;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in seq.Children)
        {
            var path = $"patterns[{index++}]";
            var map = ctx.Map(item, path);
            if (map is null)
            {
                continue;
            }

            string? name = null, match = null, reason = null;
            YamlNode? matchNode = null;
            VerdictKind? verdict = null;
            RiskClass? risk = null;
            var scope = PatternScope.Target;
            var appliesTo = new List<RiskClass>();
            var ignoreCase = true;
            foreach (var (k, v) in map.Children)
            {
                switch (ctx.Key(k, PatternKeys, "key in a pattern", path + "."))
                {
                    case "name":
                        name = ctx.String(v, path + ".name");
                        if (name is not null && !NameRegex().IsMatch(name))
                        {
                            ctx.Error(v, path + ".name", $"pattern name \"{name}\" must be letters, digits, '-' or '_' (it becomes the rule name patterns.{name})");
                        }
                        else if (name is not null && !names.Add(name))
                        {
                            ctx.Error(v, path + ".name", $"duplicate pattern name \"{name}\"");
                        }

                        break;
                    case "match":
                        match = ctx.String(v, path + ".match");
                        matchNode = v;
                        break;
                    case "on":
                        if (ctx.Word(v, path + ".on", ScopeWords, "pattern scope") is { } s)
                        {
                            scope = s switch { "page_text" => PatternScope.PageText, "url" => PatternScope.Url, "value" => PatternScope.Value, _ => PatternScope.Target };
                        }

                        break;
                    case "verdict":
                        verdict = ctx.Verdict(v, path + ".verdict");
                        break;
                    case "risk":
                        if (ctx.Word(v, path + ".risk", ClassKeys, "action class") is { } r)
                        {
                            risk = ClassOf(r);
                        }

                        break;
                    case "applies_to":
                        foreach (var c in ctx.Seq(v, path + ".applies_to"))
                        {
                            if (ctx.Word(c, path + ".applies_to", ClassKeys, "action class") is { } cls)
                            {
                                appliesTo.Add(ClassOf(cls));
                            }
                        }

                        break;
                    case "reason":
                        reason = ctx.String(v, path + ".reason");
                        break;
                    case "ignore_case":
                        ignoreCase = ctx.Bool(v, path + ".ignore_case") ?? true;
                        break;
                }
            }

            if (name is null)
            {
                ctx.Error(item, path, "a pattern needs a name (name: no-refunds)");
            }

            if (match is null)
            {
                ctx.Error(item, path, "a pattern needs a regular expression (match: \"(?i)refund\")");
            }

            if (verdict is null)
            {
                ctx.Error(item, path, "a pattern needs a verdict (verdict: allow | require_approval | deny)");
            }

            Regex? regex = null;
            if (match is not null)
            {
                try
                {
                    regex = new Regex(match, (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250));
                }
                catch (ArgumentException e)
                {
                    ctx.Error(matchNode!, path + ".match", $"invalid regular expression \"{match}\": {e.Message}");
                }
            }

            if (risk == RiskClass.Destructive && verdict == VerdictKind.Allow)
            {
                ctx.Error(item, path, "a pattern cannot allow a destructive action; use require_approval or deny");
            }

            if (name is not null && regex is not null && verdict is { } vk)
            {
                rules.Add(new PatternRule(name, regex, vk) { On = scope, Risk = risk, AppliesTo = appliesTo, Reason = reason });
            }
        }

        return rules;
    }

    private static PolicyLimits ReadLimits(Ctx ctx, YamlNode node)
    {
        var limits = new PolicyLimits();
        var map = ctx.Map(node, "limits");
        if (map is null)
        {
            return limits;
        }

        foreach (var (k, v) in map.Children)
        {
            switch (ctx.Key(k, LimitKeys, "key in limits", "limits."))
            {
                case "max_steps":
                    if (ctx.Int(v, "limits.max_steps") is { } steps)
                    {
                        if (steps <= 0)
                        {
                            ctx.Error(v, "limits.max_steps", $"max_steps must be a positive number, not {steps}");
                        }
                        else
                        {
                            limits = limits with { MaxSteps = steps };
                        }
                    }

                    break;
                case "max_time":
                    limits = limits with { MaxTime = ctx.Duration(v, "limits.max_time") };
                    break;
                case "budget":
                    if (ctx.String(v, "limits.budget") is { } b)
                    {
                        if (decimal.TryParse(b.TrimStart('$'), NumberStyles.Number, CultureInfo.InvariantCulture, out var budget) && budget >= 0)
                        {
                            limits = limits with { Budget = budget };
                        }
                        else
                        {
                            ctx.Error(v, "limits.budget", $"budget must be a non-negative amount such as 0.50, not \"{b}\"");
                        }
                    }

                    break;
            }
        }

        return limits;
    }

    private static List<string> ReadUploads(Ctx ctx, YamlNode node)
    {
        var folders = new List<string>();
        var map = ctx.Map(node, "uploads");
        if (map is null)
        {
            return folders;
        }

        foreach (var (k, v) in map.Children)
        {
            if (ctx.Key(k, UploadKeys, "key in uploads", "uploads.") == "folders")
            {
                folders.AddRange(ctx.Seq(v, "uploads.folders").Select(f => ctx.String(f, "uploads.folders")).OfType<string>().Select(ctx.FullPath));
            }
        }

        return folders;
    }

    private static SecretSettings ReadSecrets(Ctx ctx, YamlNode node)
    {
        var settings = new SecretSettings();
        var map = ctx.Map(node, "secrets");
        if (map is null)
        {
            return settings;
        }

        var entries = new List<SecretDefinition>();
        YamlNode? fileNode = null;
        foreach (var (k, v) in map.Children)
        {
            switch (ctx.Key(k, SecretKeys, "key in secrets", "secrets."))
            {
                case "file":
                    fileNode = v;
                    settings = settings with { File = ctx.String(v, "secrets.file") is { } f ? ctx.FullPath(f) : null };
                    break;
                case "names":
                    var names = ctx.Map(v, "secrets.names");
                    foreach (var (nk, nv) in names?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
                    {
                        var name = ctx.String(nk, "secrets.names");
                        if (name is null)
                        {
                            continue;
                        }

                        if (!SecretNameRegex().IsMatch(name))
                        {
                            ctx.Error(nk, "secrets.names." + name, $"secret name \"{name}\" must be upper-case letters, digits and '_' (it is read from ACTIONAGENT_SECRET_{name.ToUpperInvariant()})");
                            continue;
                        }

                        var def = new SecretDefinition(name);
                        var entry = ctx.Map(nv, "secrets.names." + name);
                        foreach (var (ek, ev) in entry?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
                        {
                            switch (ctx.Key(ek, SecretEntryKeys, "key in a secret", $"secrets.names.{name}."))
                            {
                                case "source":
                                    if (ctx.Word(ev, $"secrets.names.{name}.source", ["env", "file"], "secret source") is { } src)
                                    {
                                        def = def with { Source = src == "file" ? SecretSource.File : SecretSource.Env };
                                    }

                                    break;
                                case "domains":
                                    def = def with { Domains = ctx.Hosts(ev, $"secrets.names.{name}.domains") };
                                    break;
                            }
                        }

                        if (def.Domains.Count == 0)
                        {
                            ctx.Error(nv, $"secrets.names.{name}.domains", $"secret {name} lists no domains, so it could never be used; add domains: [host, …]");
                        }

                        entries.Add(def);
                    }

                    break;
            }
        }

        if (entries.Any(e => e.Source == SecretSource.File) && settings.File is null)
        {
            ctx.Error(node, "secrets.file", "a secret has source: file but secrets.file names no file");
        }

        _ = fileNode;
        return settings with { Entries = entries };
    }

    private static ApprovalSettings ReadApproval(Ctx ctx, YamlNode node)
    {
        var settings = new ApprovalSettings();
        var map = ctx.Map(node, "approval");
        if (map is null)
        {
            return settings;
        }

        foreach (var (k, v) in map.Children)
        {
            switch (ctx.Key(k, ApprovalKeys, "key in approval", "approval."))
            {
                case "timeout":
                    settings = settings with { Timeout = ctx.Duration(v, "approval.timeout") ?? settings.Timeout };
                    break;
                case "orphan_after":
                    settings = settings with { OrphanAfter = ctx.Duration(v, "approval.orphan_after") ?? settings.OrphanAfter };
                    break;
                case "requester_may_approve":
                    settings = settings with { RequesterMayApprove = ctx.Bool(v, "approval.requester_may_approve") ?? settings.RequesterMayApprove };
                    break;
                case "on_timeout":
                    if (ctx.Word(v, "approval.on_timeout", ["expire", "reject"], "timeout behaviour") is { } w)
                    {
                        settings = settings with { OnTimeout = w == "reject" ? ApprovalTimeoutBehavior.Reject : ApprovalTimeoutBehavior.Expire };
                    }

                    break;
            }
        }

        return settings;
    }

    private static NetworkGuardSettings ReadNetwork(Ctx ctx, YamlNode node)
    {
        var settings = new NetworkGuardSettings();
        var map = ctx.Map(node, "network");
        if (map is null)
        {
            return settings;
        }

        foreach (var (k, v) in map.Children)
        {
            switch (ctx.Key(k, NetworkKeys, "key in network", "network."))
            {
                case "mode":
                    if (ctx.Word(v, "network.mode", ["off", "log", "guard"], "network mode") is { } m)
                    {
                        settings = settings with { Mode = m switch { "off" => NetworkGuardMode.Off, "log" => NetworkGuardMode.Log, _ => NetworkGuardMode.Guard } };
                    }

                    break;
                case "exempt":
                    settings = settings with { Exempt = ctx.Seq(v, "network.exempt").Select(e => ctx.String(e, "network.exempt")).OfType<string>().ToArray() };
                    break;
            }
        }

        return settings;
    }

    private static RiskClass ClassOf(string key) => Enum.GetValues<RiskClass>().First(r => PolicyEngine.ClassKey(r) == key);

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex NameRegex();

    [GeneratedRegex("^[A-Z0-9_]+$")]
    private static partial Regex SecretNameRegex();

    [GeneratedRegex(@"^\s*(?<n>\d+(\.\d+)?)\s*(?<u>ms|s|m|h|d)?\s*$")]
    private static partial Regex DurationRegex();

    [GeneratedRegex(@"^(\*|(\*\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9a-fA-F:.]+\])$")]
    private static partial Regex HostRegex();

    /// <summary>Parse state: the file name, the base folder, and the problems found so far.</summary>
    private sealed class Ctx(string file, string baseDirectory)
    {
        public List<PolicyError> Errors { get; } = [];

        public void Error(YamlNode node, string key, string message) =>
            Errors.Add(new PolicyError(file, (int)node.Start.Line, (int)node.Start.Column, key, message));

        public YamlMappingNode? Map(YamlNode node, string key)
        {
            if (node is YamlMappingNode m)
            {
                return m;
            }

            if (node is YamlScalarNode { Value: null or "" } && node.Tag.IsEmpty)
            {
                return null;
            }

            Error(node, key, $"{key} must be a mapping of keys to values");
            return null;
        }

        public IEnumerable<YamlNode> Seq(YamlNode node, string key)
        {
            if (node is YamlSequenceNode s)
            {
                return s.Children;
            }

            if (node is YamlScalarNode { Value: null or "" })
            {
                return [];
            }

            Error(node, key, $"{key} must be a list ([a, b] or lines starting with \"- \")");
            return [];
        }

        public string? Key(YamlNode node, IReadOnlyList<string> expected, string what, string prefix)
        {
            var key = (node as YamlScalarNode)?.Value;
            if (key is not null && expected.Contains(key))
            {
                return key;
            }

            var suggestion = key is null ? null : expected.MinBy(e => Distance(e, key));
            var hint = suggestion is not null && Distance(suggestion, key!) <= 2 ? $"; did you mean \"{suggestion}\"?" : "";
            Error(node, prefix + key, $"unknown {what} \"{key}\" (expected one of: {string.Join(", ", expected)}){hint}");
            return null;
        }

        public string? String(YamlNode node, string key)
        {
            if (node is YamlScalarNode s)
            {
                return s.Value;
            }

            Error(node, key, $"{key} must be a single value, not a {(node is YamlSequenceNode ? "list" : "mapping")}");
            return null;
        }

        public string? Word(YamlNode node, string key, IReadOnlyList<string> expected, string what) =>
            String(node, key) is { } s ? Key(node, expected, what, key + "=") is { } w ? w : null : null;

        public VerdictKind? Verdict(YamlNode node, string key) =>
            Word(node, key, VerdictWords, "verdict") switch
            {
                "allow" => VerdictKind.Allow,
                "deny" => VerdictKind.Deny,
                "require_approval" => VerdictKind.RequireApproval,
                _ => null,
            };

        public int? Int(YamlNode node, string key)
        {
            if (String(node, key) is not { } s)
            {
                return null;
            }

            if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
            {
                return i;
            }

            Error(node, key, $"{key} must be a whole number, not \"{s}\"");
            return null;
        }

        public bool? Bool(YamlNode node, string key)
        {
            if (String(node, key) is not { } s)
            {
                return null;
            }

            if (s is "true" or "yes" or "false" or "no")
            {
                return s is "true" or "yes";
            }

            Error(node, key, $"{key} must be true or false, not \"{s}\"");
            return null;
        }

        public TimeSpan? Duration(YamlNode node, string key)
        {
            if (String(node, key) is not { } s)
            {
                return null;
            }

            var m = DurationRegex().Match(s);
            if (!m.Success)
            {
                Error(node, key, $"{key} must be a duration such as 30s, 10m, 2h or 500ms, not \"{s}\"");
                return null;
            }

            var n = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            var span = m.Groups["u"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "m" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                "d" => TimeSpan.FromDays(n),
                _ => TimeSpan.FromSeconds(n),
            };
            if (span <= TimeSpan.Zero)
            {
                Error(node, key, $"{key} must be longer than zero");
                return null;
            }

            return span;
        }

        public List<string> Hosts(YamlNode node, string key)
        {
            var hosts = new List<string>();
            foreach (var item in Seq(node, key))
            {
                if (String(item, key) is not { } h)
                {
                    continue;
                }

                if (System.Text.RegularExpressions.Regex.IsMatch(h.Trim(), "^scheme:[A-Za-z][A-Za-z0-9+.-]*$"))
                {
                    // scheme:file, scheme:data…: a URL scheme without a host that the policy lets the agent open.
                    hosts.Add(h.Trim().ToLowerInvariant());
                    continue;
                }

                if (h.Contains("://", StringComparison.Ordinal) || h.Contains('/', StringComparison.Ordinal) || !HostRegex().IsMatch(h.Trim()))
                {
                    Error(item, key, $"\"{h}\" is not a host pattern; write a host such as example.com, *.example.com or 127.0.0.1 (no scheme, port or path)");
                    continue;
                }

                hosts.Add(h.Trim());
            }

            return hosts;
        }

        public string FullPath(string path)
        {
            if (path.StartsWith("~/", StringComparison.Ordinal))
            {
                path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]);
            }

            return Path.GetFullPath(Path.Combine(baseDirectory, path));
        }

        private static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++)
            {
                d[i, 0] = i;
            }

            for (var j = 0; j <= b.Length; j++)
            {
                d[0, j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                for (var j = 1; j <= b.Length; j++)
                {
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                }
            }

            return d[a.Length, b.Length];
        }
    }
}
