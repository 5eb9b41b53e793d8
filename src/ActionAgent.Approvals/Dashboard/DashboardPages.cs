using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using ActionAgent.Approvals.Store;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Dashboard;

/// <summary>Server-rendered HTML of the dashboard. Everything that comes from the store or the page is made inert and HTML-encoded.</summary>
internal static class DashboardPages
{
    public static string Pending(IReadOnlyList<StoredApproval> pending, string reviewer, string? csrf, DateTimeOffset now, TimeSpan refresh)
    {
        var sb = new StringBuilder();
        sb.Append("<section class=\"panel\"><header class=\"panel-head\"><h1>Pending approvals</h1>")
          .Append("<span class=\"live\" id=\"live\" aria-live=\"polite\"><span class=\"dot\"></span>live · updated <time id=\"updated\">")
          .Append(E(Clock(now))).Append("</time></span></header>");
        sb.Append("<table class=\"list\" id=\"pending\"><thead><tr><th>#</th><th>Action</th><th>Risk</th><th>Rule</th><th>Page</th><th>Waiting</th><th>Expires</th></tr></thead><tbody>");
        foreach (var a in pending)
        {
            sb.Append(Row(a, now));
        }

        sb.Append("</tbody></table>");
        sb.Append("<p class=\"empty\" id=\"empty\"").Append(pending.Count == 0 ? "" : " hidden").Append(">Nothing is waiting for a reviewer. New requests appear here by themselves.</p>");
        sb.Append("</section>");
        return Layout("Pending approvals", sb.ToString(), reviewer, csrf, pending.Count, "pending",
            $" data-refresh=\"{(int)refresh.TotalMilliseconds}\"");
    }

