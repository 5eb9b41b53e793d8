using System.Text.RegularExpressions;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Policy;

/// <summary>
/// The minimal built-in policy: clicks (and Enter presses) that submit a form, or whose target reads like an
/// irreversible verb, need approval; destructive verbs are classed Destructive; everything else is allowed.
/// </summary>
public sealed partial class IrreversibleActionPolicy : IActionPolicy
{
    [GeneratedRegex(@"\b(delete|remove|erase|destroy|cancel\s+(order|subscription|account)|transfer|wipe|purge|revoke)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DestructiveVerbs();

    [GeneratedRegex(@"\b(submit|pay|send|confirm|place\s+order|purchase|buy|checkout|check\s+out|approve|publish|sign\s+up|order\s+now)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IrreversibleVerbs();

    // Forms whose submission changes nothing on the server (signing in, searching, filtering) need no reviewer.
    [GeneratedRegex(@"^\s*(sign\s*in|log\s*in|login|search|find|filter|apply\s+filters?|go|next|continue)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex HarmlessSubmits();

    /// <inheritdoc />
    public Verdict Evaluate(ProposedAction proposal, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(observation);
        switch (proposal.Action)
        {
            case ClickAction click when click.Button == MouseButtonKind.Left:
                return EvaluatePress(Describe(click.Target, observation), ElementOf(click.Target, observation));
            case PressKeyAction press when press.Keys.EndsWith("Enter", StringComparison.OrdinalIgnoreCase):
                // Enter in a single-line field submits its form.
                var focused = observation.Elements.FirstOrDefault(e => e.Role is "textbox" or "searchbox" && e.InputType is not null);
                return focused is not null && observation.Elements.Any(e => e.SubmitsForm)
                    ? EvaluatePress(string.Join(' ', observation.Elements.Where(e => e.SubmitsForm).Select(e => e.Label)), null, viaEnter: true)
                    : Verdict.Allow(RiskClass.Input, "keyboard");
            case TypeTextAction type:
                var field = type.Target is null ? null : ElementOf(type.Target, observation);
                return field?.IsSecret == true || field?.InputType == "password"
                    ? Verdict.Allow(RiskClass.CredentialEntry, "credential-field", "typing into a credential field")
                    : Verdict.Allow(RiskClass.Input, "input");
            case SelectOptionAction:
                return Verdict.Allow(RiskClass.Input, "input");
            case NavigateAction or GoBackAction:
                return Verdict.Allow(RiskClass.Navigation, "navigation");
            case UploadFileAction:
                return Verdict.Allow(RiskClass.Egress, "upload", "upload from an allow-listed folder");
            default:
                return Verdict.Allow(RiskClass.Read, "read");
        }
    }

    private static Verdict EvaluatePress(string label, UiElement? element, bool viaEnter = false)
    {
        if (DestructiveVerbs().IsMatch(label))
        {
            return new Verdict(VerdictKind.RequireApproval, RiskClass.Destructive, "destructive-verb",
                $"\"{Trim(label)}\" reads like a destructive action");
        }

        if ((element?.SubmitsForm == true || viaEnter) && !HarmlessSubmits().IsMatch(element?.Label ?? label))
        {
            return new Verdict(VerdictKind.RequireApproval, RiskClass.Submit, "form-submit",
                viaEnter ? "pressing Enter submits the form" : $"\"{Trim(label)}\" submits a form");
        }

        if (IrreversibleVerbs().IsMatch(label))
        {
            return new Verdict(VerdictKind.RequireApproval, RiskClass.Submit, "irreversible-verb",
                $"\"{Trim(label)}\" reads like an irreversible action");
        }

        return Verdict.Allow(element?.Role == "link" ? RiskClass.Navigation : RiskClass.Read, "click");
    }

    private static UiElement? ElementOf(ActionTarget target, Observation observation)
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

    private static string Describe(ActionTarget target, Observation observation)
    {
        var element = ElementOf(target, observation);
        return string.Join(' ', new[] { element?.Label, element?.Text, element?.Value is { } v && element.InputType is "submit" or "button" ? v : null, target.Description }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    private static string Trim(string s) => s.Length <= 60 ? s.Trim() : s[..57].Trim() + "…";
}
