using System.Numerics.Tensors;
using System.Text;

namespace ActionAgent.Vision.Ocr;

/// <summary>Greedy CTC decoding: best class per time step, drop blanks (class 0) and repeats; confidence is the mean kept probability.</summary>
internal static class CtcDecoder
{
    /// <summary>Decodes one sequence of <paramref name="steps"/> × <paramref name="classes"/> probabilities.</summary>
    public static (string Text, double Confidence) Decode(ReadOnlySpan<float> probabilities, int steps, int classes, string[] characters)
    {
        var text = new StringBuilder();
        double sum = 0;
        var kept = 0;
        var previous = -1;
        for (var t = 0; t < steps; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            var best = TensorPrimitives.IndexOfMax(row);
            if (best > 0 && best != previous && best < characters.Length)
            {
                text.Append(characters[best]);
                sum += row[best];
                kept++;
            }

            previous = best;
        }

        return kept == 0 ? ("", 0) : (text.ToString().Trim(), sum / kept);
    }
}
