using System.Diagnostics;
using System.Globalization;
using ActionAgent.Bench.Prompt;
using ActionAgent.Core.Decision;
using ActionAgent.Models.Cost;
using ActionAgent.Models.Imaging;
using ActionAgent.Models.Output;
using ActionAgent.Models.Prompting;
using ActionAgent.Models.Providers;
using ActionAgent.TestKit.FakeServers;
using Microsoft.ML.Tokenizers;

// Prompt size per step on a realistic refund-form observation (40 elements, 1280x720): text tokens counted with
// o200k_base (the GPT-4o / GPT-4.1 tokenizer), image tokens by each provider's published rule.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const int TargetTextTokens = 1500;

var o200k = new TokenizerTokenCounter(TiktokenTokenizer.CreateForModel("gpt-4o"), "o200k_base");
var approx = ApproximateTokenCounter.Default;
var form = SampleObservations.RefundForm(withScreenshot: false);
var png = RefundScreenshot.Render(form, marks: true);
form = form with { Screenshot = RefundScreenshot.Render(form, marks: false), MarkedScreenshot = png };
var builder = new PromptBuilder();
if (args.Length > 0)
{
    File.WriteAllBytes(args[0], png);
    Console.WriteLine($"wrote the marked screenshot to {args[0]}");
}


var systemTokens = o200k.CountTokens(PromptTemplates.SystemPrompt);
var schemaTokens = o200k.CountTokens(ActionSchema.Text);
Console.WriteLine($"# Prompt bench ({PromptTemplates.Version}), tokenizer {o200k.Name}");
Console.WriteLine();
Console.WriteLine($"system prompt: {systemTokens} tokens ({PromptTemplates.SystemPrompt.Length} chars)");
Console.WriteLine($"answer schema (response_format, counted by OpenAI as input): {schemaTokens} tokens");
Console.WriteLine();
Console.WriteLine("| step | history lines | user text tokens | system + user | + schema | approx estimate | within 1,500 |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|:--|");

var history = Enumerable.Range(1, 20).Select(i => new StepSummary(
    i,
    i % 3 == 0 ? $"select \"Damaged item\" in #15 \"Reason\"" : $"type \"value {i}\" into #{8 + i % 10} \"Field {i}\"",
    i % 5 == 0 ? "FAILED: element #19 is covered by the chat widget" : "typed 12 characters",
    i % 5 != 0)).ToList();
var worst = 0;
foreach (var step in new[] { 1, 4, 9, 21 })
{
    var context = new DecisionContext("bench", SampleObservations.RefundContext().Task, step, form, history.Take(step - 1).ToList());
    var (text, _) = builder.RenderUserText(context);
    var user = o200k.CountTokens(text);
    var total = systemTokens + user;
    var estimate = approx.CountTokens(PromptTemplates.SystemPrompt) + approx.CountTokens(text);
    worst = Math.Max(worst, total);
    Console.WriteLine($"| {step} | {Math.Min(step - 1, builder.Options.HistorySteps)} | {user} | {total} | {total + schemaTokens} | {estimate} | {(total <= TargetTextTokens ? "yes" : "NO")} |");
}

Console.WriteLine();
var allText = PromptTemplates.SystemPrompt + builder.RenderUserText(SampleObservations.RefundContext(observation: form)).Text;
Console.WriteLine($"chars per o200k token on this prompt: {allText.Length / (double)o200k.CountTokens(allText):0.00} (the approximate counter assumes {approx.CharsPerToken})");

Console.WriteLine();
Console.WriteLine("| image | bytes | size | OpenAI tokens | Anthropic tokens |");
Console.WriteLine("|---|---:|---|---:|---:|");
Console.WriteLine($"| marked screenshot, PNG as captured | {png.Length:N0} | 1280x720 | {RequestTokenEstimator.ImageTokens(1280, 720, ModelProvider.OpenAI)} | {RequestTokenEstimator.ImageTokens(1280, 720, ModelProvider.Anthropic)} |");
foreach (var (label, options) in new[]
{
    ("default (Auto: JPEG q75 unless the PNG is smaller)", new ImageOptions()),
    ("JPEG q75", new ImageOptions { Format = ImageFormat.Jpeg }),
    ("JPEG q60", new ImageOptions { Format = ImageFormat.Jpeg, JpegQuality = 60 }),
    ("JPEG q75, max width 1024", new ImageOptions { Format = ImageFormat.Jpeg, MaxWidth = 1024 }),
})
{
    var image = new ScreenshotEncoder(options).Encode(png)!;
    Console.WriteLine($"| {label} | {image.Bytes.Length:N0} | {image.Width}x{image.Height} | {RequestTokenEstimator.ImageTokens(image.Width, image.Height, ModelProvider.OpenAI)} | {RequestTokenEstimator.ImageTokens(image.Width, image.Height, ModelProvider.Anthropic)} |");
}

// Time to build one step's prompt, image encoding included (what the decider adds before each call).
var encoder = new ScreenshotEncoder();
var ctx = SampleObservations.RefundContext(observation: form);
for (var i = 0; i < 5; i++)
{
    builder.Build(ctx, encoder.Encode(png));
}

const int Runs = 50;
var clock = Stopwatch.StartNew();
for (var i = 0; i < Runs; i++)
{
    builder.Build(ctx, encoder.Encode(png));
}

var withImage = clock.Elapsed.TotalMilliseconds / Runs;
clock.Restart();
for (var i = 0; i < Runs * 10; i++)
{
    builder.RenderUserText(ctx);
}

var textOnly = clock.Elapsed.TotalMilliseconds / (Runs * 10);
Console.WriteLine();
Console.WriteLine($"prompt build per step: {textOnly:0.00} ms text only, {withImage:0.0} ms with the default image encoding of the 1280x720 screenshot");
Console.WriteLine();
Console.WriteLine(worst <= TargetTextTokens
    ? $"RESULT: at most {worst} text tokens per step plus one image: within the {TargetTextTokens:N0} target"
    : $"RESULT: up to {worst} text tokens per step: OVER the {TargetTextTokens:N0} target");
return worst <= TargetTextTokens ? 0 : 1;
