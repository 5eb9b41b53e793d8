using ActionAgent.Browser.Execution;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Support;

/// <summary>One task run the way `actionagent run` composes it offline: interpreter, default policy, DOM effect verifier, recorder.</summary>
internal static class InterpreterRun
{
    public static Task<RunResult> RunAsync(BrowserSession session, DirectoryInfo recordings, string task, CancellationToken cancellationToken)
    {
        var loop = new AgentLoop(new AgentParts
        {
            Perceiver = session.CreatePerceiver(), Decider = new StepInterpreter(), Policy = new PolicyEngine(PolicyDocument.Default),
            Approver = AutoApprover.ApproveAll, Executor = session.CreateExecutor(), Verifier = new DomEffectVerifier(session),
            Recorder = new JsonRunRecorder(recordings.FullName),
        });
        return loop.RunAsync(new RunRequest(task) { RunId = Guid.NewGuid().ToString("N") }, cancellationToken);
    }
}
