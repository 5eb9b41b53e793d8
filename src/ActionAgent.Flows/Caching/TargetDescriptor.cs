using ActionAgent.Core.Perception;

namespace ActionAgent.Flows.Caching;

/// <summary>
/// What identifies an action's target across runs, where element ids do not: role, name, text, nearby label, box,
/// OCR text and a small image crop (PNG, base64). Used by the action cache, replay and export.
/// </summary>
public sealed record TargetDescriptor
{
    /// <summary>ARIA-style role.</summary>
    public required string Role { get; init; }

    /// <summary>Accessible name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Visible text, when different from the name.</summary>
    public string? Text { get; init; }

    /// <summary>Placeholder of an input.</summary>
    public string? Placeholder { get; init; }

    /// <summary>The label a person reads next to it.</summary>
    public string? NearbyText { get; init; }

    /// <summary>HTML tag.</summary>
    public string? Tag { get; init; }

    /// <summary>Input type.</summary>
    public string? InputType { get; init; }

    /// <summary>Link target.</summary>
    public string? Href { get; init; }

    /// <summary>Box in CSS pixels when it was recorded.</summary>
    public ScreenRect Bounds { get; init; }

    /// <summary>Text read by OCR, for elements perceived from pixels.</summary>
    public string? OcrText { get; init; }

    /// <summary>Where it was perceived.</summary>
    public ElementSource Source { get; init; } = ElementSource.Dom;

    /// <summary>A PNG crop of the element (base64), for template matching; never taken of secret fields.</summary>
    public string? CropPng { get; init; }

    /// <summary>The best single label for people.</summary>
    public string Label =>
        !string.IsNullOrWhiteSpace(Name) ? Name
        : !string.IsNullOrWhiteSpace(Text) ? Text!
        : !string.IsNullOrWhiteSpace(Placeholder) ? Placeholder!
        : NearbyText ?? OcrText ?? "";

    /// <summary>Describes an element; <paramref name="crop"/> is its PNG crop, when one was made.</summary>
    public static TargetDescriptor From(UiElement element, ReadOnlyMemory<byte> crop = default)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new TargetDescriptor
        {
            Role = element.Role,
            Name = element.Name,
            Text = element.Text,
            Placeholder = element.Placeholder,
            NearbyText = element.NearbyText,
            Tag = element.Tag,
            InputType = element.InputType,
            Href = element.Href,
            Bounds = element.Bounds,
            OcrText = element.Source.HasFlag(ElementSource.Ocr) ? element.Text ?? element.Name : null,
            Source = element.Source,
            CropPng = crop.IsEmpty || element.IsSecret ? null : Convert.ToBase64String(crop.Span),
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"{Role} \"{Label}\" {Bounds}";
}
