using System.Text;
using System.Text.Json;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Models.Cost;
using ActionAgent.Models.Imaging;
using ActionAgent.Models.Middleware;
using ActionAgent.Models.Output;
using ActionAgent.Models.Prompting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Models.Verification;

/// <summary>
/// At the end of a run that claimed done, asks a model whether the final screenshot and page text show the task
/// complete; answers {verified, reason}. Failures to check are a status, not an exception.
/// </summary>
public sealed class TaskVerifier
{
    private static readonly JsonElement s_schema = JsonDocument.Parse(
        """
        {
          "type": "object",
          "properties": {
            "verified": { "type": "boolean" },
            "reason": { "type": "string", "description": "one sentence citing what the final page shows" }
          },
          "required": ["verified", "reason"],
          "additionalProperties": false
        }
        """).RootElement.Clone();

    private readonly IChatClient _client;
    private readonly TaskVerifierOptions _options;
    private readonly ScreenshotEncoder _encoder;
    private readonly ILogger _logger;

    /// <summary>Creates the verifier; <paramref name="name"/> is the model spec, recorded as <see cref="TaskVerification.CheckedBy"/>.</summary>
    public TaskVerifier(IChatClient client, string name, TaskVerifierOptions? options = null, ILogger<TaskVerifier>? logger = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        Name = name;
        _options = options ?? new TaskVerifierOptions();
        _encoder = new ScreenshotEncoder(_options.Images);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The model spec.</summary>
    public string Name { get; }

    /// <summary>The JSON schema of the answer.</summary>
    public static JsonElement Schema => s_schema;

    /// <summary>Checks <paramref name="final"/> against <paramref name="task"/>; <paramref name="claimedResult"/> is the done message.</summary>
    public async Task<TaskVerification> VerifyAsync(string task, Observation final, string? claimedResult = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(final);
        var text = new StringBuilder();
        text.Append("TASK (from the user): ").AppendLine(task.Trim());
        text.Append("The agent claimed: ").AppendLine(UntrustedText.Line(claimedResult, 500) is { Length: > 0 } claim ? claim : "(no result given)");
        text.AppendLine(UntrustedText.Open);
        text.Append("url: ").AppendLine(UntrustedText.Line(final.Url, 200));
        text.Append("title: ").AppendLine(UntrustedText.Line(final.Title, 120));
        text.Append("visible text: ").AppendLine(UntrustedText.Line(final.VisibleText, _options.VisibleTextChars));
        text.AppendLine(UntrustedText.Close);
        text.Append("Is the task complete according to this final page?");

        var contents = new List<AIContent> { new TextContent(text.ToString()) };
        var image = _encoder.Encode(final.Screenshot.IsEmpty ? final.MarkedScreenshot : final.Screenshot);
        if (image is not null)
        {
            contents.Add(new DataContent(image.Bytes, image.MediaType));
        }

        var messages = new List<ChatMessage> { new(ChatRole.System, PromptTemplates.VerifierSystemPrompt), new(ChatRole.User, contents) };
        var options = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(s_schema, "task_verification", "Whether the task is complete."),
            MaxOutputTokens = _options.MaxOutputTokens,
            Temperature = 0f,
        };

        var usage = new ModelUsage(Name, 0, 0, 0m);
        for (var attempt = 0; ; attempt++)
        {
            ChatResponse response;
            try
            {
                response = await _client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is BudgetExceededException or ModelCallException)
            {
                _logger.LogWarning("Verification by {Model} could not run: {Reason}", Name, e.Message);
                var kind = e switch
                {
                    BudgetExceededException => Core.Execution.FailureKind.BudgetExceeded,
                    ModelCallException { Kind: ModelErrorKind.Unauthorized or ModelErrorKind.Forbidden } => Core.Execution.FailureKind.ProviderUnauthorized,
                    _ => Core.Execution.FailureKind.ProviderUnavailable,
                };
                return Result(VerificationStatus.Unavailable, e.Message, usage) with { Failure = kind };
            }

            var spent = UsageAccountingChatClient.UsageOf(response, Name);
            usage = usage with { InputTokens = usage.InputTokens + spent.InputTokens, OutputTokens = usage.OutputTokens + spent.OutputTokens, Cost = usage.Cost + spent.Cost };
            var (verified, reason, error) = Parse(response.Text);
            if (error is null)
            {
                _logger.LogInformation("Verification by {Model}: {Verified}", Name, verified);
                return Result(verified ? VerificationStatus.Verified : VerificationStatus.NotVerified, reason, usage);
            }

            if (attempt >= _options.MaxInvalidRetries)
            {
                return Result(VerificationStatus.Unavailable, $"{ModelFailures.InvalidOutput} {Name} gave no valid verdict: {error}", usage) with { Failure = Core.Execution.FailureKind.InvalidModelOutput };
            }

            messages.Add(new ChatMessage(ChatRole.Assistant, response.Text.Length > 500 ? response.Text[..500] : response.Text));
            messages.Add(new ChatMessage(ChatRole.User, PromptTemplates.InvalidVerification(error)));
        }
    }

    private TaskVerification Result(VerificationStatus status, string reason, ModelUsage usage) =>
        new(status, reason) { CheckedBy = Name, Usage = usage };

    private static (bool Verified, string Reason, string? Error) Parse(string? text)
    {
        if (ActionReplyParser.ExtractJson(text) is not { } json)
        {
            return (false, "", $"it was not JSON (it began: \"{UntrustedText.Line(text, 60)}\")");
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("verified", out var verified)
                || verified.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return (false, "", "\"verified\" (true or false) is missing");
            }

            var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? UntrustedText.Line(r.GetString(), 300) : "";
            return (verified.GetBoolean(), reason.Length > 0 ? reason : "(no reason given)", null);
        }
        catch (JsonException e)
        {
            return (false, "", $"it was not valid JSON ({e.Message.Split('.')[0]})");
        }
    }
}
