using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// "Select Large in the Size drop-down" on a drop-down drawn by a script (an ARIA combobox that opens a list of options): the
/// choice is made when the drop-down shows it afterwards. A list that closes on the click but keeps "Pick one" changed
/// the page, yet chose nothing: never Completed.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class CustomDropdownRunTests
{
    private const string Dropdown = """
        <!doctype html><title>Order</title>
        <span id="size-label">Size</span>
        <div id="size" role="combobox" tabindex="0" aria-labelledby="size-label" aria-controls="size-list" aria-expanded="false" style="width:120px; border:1px solid #999">Pick one</div>
        <ul id="size-list" role="listbox" hidden style="list-style:none; border:1px solid #999; width:120px; padding:0">
          <li role="option">Small</li><li role="option">Medium</li><li role="option">Large</li>
        </ul>
        <script>
          const button = document.getElementById('size'), list = document.getElementById('size-list');
          button.addEventListener('click', () => { list.hidden = !list.hidden; button.setAttribute('aria-expanded', String(!list.hidden)); });
          for (const li of list.children) li.addEventListener('click', () => {
            if (!BROKEN) button.textContent = li.textContent;
            list.hidden = true;
            button.setAttribute('aria-expanded', 'false');
          });
        </script>
        """;

    // The Headless UI / Radix pattern: a button that announces a list box and shows the current choice.
    private const string ButtonListbox = """
        <!doctype html><title>Shirt</title>
        <label id="size-label">Size</label>
        <button type="button" id="size" aria-haspopup="listbox" aria-expanded="false" aria-labelledby="size-label size">Medium</button>
        <ul id="size-list" role="listbox" hidden aria-labelledby="size-label" style="list-style:none; border:1px solid #999; width:120px; padding:0">
          <li role="option" aria-selected="false">Small</li><li role="option" aria-selected="true">Medium</li><li role="option" aria-selected="false">Large</li>
        </ul>
        <script>
          const button = document.getElementById('size'), list = document.getElementById('size-list');
          button.addEventListener('click', () => { list.hidden = !list.hidden; button.setAttribute('aria-expanded', String(!list.hidden)); });
          for (const li of list.children) li.addEventListener('click', () => {
            for (const o of list.children) o.setAttribute('aria-selected', String(o === li));
            button.textContent = li.textContent;
            list.hidden = true;
            button.setAttribute('aria-expanded', 'false');
          });
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("custom-dropdown",
        ("/works", Dropdown.Replace("BROKEN", "false", StringComparison.Ordinal)),
        ("/broken", Dropdown.Replace("BROKEN", "true", StringComparison.Ordinal)),
        ("/button-listbox", ButtonListbox));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    [TestMethod]
    public async Task RunAsync_DropdownThatShowsTheChoice_Completes()
    {
        var result = await pages.RunAsync("/works", "Select Large in the Size drop-down.", TestContext.CancellationToken);

        Assert.AreEqual("Large", await pages.Session.Page.InnerTextAsync("#size"), result.Message);
        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
    }

    [TestMethod]
    public async Task RunAsync_DropdownThatClosesButKeepsPickOne_IsNotReportedDone()
    {
        var result = await pages.RunAsync("/broken", "Select Large in the Size drop-down.", TestContext.CancellationToken);

        Assert.AreEqual("Pick one", await pages.Session.Page.InnerTextAsync("#size"));
        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
    }

    [TestMethod]
    public async Task RunAsync_ButtonThatOpensAListBox_IsADropDown()
    {
        var result = await pages.RunAsync("/button-listbox", "Select Large from the Size drop-down.", TestContext.CancellationToken);

        Assert.AreEqual("Large", await pages.Session.Page.InnerTextAsync("#size"), result.Message);
        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
    }
}