    public static string History(IReadOnlyList<StoredApproval> decided, int pendingCount, string reviewer, string? csrf)
    {
        var sb = new StringBuilder();
        sb.Append("<section class=\"panel\"><header class=\"panel-head\"><h1>History</h1><span class=\"muted\">")
          .Append(decided.Count.ToString(CultureInfo.InvariantCulture)).Append(" decided</span></header>");
        if (decided.Count == 0)
        {
            sb.Append("<p class=\"empty\">No decisions yet.</p>");
        }
        else
        {
            sb.Append("<table class=\"list\"><thead><tr><th>#</th><th>Action</th><th>Run</th><th>Page</th><th>Risk</th><th>Outcome</th><th>By</th><th>When</th><th>Executed</th></tr></thead><tbody>");
            foreach (var a in decided)
            {
                sb.Append("<tr><td class=\"id\"><a href=\"/approvals/").Append(a.Id).Append("\">").Append(a.Id).Append("</a></td>")
                  .Append("<td><a class=\"action\" href=\"/approvals/").Append(a.Id).Append("\">").Append(E(a.ActionSummary)).Append("</a>")
                  .Append("<div class=\"sub\">").Append(E(a.Comment ?? "")).Append("</div></td>")
                  .Append("<td class=\"run\"><code>").Append(E($"{a.RunId}:{a.Step.ToString(CultureInfo.InvariantCulture)}")).Append("</code>")
                  .Append("<div class=\"sub\">").Append(E(a.Task)).Append("</div></td>")
                  .Append("<td class=\"url\">").Append(E(PageOf(a.Url))).Append("</td>")
                  .Append("<td>").Append(RiskBadge(a.Risk)).Append("</td>")
                  .Append("<td>").Append(StatusBadge(a.Status)).Append("</td>")
                  .Append("<td>").Append(E(a.Reviewer ?? "")).Append("</td>")
                  .Append("<td class=\"nowrap\">").Append(a.DecidedAt is { } d ? E(Stamp(d)) : "").Append("</td>")
                  .Append("<td class=\"nowrap\">").Append(a.ExecutedAt is { } x ? E(Stamp(x)) : "<span class=\"muted\">—</span>").Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        sb.Append("</section>");
        return Layout("History", sb.ToString(), reviewer, csrf, pendingCount, "history", "");
    }

    public static string Detail(StoredApproval a, int pendingCount, string reviewer, string? csrf, DateTimeOffset now, string? error, string? notice)
    {
        var sb = new StringBuilder();
        sb.Append("<p class=\"crumbs\"><a href=\"/approvals\">← Pending</a></p>");
        if (error is not null)
        {
            sb.Append("<div class=\"banner error\" role=\"alert\">").Append(E(error)).Append("</div>");
        }
        else if (notice is not null && a.Status != ApprovalStatus.Pending)
        {
            sb.Append("<div class=\"banner ok\" role=\"status\">You ").Append(E(notice)).Append(" this action.</div>");
        }

        sb.Append("<section class=\"detail\"><div class=\"shot-col\">");
        if (a.ScreenshotWidth > 0)
        {
            var w = a.ScreenshotWidth.ToString(CultureInfo.InvariantCulture);
            var h = a.ScreenshotHeight.ToString(CultureInfo.InvariantCulture);
            sb.Append("<figure class=\"shot\"><div class=\"shot-frame\" id=\"shot-frame\" title=\"Click to zoom\"><img src=\"/approvals/").Append(a.Id)
              .Append("/screenshot\" width=\"").Append(w).Append("\" height=\"").Append(h)
              .Append("\" alt=\"The page when the action was proposed\">");
            if (a.TargetBox is { } box)
            {
                var pad = 4.0;
                sb.Append("<svg class=\"overlay\" viewBox=\"0 0 ").Append(w).Append(' ').Append(h)
                  .Append("\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"target-box\" x=\"").Append(N(box.X - pad))
                  .Append("\" y=\"").Append(N(box.Y - pad)).Append("\" width=\"").Append(N(box.Width + 2 * pad)).Append("\" height=\"").Append(N(box.Height + 2 * pad))
                  .Append("\" rx=\"6\"/></svg>");
            }

            sb.Append("</div><figcaption>")
              .Append(a.TargetBox is null ? "No target box was recorded for this action." : $"The highlighted box is the target: <strong>{E(a.TargetLabel)}</strong>")
              .Append(" <span class=\"muted\">Click the screenshot to zoom.</span>")
              .Append(a.HasMarksScreenshot ? $" <a id=\"marks-link\" href=\"/approvals/{a.Id}/marks\" target=\"_blank\" rel=\"noopener\">Numbered marks the agent saw ↗</a>" : "")
              .Append("</figcaption></figure>");
        }
        else
        {
            sb.Append("<div class=\"noshot\">No screenshot was recorded for this request.</div>");
        }

        sb.Append("</div><div class=\"facts-col\">");
        sb.Append("<header class=\"detail-head\"><h1>").Append(E(Title(a))).Append("</h1><div class=\"badges\">")
          .Append(StatusBadge(a.Status)).Append(RiskBadge(a.Risk)).Append("</div></header>");
        sb.Append("<dl class=\"facts\">");
        Fact(sb, "Action", $"<code>{E(a.ActionSummary)}</code>");
        Fact(sb, "Target", E(a.TargetLabel.Length > 0 ? a.TargetLabel : "—"));
        if (a.ActionValue is { } value)
        {
            Fact(sb, a.ActionKind switch { "type" => "Text to type", "navigate" => "Destination", "select" => "Option", "upload" => "File", _ => "Value" },
                $"<code class=\"value\">{E(value)}</code>");
        }

        Fact(sb, "Page", $"<span class=\"url\">{E(a.Url)}</span>");
        sb.Append("</dl>");
        if (a.FormFields.Count > 0)
        {
            sb.Append(FieldsTable(a.FormFields));
        }

        sb.Append("<dl class=\"facts\">");
        Fact(sb, "Rule", $"<code>{E(a.Rule)}</code>");
        Fact(sb, "Why held", E(a.Reason));
        if (a.ProposalReason.Length > 0)
        {
            Fact(sb, "Agent's reason", E(a.ProposalReason));
        }

        if (a.Task.Length > 0)
        {
            Fact(sb, "Task", E(a.Task));
        }

        Fact(sb, "Run", $"<code>{E(a.RunId)}</code> step {a.Step.ToString(CultureInfo.InvariantCulture)}");
        Fact(sb, "Requested", $"{E(Stamp(a.CreatedAt))} <span class=\"muted\">({E(Ago(now - a.CreatedAt))} ago)</span>");
        if (a.Status == ApprovalStatus.Pending)
        {
            Fact(sb, "Expires", $"{E(Stamp(a.ExpiresAt))} <span class=\"muted\">(in {E(Ago(a.ExpiresAt - now))}, then {E(a.OnTimeout == ApprovalTimeoutBehavior.Reject ? "rejected" : "expired")})</span>");
        }

        sb.Append("</dl>");
        if (a.Status == ApprovalStatus.Pending && csrf is not null)
        {
            sb.Append("<div class=\"decide\" data-approval=\"").Append(a.Id).Append("\">");
            sb.Append("<form method=\"post\" action=\"/approvals/").Append(a.Id).Append("/decision\" class=\"approve-form\">")
              .Append(Csrf(csrf)).Append("<input type=\"hidden\" name=\"decision\" value=\"approve\">")
              .Append("<label for=\"approve-comment\">Comment <span class=\"muted\">(optional)</span></label>")
              .Append("<textarea id=\"approve-comment\" name=\"comment\" rows=\"2\" maxlength=\"2000\"></textarea>");
            if (a.ActionKind == "type")
            {
                sb.Append("<label class=\"check\"><input type=\"checkbox\" name=\"edit\" id=\"edit\"> Type a different value</label>")
                  .Append("<input type=\"text\" name=\"value\" id=\"value\" class=\"mono\" value=\"").Append(E(a.ActionValue ?? "")).Append("\" aria-label=\"Value to type instead\">");
            }

            sb.Append("<button type=\"submit\" class=\"btn approve\">Approve</button></form>");
            sb.Append("<form method=\"post\" action=\"/approvals/").Append(a.Id).Append("/decision\" class=\"reject-form\">")
              .Append(Csrf(csrf)).Append("<input type=\"hidden\" name=\"decision\" value=\"reject\">")
              .Append("<label for=\"reject-reason\">Reason <span class=\"muted\">(sent back to the agent)</span></label>")
              .Append("<textarea id=\"reject-reason\" name=\"comment\" rows=\"2\" maxlength=\"2000\" required></textarea>")
              .Append("<button type=\"submit\" class=\"btn reject\">Reject</button></form>");
            sb.Append("</div>");
        }
        else if (a.Status != ApprovalStatus.Pending)
        {
            sb.Append("<div class=\"outcome ").Append(SqliteApprovalStore.StatusWord(a.Status)).Append("\"><strong>")
              .Append(E(Outcome(a))).Append("</strong>");
            if (a.Comment is { Length: > 0 } c)
            {
                sb.Append("<p>").Append(E(c)).Append("</p>");
            }

            if (a.EditedValue is { } edited)
            {
                sb.Append("<p>Edited value: <code class=\"value\">").Append(E(edited)).Append("</code></p>");
            }

            sb.Append(a.ExecutedAt is { } x ? $"<p class=\"muted\">Executed at {E(Stamp(x))}.</p>" : a.Status == ApprovalStatus.Approved ? "<p class=\"muted\">Not executed yet.</p>" : "");
            sb.Append("</div>");
        }

        sb.Append("</div></section>");
        return Layout($"#{a.Id} {Title(a)}", sb.ToString(), reviewer, csrf, pendingCount, "detail",
            a.Status == ApprovalStatus.Pending ? $" data-watch=\"{a.Id}\"" : "");
    }

    public static string Login(string? why) => Bare("Log in", $"""
        <section class="panel login"><h1>Reviewer login</h1>
        {(why is null ? "" : $"<div class=\"banner error\" role=\"alert\">{E(why)}</div>")}
        <p>Open the link you were given, or append <code>?token=YOUR_TOKEN</code> to this address. Tokens come from <code>ACTIONAGENT_REVIEWER_TOKENS</code>.</p>
        </section>
        """);

    public static string LoggedOut() => Bare("Logged out", "<section class=\"panel login\"><h1>Logged out</h1><p>Log in again with your token link.</p></section>");

    public static string Message(string title, string message, string? reviewer, string? csrf) =>
        reviewer is null
            ? Bare(title, $"<section class=\"panel\"><h1>{E(title)}</h1><p>{E(message)}</p><p><a href=\"/approvals\">Back to pending approvals</a></p></section>")
            : Layout(title, $"<section class=\"panel\"><h1>{E(title)}</h1><p>{E(message)}</p><p><a href=\"/approvals\">Back to pending approvals</a></p></section>", reviewer, csrf, null, "", "");

    /// <summary>"This will submit:" — the fields and values the held action's form sends (masked ones as stored).</summary>
    private static string FieldsTable(IReadOnlyList<FormFieldValue> fields)
    {
        var sb = new StringBuilder();
        sb.Append("<section class=\"submits\" id=\"submits\"><h2>This will submit:</h2><table class=\"list fields\"><thead><tr><th>Field</th><th>Value</th></tr></thead><tbody>");
        foreach (var f in fields)
        {
            sb.Append("<tr><td>").Append(E(f.Label)).Append(" <span class=\"muted\">").Append(E(f.Type)).Append("</span></td><td>")
              .Append(f.Masked ? "<span class=\"masked\" title=\"hidden: a password or secret\">" + E(FormFieldValue.MaskedValue) + "</span>" : $"<code class=\"value\">{E(f.Value)}</code>")
              .Append("</td></tr>");
        }

        sb.Append("</tbody></table></section>");
        return sb.ToString();
    }

    private static string Row(StoredApproval a, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        sb.Append("<tr data-id=\"").Append(a.Id).Append("\"><td class=\"id\"><a href=\"/approvals/").Append(a.Id).Append("\">").Append(a.Id).Append("</a></td>")
          .Append("<td><a class=\"action\" href=\"/approvals/").Append(a.Id).Append("\">").Append(E(a.ActionSummary)).Append("</a>")
          .Append("<div class=\"sub\">").Append(E(a.Reason)).Append("</div></td>")
          .Append("<td>").Append(RiskBadge(a.Risk)).Append("</td>")
          .Append("<td><code>").Append(E(a.Rule)).Append("</code></td>")
          .Append("<td class=\"url\">").Append(E(a.Url)).Append("</td>")
          .Append("<td class=\"nowrap\">").Append(E(Ago(now - a.CreatedAt))).Append("</td>")
          .Append("<td class=\"nowrap\">").Append(E(Ago(a.ExpiresAt - now))).Append("</td></tr>");
        return sb.ToString();
    }

    private static string Layout(string title, string body, string reviewer, string? csrf, int? pendingCount, string page, string bodyAttributes)
    {
        var count = pendingCount is { } n ? $" <span class=\"count\" id=\"pending-count\">{n.ToString(CultureInfo.InvariantCulture)}</span>" : "";
        var logout = csrf is null ? "" : $"<form method=\"post\" action=\"/logout\" class=\"logout\">{Csrf(csrf)}<button type=\"submit\" class=\"link\">Log out</button></form>";
        return $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} · ActionAgent approvals</title><link rel="stylesheet" href="/static/dashboard.css"></head>
            <body data-page="{page}"{bodyAttributes}>
            <nav class="top"><a class="brand" href="/approvals"><span class="logo">◆</span> ActionAgent <span class="muted">approvals</span></a>
            <a class="tab{(page is "pending" ? " on" : "")}" href="/approvals">Pending{count}</a>
            <a class="tab{(page is "history" ? " on" : "")}" href="/history">History</a>
            <span class="who">Signed in as <strong>{E(reviewer)}</strong>{logout}</span></nav>
            <main>{body}</main>
            <script src="/static/dashboard.js"></script>
            </body></html>
            """;
    }

    private static string Bare(string title, string body) => $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)} · ActionAgent approvals</title><link rel="stylesheet" href="/static/dashboard.css"></head>
        <body><nav class="top"><span class="brand"><span class="logo">◆</span> ActionAgent <span class="muted">approvals</span></span></nav><main>{body}</main></body></html>
        """;

    private static void Fact(StringBuilder sb, string name, string html) =>
        sb.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(html).Append("</dd>");

    private static string Csrf(string csrf) => $"<input type=\"hidden\" name=\"csrf\" value=\"{E(csrf)}\">";

    private static string RiskBadge(RiskClass risk) =>
        $"<span class=\"badge risk-{PolicyEngine.ClassKey(risk)}\">{E(PolicyEngine.ClassKey(risk).Replace('_', ' '))}</span>";

    private static string StatusBadge(ApprovalStatus status) =>
        $"<span class=\"badge status-{SqliteApprovalStore.StatusWord(status)}\">{SqliteApprovalStore.StatusWord(status)}</span>";

    private static string Title(StoredApproval a) => a.ActionKind switch
    {
        "type" => $"Type into {Short(a.TargetLabel)}",
        "navigate" => "Navigate",
        "upload" => "Upload a file",
        _ => $"{char.ToUpperInvariant(a.ActionKind[0])}{a.ActionKind[1..].Replace('_', ' ')} {Short(a.TargetLabel)}".Trim(),
    };

    private static string Outcome(StoredApproval a) => a.Status switch
    {
        ApprovalStatus.Approved => $"Approved by {a.Reviewer} at {(a.DecidedAt is { } d ? Stamp(d) : "?")}",
        ApprovalStatus.Rejected => $"Rejected by {a.Reviewer} at {(a.DecidedAt is { } d ? Stamp(d) : "?")}",
        ApprovalStatus.Expired => $"Expired at {(a.DecidedAt is { } d ? Stamp(d) : Stamp(a.ExpiresAt))}: nobody decided in time",
        _ => "Orphaned: the agent is gone; this action will never run",
    };

    /// <summary>The page without query or fragment: what a reviewer needs to know where, without tokens or ids from the query.</summary>
    internal static string PageOf(string url)
    {
        var cut = url.IndexOfAny(['?', '#']);
        return cut < 0 ? url : url[..cut];
    }

    private static string Short(string s) => s.Length == 0 ? "" : s.Length <= 40 ? $"\"{s}\"" : $"\"{s[..39]}…\"";

    // HTML-encoding alone is not enough: &#x202E; still reverses the text, so control and bidi characters are shown escaped first.
    private static string E(string s) => HtmlEncoder.Default.Encode(InertText.Line(s));

    private static string N(double d) => Math.Max(0, d).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Clock(DateTimeOffset t) => t.UtcDateTime.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static string Ago(TimeSpan t) => t.TotalSeconds < 0 ? "0s"
        : t.TotalMinutes < 1 ? $"{(int)t.TotalSeconds}s"
        : t.TotalHours < 1 ? $"{(int)t.TotalMinutes}m {t.Seconds}s"
        : t.TotalDays < 1 ? $"{(int)t.TotalHours}h {t.Minutes}m" : $"{(int)t.TotalDays}d";
}
