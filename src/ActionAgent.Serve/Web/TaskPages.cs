namespace ActionAgent.Serve.Web;

/// <summary>
/// The queue and task pages: static shells (no data) plus one script that asks the JSON API with the bearer token kept in
/// the tab's sessionStorage (given once as <c>#token=…</c>), and polls every 2 s for the live step log.
/// </summary>
internal static class TaskPages
{
    public const string Queue = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tasks · ActionAgent</title>
        <link rel="stylesheet" href="/static/dashboard.css"><script src="/static/tasks.js" defer></script></head>
        <body data-page="queue"><header><strong>ActionAgent</strong> · <a href="/tasks">Tasks</a> · <a href="/approvals">Approvals</a></header>
        <main><h1>Tasks</h1>
        <form id="submit" class="card"><label>Task <input name="task" required size="60"></label>
        <label>Start URL <input name="url" required size="40" placeholder="http://127.0.0.1:5000/login"></label>
        <label>Policy <input name="policy" value="default"></label><label>Model <input name="model" placeholder="interpreter"></label>
        <label>Secrets <input name="secrets" placeholder="OPS_PASSWORD, …"></label><button type="submit" class="primary">Submit</button>
        <p id="error" role="alert"></p></form>
        <table><thead><tr><th>Task</th><th>Status</th><th>Owner</th><th>Steps</th><th>Exit</th><th>Submitted</th></tr></thead><tbody id="rows"></tbody></table>
        </main></body></html>
        """;

    public const string Task = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Task · ActionAgent</title>
        <link rel="stylesheet" href="/static/dashboard.css"><script src="/static/tasks.js" defer></script></head>
        <body data-page="task"><header><strong>ActionAgent</strong> · <a href="/tasks">Tasks</a> · <a href="/approvals">Approvals</a></header>
        <main><h1 id="title">Task</h1><dl id="facts"></dl><button id="cancel">Cancel</button><p id="error" role="alert"></p>
        <h2>Held steps</h2><ul id="approvals"></ul><h2>Steps</h2><ol id="steps"></ol></main></body></html>
        """;

    public const string Script = """
        'use strict';
        (function () {
          const m = /[#&]token=([^&]+)/.exec(location.hash);
          if (m) { sessionStorage.setItem('aa_token', decodeURIComponent(m[1])); history.replaceState(null, '', location.pathname); }
          const token = sessionStorage.getItem('aa_token') || '';
          const api = (path, init) => fetch(path, Object.assign({}, init, { headers: { 'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json' } }))
            .then(async r => { const body = await r.json().catch(() => ({})); if (!r.ok) throw new Error(body.message || ('HTTP ' + r.status)); return body; });
          const el = (tag, text) => { const e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = String(text); return e; };
          const error = document.getElementById('error');
          const show = e => { error.textContent = e.message; };
          if (document.body.dataset.page === 'queue') {
            const rows = document.getElementById('rows');
            const load = () => api('/api/tasks').then(d => {
              rows.replaceChildren(...d.items.map(t => { const tr = el('tr'); const a = el('a', t.task); a.href = '/tasks/' + t.id;
                const td = el('td'); td.append(a); tr.append(td, el('td', t.status), el('td', t.owner), el('td', t.steps), el('td', t.exitCode), el('td', t.createdAt)); return tr; }));
              error.textContent = ''; }).catch(show);
            document.getElementById('submit').addEventListener('submit', ev => {
              ev.preventDefault(); const f = new FormData(ev.target);
              const body = { task: f.get('task'), url: f.get('url'), policy: f.get('policy') || null, model: f.get('model') || null,
                secrets: String(f.get('secrets') || '').split(',').map(s => s.trim()).filter(s => s) };
              api('/api/tasks', { method: 'POST', body: JSON.stringify(body) }).then(load).catch(show);
            });
            load(); setInterval(load, 2000);
          } else {
            const id = location.pathname.split('/').pop();
            const load = () => api('/api/tasks/' + id).then(d => {
              const t = d.task; document.getElementById('title').textContent = t.task;
              const facts = document.getElementById('facts'); facts.replaceChildren();
              for (const k of ['status', 'owner', 'url', 'policy', 'model', 'attempt', 'worker', 'exitCode', 'message', 'recording', 'startDelayMs']) { facts.append(el('dt', k), el('dd', t[k])); }
              document.getElementById('approvals').replaceChildren(...d.approvals.map(a => { const li = el('li'); const l = el('a', a.id + ' ' + a.status + ': ' + (a.action || a.summary || ''));
                l.href = '/approvals/' + a.id; li.append(l); return li; }));
              document.getElementById('steps').replaceChildren(...d.steps.map(s => el('li', JSON.stringify(s.proposal?.action ?? s.action ?? s).slice(0, 300) + ' → ' + JSON.stringify(s.outcome?.message ?? s.outcome ?? '').slice(0, 200))));
              error.textContent = ''; }).catch(show);
            document.getElementById('cancel').addEventListener('click', () => api('/api/tasks/' + id + '/cancel', { method: 'POST' }).then(load).catch(show));
            load(); setInterval(load, 2000);
          }
        })();
        """;
}
