using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Text;

namespace ActionAgent.Core.Approval;

/// <summary>
/// A SHA-256 (64 hex digits) of what an approval releases: the action kind and its parameters, the target as perceived
/// (role, name, frame, link target — not the volatile element id), hashes of typed values, the page's origin and path
/// (no query or fragment) and the policy hash. Equal fingerprints mean the same action on the same page under the same policy.
/// </summary>
public sealed record ActionFingerprint(string Value)
{
    /// <summary>The version of the canonical form that is hashed; a change of what is covered changes it.</summary>
    public const int Version = 1;

    /// <summary>The first 16 hex digits, as used in idempotency keys and shown to people.</summary>
    public string Short => Value[..16];

    /// <summary>The fingerprint of the action a request holds.</summary>
    public static ActionFingerprint Of(ApprovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Of(request.Proposal, request.TargetElement, request.Url, request.PolicyHash);
    }

    /// <summary>
    /// The fingerprint of <paramref name="proposal"/> on <paramref name="target"/> (as perceived) at <paramref name="url"/>
    /// under the policy with <paramref name="policyHash"/>: also what makes a proposal "the action a reviewer refused".
    /// </summary>
    public static ActionFingerprint Of(ProposedAction proposal, UiElement? target, string url, string policyHash)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var canonical = new Canonical();
        canonical.Add("v", Version.ToString(CultureInfo.InvariantCulture));
        var action = proposal.Action;
        canonical.Add("kind", action.Kind);
        AddTarget(canonical, "target", action.PrimaryTarget, target);
        AddParameters(canonical, action);
        if (action.OnDialog is { } reply)
        {
            // Accepting or dismissing what the action raises are different releases (the confirm of a delete); only
            // present when set, so the fingerprints of actions without one are unchanged.
            canonical.Add("dialog", reply.Accept ? "accept" : "dismiss");
            canonical.Add("dialog.text", reply.Text is null ? "" : HashOf(reply.Text));
        }

        var (origin, path) = PageOf(url);
        canonical.Add("page.origin", origin);
        canonical.Add("page.path", path);
        canonical.Add("policy", policyHash ?? "");
        return new ActionFingerprint(Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()))));
    }

    /// <summary>The SHA-256 of a value as 64 lower-case hex digits, so the value itself is never part of the canonical text.</summary>
    public static string HashOf(string value) => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(value ?? "")));

    /// <summary>The page's origin (scheme://host[:port], lower case) and path without query or fragment.</summary>
    public static (string Origin, string Path) PageOf(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host))
        {
            return (uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant(), uri.AbsolutePath);
        }

        // Not a hierarchical URL (about:blank, data:, file without host): keep all of it but the query and fragment.
        var end = (url ?? "").IndexOfAny(['?', '#']);
        return ("", end < 0 ? url ?? "" : url![..end]);
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    private static void AddTarget(Canonical canonical, string name, ActionTarget? target, UiElement? element)
    {
        if (element is not null)
        {
            canonical.Add($"{name}.role", element.Role);
            canonical.Add($"{name}.name", WhiteSpace.Collapse(element.Label));
            canonical.Add($"{name}.frame", element.FramePath);
            canonical.Add($"{name}.href", element.Href ?? "");
            canonical.Add($"{name}.input", element.InputType ?? "");
            return;
        }

        if (target is null)
        {
            canonical.Add(name, "none");
            return;
        }

        // No perceived element: the point (rounded to whole pixels) or the id, and what the decider said it meant.
        canonical.Add($"{name}.point", target.Point is { } p
            ? FormattableString.Invariant($"{Math.Round(p.X)},{Math.Round(p.Y)},{p.Space}")
            : "");
        canonical.Add($"{name}.element", target.ElementId?.ToString(CultureInfo.InvariantCulture) ?? "");
        canonical.Add($"{name}.description", WhiteSpace.Collapse(target.Description));
    }

    private static void AddParameters(Canonical canonical, BrowserAction action)
    {
        switch (action)
        {
            case ClickAction c:
                canonical.Add("button", c.Button.ToString());
                canonical.Add("count", c.ClickCount.ToString(CultureInfo.InvariantCulture));
                if (c.Modifiers is { Length: > 0 } held)
                {
                    canonical.Add("modifiers", held);
                }

                break;
            case TypeTextAction t:
                canonical.Add("value.sha256", HashOf(t.Text));
                canonical.Add("clear", t.ClearFirst ? "1" : "0");
                canonical.Add("enter", t.PressEnter ? "1" : "0");
                break;
            case PressKeyAction k:
                canonical.Add("keys", k.Keys);
                break;
            case ScrollAction s:
                canonical.Add("delta", FormattableString.Invariant($"{Math.Round(s.DeltaX)},{Math.Round(s.DeltaY)}"));
                break;
            case DragAction d:
                AddTarget(canonical, "to", d.To, null);
                break;
            case SelectOptionAction s:
                canonical.Add("value.sha256", HashOf(s.Option));
                break;
            case SelectTextAction t:
                canonical.Add("value.sha256", HashOf(t.Text));
                break;
            case UploadFileAction u:
                canonical.Add("value.sha256", HashOf(u.FilePath));
                break;
            case NavigateAction n:
                canonical.Add("url.sha256", HashOf(n.Url));
                break;
            case WaitAction w:
                canonical.Add("wait", FormattableString.Invariant($"{w.Duration.TotalMilliseconds:0}"));
                canonical.Add("until.sha256", HashOf(w.UntilText ?? ""));
                break;
            case HoverAction or GoBackAction:
                break;
            default:
                // Terminal actions are never held for approval; should one be, its whole description decides.
                canonical.Add("describe.sha256", HashOf(action.Describe()));
                break;
        }
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Name/value lines with length prefixes, so no value can imitate another field.</summary>
    private sealed class Canonical
    {
        private readonly StringBuilder _text = new();

        public void Add(string name, string value) =>
            _text.Append(name).Append('=').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');

        public override string ToString() => _text.ToString();
    }
}
