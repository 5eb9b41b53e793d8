using System.CommandLine;
using System.Globalization;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Meaning;
using ActionAgent.Models.Cost;
using ActionAgent.Models.Deciders;
using ActionAgent.Models.Providers;
using ActionAgent.Models.Verification;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Cli.Commands;

/// <summary>The decider options of <c>run</c>: which model (if any), its endpoint, budgets, routing and verification.</summary>
public sealed class ModelCliOptions
{
    /// <summary>--model.</summary>
    public Option<string> Model { get; } = new("--model", "-m")
    {
        Description = "Decider: 'interpreter' (offline, default), 'provider:model' (openai:gpt-4.1-mini, anthropic:claude-sonnet-4-5, " +
                      "ollama:qwen2.5vl:7b, openai-compatible:NAME, azure:DEPLOYMENT) or 'auto' (interpreter, then small, then large model)",
        DefaultValueFactory = _ => "interpreter",
    };

    /// <summary>--base-url.</summary>
    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "Endpoint of an OpenAI-compatible server (also ACTIONAGENT_BASE_URL)" };

    /// <summary>--small-model.</summary>
    public Option<string?> SmallModel { get; } = new("--small-model") { Description = "With --model auto: the model for routine steps (default openai:gpt-4.1-mini)" };

    /// <summary>--large-model.</summary>
    public Option<string?> LargeModel { get; } = new("--large-model") { Description = "With --model auto: the model when the small one fails or is unsure (default openai:gpt-4.1)" };

    /// <summary>--budget-tokens.</summary>
    public Option<long?> BudgetTokens { get; } = new("--budget-tokens") { Description = "Most model tokens the run may spend" };

    /// <summary>--budget-cost.</summary>
    public Option<string?> BudgetCost { get; } = new("--budget-cost") { Description = "Most money (USD) the run may spend on models, e.g. 0.50" };

    /// <summary>--budget-calls.</summary>
    public Option<int?> BudgetCalls { get; } = new("--budget-calls") { Description = "Most model calls the run may make" };

    /// <summary>--verify.</summary>
    public Option<bool> Verify { get; } = new("--verify") { Description = "At the end, a model checks the final screenshot against the task (claimed done, verified / not verified)" };

    /// <summary>--verify-model.</summary>
    public Option<string?> VerifyModel { get; } = new("--verify-model") { Description = "Model for --verify (default: --model, or the large model with auto)" };

    /// <summary>--meaning.</summary>
    public Option<bool> Meaning { get; } = new("--meaning")
    {
        Description = "Offline interpreter: where a step's words match nothing, match by meaning with the on-device MiniLM model " +
                      "(\"arrived late\" -> Late delivery; loads in about 2 s and takes about 360 MB on first use)",
    };

    /// <summary>Adds the options to a command; <paramref name="withVerify"/> false leaves out --verify and --verify-model (flows check expectations instead).</summary>
    public void AddTo(Command command, bool withVerify = true)
    {
        foreach (var option in new Option[] { Model, BaseUrl, SmallModel, LargeModel, BudgetTokens, BudgetCost, BudgetCalls, Meaning })
        {
            command.Add(option);
        }

        if (withVerify)
        {
            command.Add(Verify);
            command.Add(VerifyModel);
        }
    }

    /// <summary>The offline interpreter's options: every step confirmed, and the meaning model when --meaning is given.</summary>
    public StepInterpreterOptions InterpreterOptions(ParseResult result) => new()
    {
        RequireEveryStepConfirmed = true,
        Meaning = result.GetValue(Meaning) ? MiniLmMeaningModel.Instance : null,
    };

    /// <summary>True when --model names the offline interpreter (the default).</summary>
    public bool IsInterpreter(ParseResult result) =>
        string.Equals((result.GetValue(Model) ?? "interpreter").Trim(), "interpreter", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Builds the decider. Throws <see cref="ModelConfigurationException"/> (unknown provider, missing key) or
    /// <see cref="ArgumentException"/> (bad budget) before the run starts. The returned factory owns the HTTP clients.
    /// </summary>
    public (IDecider Decider, IDisposable? Owner) Create(ParseResult result, ILoggerFactory loggerFactory) => Create(result, loggerFactory, null);

    /// <summary>
    /// Builds the decider; <paramref name="withSkills"/> (given the model decider and the interpreter) wraps a model decider
    /// so it can run skills, inside the end-of-run verifier. The offline interpreter is never wrapped.
    /// </summary>
    public (IDecider Decider, IDisposable? Owner) Create(ParseResult result, ILoggerFactory loggerFactory, Func<IDecider, IDecider, IDecider>? withSkills)
    {
        var model = (result.GetValue(Model) ?? "interpreter").Trim();
        var offline = IsInterpreter(result);
        var interpreter = new StepInterpreter(InterpreterOptions(result), loggerFactory.CreateLogger<StepInterpreter>());
        var verify = result.GetValue(Verify);
        if (offline && !verify)
        {
            return (interpreter, null);
        }

        decimal? cost = null;
        if (result.GetValue(BudgetCost) is { } c)
        {
            if (!decimal.TryParse(c, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) || parsed < 0)
            {
                throw new ArgumentException($"--budget-cost must be an amount like 0.50, got \"{c}\"");
            }

            cost = parsed;
        }

        if (result.GetValue(BudgetTokens) is < 1 and var tokens)
        {
            throw new ArgumentException($"--budget-tokens must be a positive number of tokens, got {tokens}");
        }

        if (result.GetValue(BudgetCalls) is < 1 and var calls)
        {
            throw new ArgumentException($"--budget-calls must be a positive number of model calls, got {calls}");
        }

        var budget = new RunBudget(new Budget { MaxTokens = result.GetValue(BudgetTokens), MaxCost = cost, MaxCalls = result.GetValue(BudgetCalls) });
        var factory = new ModelDeciderFactory(
            new ChatClientFactory(new ModelOptions { BaseUrl = result.GetValue(BaseUrl) }, loggerFactory), budget, null, loggerFactory);
        try
        {
            var routing = new RoutingOptions();
            if (result.GetValue(SmallModel) is { } small)
            {
                routing.SmallModel = small;
            }

            if (result.GetValue(LargeModel) is { } large)
            {
                routing.LargeModel = large;
            }

            var decider = offline ? interpreter : factory.Create(model, interpreter, routing);
            if (!offline && withSkills is not null)
            {
                decider = withSkills(decider, interpreter);
            }

            if (verify)
            {
                var verifyModel = result.GetValue(VerifyModel)
                    ?? (string.Equals(model, "auto", StringComparison.OrdinalIgnoreCase) ? routing.LargeModel
                        : offline
                            ? throw new ArgumentException("--verify with the offline interpreter needs --verify-model provider:model")
                            : model);
                decider = new VerifyingDecider(decider, factory.CreateVerifier(ModelSpec.Parse(verifyModel)));
            }

            return (decider, factory);
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }
}
