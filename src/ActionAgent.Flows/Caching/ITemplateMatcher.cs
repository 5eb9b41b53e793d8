namespace ActionAgent.Flows.Caching;

/// <summary>Finds a small PNG (a target's crop) in a screenshot; implemented by the vision layer (OpenCV template matching).</summary>
public interface ITemplateMatcher
{
    /// <summary>The best match (screenshot pixels) with its score 0..1, or null when nothing resembles the template.</summary>
    TemplateMatch? Find(ReadOnlyMemory<byte> screenshotPng, ReadOnlyMemory<byte> templatePng);
}
