using ActionAgent.Core.Decision;
using ActionAgent.Models.Cost;
using ActionAgent.Models.Providers;
using ActionAgent.Models.Verification;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Models.Deciders;

/// <summary>
/// Composition helper for the CLI: builds a <see cref="ChatClientDecider"/> for "provider:model", a
/// <see cref="RoutingDecider"/> for "auto", and a <see cref="TaskVerifier"/>, all sharing one <see cref="RunBudget"/>.
/// Owns the clients it creates and disposes them.
/// </summary>
public sealed class ModelDeciderFactory(
    ChatClientFactory clients, RunBudget budget, ChatClientDeciderOptions? deciderOptions = null, ILoggerFactory? loggerFactory = null) : IDisposable
{
    private readonly List<IChatClient> _created = [];
    private readonly ILoggerFactory _loggers = loggerFactory ?? NullLoggerFactory.Instance;

    /// <summary>The budget every client of this factory counts against.</summary>
    public RunBudget Budget { get; } = budget ?? throw new ArgumentNullException(nameof(budget));

    /// <summary>
    /// The decider for <paramref name="model"/>: "auto" routes between <paramref name="interpreter"/> and the models in
    /// <paramref name="routing"/>; anything else is parsed as a <see cref="ModelSpec"/> (throws <see cref="ModelConfigurationException"/>).
    /// </summary>
    public IDecider Create(string model, IDecider? interpreter = null, RoutingOptions? routing = null)
    {
        if (string.Equals(model?.Trim(), "auto", StringComparison.OrdinalIgnoreCase))
        {
            routing ??= new RoutingOptions();
            return new RoutingDecider(
                interpreter, CreateModel(ModelSpec.Parse(routing.SmallModel)), CreateModel(ModelSpec.Parse(routing.LargeModel)), routing, _loggers.CreateLogger<RoutingDecider>());
        }

        return CreateModel(ModelSpec.Parse(model));
    }

    /// <summary>A decider for one model.</summary>
    public ChatClientDecider CreateModel(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var client = Track(clients.Create(spec, Budget));
        return new ChatClientDecider(client, spec.ToString(), deciderOptions, Budget, _loggers.CreateLogger<ChatClientDecider>());
    }

    /// <summary>The end-of-run verifier for a model.</summary>
    public TaskVerifier CreateVerifier(ModelSpec spec, TaskVerifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new TaskVerifier(Track(clients.Create(spec, Budget)), spec.ToString(), options, _loggers.CreateLogger<TaskVerifier>());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var client in _created)
        {
            client.Dispose();
        }

        _created.Clear();
    }

    private IChatClient Track(IChatClient client)
    {
        _created.Add(client);
        return client;
    }
}
