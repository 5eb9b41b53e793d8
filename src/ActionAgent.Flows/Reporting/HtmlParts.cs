using System.Globalization;
using System.Net;
using System.Text;
using ActionAgent.Core.Perception;

namespace ActionAgent.Flows.Reporting;

/// <summary>Shared pieces of the HTML reports: escaping, the style sheet, badges and screenshots with overlays.</summary>
internal static class HtmlParts
{
    public const string Style = """
        :root { --ok:#1a7f37; --ok-bg:#dafbe1; --bad:#cf222e; --bad-bg:#ffebe9; --warn:#9a6700; --warn-bg:#fff8c5; --mute:#57606a; --line:#d0d7de; --bg:#f6f8fa; --accent:#0969da; }
        * { box-sizing: border-box; }
        body { margin:0; font:14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color:#1f2328; background:var(--bg); }
        header.top { background:#1f2328; color:#fff; padding:20px 32px; }
        header.top h1 { margin:0 0 6px; font-size:20px; font-weight:600; }
        header.top .sub { color:#c9d1d9; font-size:13px; }
        header.top .sub span { margin-right:18px; }
        main { padding:24px 32px 48px; max-width:1400px; margin:0 auto; }
        h2 { font-size:16px; margin:28px 0 12px; }
        .badge { display:inline-block; padding:2px 10px; border-radius:999px; font-size:12px; font-weight:600; vertical-align:middle; }
        .b-ok { background:var(--ok-bg); color:var(--ok); } .b-bad { background:var(--bad-bg); color:var(--bad); }
        .b-warn { background:var(--warn-bg); color:var(--warn); } .b-mute { background:#eaeef2; color:var(--mute); }
        .stats { display:flex; gap:12px; flex-wrap:wrap; margin-top:14px; }
        .stat { background:rgba(255,255,255,.08); border-radius:8px; padding:8px 14px; min-width:110px; }
        .stat b { display:block; font-size:20px; } .stat small { color:#c9d1d9; }
        .card { background:#fff; border:1px solid var(--line); border-radius:10px; margin-bottom:16px; overflow:hidden; }
        .card.compact .card-h { border-bottom:none; }
        .card.failed { border-left:5px solid var(--bad); } .card.passed { border-left:5px solid var(--ok); } .card.skipped { border-left:5px solid var(--warn); }
        .card-h { padding:10px 16px; border-bottom:1px solid var(--line); display:flex; gap:10px; align-items:center; flex-wrap:wrap; }
        .card-h .num { font-weight:700; color:var(--mute); min-width:28px; }
        .card-h .act { font-family:ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size:13px; }
        .card-b { padding:14px 16px; }
        .step-grid { display:grid; grid-template-columns:minmax(0,3fr) minmax(0,2fr); gap:18px; }
        @media (max-width: 900px) { .step-grid { grid-template-columns:1fr; } }
        .shot { position:relative; border:1px solid var(--line); border-radius:6px; overflow:hidden; background:#eee; line-height:0; }
        .shot img { width:100%; height:auto; display:block; }
        .shot svg { position:absolute; inset:0; width:100%; height:100%; }
        .noshot { padding:40px; text-align:center; color:var(--mute); line-height:1.4; }
        dl.kv { display:grid; grid-template-columns:110px 1fr; gap:4px 10px; margin:0; }
        dl.kv dt { color:var(--mute); } dl.kv dd { margin:0; word-break:break-word; }
        table { border-collapse:collapse; width:100%; background:#fff; }
        th, td { text-align:left; padding:7px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
        th { background:#f6f8fa; font-weight:600; font-size:12px; color:var(--mute); text-transform:uppercase; letter-spacing:.03em; }
        .summary { background:#fff; border:1px solid var(--bad); border-radius:10px; padding:14px 18px; margin-bottom:20px; }
        .summary.clean { border-color:var(--ok); }
        .summary h2 { margin:0 0 8px; }
        .summary ol { margin:0; padding-left:20px; } .summary li { margin:4px 0; }
        a { color:var(--accent); text-decoration:none; } a:hover { text-decoration:underline; }
        .exp { font-family:ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size:12.5px; }
        .expected { color:var(--ok); } .actual { color:var(--bad); }
        .muted { color:var(--mute); } .mono { font-family:ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size:12.5px; }
        .timing { display:flex; gap:6px; flex-wrap:wrap; margin-top:6px; }
        .timing span { background:#f6f8fa; border:1px solid var(--line); border-radius:6px; padding:1px 7px; font-size:12px; }
        details > summary { cursor:pointer; padding:8px 0; }
        .pair { display:grid; grid-template-columns:1fr 1fr; gap:10px; } .pair figure { margin:0; } .pair figcaption { font-size:12px; color:var(--mute); }
        footer { color:var(--mute); font-size:12px; margin-top:30px; }
        """;

