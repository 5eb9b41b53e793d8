using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace ActionAgent.SampleApp;

/// <summary>Renders the portal's HTML pages. Plain server-side HTML; behaviour lives in wwwroot/app.js.</summary>
internal static class SamplePages
{
    private static readonly (string Href, string Text)[] NavLinks =
    [
        ("/orders", "Orders"), ("/customers", "Customers"), ("/reports", "Reports"),
        ("/widgets", "Widgets"), ("/help", "Help"), ("/notes", "Notes"),
    ];

    public static string Money(decimal amount) => "$" + amount.ToString("N2", CultureInfo.InvariantCulture);

    public static string Login(string username, string? error, string? next) => Document("Sign in", $"""
        <body class="login-body">
        <main class="login-card" id="main">
          <p class="brand brand-large">Ops Portal</p>
          <h1>Sign in</h1>
          <p class="muted">Use your operations account to continue.</p>
          {(error is null ? "" : $"""<div class="alert alert-error" role="alert">{HtmlEncode(error)}</div>""")}
          <form method="post" action="/login" class="stack">
            <input type="hidden" name="next" value="{HtmlEncode(next ?? "")}">
            <div class="field">
              <label for="username">Username</label>
              <input type="text" id="username" name="username" autocomplete="username" value="{HtmlEncode(username)}">
            </div>
            <div class="field">
              <label for="password">Password</label>
              <input type="password" id="password" name="password" autocomplete="current-password">
            </div>
            <button type="submit" class="primary wide">Sign in</button>
          </form>
        </main>
        </body>
        """);

    public static string Orders(string query, bool alternateLayout)
    {
        var q = query.Trim();
        var matches = SampleData.Orders.Where(o => Matches(o, q)).ToList();
        var rows = new StringBuilder();
        foreach (var o in matches)
        {
            rows.Append(CultureInfo.InvariantCulture, $"""
                <tr>
                  <td><a href="/orders/{o.Number}">Order {o.Number}</a></td>
                  <td>{HtmlEncode(o.Customer)}</td>
                  <td>{o.Date}</td>
                  <td class="num">{Money(o.Amount)}</td>
                  <td>{Badge(o.Status)}</td>
                </tr>
                """);
        }

        var summary = q.Length == 0
            ? $"Showing all {matches.Count} orders"
            : matches.Count == 0
                ? $"No orders match \u201c{HtmlEncode(q)}\u201d."
                : $"Showing {matches.Count} of {SampleData.Orders.Count} orders matching \u201c{HtmlEncode(q)}\u201d";
        var table = matches.Count == 0 ? "" : $"""
            <table class="data">
              <caption class="sr-only">Orders</caption>
              <thead><tr><th scope="col">Order</th><th scope="col">Customer</th><th scope="col">Date</th><th scope="col" class="num">Amount</th><th scope="col">Status</th></tr></thead>
              <tbody>
            {rows}
              </tbody>
            </table>
            """;

        return Page("Orders", "/orders", $"""
            <div class="page-head">
              <h1>Orders</h1>
              <button type="button" class="secondary" id="help-button" aria-haspopup="dialog" aria-controls="help-dialog">Help</button>
            </div>
            <div class="columns">
              <div class="column-main">
                <form class="search-bar" method="get" action="/orders" role="search">
                  <label for="order-search">Search orders</label>
                  <input type="search" id="order-search" name="q" placeholder="Search orders" value="{HtmlEncode(q)}">
                  <button type="submit" class="primary" id="{(alternateLayout ? "find-button" : "search-button")}">{(alternateLayout ? "Find" : "Search")}</button>
                </form>
                <p class="muted" id="order-count">{summary}</p>
                {table}
              </div>
              <aside class="column-side card" aria-labelledby="activity-heading">
                <h2 id="activity-heading">Recent activity</h2>
                <div id="recent-activity" aria-live="polite" aria-busy="true"><p class="muted">Loading…</p></div>
              </aside>
            </div>
            <div class="modal-backdrop" id="help-dialog-backdrop" hidden>
              <div class="modal" id="help-dialog" role="dialog" aria-modal="true" aria-labelledby="help-dialog-title">
                <h2 id="help-dialog-title">Orders help</h2>
                <p>Search by order number, customer name or status. Open an order to see its details or to file a refund.</p>
                <p>Refunds over $500 need a supervisor; call extension 4410.</p>
                <div class="modal-actions"><button type="button" class="primary" id="help-close">Close</button></div>
              </div>
            </div>
            """);
    }

