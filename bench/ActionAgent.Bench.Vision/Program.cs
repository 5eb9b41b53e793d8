using System.Diagnostics;
using System.Globalization;
using ActionAgent.Bench.Vision;
using ActionAgent.Vision.Imaging;
using ActionAgent.Vision.Ocr;
using ActionAgent.Vision.Perception;

// Perception latency per 1280x720 frame: stability wait + OCR + shape proposals + fusion + marks, full and
// incremental (after a small change), on pre-rendered frames so the browser's screenshot time is not counted.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var runs = ArgInt("--runs", 20);
var threads = ArgInt("--threads", 2);
var frames = Path.Combine(AppContext.BaseDirectory, "Frames");
var original = File.ReadAllBytes(Path.Combine(frames, "app.png"));
var changed = File.ReadAllBytes(Path.Combine(frames, "app-changed.png"));

// --dump FILE.png: print the Vision-mode elements of one screenshot (for debugging grounding) and stop.
if (Array.IndexOf(args, "--dump") is var dumpAt and >= 0 && dumpAt + 1 < args.Length)
{
    using var dumpEngine = new PaddleOcrEngine(new OcrOptions { IntraOpThreads = threads });
    var dumpSource = new FrameSource(File.ReadAllBytes(args[dumpAt + 1]));
    using var dumper = new FusedPerceiver(new StaticDomPerceiver(dumpSource), dumpSource, dumpEngine, new FusedPerceptionOptions { Mode = PerceptionMode.Vision });
    foreach (var element in (await dumper.ObserveAsync()).Elements)
    {
        Console.WriteLine($"#{element.Id} {element.Role} \"{element.Name}\" text=\"{element.Text}\" {element.Bounds} {element.Source}");
    }

    return;
}

Console.WriteLine($"ActionAgent vision benchmark: {runs} runs, {threads} OCR threads, {Environment.ProcessorCount} cores, load average {LoadAverage()}");

using var engine = new PaddleOcrEngine(new OcrOptions { IntraOpThreads = threads, AllowSpinning = args.Contains("--spin"), MaxUpscale = ArgDouble("--upscale", new OcrOptions().MaxUpscale), RecognitionWorkers = ArgInt("--workers", new OcrOptions().RecognitionWorkers), RecognitionBatchSize = ArgInt("--batch", 8), FoldGraphs = !args.Contains("--no-fold") });
Console.WriteLine($"model graphs: {engine.Folding ?? "as shipped (--no-fold)"}");
var source = new FrameSource(original);
var dom = new StaticDomPerceiver(source);

// OCR alone, for reference.
using (var image = FrameCodec.Decode(original))
{
    engine.Read(image);
    var ocr = Measure(runs, () => { engine.Read(image); return Task.CompletedTask; });
    Console.WriteLine($"OCR only (detect + recognise), {engine.Read(image).Count} text boxes: {ocr}");
    var boxes = engine.Detect(image);
    Console.WriteLine($"  detection alone: {Measure(runs, () => { engine.Detect(image); return Task.CompletedTask; })}");
    Console.WriteLine($"  recognition alone ({boxes.Count} boxes): {Measure(runs, () => { engine.Recognize(image, boxes, CancellationToken.None); return Task.CompletedTask; })}");
}

using (var full = new FusedPerceiver(dom, source, engine, new FusedPerceptionOptions { IncrementalOcr = false }))
{
    var observation = await full.ObserveAsync();
    var result = Measure(runs, () => full.ObserveAsync());
    Console.WriteLine($"Full perception (hybrid, {observation.Elements.Count} elements, {full.LastTimings!.TextLines} text lines): {result}");
    Console.WriteLine($"  last breakdown: {full.LastTimings}");
    // The set-of-marks image is drawn when a model decider (or an approval request) first reads it.
    var withMarks = Measure(runs, async () => { var o = await full.ObserveAsync(); _ = o.MarkedScreenshot; });
    Console.WriteLine($"  with the set-of-marks image drawn (what a model decider waits for): {withMarks}");
}

using (var incremental = new FusedPerceiver(dom, source, engine, new FusedPerceptionOptions { IncrementalOcr = true }))
{
    await incremental.ObserveAsync();
    var flip = false;
    var result = Measure(runs, () =>
    {
        flip = !flip;
        source.Current = flip ? changed : original;
        return incremental.ObserveAsync();
    });
    Console.WriteLine($"Incremental perception after a small change (status line): {result}");
    Console.WriteLine($"  last breakdown: {incremental.LastTimings}");
}

using (var vision = new FusedPerceiver(dom, source, engine, new FusedPerceptionOptions { Mode = PerceptionMode.Vision, IncrementalOcr = false }))
{
    source.Current = original;
    var observation = await vision.ObserveAsync();
    var result = Measure(runs, () => vision.ObserveAsync()); // every text box read: nothing is known from a DOM
    Console.WriteLine($"Full perception (vision mode, {observation.Elements.Count} elements, {observation.Elements.Count(e => e.Role != "text")} controls): {result}");
    Console.WriteLine($"  last breakdown: {vision.LastTimings}");
}

using var process = Process.GetCurrentProcess();
Console.WriteLine($"Peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024):0} MB; load average at the end {LoadAverage()}");

static Stats Measure(int runs, Func<Task> run)
{
    var wall = new List<double>();
    var cpu = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        run().GetAwaiter().GetResult();
        wall.Add(clock.Elapsed.TotalMilliseconds);
        process.Refresh();
        cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
    }

    return new Stats(wall, cpu);
}

double ArgDouble(string name, double fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && double.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

int ArgInt(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

internal sealed record Stats(List<double> Wall, List<double> Cpu)
{
    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public override string ToString() =>
        $"median {Percentile(Wall, 0.5):0} ms, p95 {Percentile(Wall, 0.95):0} ms (CPU time median {Percentile(Cpu, 0.5):0} ms)";
}
