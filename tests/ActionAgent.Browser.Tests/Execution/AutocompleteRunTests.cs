using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// "Change the country from United Kingdom to France" on an autocomplete drawn over a hidden select (the way
/// accessible-autocomplete enhances one), run through the interpreter in real Chromium. Typing "France" makes the box read
/// France while the select behind it still holds the United Kingdom: the step is done only once the suggestion is picked.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class AutocompleteRunTests
{
    private const string Form = """
        <!doctype html><title>Where</title>
        <h2>Progressive enhancement</h2>
        <label for="country">Country</label>
        <div class="wrap">
          <input id="country" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-owns="country-list" autocomplete="off" value="United Kingdom">
          <ul id="country-list" role="listbox" hidden></ul>
        </div>
        <select id="country-select" name="country" style="display: none">
          <option value="">Pick one</option><option value="fr">France</option><option value="de">Germany</option><option value="gb" selected>United Kingdom</option>
        </select>
        <script>
          const input = document.getElementById('country'), list = document.getElementById('country-list'), select = document.getElementById('country-select');
          const names = [...select.options].filter(o => o.value).map(o => o.text);
          input.addEventListener('input', () => {
            const q = input.value.toLowerCase();
            list.innerHTML = '';
            for (const n of names.filter(n => q && n.toLowerCase().startsWith(q))) {
              const li = document.createElement('li');
              li.setAttribute('role', 'option');
              li.textContent = n;
              li.addEventListener('click', () => {
                input.value = n;
                select.value = [...select.options].find(o => o.text === n).value;
                list.hidden = true;
                input.setAttribute('aria-expanded', 'false');
              });
              list.appendChild(li);
            }
            list.hidden = list.children.length === 0;
            input.setAttribute('aria-expanded', String(!list.hidden));
          });
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("autocomplete", ("/form", Form),
        ("/deaf", Form.Replace("li.addEventListener('click'", "li.addEventListener('dblclick'", StringComparison.Ordinal)));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    [TestMethod]
    public async Task RunAsync_ChangeAnAutocompleteToAValue_PicksTheSuggestion_SoTheSelectBehindItChangesToo()
    {
        var result = await pages.RunAsync("/form", "In the \"Progressive enhancement\" example, change the country from United Kingdom to France.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("France|fr", await pages.Session.Page.EvaluateAsync<string>("document.getElementById('country').value + '|' + document.getElementById('country-select').value"));
    }

    // The suggestion ignores the click (this list picks on double-click): the box reads France, the select behind it does not.
    [TestMethod]
    public async Task RunAsync_SuggestionThatIgnoresTheClick_IsNotReportedDone()
    {
        var result = await pages.RunAsync("/deaf", "In the \"Progressive enhancement\" example, change the country from United Kingdom to France.", TestContext.CancellationToken);

        Assert.AreEqual("gb", await pages.Session.Page.EvaluateAsync<string>("document.getElementById('country-select').value"));
        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
    }
}
