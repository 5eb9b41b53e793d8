using System.Globalization;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Models.Cost;
using ActionAgent.Models.Imaging;
using ActionAgent.Models.Middleware;
using ActionAgent.Models.Output;
using ActionAgent.Models.Prompting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Models.Deciders;

/// <summary>
/// Decides each step with a multimodal model behind an <see cref="IChatClient"/>: renders the prompt with the
/// set-of-marks screenshot, asks for one JSON action, validates it against the observation, re-asks with the error
/// (bounded) and otherwise fails the step with a clear reason. Model and budget failures come back as a FailAction.
/// </summary>
public sealed class ChatClientDecider : IDecider, IDescribesVersions
{
    private const int MaxEchoedAnswerChars = 1000;

    private readonly IChatClient _client;
    private readonly ChatClientDeciderOptions _options;
    private readonly RunBudget? _budget;
    private readonly ILogger _logger;
    private readonly PromptBuilder _prompts;
    private readonly ScreenshotEncoder _encoder;
    private readonly List<PastScreenshot> _earlier = [];
    private string? _runId;

    /// <summary>
    /// Creates the decider. <paramref name="name"/> is the model spec ("openai:gpt-4.1-mini"); pass the same
    /// <paramref name="budget"/> the client was built with so it resets per run.
    /// </summary>
    public ChatClientDecider(IChatClient client, string name, ChatClientDeciderOptions? options = null, RunBudget? budget = null, ILogger<ChatClientDecider>? logger = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("The decider needs a name (the model spec).", nameof(name)) : name;
        _options = options ?? new ChatClientDeciderOptions();
        _budget = budget;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _prompts = new PromptBuilder(_options.Prompt);
        _encoder = new ScreenshotEncoder(_options.Images);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Versions to record in run.json (merge into AgentLoop.Versions): prompt template and model.</summary>
    public IReadOnlyDictionary<string, string> Versions => new Dictionary<string, string>
    {
        ["prompt"] = PromptTemplates.Version,
        ["model"] = Name,
    };

    /// <inheritdoc />
    public async Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        BeginRun(context.RunId);
        var observation = context.Observation;
        var shot = observation.MarkedScreenshot.IsEmpty ? observation.Screenshot : observation.MarkedScreenshot;
        var image = _encoder.Encode(shot);
        var earlier = _earlier.ToList();
        if (image is not null && _options.Prompt.ImagesToKeep > 1)
        {
            _earlier.Add(new PastScreenshot(context.Step, image));
            if (_earlier.Count > _options.Prompt.ImagesToKeep - 1)
            {
                _earlier.RemoveAt(0);
            }
        }

        var page = 1;
        var prompt = _prompts.Build(context, image, earlier, page);
        var messages = prompt.Messages.ToList();
        var chatOptions = new ChatOptions
        {
            ResponseFormat = !_options.UseJsonSchema ? ChatResponseFormat.Json
                : context.Skills.Count > 0 ? ActionSchema.ResponseFormatWithSkills : ActionSchema.ResponseFormat,
            MaxOutputTokens = _options.MaxOutputTokens,
            Temperature = _options.Temperature,
            AdditionalProperties = new() { ["strict"] = true },
        };

        var usage = new ModelUsage(Name, 0, 0, 0m);
        var invalid = 0;
        var pagesSeen = 0;
        while (true)
        {
            ChatResponse response;
            try
            {
                response = await _client.GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (BudgetExceededException e)
            {
                _logger.LogWarning("Step {Step}: {Model} not called: {Reason}", context.Step, Name, e.Message);
                return Fail(e.Message, "budget exceeded", usage, FailureKind.BudgetExceeded);
            }
            catch (ModelCallException e)
            {
                _logger.LogWarning("Step {Step}: {Model} call failed: {Kind} {Status}", context.Step, Name, e.Kind, e.StatusCode);
                return Fail(e.Message, "model call failed", usage, e.Kind is ModelErrorKind.Unauthorized or ModelErrorKind.Forbidden ? FailureKind.ProviderUnauthorized : FailureKind.ProviderUnavailable);
            }

            usage = Add(usage, UsageAccountingChatClient.UsageOf(response, Name));
            var reply = ActionReplyParser.Parse(response.Text, observation, prompt.Elements.PageCount, context.Skills);
            if (reply.RequestedPage is { } wanted && pagesSeen < _options.MaxElementPages)
            {
                pagesSeen++;
                page = wanted;
                _logger.LogDebug("Step {Step}: {Model} asked for element page {Page}", context.Step, Name, page);
                prompt = _prompts.Build(context, image, earlier, page);
                messages = prompt.Messages.ToList();
                continue;
            }

            if (reply.IsAction)
            {
                return new ProposedAction(reply.Action!, reply.Reason.Length > 0 ? reply.Reason : reply.Action!.Describe())
                {
                    Confidence = reply.Confidence,
                    DecidedBy = Name,
                    Usage = usage,
                };
            }

            var error = reply.RequestedPage is not null
                ? string.Create(CultureInfo.InvariantCulture, $"no more element pages this step (already showed {pagesSeen + 1}); choose an action, or target by x and y")
                : reply.Error!;
            invalid++;
            // The error may quote page text or the model's answer: only Trace may carry it.
            _logger.LogInformation("Step {Step}: {Model} gave an invalid answer ({Attempt} of {Attempts})", context.Step, Name, invalid, _options.MaxInvalidRetries + 1);
            _logger.LogTrace("Step {Step}: invalid answer from {Model}: {Error}", context.Step, Name, error);
            if (invalid > _options.MaxInvalidRetries)
            {
                var reason = string.Create(CultureInfo.InvariantCulture,
                    $"{ModelFailures.InvalidOutput} {Name} gave no valid action in {invalid} attempts; last problem: {error}");
                return Fail(reason, "invalid model output", usage, FailureKind.InvalidModelOutput);
            }

            var echoed = response.Text.Length > MaxEchoedAnswerChars ? response.Text[..MaxEchoedAnswerChars] + "…" : response.Text;
            messages.Add(new ChatMessage(ChatRole.Assistant, echoed));
            messages.Add(new ChatMessage(ChatRole.User, PromptTemplates.InvalidAnswer(error)));
        }
    }

    private void BeginRun(string runId)
    {
        _budget?.BeginRun(runId);
        if (!string.Equals(_runId, runId, StringComparison.Ordinal))
        {
            _runId = runId;
            _earlier.Clear();
        }
    }

    private ProposedAction Fail(string reason, string shortReason, ModelUsage usage, FailureKind kind) =>
        new(new FailAction(reason) { Failure = kind }, shortReason) { Confidence = 0, DecidedBy = Name, Usage = usage };

    private static ModelUsage Add(ModelUsage a, ModelUsage b) =>
        a with { InputTokens = a.InputTokens + b.InputTokens, OutputTokens = a.OutputTokens + b.OutputTokens, Cost = a.Cost + b.Cost };
}
