// Meaning-model cost (issue 15): load time, encode time per label, time a meaning match adds to a step when the page's
// labels are cached, process memory after load; then OCR in the same process (both use ONNX Runtime).
// Run: dotnet run -c Release --project bench/ActionAgent.Bench.Meaning [-- --steps 200]
using System.Diagnostics;
using System.Globalization;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;
using ActionAgent.Meaning;
using ActionAgent.Vision.Ocr;
using OpenCvSharp;

var steps = args.Length == 2 && args[0] == "--steps" && int.TryParse(args[1], out var n) && n > 0 ? n : 200;
var inv = CultureInfo.InvariantCulture;

var before = Process.GetCurrentProcess().WorkingSet64;
var model = new MiniLmMeaningModel();
var load = Stopwatch.StartNew();
model.EnsureLoaded();
load.Stop();
GC.Collect();
GC.WaitForPendingFinalizers();
var after = Process.GetCurrentProcess();
after.Refresh();
Console.WriteLine(string.Format(inv, "load: {0:0} ms; working set {1:0} MB before, {2:0} MB after (+{3:0} MB; managed heap {4:0} MB)",
    load.Elapsed.TotalMilliseconds, before / 1e6, after.WorkingSet64 / 1e6, (after.WorkingSet64 - before) / 1e6, GC.GetTotalMemory(false) / 1e6));

string[] labels =
[
    "Order number", "Amount", "Refund date", "Reason", "Damaged item", "Wrong size", "Late delivery", "Other", "Refund method",
    "Original payment", "Store credit", "Express", "Gift wrap", "Notify customer", "Notes", "Submit refund", "Cancel",
    "Back to orders", "Orders", "Customers", "Reports", "Quick actions", "Sign out", "Help", "Search orders", "Search",
    "Delete customer Grace Hopper", "Delete customer Ada Lovelace", "Mark as resolved", "Subscribe", "Email", "Export", "Print",
    "Share", "Low", "Normal", "High", "Private profile", "Dark mode", "Email notifications",
];
model.Embed("warm up");
var encode = new List<double>();
for (var round = 0; round < 3; round++)
{
    foreach (var label in labels)
    {
        var t = Stopwatch.StartNew();
        model.Embed($"{label} {round}");
        encode.Add(t.Elapsed.TotalMilliseconds);
    }
}

Console.WriteLine(string.Format(inv, "encode one label: median {0:0.0} ms, p95 {1:0.0} ms ({2} labels)", Pct(encode, 50), Pct(encode, 95), encode.Count));

// A refund form: the step's words name no option, so every step is a meaning match; the page's labels are cached
// after the first step and each step's description is new (one encode for the query).
UiElement E(int id, string role, string name, double y) => new() { Id = id, Role = role, Name = name, Bounds = new ScreenRect(40, y, 240, 32) };
var page = new Observation
{
    Url = "http://127.0.0.1:5080/refund",
    Title = "File a refund",
    Geometry = ViewportGeometry.Identity(1280, 800),
    Elements =
    [
        E(1, "link", "Orders", 10), E(2, "link", "Customers", 10), E(3, "button", "Sign out", 10),
        E(10, "heading", "File a refund", 60), E(11, "textbox", "Order number", 120) with { Tag = "input" },
        E(12, "spinbutton", "Amount", 170) with { Tag = "input" }, E(13, "textbox", "Refund date", 220) with { Tag = "input" },
        E(14, "combobox", "Reason", 270) with { Tag = "select", Options = ["Choose a reason", "Damaged item", "Wrong size", "Late delivery", "Other"] },
        E(16, "radio", "Original payment", 350) with { Checked = true }, E(17, "radio", "Store credit", 350) with { Checked = false },
        E(18, "checkbox", "Express", 390) with { Checked = false }, E(19, "checkbox", "Gift wrap", 390) with { Checked = false },
        E(21, "textbox", "Notes", 430) with { Tag = "textarea" }, E(22, "button", "Submit refund", 530),
    ],
};
var withMeaning = new StepInterpreter(new StepInterpreterOptions { Meaning = model });
var wordsOnly = new StepInterpreter();
string Step(int i) => $"Select it arrived {i + 2} days late in Reason";
withMeaning.Ground(StepInterpreter.Parse(Step(-1)).Single(), page);
var added = new List<double>();
var grounded = 0;
for (var i = 0; i < steps; i++)
{
    var step = StepInterpreter.Parse(Step(i)).Single();
    var t0 = Stopwatch.StartNew();
    wordsOnly.Ground(step, page);
    var words = t0.Elapsed.TotalMilliseconds;
    var t1 = Stopwatch.StartNew();
    var g = withMeaning.Ground(step, page);
    var both = t1.Elapsed.TotalMilliseconds;
    grounded += g.Action is ActionAgent.Core.Decision.SelectOptionAction { Option: "Late delivery" } ? 1 : 0;
    added.Add(both - words);
}

Console.WriteLine(string.Format(inv, "added per step (cached page labels): median {0:0.0} ms, p95 {1:0.0} ms; {2}/{3} steps chose Late delivery",
    Pct(added, 50), Pct(added, 95), grounded, steps));

var ocrModels = Environment.GetEnvironmentVariable("ACTIONAGENT_OCR_MODELS");
if (string.IsNullOrEmpty(ocrModels))
{
    Console.WriteLine("ocr in the same process: skipped (set ACTIONAGENT_OCR_MODELS)");
}
else
{
    using var ocr = new PaddleOcrEngine(new OcrOptions { ModelDirectory = ocrModels });
    using var image = Cv2.ImRead(Path.Combine(AppContext.BaseDirectory, "Frames", "app.png"));
    var lines = ocr.Read(image);
    var again = model.Similarity("arrived late", "Late delivery");
    Console.WriteLine(string.Format(inv, "ocr in the same process: {0} lines read; meaning still works (arrived late ~ Late delivery {1:0.00})", lines.Count, again));
}

var final = Process.GetCurrentProcess();
final.Refresh();
Console.WriteLine(string.Format(inv, "working set at the end: {0:0} MB", final.WorkingSet64 / 1e6));

static double Pct(List<double> xs, double p)
{
    var s = xs.Order().ToList();
    return s[Math.Clamp((int)Math.Ceiling(p / 100 * s.Count) - 1, 0, s.Count - 1)];
}
