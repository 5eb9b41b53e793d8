using ActionAgent.Core.Decision.Meaning;

namespace ActionAgent.TestKit.Fakes;

/// <summary>
/// A meaning model with meanings set by hand: texts put in the same group get the same direction (similarity 1 between
/// them), a text may lean towards a group by a given similarity, and every other text gets a direction of its own
/// (similarity 0 to everything else). Counts the texts it was asked to encode.
/// </summary>
public sealed class FakeMeaningModel : IMeaningModel
{
    private const int Dimensions = 512;
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.OrdinalIgnoreCase);
    private int _next;

    /// <summary>How many texts were encoded.</summary>
    public int Encoded { get; private set; }

    /// <summary>Gives all <paramref name="texts"/> one shared meaning.</summary>
    public FakeMeaningModel Same(params string[] texts)
    {
        var v = Axis(_next++);
        foreach (var t in texts)
        {
            _vectors[t] = v;
        }

        return this;
    }

    /// <summary>Makes <paramref name="text"/> have similarity <paramref name="similarity"/> with each of <paramref name="others"/> (set up first with <see cref="Same"/>).</summary>
    public FakeMeaningModel Near(string text, double similarity, params string[] others)
    {
        // Equal weights on the others' axes plus a private axis: cosine with each other is exactly the similarity.
        var v = new float[Dimensions];
        var own = Axis(_next++);
        var w = similarity;
        var ownWeight = Math.Sqrt(Math.Max(0, 1 - (others.Length * w * w)));
        foreach (var o in others)
        {
            var axis = _vectors[o];
            for (var i = 0; i < Dimensions; i++)
            {
                v[i] += (float)(w * axis[i]);
            }
        }

        for (var i = 0; i < Dimensions; i++)
        {
            v[i] += (float)(ownWeight * own[i]);
        }

        MeaningVectors.Normalize(v);
        _vectors[text] = v;
        return this;
    }

    /// <inheritdoc />
    public float[] Embed(string text)
    {
        Encoded++;
        if (!_vectors.TryGetValue(text.Trim(), out var v))
        {
            v = Axis(_next++);
            _vectors[text.Trim()] = v;
        }

        return v;
    }

    private static float[] Axis(int n)
    {
        if (n >= Dimensions)
        {
            throw new InvalidOperationException($"the fake meaning model holds at most {Dimensions} distinct meanings");
        }

        var v = new float[Dimensions];
        v[n] = 1;
        return v;
    }
}