    // WebUtility leaves control and bidi characters as they are: an RLO in a label would reverse the report's text.
    public static string E(string? text) => WebUtility.HtmlEncode(InertText.Block(text));

    public static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string Badge(string text, string kind) => $"<span class=\"badge b-{kind}\">{E(text)}</span>";

    public static string DataUri(ReadOnlySpan<byte> png) => "data:image/png;base64," + Convert.ToBase64String(png);

    public static void Open(StringBuilder sb, string title)
    {
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append("<title>").Append(E(title)).Append("</title><style>").Append(Style).Append("</style></head><body>\n");
    }

    public static void Close(StringBuilder sb, string generator) =>
        sb.Append("<footer>").Append(E(generator)).Append("</footer></main></body></html>\n");

    /// <summary>A screenshot with an SVG overlay in screenshot pixels (the viewBox), so marks scale with the image.</summary>
    public static void Screenshot(StringBuilder sb, ReadOnlySpan<byte> png, int width, int height, string overlay, string alt)
    {
        if (png.IsEmpty)
        {
            sb.Append("<div class=\"shot\"><div class=\"noshot\">no screenshot</div></div>");
            return;
        }

        sb.Append("<div class=\"shot\"><img alt=\"").Append(E(alt)).Append("\" src=\"").Append(DataUri(png)).Append("\">");
        if (overlay.Length > 0 && width > 0 && height > 0)
        {
            sb.Append(Inv($"<svg viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"none\" xmlns=\"http://www.w3.org/2000/svg\">"))
              .Append(overlay).Append("</svg>");
        }

        sb.Append("</div>");
    }

    /// <summary>A highlighted box (screenshot pixels) with a label tag above it; <paramref name="scale"/> sizes strokes and text to the image.</summary>
    public static string Box(ScreenRect r, string label, string color, double scale = 1)
    {
        var stroke = 3 * scale;
        var font = 13 * scale;
        var tagH = font * 1.5;
        var tagY = r.Y > tagH + 2 ? r.Y - tagH - 2 : r.Bottom + 2;
        var tagW = font * 0.62 * label.Length + font;
        return Inv($"<rect x=\"{r.X:0.#}\" y=\"{r.Y:0.#}\" width=\"{r.Width:0.#}\" height=\"{r.Height:0.#}\" fill=\"{color}\" fill-opacity=\"0.12\" stroke=\"{color}\" stroke-width=\"{stroke:0.#}\" rx=\"{2 * scale:0.#}\"/>")
            + (label.Length == 0 ? "" : Inv($"<rect x=\"{r.X:0.#}\" y=\"{tagY:0.#}\" width=\"{tagW:0.#}\" height=\"{tagH:0.#}\" rx=\"{3 * scale:0.#}\" fill=\"{color}\"/><text x=\"{r.X + font / 2:0.#}\" y=\"{tagY + font * 1.08:0.#}\" font-family=\"Segoe UI,Arial,sans-serif\" font-size=\"{font:0.#}\" font-weight=\"600\" fill=\"#fff\">{E(label)}</text>"));
    }

    /// <summary>A crosshair at a point (screenshot pixels).</summary>
    public static string Point(double x, double y, string color, double scale = 1) =>
        Inv($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{14 * scale:0.#}\" fill=\"{color}\" fill-opacity=\"0.18\" stroke=\"{color}\" stroke-width=\"{3 * scale:0.#}\"/><circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{3 * scale:0.#}\" fill=\"{color}\"/>");

    /// <summary>An arrow between two points (screenshot pixels), for drags.</summary>
    public static string Arrow(double x1, double y1, double x2, double y2, string color, double scale = 1) =>
        Inv($"<defs><marker id=\"ah\" markerWidth=\"10\" markerHeight=\"8\" refX=\"9\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L10,4 L0,8 z\" fill=\"{color}\"/></marker></defs><line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" stroke=\"{color}\" stroke-width=\"{3 * scale:0.#}\" marker-end=\"url(#ah)\"/>");

    public static string Ms(double ms) => ms >= 1000 ? Inv($"{ms / 1000:0.0} s") : Inv($"{ms:0} ms");

    public static string Duration(TimeSpan t) => t.TotalSeconds >= 60 ? Inv($"{(int)t.TotalMinutes}m {t.Seconds}s") : Inv($"{t.TotalSeconds:0.0} s");
}
