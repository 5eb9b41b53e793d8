using ActionAgent.Core.Policy;

namespace ActionAgent.Core.Perception;

/// <summary>
/// Redacts secret values from every observation it passes on: URL, title, visible text, dialog text, notes and every
/// element's texts (DOM and OCR alike), so a page that echoes a secret cannot leak it to a model, a recording or a log.
/// Screenshot pixels are not changed.
/// </summary>
public sealed class RedactingPerceiver(IPerceiver inner, ISecretRedaction redaction) : IPerceiver
{
    private readonly IPerceiver _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private readonly ISecretRedaction _redaction = redaction ?? throw new ArgumentNullException(nameof(redaction));

    /// <inheritdoc />
    public async Task<Observation> ObserveAsync(CancellationToken cancellationToken = default) =>
        Redact(await _inner.ObserveAsync(cancellationToken).ConfigureAwait(false), _redaction);

    /// <summary>The observation with every text field redacted (for callers that observe without this decorator).</summary>
    public static Observation Redact(Observation observation, ISecretRedaction redaction)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(redaction);
        return observation with
        {
            Url = redaction.Redact(observation.Url),
            Title = redaction.Redact(observation.Title),
            VisibleText = redaction.Redact(observation.VisibleText),
            OpenDialog = Maybe(observation.OpenDialog, redaction),
            Notes = observation.Notes.Select(redaction.Redact).ToArray(),
            Elements = observation.Elements.Select(e => Redact(e, redaction)).ToArray(),
        };
    }

    private static UiElement Redact(UiElement element, ISecretRedaction redaction) => element with
    {
        Name = redaction.Redact(element.Name),
        Text = Maybe(element.Text, redaction),
        Value = Maybe(element.Value, redaction),
        Placeholder = Maybe(element.Placeholder, redaction),
        NearbyText = Maybe(element.NearbyText, redaction),
        Href = Maybe(element.Href, redaction),
        Options = element.Options.Select(redaction.Redact).ToArray(),
    };

    private static string? Maybe(string? text, ISecretRedaction redaction) => text is null ? null : redaction.Redact(text);
}
