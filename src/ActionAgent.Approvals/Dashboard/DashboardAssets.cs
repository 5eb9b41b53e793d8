namespace ActionAgent.Approvals.Dashboard;

/// <summary>The dashboard's stylesheet and script, served from memory (no inline script or style: the CSP forbids them).</summary>
internal static class DashboardAssets
{
    public const string Css = """
        :root { --bg:#f5f6f8; --panel:#fff; --ink:#1d2330; --muted:#6b7385; --line:#e3e6ec; --brand:#3b5bdb;
          --ok:#2b8a3e; --ok-bg:#ebfbee; --bad:#c92a2a; --bad-bg:#fff5f5; --warn:#e67700; --warn-bg:#fff9db; }
        * { box-sizing:border-box; }
        body { margin:0; font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif; color:var(--ink); background:var(--bg); }
        a { color:var(--brand); text-decoration:none; } a:hover { text-decoration:underline; }
        code, .mono { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:13px; }
        .muted { color:var(--muted); font-weight:normal; }
        nav.top { display:flex; align-items:center; gap:6px; padding:0 24px; height:54px; background:#1d2330; color:#fff; }
        nav.top .brand { color:#fff; font-weight:600; margin-right:22px; font-size:16px; }
        nav.top .brand .muted { color:#9aa3b5; } nav.top .logo { color:#748ffc; }
        nav.top .tab { color:#c9d0de; padding:16px 12px; border-bottom:3px solid transparent; }
        nav.top .tab.on { color:#fff; border-bottom-color:#748ffc; } nav.top .tab:hover { text-decoration:none; color:#fff; }
        .count { display:inline-block; min-width:20px; padding:0 6px; border-radius:10px; background:#f76707; color:#fff; font-size:12px; text-align:center; }
        .who { margin-left:auto; color:#c9d0de; display:flex; align-items:center; gap:12px; } .who strong { color:#fff; }
        .logout { margin:0; } button.link { background:none; border:0; color:#9aa3b5; cursor:pointer; font:inherit; padding:0; } button.link:hover { color:#fff; }
        main { max-width:1280px; margin:24px auto; padding:0 24px; }
        .panel { background:var(--panel); border:1px solid var(--line); border-radius:10px; padding:4px 0 8px; }
        .panel h1 { font-size:19px; margin:0; } .panel > p { padding:0 20px; }
        .panel-head { display:flex; align-items:center; justify-content:space-between; padding:16px 20px; border-bottom:1px solid var(--line); }
        .live { color:var(--muted); font-size:13px; display:flex; align-items:center; gap:6px; }
        .dot { width:8px; height:8px; border-radius:50%; background:#40c057; box-shadow:0 0 0 3px #d3f9d8; }
        .live.stale .dot { background:#fa5252; box-shadow:0 0 0 3px #ffe3e3; }
        table.list { width:100%; border-collapse:collapse; }
        table.list th { text-align:left; font-size:12px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); padding:10px 14px; border-bottom:1px solid var(--line); }
        table.list td { padding:12px 14px; border-bottom:1px solid var(--line); vertical-align:top; }
        table.list tr:last-child td { border-bottom:0; } table.list tbody tr:hover { background:#f8f9fc; }
        td.id { color:var(--muted); width:48px; } a.action { font-weight:600; color:var(--ink); }
        .sub { color:var(--muted); font-size:13px; margin-top:2px; }
        td.url, .url { color:var(--muted); font-size:13px; word-break:break-all; max-width:280px; }
        .nowrap { white-space:nowrap; }
        .empty { color:var(--muted); padding:28px 20px !important; text-align:center; }
        .badge { display:inline-block; padding:2px 9px; border-radius:999px; font-size:12px; font-weight:600; white-space:nowrap; margin-right:4px; }
        .risk-read, .risk-input, .risk-navigation { background:#e7f5ff; color:#1864ab; }
        .risk-submit { background:var(--warn-bg); color:var(--warn); }
        .risk-destructive { background:#ffe3e3; color:var(--bad); }
        .risk-credential_entry { background:#f3f0ff; color:#5f3dc4; }
        .risk-egress { background:#fff0f6; color:#a61e4d; }
        .status-pending { background:#fff4e6; color:#d9480f; } .status-approved { background:var(--ok-bg); color:var(--ok); }
        .status-rejected { background:var(--bad-bg); color:var(--bad); } .status-expired, .status-orphaned { background:#f1f3f5; color:#495057; }
        .crumbs { margin:0 0 12px; }
        .banner { padding:12px 16px; border-radius:8px; margin:0 0 16px; font-weight:500; }
        .banner.error { background:var(--bad-bg); color:var(--bad); border:1px solid #ffc9c9; }
        .banner.ok { background:var(--ok-bg); color:var(--ok); border:1px solid #b2f2bb; }
        .panel .banner { margin:12px 20px; }
        .detail { display:grid; grid-template-columns:minmax(0,1.5fr) minmax(340px,1fr); gap:24px; align-items:start; }
        @media (max-width:960px) { .detail { grid-template-columns:1fr; } }
        .shot { margin:0; background:var(--panel); border:1px solid var(--line); border-radius:10px; padding:12px; }
        .shot-frame { position:relative; line-height:0; border-radius:6px; overflow:hidden; border:1px solid var(--line); }
        .shot-frame img { display:block; width:100%; height:auto; } .shot-frame { cursor:zoom-in; }
        .shot.zoomed { overflow:auto; max-height:85vh; } .shot.zoomed .shot-frame { cursor:zoom-out; width:200%; }
        .overlay { position:absolute; left:0; top:0; width:100%; height:100%; pointer-events:none; }
        .target-box { fill:rgba(255,146,43,.14); stroke:#f76707; stroke-width:3; vector-effect:non-scaling-stroke; }
        .shot figcaption { color:var(--muted); font-size:13px; margin-top:10px; line-height:1.4; }
        .noshot { background:var(--panel); border:1px dashed var(--line); border-radius:10px; padding:60px; text-align:center; color:var(--muted); }
        .facts-col { background:var(--panel); border:1px solid var(--line); border-radius:10px; padding:18px 20px; }
        .detail-head h1 { font-size:20px; margin:0 0 8px; } .badges { margin-bottom:14px; }
        dl.facts { display:grid; grid-template-columns:118px 1fr; gap:8px 12px; margin:0 0 18px; }
        dl.facts dt { color:var(--muted); font-size:13px; padding-top:1px; } dl.facts dd { margin:0; word-break:break-word; }
        .submits { margin:0 0 18px; } .submits h2 { font-size:15px; margin:0 0 6px; } table.fields td { padding:6px 10px; word-break:break-word; }
        .masked { letter-spacing:.1em; color:var(--muted); }
        code.value { background:#fff9db; border:1px solid #ffe066; padding:1px 6px; border-radius:4px; }
        .decide { display:grid; gap:14px; border-top:1px solid var(--line); padding-top:16px; }
        .decide form { display:grid; gap:6px; } .decide label { font-size:13px; font-weight:600; }
        .decide label.check { font-weight:normal; display:flex; gap:6px; align-items:center; }
        textarea, input[type=text] { width:100%; padding:8px 10px; border:1px solid #ced4da; border-radius:6px; font:inherit; }
        textarea:focus, input[type=text]:focus { outline:2px solid #bac8ff; border-color:var(--brand); }
        .btn { border:0; border-radius:6px; padding:10px 16px; font:inherit; font-weight:600; cursor:pointer; color:#fff; justify-self:start; min-width:120px; }
        .btn.approve { background:var(--ok); } .btn.approve:hover { background:#237032; }
        .btn.reject { background:var(--bad); } .btn.reject:hover { background:#a51d1d; }
        .reject-form { border-top:1px dashed var(--line); padding-top:14px; }
        .outcome { border-radius:8px; padding:12px 14px; border:1px solid var(--line); background:#f8f9fa; }
        .outcome.approved { background:var(--ok-bg); border-color:#b2f2bb; } .outcome.rejected { background:var(--bad-bg); border-color:#ffc9c9; }
        .outcome p { margin:6px 0 0; }
        .login { max-width:560px; margin:60px auto; padding:8px 28px 18px; } .login h1 { margin:18px 0 8px; } .login .banner { margin:12px 0; }
        """;

