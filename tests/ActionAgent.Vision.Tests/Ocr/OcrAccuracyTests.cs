using System.Globalization;
using System.Text.Json;
using ActionAgent.Vision.Imaging;
using ActionAgent.Vision.Tests.Support;
using Microsoft.Playwright;

namespace ActionAgent.Vision.Tests.Ocr;

[TestClass]
public sealed class OcrAccuracyTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Read_UiTextInFourFontsFiveSizesLightAndDark_ReadsAtLeast95PercentOfWords()
    {
        var pages = new Dictionary<string, string>();
        var expected = new Dictionary<string, (string Font, bool Dark, List<(int Size, string[] Words)> Words)>();
        var index = 0;
        foreach (var (font, css) in TestPages.Fonts)
        {
            foreach (var dark in new[] { false, true })
            {
                var (html, words) = TestPages.TextPage(css, dark);
                var path = $"/text/{index++}";
                pages[path] = html;
                expected[path] = (font, dark, words);
            }
        }

        using var server = new LoopbackServer(pages);
        var page = await SharedBrowser.NewPageAsync();
        var totals = TestPages.Sizes.ToDictionary(s => s, _ => (Hit: 0, Total: 0));
        var report = new List<string>();
        foreach (var (path, (font, dark, words)) in expected)
        {
            await page.GotoAsync(server.Url(path));
            await page.EvaluateAsync("() => document.fonts.ready");
            var blocks = await page.EvaluateAsync<JsonElement>("() => [...document.body.children].map(d => { const r = d.getBoundingClientRect(); return { y: r.y, b: r.bottom }; })");
            using var image = FrameCodec.Decode(await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png }));
            var lines = SharedOcr.Engine.Read(image, TestContext.CancellationToken);

            var pageHit = 0;
            var pageTotal = 0;
            var missed = new List<string>();
            var extra = new List<string>();
            for (var b = 0; b < words.Count; b++)
            {
                var top = blocks[b].GetProperty("y").GetDouble();
                var bottom = blocks[b].GetProperty("b").GetDouble();
                var read = lines.Where(l => l.Bounds.Center.Y >= top && l.Bounds.Center.Y <= bottom)
                    .SelectMany(l => l.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
                var (size, want) = words[b];
                var hit = 0;
                foreach (var word in want)
                {
                    // Exact, case-sensitive match, each read word used once.
                    var at = read.IndexOf(word);
                    if (at >= 0)
                    {
                        hit++;
                        read.RemoveAt(at);
                    }
                    else
                    {
                        missed.Add($"{word}@{size}px");
                    }
                }

                extra.AddRange(read.Select(r => $"{r}@{size}px"));
                totals[size] = (totals[size].Hit + hit, totals[size].Total + want.Length);
                pageHit += hit;
                pageTotal += want.Length;
            }

            report.Add(string.Create(CultureInfo.InvariantCulture,
                $"{font,-17} {(dark ? "dark " : "light")} {100.0 * pageHit / pageTotal,6:0.0}%  missed: {string.Join(", ", missed)}; read instead: {string.Join(", ", extra)}"));
        }

        var hitAll = totals.Values.Sum(t => t.Hit);
        var totalAll = totals.Values.Sum(t => t.Total);
        var accuracy = (double)hitAll / totalAll;
        foreach (var line in report)
        {
            TestContext.WriteLine(line);
        }

        foreach (var (size, t) in totals)
        {
            TestContext.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size,2}px: {100.0 * t.Hit / t.Total:0.0}% ({t.Hit}/{t.Total})"));
        }

        TestContext.WriteLine(string.Create(CultureInfo.InvariantCulture, $"OCR word accuracy (UI text 12-24 px, 4 fonts, light+dark): {100 * accuracy:0.0}% ({hitAll}/{totalAll})"));
        Assert.IsGreaterThanOrEqualTo(0.95, accuracy, $"word accuracy {accuracy:P1}");
        Assert.IsTrue(totals.Values.All(t => (double)t.Hit / t.Total >= 0.85), "no font size falls far behind");
    }
}
