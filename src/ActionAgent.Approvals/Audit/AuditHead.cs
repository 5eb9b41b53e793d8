using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ActionAgent.Approvals.Audit;

/// <summary>The seq and hash of the last sound entry of a log, written <c>SEQ:HASH</c> (e.g. in a run's run.json as versions.auditHead).</summary>
public sealed record AuditHead(long Seq, string Hash)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Seq}:{Hash}");

    /// <summary>Reads <c>SEQ:HASH</c> (a whole number from 1, a colon, 64 lower-case hex digits).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AuditHead? head)
    {
        head = null;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0
            || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || seq < 1
            || !AuditHashing.IsHash(text![(colon + 1)..]))
        {
            return false;
        }

        head = new AuditHead(seq, text[(colon + 1)..]);
        return true;
    }
}
