using System.Text.RegularExpressions;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;

namespace ActionAgent.Flows.Tests.Fakes;

/// <summary>
/// A stand-in for the step interpreter: "Type X into L", "Click L", "Click the L link", "Check L"; after one
/// successful action it answers done. Counts its calls.
/// </summary>
internal sealed partial class InstructionDecider : IDecider
{
    private int _calls;

    public string Name => "fake-interpreter";

    public int Calls => Volatile.Read(ref _calls);

    public TimeSpan Delay { get; init; }

    [GeneratedRegex(@"^type (?<v>.+) into (?<l>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex TypeInto();

    [GeneratedRegex(@"^(?:click|press|check|choose)(?: the)? (?<l>.+?)(?: link| button| checkbox)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Click();

    public async Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (context.Last is { Succeeded: true })
        {
            return new ProposedAction(new DoneAction($"did \"{context.Task}\""), "the action succeeded") { DecidedBy = Name, StepText = context.Task };
        }

        UiElement? Find(string label) => context.Observation.Elements.FirstOrDefault(e => string.Equals(e.Name, label.Trim().Trim('"'), StringComparison.OrdinalIgnoreCase));
        var m = TypeInto().Match(context.Task);
        if (m.Success && Find(m.Groups["l"].Value) is { } field)
        {
            return new ProposedAction(new TypeTextAction(ActionTarget.Element(field.Id, field.Name), m.Groups["v"].Value.Trim('"')), $"type into {field.Name}")
            {
                DecidedBy = Name,
                StepText = context.Task,
                Usage = new ModelUsage("fake", 100, 10, 0.001m),
            };
        }

        m = Click().Match(context.Task);
        if (!TypeInto().IsMatch(context.Task) && m.Success && Find(m.Groups["l"].Value) is { } target)
        {
            return new ProposedAction(new ClickAction(ActionTarget.Element(target.Id, target.Name)), $"click {target.Name}")
            {
                DecidedBy = Name,
                StepText = context.Task,
                Usage = new ModelUsage("fake", 100, 10, 0.001m),
            };
        }

        return new ProposedAction(new FailAction($"nothing on the page matches \"{context.Task}\""), "no match") { DecidedBy = Name, StepText = context.Task };
    }
}
