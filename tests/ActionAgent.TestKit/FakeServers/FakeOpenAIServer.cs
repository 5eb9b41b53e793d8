using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ActionAgent.TestKit.FakeServers;

/// <summary>
/// A fake OpenAI-compatible server: POST /v1/chat/completions (and Azure's
/// /openai/deployments/{deployment}/chat/completions), answering chat.completion objects with usage.
/// </summary>
public sealed class FakeOpenAIServer : FakeModelServer
{
    private static int s_ids;

    private FakeOpenAIServer()
    {
    }

    /// <summary>The base URL an OpenAI client is given: http://127.0.0.1:PORT/v1.</summary>
    public Uri ApiBaseUrl => new(BaseUrl, "v1");

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<FakeOpenAIServer> StartNewAsync()
    {
        var server = new FakeOpenAIServer();
        await server.StartAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary>Queues a completion whose assistant message is <paramref name="content"/>.</summary>
    public void EnqueueCompletion(string content, int promptTokens = 1200, int completionTokens = 40, string model = "fake-model") =>
        Enqueue(Completion(content, promptTokens, completionTokens, model));

    /// <summary>A chat.completion reply whose assistant message is <paramref name="content"/>.</summary>
    public static ScriptedReply Completion(string content, int promptTokens = 1200, int completionTokens = 40, string model = "fake-model")
    {
        var id = Interlocked.Increment(ref s_ids);
        var body = JsonSerializer.Serialize(new
        {
            id = $"chatcmpl-fake{id}",
            @object = "chat.completion",
            created = 1_700_000_000,
            model,
            choices = new[]
            {
                new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" },
            },
            usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
        });
        return new ScriptedReply(200, body);
    }

    /// <summary>Queues an OpenAI-style error (<c>{"error":{"message","type","code"}}</c>) with optional headers.</summary>
    public void EnqueueError(int status, string message = "fake error", string type = "server_error", IReadOnlyDictionary<string, string>? headers = null) =>
        Enqueue(new ScriptedReply(status, ErrorBody(type, message)) { Headers = headers ?? new Dictionary<string, string>() });

    /// <inheritdoc />
    protected override void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/chat/completions", HandleAsync);
        routes.MapPost("/openai/deployments/{deployment}/chat/completions", HandleAsync);
    }

    /// <inheritdoc />
    protected override string? PresentedKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : request.Headers["api-key"].FirstOrDefault();
    }

    /// <inheritdoc />
    protected override string ErrorBody(string type, string message) =>
        JsonSerializer.Serialize(new { error = new { message, type, code = type } });
}
