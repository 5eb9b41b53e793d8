using System.Collections.Concurrent;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Recording;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Expectations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Flows.Skills;

/// <summary>
/// Skills as one-call actions for a model decider. The model sees the skills that match the task best (by meaning, with
/// typed parameters) beside the page's actions and may answer <c>run_skill(name, params)</c>. The call is checked
/// (<see cref="SkillCallCheck"/>); a refusal goes back to the model as a failed step in its history, never run. A call
/// that passes is expanded here, one action per step: the skill's start page, then each instruction grounded by
/// <paramref name="steps"/> (the offline interpreter, as in flows) and each <c>expect:</c> checked on the page. Every
/// action goes back to the agent loop and through policy, guard, approval, audit and verification like any other, and
/// carries the skill's id, version and values (<see cref="ProposedAction.Skill"/>). A skill step that cannot be done
/// ends the skill and hands the task back to the model with the reason.
/// </summary>
public sealed class SkillDecider(IDecider model, IDecider steps, IReadOnlyList<FlowDefinition> skills, SkillPicker picker, SkillDeciderOptions? options = null, ILogger<SkillDecider>? logger = null)
    : IDecider, IDescribesVersions
{
    private readonly SkillDeciderOptions _options = options ?? new SkillDeciderOptions();
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly ConcurrentDictionary<string, RunSkills> _runs = new(StringComparer.Ordinal);

    /// <summary>Checks skill <c>expect:</c> lines; give it an image comparer and cropper to check visual regions.</summary>
    public ExpectationChecker Checker { get; init; } = ExpectationChecker.Default;

    /// <inheritdoc />
    public string Name => model.Name;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Versions =>
        new Dictionary<string, string>((model as IDescribesVersions)?.Versions ?? new Dictionary<string, string>(), StringComparer.Ordinal) { ["skills"] = "run_skill-v1" };

    /// <inheritdoc />
    public async Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = _runs.AddOrUpdate(context.RunId, _ => new RunSkills(context.Task), (_, r) => context.History.Count == 0 || r.Task != context.Task ? new RunSkills(context.Task) : r);
        var proposal = run.Active is not null
            ? await ContinueAsync(run, context, ModelUsage.None, cancellationToken).ConfigureAwait(false)
            : await AskModelAsync(run, context, cancellationToken).ConfigureAwait(false);
        if (proposal.Action.IsTerminal)
        {
            _runs.TryRemove(context.RunId, out _);
        }

        return proposal;
    }

    private async Task<ProposedAction> AskModelAsync(RunSkills run, DecisionContext context, CancellationToken ct)
    {
        run.Offered ??= Offer(context.Task);
        var usage = ModelUsage.None;
        var refusals = 0;
        while (true)
        {
            var history = context.History.Concat(run.Notes).OrderBy(h => h.Step).ToList();
            var proposal = await model.DecideAsync(context with { History = history, Skills = run.Offered.Select(o => o.Tool).ToList() }, ct).ConfigureAwait(false);
            usage = Add(usage, proposal.Usage);
            if (proposal.Action is not RunSkillAction call)
            {
                return proposal with { Usage = usage };
            }

            var offered = run.Offered.FirstOrDefault(o => string.Equals(o.Tool.Name, call.Skill, StringComparison.OrdinalIgnoreCase));
            var (flow, values, refusal) = offered is null
                ? (null, new Dictionary<string, string>(), $"\"{call.Skill}\" is not one of the listed skills")
                : Uri.TryCreate(context.Observation.Url, UriKind.Absolute, out var page) && page.Scheme is "http" or "https"
                    ? SkillCallCheck.Check(offered.Skill, call, context.Observation, page.GetLeftPart(UriPartial.Authority))
                    : (null, new Dictionary<string, string>(), "a skill runs from a page of its site; open the site first");
            if (refusal is null)
            {
                var record = new SkillRecord
                {
                    Id = SkillCatalog.IdOf(offered!.Skill),
                    Name = offered.Skill.Name,
                    File = offered.Skill.SourcePath,
                    Version = SkillCatalog.VersionOf(offered.Skill),
                    Score = Math.Round(offered.Score, 3),
                    Parameters = values,
                };
                _logger.LogInformation("Step {Step}: {Model} runs skill {Skill} version {Version}", context.Step, proposal.DecidedBy, record.Id, record.Version);
                run.Active = new ActiveSkill(record, flow!.Steps.Concat(flow.Expectations.Select((e, i) => new FlowStep(flow.Steps.Count + i + 1, default) { Expectation = e })).ToList(), ++run.Started)
                {
                    StartUrl = flow.Url,
                    Call = proposal with { Usage = ModelUsage.None },
                };
                return await ContinueAsync(run, context, usage, ct).ConfigureAwait(false);
            }

            // Refused: the model sees it as a failed step of this turn and answers again; nothing ran.
            refusals++;
            _logger.LogInformation("Step {Step}: skill call refused ({Refusals} of {Max})", context.Step, refusals, _options.MaxRefusals + 1);
            _logger.LogTrace("Step {Step}: {Call} refused: {Refusal}", context.Step, call.Describe(), refusal);
            run.Notes.Add(new StepSummary(context.Step, call.Describe(), $"refused, nothing ran: {refusal}", false) { ActionKind = "run_skill", Failure = FailureKind.InvalidModelOutput });
            if (refusals > _options.MaxRefusals)
            {
                return new ProposedAction(new FailAction($"{refusals} skill calls were refused; last: {refusal}") { Failure = FailureKind.InvalidModelOutput }, "skill call refused")
                {
                    DecidedBy = proposal.DecidedBy,
                    Usage = usage,
                    Confidence = 0,
                };
            }
        }
    }

    private async Task<ProposedAction> ContinueAsync(RunSkills run, DecisionContext context, ModelUsage usage, CancellationToken ct)
    {
        var skill = run.Active!;
        ProposedAction Step(ProposedAction p, string? stepText)
        {
            var reason = skill.Call is { } call ? $"{call.Action.Describe()} ({call.Reason}): {p.Reason}" : p.Reason;
            skill.Call = null;
            return p with
            {
                Skill = skill.Record,
                StepText = p.StepText ?? stepText,
                DecidedBy = $"skill:{skill.Record.Id}" + (p.DecidedBy.Length > 0 ? "/" + p.DecidedBy : ""),
                Usage = Add(usage, p.Usage),
                Reason = reason,
            };
        }

        if (skill.StartUrl is { } start)
        {
            skill.StartUrl = null;
            skill.StartStep = context.Step + 1;
            if (!SameUrl(context.Observation.Url, start))
            {
                return Step(new ProposedAction(new NavigateAction(start), $"open the start page of skill {skill.Record.Id}"), null);
            }

            skill.StartStep = context.Step;
        }

        while (skill.Index < skill.Steps.Count)
        {
            var step = skill.Steps[skill.Index];
            var label = $"step {step.Index} \"{step}\"";
            if (step.Expectation is { } expectation)
            {
                var check = Checker.Check(expectation, context.Observation);
                if (check.Passed)
                {
                    Next(skill, context.Step);
                    continue;
                }

                if (!check.Final && skill.Waits < _options.ExpectationWaits)
                {
                    skill.Waits++;
                    return Step(new ProposedAction(new WaitAction(_options.ExpectationWait), $"waiting until {expectation.Source}"), $"expect: {expectation.Source}");
                }

                return await HandBackAsync(run, context, usage, $"{label} failed: {check.Message}", ct).ConfigureAwait(false);
            }

            var inner = new DecisionContext(
                $"{context.RunId}-skill{skill.Number}-step{step.Index}", step.Instruction!, context.Step - skill.StartStep + 1, context.Observation,
                context.History.Where(h => h.Step >= skill.StartStep).ToList());
            var proposal = await steps.DecideAsync(inner, ct).ConfigureAwait(false);
            switch (proposal.Action)
            {
                case DoneAction:
                    Next(skill, context.Step);
                    continue;
                case FailAction or AskHumanAction:
                    return await HandBackAsync(run, context, usage, $"{label} could not be done: {proposal.Reason}", ct).ConfigureAwait(false);
                default:
                    return Step(proposal, step.Instruction);
            }
        }

        run.Active = null;
        var done = new ProposedAction(new DoneAction($"skill {skill.Record.Id} done: every step and expectation passed"), "the skill's steps are done") { StepText = "done" };
        return Step(done, null);
    }

    // A skill step that cannot be done ends the skill; the model gets the task back with the reason in its history.
    private async Task<ProposedAction> HandBackAsync(RunSkills run, DecisionContext context, ModelUsage usage, string why, CancellationToken ct)
    {
        var skill = run.Active!;
        run.Active = null;
        _logger.LogInformation("Step {Step}: skill {Skill} stopped; the model takes the task back", context.Step, skill.Record.Id);
        _logger.LogTrace("Step {Step}: skill {Skill} stopped: {Why}", context.Step, skill.Record.Id, why);
        run.Notes.Add(new StepSummary(context.Step, $"run_skill {skill.Record.Id}", $"the skill stopped at {why}; go on from this page", false) { ActionKind = "run_skill", Failure = FailureKind.TaskFailed });
        var next = await AskModelAsync(run, context, ct).ConfigureAwait(false);
        return next with { Usage = Add(usage, next.Usage) };
    }

    private static void Next(ActiveSkill skill, int step)
    {
        skill.Index++;
        skill.Waits = 0;
        skill.StartStep = step;
    }

    private List<OfferedSkill> Offer(string task)
    {
        var ranked = picker.Pick(task, skills).Ranked;
        var offered = ranked.Where(s => s.Score >= _options.MinScore).Take(_options.MaxOffered)
            .Select(s => new OfferedSkill(s.Skill, SkillToolDescription.Of(s.Skill), s.Score)).ToList();
        _logger.LogInformation("Skills offered to the model: {Skills}", string.Join(", ", offered.Select(o => $"{o.Tool.Name} ({o.Score:0.00})")));
        return offered;
    }

    private static bool SameUrl(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static ModelUsage Add(ModelUsage a, ModelUsage b) =>
        b.TotalTokens == 0 && b.Cost == 0 ? a
        : a.TotalTokens == 0 && a.Cost == 0 ? b
        : new ModelUsage(a.Model == b.Model || b.Model.Length == 0 ? a.Model : $"{a.Model}+{b.Model}", a.InputTokens + b.InputTokens, a.OutputTokens + b.OutputTokens, a.Cost + b.Cost);

    private sealed record OfferedSkill(FlowDefinition Skill, SkillTool Tool, double Score);

    /// <summary>Per run: the skills offered, refusals and hand-backs to show the model, and the skill running.</summary>
    private sealed class RunSkills(string task)
    {
        public string Task { get; } = task;

        public List<OfferedSkill>? Offered { get; set; }

        public List<StepSummary> Notes { get; } = [];

        public ActiveSkill? Active { get; set; }

        public int Started { get; set; }
    }

    /// <summary>A skill being carried out: its record, its steps (instructions and expectations) and where it is.</summary>
    private sealed class ActiveSkill(SkillRecord record, IReadOnlyList<FlowStep> steps, int number)
    {
        public SkillRecord Record { get; } = record;

        public IReadOnlyList<FlowStep> Steps { get; } = steps;

        public int Number { get; } = number;

        public int Index { get; set; }

        public int StartStep { get; set; }

        public int Waits { get; set; }

        public string? StartUrl { get; set; }

        public ProposedAction? Call { get; set; }
    }
}