    public static string OrderDetails(SampleOrder o) => Page($"Order {o.Number}", "/orders", $"""
        <nav class="breadcrumb" aria-label="Breadcrumb"><a href="/orders">Orders</a> <span aria-hidden="true">/</span> Order {o.Number}</nav>
        <div class="page-head"><h1>Order {o.Number}</h1>{Badge(o.Status)}</div>
        <section class="card narrow">
          <dl class="details">
            <dt>Customer</dt><dd>{HtmlEncode(o.Customer)}</dd>
            <dt>Order date</dt><dd>{o.Date}</dd>
            <dt>Item</dt><dd>{HtmlEncode(o.Item)}</dd>
            <dt>Amount</dt><dd>{Money(o.Amount)}</dd>
            <dt>Status</dt><dd>{o.Status}</dd>
            <dt>Ship to</dt><dd>{HtmlEncode(o.ShipTo)}</dd>
          </dl>
          <form method="get" action="/refund" class="actions">
            <input type="hidden" name="order" value="{o.Number}">
            <button type="submit" class="primary" id="file-refund">File a refund</button>
            <a href="/orders" class="button-link">Back to orders</a>
          </form>
        </section>
        """);

    public static string Refund(RefundFormInput input, IReadOnlyDictionary<string, string> errors, bool alternateLayout)
    {
        var labels = RefundLabels.For(alternateLayout);
        var p = labels.IdPrefix;

        string Error(string field) => errors.TryGetValue(field, out var message)
            ? $"""<p class="field-error" id="{p}{field}-error">{HtmlEncode(message)}</p>"""
            : "";
        string Invalid(string field) => errors.ContainsKey(field)
            ? $""" aria-invalid="true" aria-describedby="{p}{field}-error" """
            : " ";

        var order = $"""
            <div class="field">
              <label for="{p}order-number">Order number</label>
              <input type="text" id="{p}order-number" name="order" inputmode="numeric" value="{HtmlEncode(input.Order)}"{Invalid("order")}>
              {Error("order")}
            </div>
            """;
        var amount = $"""
            <div class="field">
              <label for="{p}amount">{labels.Amount}</label>
              <input type="number" id="{p}amount" name="amount" step="0.01" min="0" value="{HtmlEncode(input.Amount)}"{Invalid("amount")}>
              {Error("amount")}
            </div>
            """;
        var date = $"""
            <div class="field">
              <label for="{p}refund-date">Refund date</label>
              <input type="date" id="{p}refund-date" name="date" value="{HtmlEncode(input.Date)}"{Invalid("date")}>
              {Error("date")}
            </div>
            """;
        var reasonOptions = new StringBuilder("""<option value="">Choose a reason</option>""");
        foreach (var reason in SampleData.RefundReasons)
        {
            var selected = reason == input.Reason ? " selected" : "";
            reasonOptions.Append(CultureInfo.InvariantCulture, $"""<option value="{reason}"{selected}>{reason}</option>""");
        }

        var reasonField = $"""
            <div class="field">
              <label for="{p}reason">Reason</label>
              <select id="{p}reason" name="reason"{Invalid("reason")}>{reasonOptions}</select>
              {Error("reason")}
            </div>
            """;
        var methods = new StringBuilder();
        foreach (var choice in SampleData.RefundMethods)
        {
            var id = p + "method-" + Slug(choice);
            var checkedAttr = choice == input.Method ? " checked" : "";
            methods.Append(CultureInfo.InvariantCulture, $"""
                <div class="choice"><input type="radio" id="{id}" name="method" value="{choice}"{checkedAttr}><label for="{id}">{choice}</label></div>
                """);
        }

        var method = $"""
            <fieldset class="field">
              <legend>Refund method</legend>
              {methods}
            </fieldset>
            """;
        var checks = new StringBuilder();
        foreach (var option in SampleData.RefundOptions)
        {
            var id = p + "option-" + Slug(option);
            var checkedAttr = input.Options.Contains(option) ? " checked" : "";
            checks.Append(CultureInfo.InvariantCulture, $"""
                <div class="choice"><input type="checkbox" id="{id}" name="options" value="{option}"{checkedAttr}><label for="{id}">{option}</label></div>
                """);
        }

        var options = $"""
            <fieldset class="field">
              <legend>{labels.OptionsLegend}</legend>
              {checks}
            </fieldset>
            """;
        var notes = $"""
            <div class="field span-2">
              <label for="{p}notes">{labels.Notes}</label>
              <textarea id="{p}notes" name="notes" rows="3">{HtmlEncode(input.Notes)}</textarea>
            </div>
            """;

        // The alternate layout moves fields around (Comments before Reason, checkboxes first in the second half)
        // so that recorded positions and selectors stop matching while the form still means the same thing.
        var fields = alternateLayout
            ? string.Concat(order, amount, options, method, notes, reasonField, date)
            : string.Concat(order, amount, date, reasonField, method, options, notes);
        var summary = errors.Count == 0 ? "" : $"""
            <div class="alert alert-error" role="alert" id="refund-errors">
              <strong>The refund was not submitted.</strong> {HtmlEncode(string.Join(" ", errors.Values))}
            </div>
            """;

        return Page("File a refund", "/orders", $"""
            <nav class="breadcrumb" aria-label="Breadcrumb"><a href="/orders">Orders</a> <span aria-hidden="true">/</span> File a refund</nav>
            <h1>File a refund</h1>
            {summary}
            <form method="post" action="/refund" class="card form-grid" id="{p}refund-form" novalidate>
              {fields}
              <div class="actions span-2">
                <button type="submit" class="primary" id="{p}submit-refund">{labels.Submit}</button>
                <a href="/orders" class="button-link">Cancel</a>
              </div>
            </form>
            """);
    }

