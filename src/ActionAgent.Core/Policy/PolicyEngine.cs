using System.Text.RegularExpressions;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Core.Policy;

/// <summary>
/// Judges proposed actions against a <see cref="PolicyDocument"/>. The risk class is computed here from the action and the
/// page (element semantics, links, dialogs, text patterns), never taken from the model. The verdict names the rule that fired
/// (for example <c>actions.submit</c>, <c>domains.denied</c>, <c>patterns.no-refunds</c>, <c>floor.destructive</c>).
/// Page text never changes the policy: a page that tries to instruct the agent only makes the engine stricter.
/// </summary>
public sealed partial class PolicyEngine : IActionPolicy
{
    private static readonly string[] DownloadExtensions =
        [".zip", ".pdf", ".csv", ".xlsx", ".xls", ".doc", ".docx", ".exe", ".dmg", ".msi", ".tar", ".gz", ".7z", ".json", ".xml", ".bin", ".iso"];

    private readonly TimeProvider _time;
    private readonly InjectionDetector _detector;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private int _steps;
    private decimal _spent;
    private DateTimeOffset? _firstAt;
    private string? _lastInjectionKey;

    /// <summary>An engine for a policy.</summary>
    public PolicyEngine(PolicyDocument policy, TimeProvider? time = null, InjectionDetector? detector = null, ILogger<PolicyEngine>? logger = null)
    {
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _time = time ?? TimeProvider.System;
        _detector = detector ?? new InjectionDetector();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The policy this engine applies.</summary>
    public PolicyDocument Policy { get; }

    /// <summary>Raised (once per distinct page text) when page text looks like a prompt-injection attempt.</summary>
    public event Action<InjectionAttempt>? InjectionDetected;

    /// <inheritdoc />
    public Verdict Evaluate(ProposedAction proposal, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(observation);

        var limit = CheckLimits(proposal);
        if (limit is not null)
        {
            return limit;
        }

        var a = Classify(proposal, observation);
        var pageHost = DomainPattern.HostOf(observation.Url);
        var pageStatus = pageHost is null ? DomainStatus.Allowed : Policy.Domains.Classify(pageHost);
        var injection = DetectInjection(observation);

        // 0. file:, data:, javascript: and other schemes without a host: denied unless the policy names the scheme.
        if (a.DestinationUrl is { } destination && DomainRules.SchemeOf(destination) is { } scheme && !Policy.Domains.AllowsScheme(scheme))
        {
            return new Verdict(VerdictKind.Deny, RiskClass.Egress, "domains.scheme",
                $"{scheme}: URLs are not allowed by this policy (allow one with \"scheme:{scheme}\" under domains.allowed); use an http(s) URL on an allowed domain");
        }

        // 1. Where the action goes: destinations on denied or unlisted hosts.
        string? destHost = a.DestinationUrl is null ? null : DomainPattern.HostOf(a.DestinationUrl, observation.Url);
        var risk = a.Risk;
        if (destHost is not null)
        {
            switch (Policy.Domains.Classify(destHost))
            {
                case DomainStatus.Denied:
                    return new Verdict(VerdictKind.Deny, RiskClass.Egress, "domains.denied",
                        $"{destHost} is a denied domain; stay on the allowed domains ({Allowed()})");
                case DomainStatus.Unlisted:
                    var unlisted = Policy.Domains.Unlisted;
                    if (unlisted == VerdictKind.Deny)
                    {
                        return new Verdict(VerdictKind.Deny, RiskClass.Egress, "domains.unlisted",
                            $"{destHost} is not an allowed domain (allowed: {Allowed()})");
                    }

                    risk = RiskClass.Egress;
                    a = a with { Risk = risk, Signal = "domains.unlisted", Reason = $"{destHost} is not an allowed domain" };
                    break;
            }
        }

        // 2. Acting on a page that is itself on a denied domain: only leaving it is allowed.
        var leaving = proposal.Action is GoBackAction || destHost is not null && Policy.Domains.Classify(destHost) == DomainStatus.Allowed;
        if (pageStatus == DomainStatus.Denied && a.Risk != RiskClass.Read && !leaving)
        {
            return new Verdict(VerdictKind.Deny, a.Risk, "domains.denied-page",
                $"the page is on a denied domain ({pageHost}); go back or navigate to an allowed domain");
        }

        // 3. Uploads only from allow-listed folders.
        if (proposal.Action is UploadFileAction upload && !InUploadFolder(upload.FilePath))
        {
            return new Verdict(VerdictKind.Deny, RiskClass.Egress, "uploads.folders",
                Policy.UploadFolders.Count == 0
                    ? "uploads are not allowed by this policy (it lists no upload folders)"
                    : $"{upload.FilePath} is outside the upload folders ({string.Join(", ", Policy.UploadFolders)})");
        }

        // 4. Secrets: known, and typed only on their domains.
        foreach (var name in a.SecretNames)
        {
            var secret = Policy.Secrets.Find(name);
            if (secret is null)
            {
                return new Verdict(VerdictKind.Deny, RiskClass.CredentialEntry, "secrets.unknown",
                    $"unknown secret \"{name}\" (known: {(Policy.Secrets.Entries.Count == 0 ? "none" : string.Join(", ", Policy.Secrets.Entries.Select(e => e.Name)))})");
            }

            if (!secret.AllowedOn(pageHost))
            {
                return new Verdict(VerdictKind.Deny, RiskClass.CredentialEntry, "secrets.domain",
                    $"secret {name} may not be typed on {pageHost ?? observation.Url} (allowed on: {(secret.Domains.Count == 0 ? "no domain" : string.Join(", ", secret.Domains))})");
            }
        }

        // 5. The action-class rule, then credential entry, then patterns.
        var verdict = new Verdict(Policy.VerdictFor(risk), risk, $"actions.{ClassKey(risk)}", ClassReason(a));
        if (a.InvolvesCredential && risk != RiskClass.CredentialEntry)
        {
            verdict = Stricter(verdict, new Verdict(Policy.VerdictFor(RiskClass.CredentialEntry), RiskClass.CredentialEntry,
                "actions.credential_entry", "the action types a credential"));
        }

        if (a.InvolvesCredential && pageStatus != DomainStatus.Allowed)
        {
            verdict = Stricter(verdict, new Verdict(VerdictKind.RequireApproval, RiskClass.CredentialEntry, "floor.credential-unknown-domain",
                $"typing a credential on {pageHost ?? "an unknown page"}, which is not an allowed domain"));
        }

        verdict = ApplyPatterns(verdict, a, proposal, observation);

        // 6. Floors no policy file can lower.
        if (verdict.Risk == RiskClass.Destructive && verdict.Kind == VerdictKind.Allow)
        {
            verdict = new Verdict(VerdictKind.RequireApproval, RiskClass.Destructive, "floor.destructive",
                $"{ClassReason(a)}; destructive actions always need a reviewer");
        }

        if (injection is not null && verdict.Kind == VerdictKind.Allow &&
            verdict.Risk is RiskClass.Submit or RiskClass.Destructive or RiskClass.CredentialEntry or RiskClass.Egress)
        {
            verdict = new Verdict(VerdictKind.RequireApproval, verdict.Risk, "injection.escalate",
                $"{verdict.Reason}; the page contains text that tries to instruct the agent ({string.Join(", ", injection.Markers)}), so a reviewer must confirm");
        }

        return verdict;
    }

    /// <summary>Computes the risk class of an action from the action and the page, without applying the policy.</summary>
    public RiskAssessment Classify(ProposedAction proposal, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(observation);
        var action = proposal.Action;

        // A JavaScript confirm dialog: accepting it carries out whatever it asks.
        if (observation.OpenDialog is { } dialog && (action is ClickAction { Button: MouseButtonKind.Left } || action is PressKeyAction p0 && IsEnter(p0.Keys)))
        {
            return IsDestructiveText(dialog)
                ? new RiskAssessment(RiskClass.Destructive, "confirm-dialog", $"accepting the dialog \"{Trim(dialog)}\"") { TargetText = dialog }
                : new RiskAssessment(RiskClass.Submit, "confirm-dialog", $"accepting the dialog \"{Trim(dialog)}\"") { TargetText = dialog };
        }

        switch (action)
        {
            case ClickAction click when click.Button == MouseButtonKind.Left:
                return ClassifyPress(ResolveTarget(click.Target, observation), click.Target, observation);
            case ClickAction click:
                return new RiskAssessment(RiskClass.Read, "context-click", "a right or middle click") { Target = ResolveTarget(click.Target, observation) };
            case TypeTextAction type:
                {
                    var field = type.Target is null ? Focused(observation) : ResolveTarget(type.Target, observation);
                    var secrets = SecretReference.NamesIn(type.Text);
                    var credential = secrets.Count > 0 || field?.IsSecret == true || string.Equals(field?.InputType, "password", StringComparison.OrdinalIgnoreCase);
                    var text = field is null ? type.Target?.Description ?? "" : TargetTextOf(field, type.Target);
                    if (type.PressEnter && EnterSubmitTarget(observation, field) is { } submits)
                    {
                        var label = TargetTextOf(submits, null);
                        return new RiskAssessment(IsDestructiveText(label) ? RiskClass.Destructive : RiskClass.Submit, "enter-submits", $"typing and pressing Enter submits \"{Trim(label)}\"")
                        { Target = field, TargetText = text, InvolvesCredential = credential, SecretNames = secrets, Value = type.Text };
                    }

                    return credential
                        ? new RiskAssessment(RiskClass.CredentialEntry, "credential-field", secrets.Count > 0 ? $"typing secret {string.Join(", ", secrets)}" : "typing into a password field")
                        { Target = field, TargetText = text, InvolvesCredential = true, SecretNames = secrets, Value = type.Text }
                        : new RiskAssessment(RiskClass.Input, "input", $"typing into \"{Trim(text)}\"") { Target = field, TargetText = text, Value = type.Text };
                }

            case PressKeyAction press when IsEnter(press.Keys):
                {
                    var submit = EnterSubmitTarget(observation, Focused(observation));
                    if (submit is not null)
                    {
                        var label = TargetTextOf(submit, null);
                        return IsDestructiveText(label)
                            ? new RiskAssessment(RiskClass.Destructive, "enter-submits", $"pressing Enter submits \"{Trim(label)}\"") { Target = submit, TargetText = label }
                            : new RiskAssessment(RiskClass.Submit, "enter-submits", $"pressing Enter submits \"{Trim(label)}\"") { Target = submit, TargetText = label };
                    }

                    return new RiskAssessment(RiskClass.Input, "keyboard", $"pressing {press.Keys}");
                }

            case PressKeyAction press:
                return new RiskAssessment(RiskClass.Input, "keyboard", $"pressing {press.Keys}");
            case SelectOptionAction select:
                {
                    var el = ResolveTarget(select.Target, observation);
                    return new RiskAssessment(RiskClass.Input, "input", $"choosing \"{Trim(select.Option)}\"") { Target = el, TargetText = el is null ? select.Target.Description : TargetTextOf(el, select.Target), Value = select.Option };
                }

            case DragAction drag:
                return new RiskAssessment(RiskClass.Input, "drag", "dragging") { Target = ResolveTarget(drag.From, observation), TargetText = drag.From.Description };
            case UploadFileAction upload:
                return new RiskAssessment(RiskClass.Egress, "upload", $"uploading {Path.GetFileName(upload.FilePath)}") { Target = ResolveTarget(upload.Target, observation), TargetText = upload.Target.Description, Value = upload.FilePath };
            case NavigateAction nav:
                {
                    var dest = DomainPattern.Resolve(nav.Url, observation.Url);
                    return IsDownload(dest)
                        ? new RiskAssessment(RiskClass.Egress, "download", $"downloading {dest}") { DestinationUrl = dest, TargetText = nav.Url }
                        : new RiskAssessment(RiskClass.Navigation, "navigation", $"going to {dest}") { DestinationUrl = dest, TargetText = nav.Url };
                }

            case GoBackAction:
                return new RiskAssessment(RiskClass.Navigation, "navigation", "going back");
            case HoverAction hover:
                return new RiskAssessment(RiskClass.Read, "read", "hovering") { Target = ResolveTarget(hover.Target, observation) };
            case SelectTextAction select:
                return new RiskAssessment(RiskClass.Read, "read", "selecting text") { Target = ResolveTarget(select.Target, observation) };
            default:
                return new RiskAssessment(RiskClass.Read, "read", $"{action.Kind} does not change anything");
        }
    }

    private RiskAssessment ClassifyPress(UiElement? element, ActionTarget target, Observation observation)
    {
        var text = element is null ? target.Description : TargetTextOf(element, target);
        if (IsDestructiveText(text))
        {
            return new RiskAssessment(RiskClass.Destructive, "destructive-verb", $"\"{Trim(text)}\" reads like a destructive action") { Target = element, TargetText = text };
        }

        if (element?.Href is { Length: > 0 } href && !href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) && !href.StartsWith('#'))
        {
            var dest = DomainPattern.Resolve(href, observation.Url);
            var pageHost = DomainPattern.HostOf(observation.Url);
            var destHost = DomainPattern.HostOf(dest);
            if (IsDownload(dest))
            {
                return new RiskAssessment(RiskClass.Egress, "download", $"the link downloads {dest}") { Target = element, TargetText = text, DestinationUrl = dest };
            }

            return destHost is not null && !string.Equals(destHost, pageHost, StringComparison.OrdinalIgnoreCase)
                ? new RiskAssessment(RiskClass.Navigation, "off-domain-link", $"the link leaves {pageHost} for {destHost}") { Target = element, TargetText = text, DestinationUrl = dest }
                : new RiskAssessment(RiskClass.Navigation, "link", $"following the link \"{Trim(text)}\"") { Target = element, TargetText = text, DestinationUrl = dest };
        }

        if (element is { SubmitsGetForm: true, SubmitsForm: false })
        {
            // What it does, not what it says: a GET form only opens a page ("File a refund" opening the refund form).
            return new RiskAssessment(RiskClass.Navigation, "get-form", $"\"{Trim(text)}\" submits a form by GET: it only opens a page") { Target = element, TargetText = text };
        }

        if (element?.SubmitsForm == true)
        {
            return new RiskAssessment(RiskClass.Submit, "form-submit", $"\"{Trim(text)}\" submits a form") { Target = element, TargetText = text };
        }

        if (IrreversibleVerbs().IsMatch(text))
        {
            return new RiskAssessment(RiskClass.Submit, "irreversible-verb", $"\"{Trim(text)}\" reads like an irreversible action") { Target = element, TargetText = text };
        }

        if (element is not null && (element.Role is "checkbox" or "radio" or "switch" or "combobox" or "option" or "textbox" or "searchbox" or "slider" or "spinbutton" or "tab" or "button" or "menuitem"
            || element.InputType is "checkbox" or "radio"))
        {
            return new RiskAssessment(RiskClass.Input, "control", $"clicking {element.Role} \"{Trim(text)}\"") { Target = element, TargetText = text };
        }

        return new RiskAssessment(RiskClass.Read, "click", $"clicking \"{Trim(text)}\"") { Target = element, TargetText = text };
    }

