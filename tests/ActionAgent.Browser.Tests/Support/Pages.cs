namespace ActionAgent.Browser.Tests.Support;

/// <summary>HTML fixtures served to the browser in tests.</summary>
public static class Pages
{
    public const string Form = """
        <!doctype html><html><head><title>Refund form</title>
        <style>body{font-family:sans-serif;margin:20px;background:#fff} label{display:block;margin-top:8px} input,select{font-size:16px}</style></head>
        <body>
        <h1>Request a refund</h1>
        <form action="/submitted" method="post">
          <label for="email">Email address</label>
          <input id="email" name="email" type="email" placeholder="you@example.com">
          <label for="pw">Password</label>
          <input id="pw" name="pw" type="password" value="hunter2" style="width:300px;height:40px">
          <label for="reason">Reason</label>
          <select id="reason" name="reason"><option value="">Choose…</option><option value="damaged">Item damaged</option><option value="late" selected>Arrived late</option></select>
          <label><input type="checkbox" name="agree" checked> I agree to the terms</label>
          <div>Order number</div>
          <input name="order" id="order">
          <p><button type="submit">Submit refund</button> <button type="button" onclick="document.title='cancelled'">Cancel</button></p>
        </form>
        </body></html>
        """;

    public const string Frames = """
        <!doctype html><html><head><title>Frames</title><style>body{margin:0} iframe{position:absolute;left:100px;top:200px;width:400px;height:200px;border:2px solid #000}</style></head>
        <body>
        <p style="margin:10px">Outside the frame</p>
        <iframe id="inner" title="Payment" srcdoc="<body style='margin:0'><button id='pay' style='position:absolute;left:10px;top:20px;width:150px;height:40px' onclick='parent.document.title=&quot;paid&quot;'>Pay now</button><label for='card'>Card number</label><input id='card' style='position:absolute;left:10px;top:100px'></body>"></iframe>
        <shadow-box style="position:absolute;left:700px;top:100px;display:block"></shadow-box>
        <script>
          customElements.define('shadow-box', class extends HTMLElement {
            connectedCallback() {
              const root = this.attachShadow({ mode: 'open' });
              root.innerHTML = "<label for='q'>Search the shop</label> <input id='q'> <button onclick=\"document.title='shadow clicked'\">Go shadow</button>";
            }
          });
        </script>
        </body></html>
        """;

    /// <summary>Password fields inside a same-origin iframe and an open shadow root, at known places, plus a plain field.</summary>
    public const string SecretsInFrames = """
        <!doctype html><html><head><title>Secrets in frames</title><style>body{margin:0;background:#fff} iframe{position:absolute;left:100px;top:200px;width:400px;height:200px;border:0}</style></head>
        <body>
        <input id="plain" value="visible text" style="position:absolute;left:600px;top:400px;width:200px;height:30px">
        <iframe title="Login" srcdoc="<body style='margin:0;background:#fff'><input type='password' value='hunter2' style='position:absolute;left:20px;top:40px;width:200px;height:30px'></body>"></iframe>
        <secret-box style="position:absolute;left:700px;top:100px;display:block"></secret-box>
        <script>
          customElements.define('secret-box', class extends HTMLElement {
            connectedCallback() {
              this.attachShadow({ mode: 'open' }).innerHTML = "<input type='password' value='hunter2' style='width:200px;height:30px'>";
            }
          });
        </script>
        </body></html>
        """;

    /// <summary>Buttons at known places that record which one was clicked (in the title and a log).</summary>
    public const string Targets = """
        <!doctype html><html><head><title>none</title>
        <style>body{margin:0;height:3000px;background:#fff} button{position:absolute;width:120px;height:40px}</style></head>
        <body>
        <div id="log" style="position:absolute;left:10px;top:10px">log:</div>
        <button id="a" style="left:100px;top:100px">Alpha</button>
        <button id="b" style="left:900px;top:500px">Bravo</button>
        <button id="c" style="left:1100px;top:650px">Charlie</button>
        <button id="far" style="left:200px;top:2000px">Far away</button>
        <script>
          const log = (t) => { document.title = t; document.getElementById('log').textContent += ' ' + t; };
          for (const b of document.querySelectorAll('button')) {
            b.addEventListener('click', () => log('click:' + b.id));
            b.addEventListener('dblclick', () => log('dbl:' + b.id));
            b.addEventListener('contextmenu', (e) => { e.preventDefault(); log('right:' + b.id); });
            b.addEventListener('mouseenter', () => log('hover:' + b.id));
          }
        </script>
        </body></html>
        """;
}
