using ActionAgent.Browser.Execution;
using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// Date pickers in real Chromium, through the interpreter, the policy and the DOM effect verifier: the calendar is paged
/// to the month asked for (drop-downs or the next/previous control, one checked move at a time) and the day clicked.
/// The picker is written here, not taken from a library: title split into two spans, days of the months around it and
/// week numbers in the grid, optional month/year drop-downs, and two hostile variants (a stuck "Next", days that ignore
/// clicks). Completed only when the field holds the date asked for.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class CalendarRunTests
{
    private const string Picker = """
        <!doctype html><title>Booking</title>
        <style>
          #cal { position: absolute; top: 60px; left: 20px; border: 1px solid #999; padding: 6px; background: #fff; display: none; }
          #cal table td { width: 28px; height: 22px; text-align: center; }
          #cal .other { color: #bbb; } #cal .wk { color: #c60; font-size: 10px; }
          #cal button.day { width: 28px; }
        </style>
        <label>Due date <input id="due" readonly></label>
        <div id="cal">
          <button id="prev" type="button">‹</button>
          <span id="title"><span id="m"></span> <span id="y"></span></span>
          <select id="ms" style="display:none"></select><select id="ys" style="display:none"></select>
          <button id="next" type="button">›</button>
          <table><tbody id="grid"></tbody></table>
        </div>
        <script>
          const q = new URLSearchParams(location.search);
          const names = ['January','February','March','April','May','June','July','August','September','October','November','December'];
          let shown = new Date(2026, 10, 1);
          const withSelects = q.has('selects'), stuck = q.has('stuck'), deaf = q.has('deaf');
          if (q.has('typed')) { document.getElementById('due').readOnly = false; }
          const ms = document.getElementById('ms'), ys = document.getElementById('ys');
          if (withSelects) {
            names.forEach((n, i) => ms.add(new Option(n, i)));
            for (let y = 2010; y <= 2030; y++) ys.add(new Option(y, y));
            ms.style.display = ys.style.display = 'inline';
            document.getElementById('title').style.display = 'none';
            ms.onchange = () => { shown = new Date(shown.getFullYear(), +ms.value, 1); draw(); };
            ys.onchange = () => { shown = new Date(+ys.value, shown.getMonth(), 1); draw(); };
          }
          document.getElementById('due').onclick = () => { document.getElementById('cal').style.display = 'block'; draw(); };
          document.getElementById('prev').onclick = () => { shown = new Date(shown.getFullYear(), shown.getMonth() - 1, 1); draw(); };
          document.getElementById('next').onclick = () => { if (!stuck) { shown = new Date(shown.getFullYear(), shown.getMonth() + 1, 1); } draw(); };
          function week(d) { const t = new Date(d); t.setDate(t.getDate() + 4 - (t.getDay() || 7)); return Math.ceil(((t - new Date(t.getFullYear(), 0, 1)) / 864e5 + 1) / 7); }
          function draw() {
            document.getElementById('m').textContent = names[shown.getMonth()];
            document.getElementById('y').textContent = shown.getFullYear();
            ms.value = shown.getMonth(); ys.value = shown.getFullYear();
            const grid = document.getElementById('grid'); grid.innerHTML = '';
            const start = new Date(shown); start.setDate(1 - ((shown.getDay() + 6) % 7));
            for (let r = 0; r < 6; r++) {
              const tr = grid.insertRow(); const wk = tr.insertCell(); wk.className = 'wk';
              for (let c = 0; c < 7; c++) {
                const d = new Date(start); d.setDate(start.getDate() + r * 7 + c);
                if (c === 0) wk.textContent = week(d);
                const td = tr.insertCell();
                if (d.getMonth() !== shown.getMonth()) { td.className = 'other'; td.textContent = d.getDate(); continue; }
                const b = document.createElement('button'); b.className = 'day'; b.type = 'button'; b.textContent = d.getDate();
                b.onclick = () => {
                  if (deaf) { return; }
                  document.getElementById('due').value = d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
                  document.getElementById('cal').style.display = 'none';
                };
                td.appendChild(b);
              }
            }
          }
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => pages = await InterpreterPages.StartAsync("calendar", ("/book", Picker));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    [TestMethod]
    public async Task RunAsync_MonthAndYearDropDowns_ReachTheMonthAndTheDayIsPicked()
    {
        await pages.Session.Page.GotoAsync(pages.Server.Url("/book?selects"));

        var result = await RunAsync("Click into the Due date field, use the month and year drop-downs to get to March 2015, and click the 14th.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("2015-03-14", await pages.Session.Page.InputValueAsync("#due"));
        StringAssert.Contains(result.Message, "the calendar shows March 2015");
    }

    [TestMethod]
    public async Task RunAsync_ADateInWords_PagesForwardWithNextAndPicksThatDay()
    {
        await pages.Session.Page.GotoAsync(pages.Server.Url("/book"));

        var result = await RunAsync("Open the Due date calendar and choose 2 February 2027.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("2027-02-02", await pages.Session.Page.InputValueAsync("#due"), "week numbers and other months' days are no days of February");
    }

    [TestMethod]
    public async Task RunAsync_TheThirdFridayAfterGoingBackAMonth_IsThatDay()
    {
        await pages.Session.Page.GotoAsync(pages.Server.Url("/book"));

        var result = await RunAsync("Click the Due date field, go back one month and pick the third Friday of that month.");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("2026-10-16", await pages.Session.Page.InputValueAsync("#due"));
    }

    [TestMethod]
    public async Task RunAsync_ADateTypedIntoAPickersField_IsAlsoPickedInItsCalendar()
    {
        // The field takes any text, but the picker only knows a date picked in its calendar (it ignores typed text).
        await pages.Session.Page.GotoAsync(pages.Server.Url("/book?selects&typed"));

        var result = await RunAsync("Put 29/02/2016 in the Due date field (day first, then month).");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("2016-02-29", await pages.Session.Page.InputValueAsync("#due"), "the day was picked in the calendar");
    }

    [TestMethod]
    public async Task RunAsync_ANextControlThatDoesNotMove_FailsWithinTheBudget_NeverCompleted()
    {
        await pages.Session.Page.GotoAsync(pages.Server.Url("/book?stuck"));

        var result = await RunAsync("Click the Due date field and choose 14 May 2027.");

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("", await pages.Session.Page.InputValueAsync("#due"), "no day of November was picked instead");
    }

    [TestMethod]
    public async Task RunAsync_DaysThatIgnoreTheClick_AreNotReportedPicked()
    {
        await pages.Session.Page.GotoAsync(pages.Server.Url("/book?deaf"));

        var result = await RunAsync("Click the Due date field and click the 14th.");

        Assert.AreNotEqual(RunStatus.Completed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "14");
    }

    private Task<RunResult> RunAsync(string task) => InterpreterRun.RunAsync(pages.Session, pages.Recordings, task, TestContext.CancellationToken);
}