    private Verdict ApplyPatterns(Verdict classVerdict, RiskAssessment a, ProposedAction proposal, Observation observation)
    {
        var verdict = classVerdict;
        Verdict? relaxed = null;
        var tightened = false;
        foreach (var rule in Policy.Patterns)
        {
            if (!rule.AppliesToClass(classVerdict.Risk))
            {
                continue;
            }

            var subject = rule.On switch
            {
                PatternScope.PageText => observation.VisibleText,
                PatternScope.Url => a.DestinationUrl is null ? observation.Url : observation.Url + "\n" + a.DestinationUrl,
                PatternScope.Value => a.Value ?? "",
                _ => string.Join('\n', new[] { a.TargetText, proposal.Action.PrimaryTarget?.Description }.Where(s => !string.IsNullOrEmpty(s))),
            };
            var m = rule.Pattern.Match(subject ?? "");
            if (!m.Success)
            {
                continue;
            }

            var risk = rule.Risk ?? classVerdict.Risk;
            var reason = rule.Reason ?? $"{ScopeWord(rule.On)} matches \"{Trim(m.Value)}\"";
            var v = new Verdict(rule.Verdict, risk, $"patterns.{rule.Name}", reason);
            if (rule.Verdict == VerdictKind.Allow)
            {
                relaxed ??= v;
            }
            else
            {
                tightened = true;
                verdict = Stricter(verdict, v, preferNewOnTie: verdict == classVerdict);
            }
        }

        // An allow pattern relaxes the class rule only when no stricter pattern fired.
        return relaxed is not null && !tightened && classVerdict.Rule.StartsWith("actions.", StringComparison.Ordinal) ? relaxed : verdict;
    }

