using ActionAgent.Core.Decision;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;

namespace ActionAgent.Flows.Replay;

/// <summary>The secrets a recording will type when replayed (<c>{{secret:NAME}}</c> references), to check them before any browser starts.</summary>
public static class RecordingSecrets
{
    /// <summary>The distinct secret names the replayed steps refer to, in order of first use.</summary>
    public static IReadOnlyList<string> NamesIn(RunRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return recording.Steps
            .Where(DescriptorReplayDecider.IsReplayable)
            .SelectMany(s => s.Proposal.Action switch
            {
                TypeTextAction type => SecretReference.NamesIn(type.Text),
                NavigateAction nav => SecretReference.NamesIn(nav.Url),
                _ => [],
            })
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
