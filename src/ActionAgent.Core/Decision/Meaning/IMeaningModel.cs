namespace ActionAgent.Core.Decision.Meaning;

/// <summary>
/// A sentence-embedding model run on the device: phrases that mean the same ("arrived late", "Late delivery") get
/// vectors close together. Used by the offline interpreter only where words do not match.
/// </summary>
public interface IMeaningModel
{
    /// <summary>The embedding of <paramref name="text"/>, unit length, so a dot product is the cosine similarity.</summary>
    float[] Embed(string text);

    /// <summary>The embeddings of several texts, in order; implementations may run them as one batch.</summary>
    IReadOnlyList<float[]> EmbedAll(IReadOnlyList<string> texts) => texts.Select(Embed).ToArray();

    /// <summary>Cosine similarity (−1..1) of the meanings of two texts.</summary>
    double Similarity(string a, string b) => MeaningVectors.Cosine(Embed(a), Embed(b));
}
