using System.Numerics.Tensors;

namespace ActionAgent.Vision.Ocr;

/// <summary>Greedy CTC decoding: best class per time step, drop blanks (class 0) and repeats; confidence is the mean kept probability.</summary>
internal static class CtcDecoder
{
    /// <summary>One decoded character and the time step where it was read (for placing it in the image).</summary>
    public readonly record struct Symbol(string Text, int Step, float Probability);

    /// <summary>Decodes one sequence of <paramref name="steps"/> × <paramref name="classes"/> probabilities into symbols.</summary>
    public static List<Symbol> Decode(ReadOnlySpan<float> probabilities, int steps, int classes, string[] characters)
    {
        var symbols = new List<Symbol>();
        var previous = -1;
        for (var t = 0; t < steps; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            var best = TensorPrimitives.IndexOfMax(row);
            if (best > 0 && best != previous && best < characters.Length)
            {
                symbols.Add(new Symbol(characters[best], t, row[best]));
            }

            previous = best;
        }

        return symbols;
    }

    /// <summary>Mean probability of the symbols (0 when there are none).</summary>
    public static double Confidence(IReadOnlyList<Symbol> symbols) => symbols.Count == 0 ? 0 : symbols.Average(s => s.Probability);
}
