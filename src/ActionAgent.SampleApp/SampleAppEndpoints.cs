using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace ActionAgent.SampleApp;

/// <summary>Routes of the sample app: the sign-in gate, the HTML pages and the small JSON APIs behind them.</summary>
internal static class SampleAppEndpoints
{
    private const string ValidUsername = "ops";
    private const string ValidPassword = "ops-pass";

    public static void Map(WebApplication app, SampleAppServer server)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            server.State.AddRequest(new RequestLogEntry(request.Method, request.Path.Value ?? "/", TimeProvider.System.GetUtcNow())
            {
                Query = request.QueryString.Value ?? "",
            });
            context.Response.Headers.CacheControl = "no-store";

            if (IsPublic(request.Path) || server.IsSignedIn(context))
            {
                await next(context);
                return;
            }

            if (request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(new { error = "Not signed in. Sign in at /login first." });
                return;
            }

            var target = request.Path.Value + request.QueryString.Value;
            context.Response.Redirect(HttpMethods.IsGet(request.Method) && IsSafeReturnPath(target)
                ? "/login?next=" + Uri.EscapeDataString(target)
                : "/login");
        });

        app.MapGet("/", () => Results.Redirect("/login"));
        app.MapGet("/health", () => Results.Text("ok"));
        app.MapGet("/favicon.ico", () => Results.NoContent());
        app.MapGet("/assets/{**path}", (string path) => EmbeddedAssets.Serve(path));
        app.MapGet("/api/state", () => Results.Json(Snapshot(server.State)));

        app.MapGet("/login", (string? next) => Html(SamplePages.Login("", null, next)));
        app.MapPost("/login", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var username = form["username"].ToString();
            var next = form["next"].ToString();
            if (username.Trim() != ValidUsername || form["password"].ToString() != ValidPassword)
            {
                return Html(SamplePages.Login(username, "Invalid username or password", next));
            }

            server.SignIn(context);
            return Results.Redirect(IsSafeReturnPath(next) ? next : "/orders", permanent: false, preserveMethod: false);
        });
        app.MapPost("/logout", (HttpContext context) =>
        {
            server.SignOut(context);
            return Results.Redirect("/login");
        });

        app.MapGet("/orders", (string? q) => Html(SamplePages.Orders(q ?? "", server.AlternateLayout)));
        app.MapGet("/orders/{number}", (string number) => SampleData.FindOrder(number) is { } order
            ? Html(SamplePages.OrderDetails(order))
            : Html(SamplePages.NotFound($"Order {number} was not found."), StatusCodes.Status404NotFound));
        app.MapGet("/api/activity", async (HttpContext context) =>
        {
            await Task.Delay(server.SlowSectionDelay, context.RequestAborted);
            return Results.Json(SampleData.RecentActivity.Select(a => new { time = a.Time, text = a.Text }));
        });

        app.MapGet("/refund", (string? order) =>
            Html(SamplePages.Refund(RefundFormInput.Empty(order ?? ""), new Dictionary<string, string>(), server.AlternateLayout)));
        app.MapPost("/refund", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var input = new RefundFormInput(
                form["order"].ToString().Trim(),
                form["amount"].ToString().Trim(),
                form["date"].ToString().Trim(),
                form["reason"].ToString(),
                form["method"].ToString(),
                Values(form["options"]),
                form["notes"].ToString());
            var labels = RefundLabels.For(server.AlternateLayout);
            var errors = Validate(input, labels, out var amount);
            if (errors.Count > 0)
            {
                // 200, not 400: the browser would log a failed request to the console, which agents read as a page error.
                return Html(SamplePages.Refund(input, errors, server.AlternateLayout));
            }

            var record = server.State.AddRefund(id => new RefundRecord(
                id, input.Order, amount, input.Date, input.Reason, input.Method, input.Options, input.Notes.Trim()));
            return Results.Redirect("/refund/confirmation?id=" + record.Id);
        });
        app.MapGet("/refund/confirmation", (string? id) => server.State.FindRefund(id ?? "") is { } record
            ? Html(SamplePages.RefundConfirmation(record))
            : Html(SamplePages.NotFound($"Refund {id} was not found."), StatusCodes.Status404NotFound));

        app.MapGet("/customers", () => Html(SamplePages.Customers(server.State)));
        app.MapPost("/api/customers/{name}/delete", (string name) =>
        {
            if (!SampleData.Customers.Any(c => c.Name == name))
            {
                return Results.NotFound(new { error = $"Customer {name} does not exist." });
            }

            return server.State.AddDeletedCustomer(name)
                ? Results.Json(new { deleted = name, message = "Customer deleted" })
                : Results.NotFound(new { error = $"Customer {name} was already deleted." });
        });

        app.MapGet("/quick-actions", () => Html(SamplePages.QuickActions()));
        app.MapPost("/api/orders/{number}/resolve", (string number) =>
        {
            if (SampleData.FindOrder(number) is null)
            {
                return Results.NotFound(new { error = $"Order {number} does not exist." });
            }

            server.State.AddResolvedOrder(number);
            return Results.Json(new { resolved = number, message = $"Order {number} resolved" });
        });

        app.MapGet("/widgets", () => Html(SamplePages.Widgets()));
        app.MapGet("/frame/newsletter", () => Html(SamplePages.NewsletterFrame("", null, subscribed: false)));
        app.MapPost("/frame/newsletter", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var email = form["email"].ToString().Trim();
            var at = email.IndexOf('@', StringComparison.Ordinal);
            if (at <= 0 || at == email.Length - 1 || email.Contains(' ', StringComparison.Ordinal))
            {
                return Html(SamplePages.NewsletterFrame(email, "Enter a valid email address.", subscribed: false));
            }

            server.State.AddSubscription(email);
            return Html(SamplePages.NewsletterFrame(email, null, subscribed: true));
        });

        app.MapGet("/reports", () => Html(SamplePages.Reports()));
        app.MapPost("/api/canvas-click", async (HttpContext context) =>
        {
            string? label = null;
            try
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                if (body.RootElement.ValueKind == JsonValueKind.Object
                    && body.RootElement.TryGetProperty("label", out var value)
                    && value.ValueKind == JsonValueKind.String)
                {
                    label = value.GetString();
                }
            }
            catch (JsonException)
            {
                // Falls through to the 400 below: the body was not JSON.
            }

            if (label is null || !SampleData.CanvasButtons.Contains(label))
            {
                return Results.BadRequest(new { error = "Send JSON {\"label\": \"Export\" | \"Print\" | \"Share\"}." });
            }

            server.State.AddCanvasClick(label);
            return Results.Json(new { label, status = label + " started" });
        });

        app.MapGet("/notes", () => Html(SamplePages.Notes()));
        app.MapGet("/help", () => Html(SamplePages.Help()));
        app.MapGet("/slow", () => Html(SamplePages.Slow()));
        app.MapGet("/api/slow-content", async (HttpContext context) =>
        {
            await Task.Delay(server.SlowSectionDelay, context.RequestAborted);
            return Results.Json(new { title = "Report ready", text = "All 10 orders from this week were processed without errors." });
        });

        app.MapFallback((HttpContext context) =>
            Html(SamplePages.NotFound($"There is no page at {context.Request.Path}."), StatusCodes.Status404NotFound));
    }

    private static Dictionary<string, string> Validate(RefundFormInput input, RefundLabels labels, out decimal amount)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        amount = 0;
        if (input.Order.Length == 0)
        {
            errors["order"] = "Order number is required.";
        }
        else if (SampleData.FindOrder(input.Order) is null)
        {
            errors["order"] = $"Order {input.Order} was not found.";
        }

        if (input.Amount.Length == 0)
        {
            errors["amount"] = $"{labels.Amount} is required.";
        }
        else if (!decimal.TryParse(input.Amount, NumberStyles.Number, CultureInfo.InvariantCulture, out amount) || amount <= 0)
        {
            errors["amount"] = $"{labels.Amount} must be a number greater than 0.";
        }

        if (input.Date.Length > 0
            && !DateOnly.TryParseExact(input.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors["date"] = "Refund date must be a valid date.";
        }

        if (input.Reason.Length == 0)
        {
            errors["reason"] = "Reason is required.";
        }
        else if (!SampleData.RefundReasons.Contains(input.Reason))
        {
            errors["reason"] = $"Reason \u201c{input.Reason}\u201d is not one of the listed reasons.";
        }

        if (!SampleData.RefundMethods.Contains(input.Method))
        {
            errors["method"] = "Refund method is required.";
        }

        if (input.Options.Any(o => !SampleData.RefundOptions.Contains(o)))
        {
            errors["options"] = "Unknown refund option.";
        }

        return errors;
    }

    private static string[] Values(StringValues values) =>
        [.. values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)];

    private static bool IsPublic(PathString path) =>
        path == "/" || path == "/login" || path == "/health" || path == "/favicon.ico" || path == "/api/state"
        || path.StartsWithSegments("/assets");

    private static bool IsSafeReturnPath(string path) =>
        path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal)
        && !path.StartsWith("/login", StringComparison.Ordinal) && !path.StartsWith("/logout", StringComparison.Ordinal)
        && !path.StartsWith("/api", StringComparison.Ordinal) && !path.StartsWith("/frame", StringComparison.Ordinal);

    private static object Snapshot(SampleAppState state) => new
    {
        refunds = state.Refunds,
        deletedCustomers = state.DeletedCustomers,
        canvasClicks = state.CanvasClicks,
        subscriptions = state.Subscriptions,
        resolvedOrders = state.ResolvedOrders,
        requests = state.Requests,
    };

    private static IResult Html(string html, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
}
