using System.Globalization;
using System.Text;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Tests.Decision.Corpus;

namespace ActionAgent.Meaning.Tests;

/// <summary>
/// The interpreter's two phrase corpora with and without the real meaning model: every instruction that passes on
/// words alone must still pass with the model (it is asked only where words fail), and the report says what it adds.
/// </summary>
[TestClass]
public sealed class CorpusWithMeaningTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("corpus.txt")]
    [DataRow("corpus-holdout.txt")]
    public async Task Corpus_WithMeaningModel_LosesNoInstructionThatPassesOnWords(string file)
    {
        var entries = CorpusRunner.Load(file);
        var words = new StepInterpreter(new StepInterpreterOptions { MaxWaitObservations = 0 });
        var meaning = new StepInterpreter(new StepInterpreterOptions { MaxWaitObservations = 0, Meaning = MiniLmMeaningModel.Instance });
        var lost = new List<string>();
        var gained = new List<string>();
        int passWords = 0, passMeaning = 0;
        foreach (var entry in entries)
        {
            var byWords = (await CorpusRunner.RunAsync(entry, words)).SequenceEqual(entry.Expected);
            var withMeaning = await CorpusRunner.RunAsync(entry, meaning);
            var byMeaning = withMeaning.SequenceEqual(entry.Expected);
            passWords += byWords ? 1 : 0;
            passMeaning += byMeaning ? 1 : 0;
            var line = $"  line {entry.Line} [{entry.Page}] {entry.Instruction}: {string.Join(" ; ", withMeaning)}";
            if (byWords && !byMeaning)
            {
                lost.Add(line);
            }
            else if (!byWords && byMeaning)
            {
                gained.Add(line);
            }
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{file}: words {passWords}/{entries.Count}, with meaning {passMeaning}/{entries.Count}");
        report.AppendLine(CultureInfo.InvariantCulture, $"gained ({gained.Count}):");
        gained.ForEach(g => report.AppendLine(g));
        report.AppendLine(CultureInfo.InvariantCulture, $"lost ({lost.Count}):");
        lost.ForEach(l => report.AppendLine(l));
        TestContext.WriteLine(report.ToString());

        Assert.IsEmpty(lost, report.ToString());
    }
}
