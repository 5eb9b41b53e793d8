using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// "Change the demo theme to sm-clean" where the select is called "Switch theme (class)", "set its alignment to center"
/// where the radios are only called left / center / right: the value, offered word for word by one control whose
/// surroundings carry a word of the name, says which control is meant. A value two controls offer, or a name nothing
/// around the control says, is not guessed.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ChoiceByValueRunTests
{
    private const string Panel = """
        <!doctype html><title>Theme panel</title>
        <h2>Switch theme (class)</h2>
        <select id="themes-classes"><option>sm-blue</option><option>sm-clean</option><option>sm-mint</option><option>sm-simple</option></select>
        <p><label><input type="radio" name="layout" id="layout-horizontal-fullwidth" checked> Horizontal full width main menu</label><br>
          <span style="padding-left: 1.5em"><label><input type="checkbox" id="justified"> justified <small>(full width menus only)</small></label></span></p>
        <p><label><input type="radio" name="layout" id="layout-horizontal"> Horizontal main menu</label></p>
        <p id="align-holder" style="display:none; padding-left: 1.5em">
          <input type="radio" name="align" id="layout-horizontal-align-left" checked><label for="layout-horizontal-align-left">left</label>
          <input type="radio" name="align" id="layout-horizontal-align-center"><label for="layout-horizontal-align-center">center</label>
          <input type="radio" name="align" id="layout-horizontal-align-right"><label for="layout-horizontal-align-right">right</label>
        </p>
        <p><label><input type="radio" name="layout" id="layout-vertical"> Vertical main menu</label></p>
        <script>
          for (const r of document.querySelectorAll('[name=layout]'))
            r.addEventListener('change', () => document.getElementById('align-holder').style.display = document.getElementById('layout-horizontal').checked ? 'block' : 'none');
        </script>
        """;

    private const string TwoSelects = """
        <!doctype html><title>Two themes</title>
        <h2>Header theme</h2><select id="a"><option>sm-blue</option><option>sm-clean</option></select>
        <h2>Footer theme</h2><select id="b"><option>sm-blue</option><option>sm-clean</option></select>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) =>
        pages = await InterpreterPages.StartAsync("choice-by-value", ("/panel", Panel), ("/two", TwoSelects));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    private static Task<string> StateAsync() => pages.Session.Page.EvaluateAsync<string>(
        "[...document.querySelectorAll('select')].map(s => s.id + '=' + s.value).concat([...document.querySelectorAll('input:checked')].map(i => i.id)).join(' ')");

    [TestMethod]
    public async Task RunAsync_AThemeNamedOnlyByItsOption_ChoosesItInTheOneSelectThatOffersIt()
    {
        var result = await pages.RunAsync("/panel", "Change the demo theme to sm-clean.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("themes-classes=sm-clean layout-horizontal-fullwidth layout-horizontal-align-left", await StateAsync());
    }

    [TestMethod]
    public async Task RunAsync_QuotedRadioWithANotTheOtherOneAside_AndItsAlignment_PicksTheNamedRadioAndTheCenterRadio()
    {
        var result = await pages.RunAsync("/panel", "Switch to \"Horizontal main menu\" (not the full-width one) and set its alignment to center.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("themes-classes=sm-blue layout-horizontal layout-horizontal-align-center", await StateAsync());
    }

    [TestMethod]
    public async Task RunAsync_AValueNothingAroundTiesToTheName_IsNotGuessed()
    {
        // "sm-clean" is offered by one select only, but nothing around it speaks of a colour.
        var result = await pages.RunAsync("/panel", "Change the colour to sm-clean.", TestContext.CancellationToken);

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("themes-classes=sm-blue layout-horizontal-fullwidth layout-horizontal-align-left", await StateAsync());
    }

    [TestMethod]
    public async Task RunAsync_AValueTwoSelectsOffer_IsNotGuessed()
    {
        var result = await pages.RunAsync("/two", "Change the demo theme to sm-clean.", TestContext.CancellationToken);

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("a=sm-blue b=sm-blue", await StateAsync());
    }
}
