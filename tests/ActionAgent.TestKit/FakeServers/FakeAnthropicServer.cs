using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ActionAgent.TestKit.FakeServers;

/// <summary>
/// A fake Anthropic Messages API: POST /v1/messages, answering message objects with text content blocks and
/// <c>usage.input_tokens/output_tokens</c>.
/// </summary>
public sealed class FakeAnthropicServer : FakeModelServer
{
    private static int s_ids;

    private FakeAnthropicServer()
    {
    }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<FakeAnthropicServer> StartNewAsync()
    {
        var server = new FakeAnthropicServer();
        await server.StartAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary>Queues a message whose single text block is <paramref name="text"/>.</summary>
    public void EnqueueMessage(string text, int inputTokens = 1500, int outputTokens = 50, string model = "claude-fake") =>
        Enqueue(Message(text, inputTokens, outputTokens, model));

    /// <summary>A Messages API reply whose single text block is <paramref name="text"/> (for responders).</summary>
    public static ScriptedReply Message(string text, int inputTokens = 1500, int outputTokens = 50, string model = "claude-fake")
    {
        var id = Interlocked.Increment(ref s_ids);
        var body = JsonSerializer.Serialize(new
        {
            id = $"msg_fake{id}",
            type = "message",
            role = "assistant",
            model,
            content = new[] { new { type = "text", text } },
            stop_reason = "end_turn",
            stop_sequence = (string?)null,
            usage = new { input_tokens = inputTokens, output_tokens = outputTokens },
        });
        return new ScriptedReply(200, body);
    }

    /// <summary>Queues an Anthropic-style error (<c>{"type":"error","error":{"type","message"}}</c>).</summary>
    public void EnqueueError(int status, string type = "api_error", string message = "fake error", IReadOnlyDictionary<string, string>? headers = null) =>
        Enqueue(new ScriptedReply(status, ErrorBody(type, message)) { Headers = headers ?? new Dictionary<string, string>() });

    /// <inheritdoc />
    protected override void Map(IEndpointRouteBuilder routes) => routes.MapPost("/v1/messages", HandleAsync);

    /// <inheritdoc />
    /// <remarks>The Messages API takes <c>x-api-key</c>; Anthropic's C# SDK 13.x sends the key as a bearer token: both count.</remarks>
    protected override string? PresentedKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers["x-api-key"].FirstOrDefault() is { Length: > 0 } key)
        {
            return key;
        }

        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : null;
    }

    /// <inheritdoc />
    protected override string ErrorBody(string type, string message) =>
        JsonSerializer.Serialize(new { type = "error", error = new { type, message } });
}