    public static string RefundConfirmation(RefundRecord r) => Page("Refund filed", "/orders", $"""
        <div class="alert alert-success" role="status">
          <h1>Refund filed</h1>
          <p>Refund {r.Id} for order {HtmlEncode(r.OrderNumber)} has been recorded.</p>
        </div>
        <section class="card narrow">
          <dl class="details" id="refund-details">
            <dt>Refund id</dt><dd>{r.Id}</dd>
            <dt>Order number</dt><dd>{HtmlEncode(r.OrderNumber)}</dd>
            <dt>Amount</dt><dd>{Money(r.Amount)}</dd>
            <dt>Refund date</dt><dd>{(r.Date.Length == 0 ? "Not set" : HtmlEncode(r.Date))}</dd>
            <dt>Reason</dt><dd>{HtmlEncode(r.Reason)}</dd>
            <dt>Refund method</dt><dd>{HtmlEncode(r.Method)}</dd>
            <dt>Options</dt><dd>{(r.Options.Count == 0 ? "None" : HtmlEncode(string.Join(", ", r.Options)))}</dd>
            <dt>Notes</dt><dd>{(r.Notes.Length == 0 ? "None" : HtmlEncode(r.Notes))}</dd>
          </dl>
          <p class="actions"><a href="/orders" class="button-link">Back to orders</a></p>
        </section>
        """);