    private Verdict? CheckLimits(ProposedAction proposal)
    {
        var limits = Policy.Limits;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _firstAt ??= now;
            _steps++;
            _spent += proposal.Usage.Cost;
            if (limits.MaxSteps is { } max && _steps > max)
            {
                return new Verdict(VerdictKind.Deny, RiskClass.Read, "limits.max_steps", $"the policy allows at most {max} actions per run; finish with done or fail");
            }

            if (limits.MaxTime is { } maxTime && now - _firstAt.Value > maxTime)
            {
                return new Verdict(VerdictKind.Deny, RiskClass.Read, "limits.max_time", $"the policy allows at most {maxTime} per run; finish with done or fail");
            }

            if (limits.Budget is { } budget && _spent > budget)
            {
                return new Verdict(VerdictKind.Deny, RiskClass.Read, "limits.budget",
                    FormattableString.Invariant($"the model budget of {budget:0.####} is spent ({_spent:0.####}); finish with done or fail"));
            }
        }

        return null;
    }

    private InjectionAttempt? DetectInjection(Observation observation)
    {
        var text = observation.VisibleText;
        var attempt = _detector.Detect(observation.Url, text, _time.GetUtcNow());
        if (attempt is null)
        {
            return null;
        }

        var key = observation.Url + "\n" + string.Join(",", attempt.Markers) + "\n" + attempt.Excerpt;
        if (key != _lastInjectionKey)
        {
            _lastInjectionKey = key;
            _logger.LogWarning("Possible prompt injection on {Url}: {Markers}", observation.Url, string.Join(", ", attempt.Markers));
            InjectionDetected?.Invoke(attempt);
        }

        return attempt;
    }

    private bool InUploadFolder(string path)
    {
        if (Policy.UploadFolders.Count == 0)
        {
            return false;
        }

        var full = Path.GetFullPath(path);
        return Policy.UploadFolders.Any(folder =>
        {
            var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
            return full.StartsWith(root, StringComparison.Ordinal);
        });
    }

    /// <summary>The stricter of two verdicts (deny over approval over allow); on a tie the first, unless told otherwise.</summary>
    private static Verdict Stricter(Verdict current, Verdict candidate, bool preferNewOnTie = false)
    {
        var c = Rank(current.Kind);
        var n = Rank(candidate.Kind);
        return n > c || n == c && preferNewOnTie ? candidate : current;
    }

    private static int Rank(VerdictKind kind) => kind switch
    {
        VerdictKind.Deny => 2,
        VerdictKind.RequireApproval => 1,
        _ => 0,
    };

    private string Allowed() => Policy.Domains.Allowed.Count == 0 ? "any not denied" : string.Join(", ", Policy.Domains.Allowed);

    private static string ClassReason(RiskAssessment a) => a.Reason;

    /// <summary>The YAML key of an action class (credential_entry, not CredentialEntry).</summary>
    public static string ClassKey(RiskClass risk) => risk switch
    {
        RiskClass.CredentialEntry => "credential_entry",
        _ => risk.ToString().ToLowerInvariant(),
    };

    private static string ScopeWord(PatternScope scope) => scope switch
    {
        PatternScope.PageText => "the page text",
        PatternScope.Url => "the URL",
        PatternScope.Value => "the value",
        _ => "the target",
    };

    private static bool IsEnter(string keys) => keys.EndsWith("Enter", StringComparison.OrdinalIgnoreCase);

    private static bool IsDestructiveText(string text) => DestructiveVerbs().IsMatch(text);

    private static bool IsDownload(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var u))
        {
            return false;
        }

        var path = u.AbsolutePath;
        return DownloadExtensions.Any(ext => path.EndsWith(ext, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// What pressing Enter in <paramref name="field"/> would submit: a control that submits a form (Enter in any of its
    /// fields, or on the control, submits it); the field itself when it belongs to a form that posts (implicit submission,
    /// even with no submit button); else, when the page has a text field, a button whose label reads irreversible or
    /// destructive (a script-driven "Pay" that Enter in the field triggers). Null when Enter looks harmless.
    /// </summary>
    private static UiElement? EnterSubmitTarget(Observation observation, UiElement? field)
    {
        var submit = observation.Elements.FirstOrDefault(e => e.SubmitsForm && !e.Disabled);
        if (submit is not null)
        {
            return submit;
        }

        if (field is { EnterSubmits: true })
        {
            return field;
        }

        if (field is null && Focused(observation) is null)
        {
            return null;
        }

        return observation.Elements.FirstOrDefault(e => e.Role == "button" && !e.Disabled &&
            (IrreversibleVerbs().IsMatch(TargetTextOf(e, null)) || IsDestructiveText(TargetTextOf(e, null))));
    }

    private static UiElement? Focused(Observation observation) =>
        observation.Elements.FirstOrDefault(e => e.IsFocused) ??
        observation.Elements.FirstOrDefault(e => e.Role is "textbox" or "searchbox" && e.InputType is not null);

    private static UiElement? ResolveTarget(ActionTarget target, Observation observation)
    {
        if (target.ElementId is { } id)
        {
            return observation.Find(id);
        }

        if (target.Point is { } p)
        {
            var css = observation.Geometry.ToCss(p);
            // The smallest element under the point is what receives the click.
            return observation.Elements.Where(e => e.Bounds.Contains(css.X, css.Y)).MinBy(e => e.Bounds.Area);
        }

        return null;
    }

    private static string TargetTextOf(UiElement element, ActionTarget? target) =>
        string.Join(' ', new[]
        {
            element.Label,
            element.Text != element.Label ? element.Text : null,
            element.Value is { } v && element.InputType is "submit" or "button" ? v : null,
            target?.Description,
        }.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal));

    private static string Trim(string s)
    {
        s = s.ReplaceLineEndings(" ").Trim();
        return s.Length <= 60 ? s : s[..57].Trim() + "…";
    }

    [GeneratedRegex(@"\b(delete|remove|erase|destroy|cancel\s+(order|subscription|account|booking|payment)|close\s+account|deactivate|terminate|transfer|wipe|purge|revoke|drop|discard|reset\s+all)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DestructiveVerbs();

    [GeneratedRegex(@"\b(submit|pay|send|confirm|place\s+order|purchase|buy|checkout|check\s+out|approve|publish|sign\s+up|register|file\s+refund|refund|order\s+now|save|post)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IrreversibleVerbs();
}