    public const string Script = """
        (function () {
          'use strict';
          var body = document.body;
          var refresh = parseInt(body.getAttribute('data-refresh') || '2000', 10);
          function ago(ms) {
            var s = Math.max(0, Math.floor(ms / 1000));
            if (s < 60) return s + 's';
            if (s < 3600) return Math.floor(s / 60) + 'm ' + (s % 60) + 's';
            if (s < 86400) return Math.floor(s / 3600) + 'h ' + Math.floor((s % 3600) / 60) + 'm';
            return Math.floor(s / 86400) + 'd';
          }
          function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
          function link(id, cls, text) { var a = el('a', cls, text); a.href = '/approvals/' + id; return a; }
          function row(a, now) {
            var tr = el('tr'); tr.setAttribute('data-id', a.id);
            var td = el('td', 'id'); td.appendChild(link(a.id, '', String(a.id))); tr.appendChild(td);
            td = el('td'); td.appendChild(link(a.id, 'action', a.action)); td.appendChild(el('div', 'sub', a.reason || '')); tr.appendChild(td);
            td = el('td'); td.appendChild(el('span', 'badge risk-' + a.risk, a.risk.replace('_', ' '))); tr.appendChild(td);
            td = el('td'); td.appendChild(el('code', '', a.rule)); tr.appendChild(td);
            tr.appendChild(el('td', 'url', a.url || ''));
            tr.appendChild(el('td', 'nowrap', ago(now - Date.parse(a.createdAt))));
            tr.appendChild(el('td', 'nowrap', ago(Date.parse(a.expiresAt) - now)));
            return tr;
          }
          function setCount(n) { var c = document.getElementById('pending-count'); if (c) c.textContent = String(n); }
          function stamp(d) { return d.toISOString().substr(11, 8) + 'Z'; }
          function pollList() {
            fetch('/api/approvals?status=pending', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
              .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
              .then(function (data) {
                var now = Date.parse(data.now);
                var tbody = document.querySelector('#pending tbody');
                while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
                data.items.forEach(function (a) { tbody.appendChild(row(a, now)); });
                document.getElementById('empty').hidden = data.items.length > 0;
                setCount(data.items.length);
                document.getElementById('updated').textContent = stamp(new Date(now));
                document.getElementById('live').className = 'live';
              })
              .catch(function () { var l = document.getElementById('live'); if (l) l.className = 'live stale'; })
              .then(function () { setTimeout(pollList, refresh); });
          }
          function watch(id) {
            fetch('/api/approvals/' + id, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
              .then(function (r) { return r.ok ? r.json() : null; })
              .then(function (a) { if (a && a.status !== 'pending') { window.location.reload(); return; } setTimeout(function () { watch(id); }, refresh); })
              .catch(function () { setTimeout(function () { watch(id); }, refresh); });
          }
          if (body.getAttribute('data-page') === 'pending') setTimeout(pollList, refresh);
          var watched = body.getAttribute('data-watch');
          if (watched) setTimeout(function () { watch(watched); }, refresh);
          var frame = document.getElementById('shot-frame');
          // Zoom: the frame (image and target box together) doubles in size and the figure scrolls; a second click restores it.
          if (frame) frame.addEventListener('click', function () { frame.parentNode.classList.toggle('zoomed'); });
          var edit = document.getElementById('edit'), value = document.getElementById('value');
          if (edit && value) {
            var sync = function () { value.disabled = !edit.checked; };
            edit.addEventListener('change', sync); sync();
          }
        })();
        """;
}