    public static string Customers(SampleAppState state)
    {
        var rows = new StringBuilder();
        foreach (var c in SampleData.Customers.Where(c => !state.IsDeleted(c.Name)))
        {
            var name = HtmlEncode(c.Name);
            rows.Append(CultureInfo.InvariantCulture, $"""
                <tr data-customer="{name}">
                  <td>{name}</td>
                  <td>{c.Email}</td>
                  <td>{c.City}</td>
                  <td class="num">{c.Orders}</td>
                  <td><button type="button" class="danger small" data-delete-customer="{name}" aria-label="Delete customer {name}">Delete customer</button></td>
                </tr>
                """);
        }

        var table = rows.Length == 0 ? """<p class="muted">No customers left.</p>""" : $"""
            <table class="data" id="customers-table">
              <caption class="sr-only">Customers</caption>
              <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">City</th><th scope="col" class="num">Orders</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
              <tbody>
            {rows}
              </tbody>
            </table>
            """;
        return Page("Customers", "/customers", $"""
            <h1>Customers</h1>
            <p class="muted">Deleting a customer removes their account and order history.</p>
            <div id="customer-message" role="status" aria-live="polite"></div>
            {table}
            """);
    }

    public static string Widgets() => Page("Widgets", "/widgets", """
        <h1>Widgets</h1>
        <p class="muted">Embedded tools used across the portal.</p>
        <div class="columns-even">
          <section class="card" aria-labelledby="newsletter-heading">
            <h2 id="newsletter-heading">Newsletter signup</h2>
            <iframe src="/frame/newsletter" title="Newsletter signup" class="widget-frame"></iframe>
          </section>
          <section class="card" aria-labelledby="priority-heading">
            <h2 id="priority-heading">Ticket priority</h2>
            <p class="muted">Set the priority of the open support ticket.</p>
            <aa-priority-picker></aa-priority-picker>
          </section>
        </div>
        """);

    public static string NewsletterFrame(string email, string? error, bool subscribed)
    {
        var body = subscribed
            ? $"""
                <div class="alert alert-success" role="status"><strong>Subscribed</strong></div>
                <p>The weekly digest will go to {HtmlEncode(email)}.</p>
                <p><a href="/frame/newsletter">Subscribe another address</a></p>
                """
            : $"""
                <form method="post" action="/frame/newsletter" class="stack" novalidate>
                  <h2>Newsletter</h2>
                  <p class="muted">Get the weekly operations digest.</p>
                  {(error is null ? "" : $"""<div class="alert alert-error" role="alert">{HtmlEncode(error)}</div>""")}
                  <div class="field">
                    <label for="newsletter-email">Email</label>
                    <input type="email" id="newsletter-email" name="email" autocomplete="email" value="{HtmlEncode(email)}">
                  </div>
                  <button type="submit" class="primary">Subscribe</button>
                </form>
                """;
        return Document("Newsletter", $"""
            <body class="frame-body">
            {body}
            </body>
            """);
    }

    public static string Reports() => Page("Reports", "/reports", """
        <h1>Reports</h1>
        <p class="muted">Quarterly sales report. Use the toolbar to export, print or share it.</p>
        <div class="canvas-wrap"><canvas id="report-toolbar" width="640" height="120"></canvas></div>
        <p id="status" class="status-line" aria-live="polite"></p>
        <table class="data compact">
          <caption class="sr-only">Quarterly sales</caption>
          <thead><tr><th scope="col">Quarter</th><th scope="col" class="num">Orders</th><th scope="col" class="num">Revenue</th><th scope="col" class="num">Refunds</th></tr></thead>
          <tbody>
            <tr><td>Q1</td><td class="num">412</td><td class="num">$48,210.00</td><td class="num">9</td></tr>
            <tr><td>Q2</td><td class="num">468</td><td class="num">$53,904.50</td><td class="num">12</td></tr>
            <tr><td>Q3</td><td class="num">501</td><td class="num">$57,118.25</td><td class="num">7</td></tr>
          </tbody>
        </table>
        """);

    /// <summary>
    /// Quick actions: "Mark as resolved" is a plain button (no form, no irreversible verb) whose click POSTs through
    /// fetch, so the policy sees an input click while the server state changes: the network guard's case.
    /// </summary>
    public static string QuickActions() => Page("Quick actions", "/quick-actions", """
        <h1>Quick actions</h1>
        <section class="card narrow">
          <p>Order 1042 (Ada Lovelace) is waiting for a decision.</p>
          <button type="button" id="mark-resolved" data-resolve-order="1042">Mark as resolved</button>
          <div id="resolve-message" role="status" aria-live="polite"></div>
        </section>
        """);

