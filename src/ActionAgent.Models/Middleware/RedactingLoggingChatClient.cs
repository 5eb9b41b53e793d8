using System.Diagnostics;
using System.Text;
using ActionAgent.Core.Policy;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Models.Middleware;

/// <summary>
/// Logs model requests and responses at Trace only (they hold page text): images as "[image/jpeg 84,213 bytes]",
/// API keys as {{secret:MODEL_API_KEY}} and anything key-shaped as [REDACTED], long text cut.
/// </summary>
public sealed class RedactingLoggingChatClient : DelegatingChatClient
{
    private const int MaxTextChars = 4000;
    private readonly ILogger _logger;
    private readonly ISecretRedaction _redactor;
    private readonly string _model;

    /// <summary>Wraps <paramref name="innerClient"/>; <paramref name="secrets"/> are values never to be logged (API keys).</summary>
    public RedactingLoggingChatClient(IChatClient innerClient, ILogger<RedactingLoggingChatClient> logger, string model, IEnumerable<string>? secrets = null)
        : this(innerClient, (ILogger)logger, model, ModelKeyRedaction.For(secrets))
    {
    }

    internal RedactingLoggingChatClient(IChatClient innerClient, ILogger logger, string model, ISecretRedaction redactor)
        : base(innerClient)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _model = model;
        _redactor = redactor;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!_logger.IsEnabled(LogLevel.Trace))
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }

        var list = messages as IList<ChatMessage> ?? messages.ToList();
        _logger.LogTrace("Model request to {Model}: {Request}", _model, Describe(list));
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
            _logger.LogTrace(
                "Model response from {Model} in {ElapsedMs} ms ({InputTokens} in, {OutputTokens} out): {Response}",
                _model, clock.ElapsedMilliseconds, response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount, Cut(_redactor.Redact(response.Text)));
            return response;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogTrace("Model request to {Model} failed after {ElapsedMs} ms: {Error}", _model, clock.ElapsedMilliseconds, _redactor.Redact(e.Message));
            throw;
        }
    }

    /// <summary>The messages as a log line: roles, redacted text, images by type and size only.</summary>
    internal string Describe(IEnumerable<ChatMessage> messages)
    {
        var text = new StringBuilder();
        foreach (var message in messages)
        {
            text.Append('[').Append(message.Role.Value).Append("] ");
            foreach (var content in message.Contents)
            {
                switch (content)
                {
                    case TextContent t:
                        text.Append(Cut(_redactor.Redact(t.Text)));
                        break;
                    case DataContent d:
                        text.Append('[').Append(d.MediaType).Append(' ').Append(d.Data.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)).Append(" bytes]");
                        break;
                    default:
                        text.Append('[').Append(content.GetType().Name).Append(']');
                        break;
                }

                text.Append(' ');
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Cut(string text) => text.Length <= MaxTextChars ? text : text[..MaxTextChars] + $"… ({text.Length} chars)";
}
