using System.Diagnostics;
using ActionAgent.Core.Perception;
using ActionAgent.Vision.Imaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace ActionAgent.Vision.Ocr;

/// <summary>
/// PP-OCRv4 text detection (DB) and recognition (CTC) on ONNX Runtime. Sessions are created once and reused;
/// <see cref="Read(Mat, CancellationToken)"/> is thread-safe. Dispose it to free the native sessions.
/// </summary>
public sealed class PaddleOcrEngine : IOcrEngine, IDisposable
{
    private const int RecognitionHeight = 48;
    private const int RecognitionStride = 8;

    // PaddleOCR normalises detection input with the ImageNet mean/std, in the channel order it reads images: BGR.
    private static readonly float[] DetectionMean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] DetectionStd = [0.229f, 0.224f, 0.225f];

    private readonly OcrOptions options;
    private readonly ILogger logger;
    private readonly InferenceSession detector;
    private readonly InferenceSession recognizer;
    private readonly string[] detectorInput;
    private readonly string[] detectorOutput;
    private readonly string[] recognizerInput;
    private readonly string[] recognizerOutput;
    private readonly string[] characters;
    private readonly int classes;
    private readonly RunOptions runOptions = new();

    /// <summary>Loads the models (see <see cref="OcrOptions.ModelDirectory"/>); throws <see cref="OcrModelsNotFoundException"/> when they are missing.</summary>
    public PaddleOcrEngine(OcrOptions? options = null, ILogger<PaddleOcrEngine>? logger = null)
    {
        this.options = options ?? new OcrOptions();
        this.logger = logger ?? NullLogger<PaddleOcrEngine>.Instance;
        ModelDirectory = OcrModelLocator.Locate(this.options);

        var dictionary = File.ReadAllLines(Path.Combine(ModelDirectory, this.options.DictionaryFile));
        // Class 0 is the CTC blank, then the dictionary, then a space (PaddleOCR's use_space_char).
        characters = ["", .. dictionary, " "];

        using var sessionOptions = CreateSessionOptions(this.options.IntraOpThreads, this.options.AllowSpinning);

        detector = new InferenceSession(LoadModel(this.options.DetectionModelFile, out var detectorFolding), sessionOptions);
        try
        {
            // Parallel batches each run on one thread: the recogniser's many small operators scale poorly across
            // threads, whole batches side by side scale well.
            using var recognizerOptions = this.options.RecognitionWorkers > 1
                ? CreateSessionOptions(Math.Max(1, this.options.IntraOpThreads / this.options.RecognitionWorkers), this.options.AllowSpinning)
                : null;
            recognizer = new InferenceSession(LoadModel(this.options.RecognitionModelFile, out var recognizerFolding), recognizerOptions ?? sessionOptions);
            Folding = detectorFolding is null && recognizerFolding is null ? null : $"detector: {detectorFolding ?? "unchanged"}; recognizer: {recognizerFolding ?? "unchanged"}";
        }
        catch
        {
            detector.Dispose();
            throw;
        }

        try
        {
            (detectorInput, detectorOutput) = CheckShapes(detector, this.options.DetectionModelFile, inputRank: 4, outputRank: 4);
            (recognizerInput, recognizerOutput) = CheckShapes(recognizer, this.options.RecognitionModelFile, inputRank: 4, outputRank: 3);
            classes = recognizer.OutputMetadata[recognizerOutput[0]].Dimensions[2];
            if (classes != characters.Length)
            {
                throw new InvalidDataException(
                    $"The recognition model {this.options.RecognitionModelFile} has {classes} output classes but the dictionary "
                    + $"{this.options.DictionaryFile} gives {characters.Length} (blank + {dictionary.Length} lines + space): "
                    + "use the dictionary that ships with the model.");
            }
        }
        catch
        {
            Dispose();
            throw;
        }

        this.logger.LogInformation("OCR models loaded from {ModelDirectory} ({Classes} classes, {Threads} threads)", ModelDirectory, classes, this.options.IntraOpThreads);
    }

    /// <summary>The folder the models were loaded from.</summary>
    public string ModelDirectory { get; }

    /// <summary>What <see cref="OcrOptions.FoldGraphs"/> changed in the two graphs; null when nothing was folded.</summary>
    internal string? Folding { get; }

    private byte[] LoadModel(string file, out string? folding)
    {
        folding = null;
        var model = File.ReadAllBytes(Path.Combine(ModelDirectory, file));
        if (!options.FoldGraphs)
        {
            return model;
        }

        try
        {
            var folded = OnnxGraphFolder.Fold(model);
            folding = folded.Changed ? folded.ToString() : null;
            logger.LogDebug("Graph of {Model}: {Folding}", file, folding ?? "nothing to fold");
            return folded.Model;
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            // Not parseable as ONNX: ONNX Runtime gives the clearer error when it loads the file as it is.
            return model;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<OcrLine> Read(Mat image, CancellationToken cancellationToken = default) => Read(image, null, cancellationToken);

    /// <inheritdoc />
    public IReadOnlyList<OcrLine> Read(Mat image, Func<Rect, bool>? skipBox, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Empty())
        {
            return [];
        }

        if ((long)image.Width * image.Height > options.MaxImagePixels)
        {
            throw new ArgumentException(
                $"The image is {image.Width}x{image.Height} px, more than the OCR limit of {options.MaxImagePixels:N0} pixels "
                + "(OcrOptions.MaxImagePixels): scale it down or read a region of it.", nameof(image));
        }

        using var converted = ToBgr(image);
        var bgr = converted ?? image;
        if (IsBlank(bgr))
        {
            return [];
        }

        var clock = Stopwatch.StartNew();
        var boxes = Detect(bgr);
        var detected = boxes.Count;
        if (skipBox is not null)
        {
            boxes.RemoveAll(b => skipBox(b));
        }

        var detectMs = clock.Elapsed.TotalMilliseconds;
        cancellationToken.ThrowIfCancellationRequested();
        var lines = Recognize(bgr, boxes, cancellationToken);
        logger.LogDebug("OCR {Width}x{Height}: {Boxes} boxes ({Skipped} skipped), {Lines} lines, detect {DetectMs:0} ms, total {TotalMs:0} ms",
            bgr.Width, bgr.Height, detected, detected - boxes.Count, lines.Count, detectMs, clock.Elapsed.TotalMilliseconds);
        return ReadingOrder.Sort(lines, l => l.Bounds);
    }

    /// <summary>Frees the native sessions.</summary>
    public void Dispose()
    {
        detector?.Dispose();
        recognizer?.Dispose();
        runOptions.Dispose();
    }

    /// <summary>Detects text boxes (image pixels).</summary>
    internal List<Rect> Detect(Mat bgr)
    {
        var ratio = Math.Min(1.0, (double)options.DetectionMaxSide / Math.Max(bgr.Width, bgr.Height));
        var width = Math.Max(1, (int)Math.Round(bgr.Width * ratio));
        var height = Math.Max(1, (int)Math.Round(bgr.Height * ratio));
        var paddedWidth = Math.Max(32, (width + 31) / 32 * 32);
        var paddedHeight = Math.Max(32, (height + 31) / 32 * 32);

        using var resized = new Mat();
        if (width == bgr.Width && height == bgr.Height)
        {
            bgr.CopyTo(resized);
        }
        else
        {
            Cv2.Resize(bgr, resized, new Size(width, height), 0, 0, InterpolationFlags.Area);
        }

        // Pad (not stretch) to multiples of 32 so small regions keep their shape; replicate avoids fake edges.
        using var padded = new Mat();
        Cv2.CopyMakeBorder(resized, padded, 0, paddedHeight - height, 0, paddedWidth - width, BorderTypes.Replicate);

        var input = new float[3 * paddedHeight * paddedWidth];
        FillPlanes(padded, input, 0, paddedWidth, DetectionMean, DetectionStd);
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, [1, 3, paddedHeight, paddedWidth]);
        using var outputs = detector.Run(runOptions, detectorInput, [inputValue], detectorOutput);
        var probabilities = outputs[0].GetTensorDataAsSpan<float>();
        unsafe
        {
            fixed (float* p = probabilities)
            {
                using var map = Mat.FromPixelData(paddedHeight, paddedWidth, MatType.CV_32FC1, (IntPtr)p);
                return DbPostProcessor.Boxes(map, new Size(width, height), (double)bgr.Width / width, (double)bgr.Height / height, bgr.Size(), options);
            }
        }
    }

    /// <summary>Recognises the text in each box, batching crops of similar width.</summary>
    internal List<OcrLine> Recognize(Mat bgr, List<Rect> boxes, CancellationToken cancellationToken)
    {
        var targets = new List<Crop>(boxes.Count);
        foreach (var box in boxes)
        {
            using var view = bgr[box];
            var width = Math.Clamp((int)Math.Ceiling(Scale(box) * box.Width), RecognitionStride, options.MaxRecognitionWidth);
            targets.Add(new Crop(box, width, TextLineLayout.Measure(view)));
        }

        targets.Sort((a, b) => a.Width.CompareTo(b.Width));
        var batches = new List<List<Crop>>();
        var start = 0;
        while (start < targets.Count)
        {
            // A batch is padded to its widest crop: keep widths close so little work is wasted on padding.
            var end = start + 1;
            while (end < targets.Count && end - start < options.RecognitionBatchSize && targets[end].Width <= targets[start].Width * 1.25 + 16)
            {
                end++;
            }

            batches.Add(targets.GetRange(start, end - start));
            start = end;
        }

        // Side by side on the workers, widest batches first so they finish together; lines come back in batch order.
        var results = new List<OcrLine>[batches.Count];
        var order = Enumerable.Range(0, batches.Count).OrderByDescending(i => batches[i].Count * batches[i][^1].Width).ToArray();
        Parallel.ForEach(
            order,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.RecognitionWorkers), CancellationToken = cancellationToken },
            i => results[i] = RecognizeBatch(bgr, batches[i]));
        return [.. results.SelectMany(r => r)];
    }

    /// <summary>A detected box, its recogniser input width and its layout.</summary>
    private readonly record struct Crop(Rect Box, int Width, TextLineLayout.Layout Layout);

    /// <summary>Recognition scale of a box: to height 48, but enlarging at most <see cref="OcrOptions.MaxUpscale"/> times.</summary>
    private double Scale(Rect box) => Math.Min((double)RecognitionHeight / box.Height, options.MaxUpscale);

    private List<OcrLine> RecognizeBatch(Mat bgr, List<Crop> batch)
    {
        var lines = new List<OcrLine>(batch.Count);
        var batchWidth = (batch.Max(b => b.Width) + RecognitionStride - 1) / RecognitionStride * RecognitionStride;
        var plane = RecognitionHeight * batchWidth;
        // Zero after normalisation is mid-grey padding, as PaddleOCR pads.
        var input = new float[batch.Count * 3 * plane];
        for (var i = 0; i < batch.Count; i++)
        {
            using var crop = bgr[batch[i].Box];
            using var resized = new Mat();
            var height = Math.Clamp((int)Math.Round(Scale(batch[i].Box) * batch[i].Box.Height), 1, RecognitionHeight);
            Cv2.Resize(crop, resized, new Size(batch[i].Width, height), 0, 0, InterpolationFlags.Linear);
            if (height < RecognitionHeight)
            {
                // Small text is enlarged at most MaxUpscale times and centred on the crop's own border colour:
                // the model sees smaller glyphs but far fewer columns to read.
                var top = (RecognitionHeight - height) / 2;
                Cv2.CopyMakeBorder(resized, resized, top, RecognitionHeight - height - top, 0, 0, BorderTypes.Replicate);
            }

            FillPlanes(resized, input, i * 3 * plane, batchWidth, RecognitionMean, RecognitionStd);
        }

        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, [batch.Count, 3, RecognitionHeight, batchWidth]);
        using var outputs = recognizer.Run(runOptions, recognizerInput, [inputValue], recognizerOutput);
        var shape = outputs[0].GetTensorTypeAndShape().Shape;
        var steps = (int)shape[1];
        var probabilities = outputs[0].GetTensorDataAsSpan<float>();
        // Step t covers input columns [t, t+1) × (width / steps); divide by the horizontal scale to get crop pixels.
        var pixelsPerStep = (double)batchWidth / steps;
        for (var i = 0; i < batch.Count; i++)
        {
            var symbols = CtcDecoder.Decode(probabilities.Slice(i * steps * classes, steps * classes), steps, classes, characters);
            var confidence = CtcDecoder.Confidence(symbols);
            var scale = (double)batch[i].Width / batch[i].Box.Width;
            var text = TextLineLayout.Join(symbols, t => (t + 0.5) * pixelsPerStep / scale, batch[i].Layout);
            if (text.Length > 0 && confidence >= options.MinConfidence)
            {
                var b = batch[i].Box;
                lines.Add(new OcrLine(text, confidence, new ScreenRect(b.X, b.Y, b.Width, b.Height)));
            }
        }

        return lines;
    }

    private static readonly float[] RecognitionMean = [0.5f, 0.5f, 0.5f];
    private static readonly float[] RecognitionStd = [0.5f, 0.5f, 0.5f];

    /// <summary>
    /// Writes an 8-bit BGR image into three float planes (CHW) of a tensor buffer, normalised as (x/255 - mean)/std,
    /// through OpenCV headers over the pinned buffer (no per-pixel managed loop). Planes have a row stride of
    /// <paramref name="stride"/> floats so narrower images can sit at the left of a padded batch.
    /// </summary>
    private static unsafe void FillPlanes(Mat bgr, float[] buffer, int offset, int stride, float[] mean, float[] std)
    {
        var planeSize = bgr.Rows * stride;
        Cv2.Split(bgr, out var channels);
        try
        {
            fixed (float* p = buffer)
            {
                for (var c = 0; c < 3; c++)
                {
                    using var target = Mat.FromPixelData(bgr.Rows, bgr.Cols, MatType.CV_32FC1, (IntPtr)(p + offset + c * planeSize), stride * sizeof(float));
                    channels[c].ConvertTo(target, MatType.CV_32FC1, 1.0 / (255.0 * std[c]), -mean[c] / std[c]);
                }
            }
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    private static SessionOptions CreateSessionOptions(int threads, bool spinning)
    {
        var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, threads),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // Busy-waiting worker threads would burn a shared CPU between calls.
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", spinning ? "1" : "0");
        return sessionOptions;
    }

    private static Mat? ToBgr(Mat image) => image.Channels() switch
    {
        3 => null,
        1 => image.CvtColor(ColorConversionCodes.GRAY2BGR),
        4 => image.CvtColor(ColorConversionCodes.BGRA2BGR),
        _ => throw new ArgumentException($"The image has {image.Channels()} channels; OCR reads grey, BGR or BGRA images.", nameof(image)),
    };

    /// <summary>A single-colour image has no text; skip both models.</summary>
    private static bool IsBlank(Mat bgr)
    {
        Cv2.MinMaxLoc(bgr.Reshape(1), out double min, out double max);
        return max - min < 8;
    }

    private static (string[] Inputs, string[] Outputs) CheckShapes(InferenceSession session, string file, int inputRank, int outputRank)
    {
        var input = session.InputMetadata.Single();
        var output = session.OutputMetadata.First();
        if (input.Value.Dimensions.Length != inputRank || input.Value.Dimensions[1] != 3 || output.Value.Dimensions.Length != outputRank)
        {
            throw new InvalidDataException(
                $"{file} does not look like a PP-OCR model: input {input.Key} [{string.Join(",", input.Value.Dimensions)}], "
                + $"output {output.Key} [{string.Join(",", output.Value.Dimensions)}]; expected NCHW input with 3 channels.");
        }

        return ([input.Key], [output.Key]);
    }
}