    public static string Notes()
    {
        var notes = new StringBuilder();
        foreach (var n in SampleData.Notes)
        {
            notes.Append(CultureInfo.InvariantCulture, $"""
                <article class="card note">
                  <h2>{HtmlEncode(n.Customer)}</h2>
                  <p class="note-meta">{HtmlEncode(n.Author)} · {n.Date}</p>
                  <p>{HtmlEncode(n.Text)}</p>
                </article>
                """);
        }

        return Page("Notes", "/notes", $"""
            <h1>Customer notes</h1>
            <p class="muted">Notes left by the team and by customers through the web form.</p>
            <div class="notes">
            {notes}
            </div>
            """);
    }

    public static string Help() => Page("Help", "/help", """
        <h1>Help</h1>
        <div class="columns-even">
          <section class="card">
            <h2>Finding an order</h2>
            <p>Open <a href="/orders">Orders</a> and type an order number, a customer name or a status into the search box.</p>
          </section>
          <section class="card">
            <h2>Filing a refund</h2>
            <p>Open the order and choose <strong>File a refund</strong>. Amount and reason are required. Refunds are recorded immediately.</p>
          </section>
          <section class="card">
            <h2>Deleting a customer</h2>
            <p>Deleting a customer cannot be undone. Only delete a customer when their account owner asked for it in writing.</p>
          </section>
          <section class="card">
            <h2>Contact</h2>
            <p>Operations desk: extension 4410, weekdays 08:00–18:00.</p>
          </section>
        </div>
        """);

    public static string Slow() => Page("Slow report", "/reports", """
        <h1>Slow report</h1>
        <div id="slow-content" aria-live="polite" aria-busy="true"><p class="muted">Loading…</p></div>
        """);

    public static string NotFound(string what) => Page("Not found", "", $"""
        <h1>Not found</h1>
        <p>{HtmlEncode(what)}</p>
        <p><a href="/orders">Back to orders</a></p>
        """);

    private static string Page(string title, string activeHref, string main)
    {
        var nav = new StringBuilder();
        foreach (var (href, text) in NavLinks)
        {
            var current = href == activeHref ? """ aria-current="page" """ : " ";
            nav.Append(CultureInfo.InvariantCulture, $"""<li><a href="{href}"{current}>{text}</a></li>""");
        }

        return Document(title, $"""
            <body>
            <header class="topbar">
              <a class="brand" href="/orders">Ops Portal</a>
              <nav aria-label="Main"><ul>{nav}</ul></nav>
              <form method="post" action="/logout" class="signout">
                <span class="user">Signed in as ops</span>
                <button type="submit" class="link-button">Sign out</button>
              </form>
            </header>
            <main id="main" class="container">
            {main}
            </main>
            <script src="/assets/app.js"></script>
            </body>
            """);
    }

    private static string Document(string title, string body) => $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{HtmlEncode(title)} · Ops Portal</title>
        <link rel="stylesheet" href="/assets/site.css">
        </head>
        {body}
        </html>
        """;

    private static string Badge(string status) =>
        $"""<span class="badge badge-{status.ToLowerInvariant()}">{status}</span>""";

    private static string Slug(string text) => text.ToLowerInvariant().Replace(' ', '-');

    private static bool Matches(SampleOrder o, string q) =>
        q.Length == 0
        || o.Number.ToString(CultureInfo.InvariantCulture).Contains(q, StringComparison.OrdinalIgnoreCase)
        || ("Order " + o.Number.ToString(CultureInfo.InvariantCulture)).Contains(q, StringComparison.OrdinalIgnoreCase)
        || o.Customer.Contains(q, StringComparison.OrdinalIgnoreCase)
        || o.Status.Contains(q, StringComparison.OrdinalIgnoreCase);
}
