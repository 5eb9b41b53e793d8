using OpenCvSharp;

namespace ActionAgent.Vision.Ocr;

/// <summary>
/// Measures one text-line crop so recognised text can be tidied: where the word gaps are (to put back spaces the
/// recogniser dropped) and whether the line is underlined (a link underline reads as "_" in word gaps).
/// </summary>
internal static class TextLineLayout
{
    /// <summary>
    /// What the crop analysis found: x centres (crop pixels) of gaps wide enough to be word spaces, and whether the
    /// line is underlined (a link).
    /// </summary>
    public sealed record Layout(IReadOnlyList<double> WordGaps, bool Underlined = false);

    /// <summary>Measures the word gaps of a line crop, looking through a link underline if there is one.</summary>
    public static Layout Measure(Mat crop)
    {
        using var grey = crop.CvtColor(ColorConversionCodes.BGR2GRAY);
        using var ink = new Mat();
        Cv2.Threshold(grey, ink, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
        // Ink is whichever side of the threshold covers less of the crop (dark text on light, or light on dark).
        if (Cv2.CountNonZero(ink) > ink.Rows * ink.Cols / 2)
        {
            Cv2.BitwiseNot(ink, ink);
        }

        var rows = ink.Rows;
        var cols = ink.Cols;
        ink.GetArray(out byte[] pixels);
        var (rowInk, colInk) = Project(pixels, rows, cols);
        var first = Array.FindIndex(colInk, c => c > 0);
        var last = Array.FindLastIndex(colInk, c => c > 0);
        if (first < 0 || last <= first)
        {
            return new Layout([]);
        }

        // An underline is a row in the lower part of a line that is inked along most of the text's width.
        var width = last - first + 1;
        var underline = Enumerable.Range(0, rows).Where(y => y >= rows * 55 / 100 && width >= rows && rowInk[y] >= width * 0.7).ToList();
        if (underline.Count > 0)
        {
            // Chromium skips descenders when it underlines, so the line is left in the image (painting it out would
            // cut "g" into "a"); it is only taken out of the gap measurement.
            foreach (var y in underline)
            {
                var top = Math.Max(0, y - 1);
                var bottom = Math.Min(rows - 1, y + 1);
                Array.Clear(pixels, top * cols, (bottom - top + 1) * cols);
            }

            (rowInk, colInk) = Project(pixels, rows, cols);
            first = Array.FindIndex(colInk, c => c > 0);
            last = Array.FindLastIndex(colInk, c => c > 0);
            if (first < 0 || last <= first)
            {
                return new Layout([], true);
            }
        }

        var inkHeight = Math.Max(1, Array.FindLastIndex(rowInk, c => c > 0) - Array.FindIndex(rowInk, c => c > 0) + 1);

        // Gaps between inked columns; word gaps stand out against the letter gaps of the same line.
        var gaps = new List<(int Start, int Length)>();
        var run = 0;
        for (var x = first; x <= last; x++)
        {
            if (colInk[x] == 0)
            {
                run++;
            }
            else if (run > 0)
            {
                gaps.Add((x - run, run));
                run = 0;
            }
        }

        if (gaps.Count == 0)
        {
            return new Layout([], underline.Count > 0);
        }

        var sorted = gaps.Select(g => g.Length).Order().ToArray();
        var letterGap = Math.Max(1, sorted[sorted.Length / 2]);
        var minimum = Math.Max(3 * letterGap, 0.35 * inkHeight);
        return new Layout(gaps.Where(g => g.Length >= minimum).Select(g => g.Start + g.Length / 2.0).ToList(), underline.Count > 0);
    }

    /// <summary>Puts back spaces the recogniser dropped where the crop shows a word gap between two characters.</summary>
    public static string Join(IReadOnlyList<CtcDecoder.Symbol> symbols, Func<int, double> stepToX, Layout layout)
    {
        var x = symbols.Select(s => stepToX(s.Step)).ToArray();
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < symbols.Count; i++)
        {
            var current = symbols[i].Text;
            if (layout.Underlined && current == "_")
            {
                // In an underlined line an underscore is the underline showing through a word gap.
                current = " ";
            }

            // Never split a number: digits in tabular fonts leave wide gaps around a narrow "1".
            var between = i > 0 && !(IsDigit(symbols[i - 1].Text) && IsDigit(current));
            if (between && current != " " && symbols[i - 1].Text != " " && layout.WordGaps.Any(g => g > x[i - 1] && g < x[i]))
            {
                text.Append(' ');
            }

            text.Append(current);
        }

        return Normalize(text.ToString());
    }

    /// <summary>
    /// The dictionary is Chinese and English: map full-width forms and CJK punctuation the model sometimes picks for
    /// Latin text back to ASCII, and tidy spaces.
    /// </summary>
    public static string Normalize(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            chars[i] = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                '\u3002' => '.',
                '\u3001' => ',',
                '\u2018' or '\u2019' => '\'',
                '\u201C' or '\u201D' => '"',
                _ => c,
            };
        }

        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool IsDigit(string s) => s.Length == 1 && char.IsAsciiDigit(s[0]);

    private static (int[] Rows, int[] Columns) Project(byte[] pixels, int rows, int cols)
    {
        var rowInk = new int[rows];
        var colInk = new int[cols];
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < cols; x++)
            {
                if (pixels[y * cols + x] != 0)
                {
                    rowInk[y]++;
                    colInk[x]++;
                }
            }
        }

        return (rowInk, colInk);
    }
}
