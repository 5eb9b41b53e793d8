using System.Diagnostics;
using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Perception;
using ActionAgent.Browser.Perception;

namespace ActionAgent.Browser.Tests.Perception;

[TestClass]
[DoNotParallelize]
public sealed class PlaywrightPerceiverTests
{
    private static TestWebServer server = null!;
    private static BrowserSession session = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        server = new TestWebServer();
        server.Add("/form", Pages.Form);
        server.Add("/grid-filters", """
            <!doctype html><title>Clients</title>
            <table style="border-collapse:collapse;width:900px"><thead>
              <tr><th style="width:300px">Name</th><th style="width:90px">Age</th><th style="width:320px">Address</th><th style="width:190px">Country</th></tr>
              <tr><td><input style="width:280px"></td><td><input type="number" style="width:70px"></td><td><input style="width:300px"></td>
                  <td><select style="width:170px"><option></option><option>Canada</option><option>France</option></select></td></tr>
            </thead><tbody><tr><td>Otto Clay</td><td>61</td><td>Ap #897-1459 Quam Avenue</td><td>China</td>
              <td><input type="button" title="Edit" style="width:16px;height:16px"><input type="button" title="Delete" style="width:16px;height:16px"></td></tr></tbody></table>
            """);
        server.Add("/table-form", """
            <!doctype html><title>Masks</title><style> td { padding: 2px 4px; } td:first-child { width: 190px; } </style>
            <table>
              <tr><td>Date</td><td><input id="date"></td><td>99/99/9999</td></tr>
              <tr><td>Phone</td><td><input id="phone"></td><td>(999) 999-9999</td></tr>
              <tr><td>Phone(Readonly)</td><td><input id="ro" readonly></td><td>(999) 999-9999</td></tr>
            </table>
            """);
        server.Add("/frames", Pages.Frames);
        server.Add("/secrets-in-frames", Pages.SecretsInFrames);
        server.Add("/enter-forms", """
            <!doctype html><title>Enter</title>
            <form method="post" action="/pay"><label>Tip <input id="tip" name="tip"></label></form>
            <form method="get" action="/search"><label>Search <input id="q" name="q"></label><button>Find</button></form>
            <form method="post" action="/prefs"><label><input type="checkbox" name="news"> News</label></form>
            <form action="javascript:void(0);"><label>Alerts <input type="checkbox" name="alerts"></label><button type="submit">Save changes</button></form>
            """);
        // A script-made selectable list and a table far from any control: their items are what a person points at.
        server.Add("/styled-boxes", """
            <!doctype html><title>Styled boxes</title>
            <style>.hidden-box { position: absolute; clip: rect(0 0 0 0); width: 1px; height: 1px; overflow: hidden; }
              label { display: inline-block; padding: 8px; border: 1px solid #888; margin: 4px; }</style>
            <h2>Checkbox</h2>
            <fieldset><legend>Hotel Ratings:</legend>
              <label for="c1">2 Star</label><input type="checkbox" id="c1" class="hidden-box">
              <label for="c2">3 Star</label><input type="checkbox" id="c2" class="hidden-box" checked>
              <label for="c3">4 Star</label><input type="checkbox" id="c3" class="hidden-box" disabled>
            </fieldset>
            <label>Paris <input type="radio" name="city" class="hidden-box"></label>
            <label for="shown">Shown box</label><input type="checkbox" id="shown">
            """);
        server.Add("/list-only", """
            <!doctype html><title>Pick</title>
            <p>You've selected: <span id="r">none</span>.</p>
            <ol><li>Item 1</li><li>Item 2</li><li>Item 3</li></ol>
            """);
        server.Add("/table-far", """
            <!doctype html><title>People</title>
            <button>Refresh</button><div style="height: 400px"></div>
            <table><tr><th>Name</th><th>City</th></tr><tr><td>Ada</td><td>London</td></tr></table>
            """);
        // Until its stylesheet arrives (late, as on a loaded machine) the page is not drawn: unstyled, the banner would
        // push the link 300 px down; styled, the banner is gone and the link sits at the top.
        server.Add("/late/style.css", ".banner { display: none } a { display: inline-block; margin: 40px 0 0 200px }");
        server.Add("/late-style", """
            <!doctype html><html><head><title>Results</title><link rel="stylesheet" href="/late/style.css"></head>
            <body><div class="banner" style="height: 300px">Loading results…</div><p><a href="/orders/1042">Order 1042</a></p></body></html>
            """);
        session = await TestBrowser.OpenAsync();
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        await session.DisposeAsync();
        server.Dispose();
    }

    [TestMethod]
    public async Task Observe_FormPage_FindsLabelledControlsWithTheirState()
    {
        await session.Page.GotoAsync(server.Url("/form"));

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        Assert.AreEqual("Refund form", observation.Title);
        Assert.AreEqual(server.Url("/form"), observation.Url);
        var email = Single(observation, e => e.Role == "textbox" && e.InputType == "email");
        Assert.AreEqual("Email address", email.Name);
        Assert.AreEqual("you@example.com", email.Placeholder);
        var select = Single(observation, e => e.Role == "combobox");
        Assert.AreEqual("Reason", select.Name);
        CollectionAssert.AreEqual(new[] { "Choose…", "Item damaged", "Arrived late" }, select.Options.ToArray());
        Assert.AreEqual("Arrived late", select.Value);
        var agree = Single(observation, e => e.Role == "checkbox");
        Assert.AreEqual("I agree to the terms", agree.Name);
        Assert.IsTrue(agree.Checked);
        var submit = Single(observation, e => e.Role == "button" && e.Name == "Submit refund");
        Assert.IsTrue(submit.SubmitsForm);
        Assert.IsFalse(Single(observation, e => e.Name == "Cancel").SubmitsForm);
        var order = Single(observation, e => e.InputType == "text" && e.Tag == "input");
        Assert.AreEqual("", order.Name);
        Assert.AreEqual("Order number", order.NearbyText);
        Assert.IsTrue(observation.Elements.Any(e => e.Role == "heading" && e.Name == "Request a refund"));
        StringAssert.Contains(observation.VisibleText, "Request a refund");
    }

    [TestMethod]
    public async Task ObserveAsync_AFormLaidOutAsATable_EachFieldIsNamedByItsOwnRowsLabel()
    {
        // The label cell is wide: the row above's label ends a few pixels nearer the field than its own does.
        await session.Page.GotoAsync(server.Url("/table-form"));

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var fields = observation.Elements.Where(e => e.Tag == "input").OrderBy(e => e.Bounds.Y).Select(e => e.NearbyText).ToArray();
        CollectionAssert.AreEqual(new[] { "Date", "Phone", "Phone(Readonly)" }, fields);
    }

    [TestMethod]
    public async Task ObserveAsync_AGridsFilterRow_EachFieldIsNamedByTheHeaderAboveIt_AndIconButtonsByTheirTooltips()
    {
        // Each field's own column header is straight above it; the header of the column to its left is just as high and
        // ends only a few pixels left of it (it was the label the Country select was given).
        await session.Page.GotoAsync(server.Url("/grid-filters"));

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var fields = observation.Elements.Where(e => e.Tag is "input" or "select" && e.Role != "button").OrderBy(e => e.Bounds.X).Select(e => e.NearbyText).ToArray();
        CollectionAssert.AreEqual(new[] { "Name", "Age", "Address", "Country" }, fields);
        // Its row's icon buttons have no value: their tooltips name them.
        CollectionAssert.AreEqual(new[] { "Edit", "Delete" }, observation.Elements.Where(e => e.Role == "button").OrderBy(e => e.Bounds.X).Select(e => e.Name).ToArray());
    }

    [TestMethod]
    [DataRow("/list-only", "Item 3")]
    [DataRow("/table-far", "London")]
    public async Task Observe_ItemsOfListsAndTablesAwayFromControls_AreInTheElementList(string path, string item)
    {
        await session.Page.GotoAsync(server.Url(path));

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        Single(observation, e => e.Name == item);
    }

    [TestMethod]
    public async Task Observe_LabelsOfHiddenBoxes_StandForTheBoxWithItsStateAndGroup()
    {
        await session.Page.GotoAsync(server.Url("/styled-boxes"));

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var two = Single(observation, e => e.Name == "2 Star");
        var three = Single(observation, e => e.Name == "3 Star");
        var four = Single(observation, e => e.Name == "4 Star");
        Assert.AreEqual("checkbox", two.Role, "the label people see and click stands for its hidden box");
        Assert.IsFalse(two.Checked);
        Assert.IsTrue(three.Checked);
        Assert.IsTrue(four.Disabled);
        Assert.AreEqual("Hotel Ratings:", four.NearbyText, "a box's group names it before the nearest heading does");
        Assert.AreEqual("radio", Single(observation, e => e.Name == "Paris").Role);
        Assert.AreEqual(1, observation.Elements.Count(e => e.Name == "Shown box"), "a shown box carries its own label; the label is not a second box");
        Assert.AreEqual("input", Single(observation, e => e.Name == "Shown box").Tag);
    }

    [TestMethod]
    public async Task Observe_FieldsOfPostingAndGetForms_MarkWhereEnterSubmitsAndWhichHasFocus()
    {
        await session.Page.GotoAsync(server.Url("/enter-forms"));
        await session.Page.FocusAsync("#tip");

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var tip = Single(observation, e => e.Name == "Tip");
        var search = Single(observation, e => e.Name == "Search");
        var news = Single(observation, e => e.Role == "checkbox" && e.Name == "News");
        Assert.IsTrue(tip.EnterSubmits, "Enter in the only field of a form that posts submits it, button or not");
        Assert.IsTrue(tip.IsFocused);
        Assert.IsFalse(search.EnterSubmits, "a GET form only navigates");
        Assert.IsFalse(search.IsFocused);
        Assert.IsFalse(news.EnterSubmits, "a checkbox is not a text field");
        var find = Single(observation, e => e.Name == "Find");
        Assert.IsTrue(find.SubmitsGetForm, "a GET form's button only navigates");
        Assert.IsFalse(find.SubmitsForm);
        // A form a script handles ("javascript:void(0)", GET by default): its Save may post anything, so it is a submit.
        var save = Single(observation, e => e.Name == "Save changes");
        Assert.IsFalse(save.SubmitsGetForm, "a script-handled form is not one that only navigates");
        Assert.IsTrue(save.SubmitsForm);
    }

    [TestMethod]
    public async Task Observe_PasswordFieldsInAnIframeAndAShadowRoot_AreMaskedBlackAndThePageIsLeftAsItWas()
    {
        await session.Page.GotoAsync(server.Url("/secrets-in-frames"));

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var png = PngImage.Decode(observation.Screenshot.Span);
        var black = ((byte)0, (byte)0, (byte)0);
        Assert.AreEqual(black, png.Pixel(100 + 20 + 100, 200 + 40 + 15), "the password field in the iframe");
        var shadow = Single(observation, e => e.IsSecret && e.Bounds.X >= 700);
        Assert.AreEqual(black, png.Pixel((int)shadow.Bounds.Center.X, (int)shadow.Bounds.Center.Y), "the password field in the shadow root");
        Assert.AreNotEqual(black, png.Pixel(700, 415), "the plain field is not masked");
        foreach (var frame in session.Page.Frames)
        {
            Assert.AreEqual(0, await frame.EvaluateAsync<int>("() => document.querySelectorAll('[data-actionagent-mask]').length"), "the masks are gone after the capture");
        }
    }

    [TestMethod]
    public async Task Observe_PasswordField_IsSecretWithoutItsValue_AndMaskedBlack()
    {
        await session.Page.GotoAsync(server.Url("/form"));

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var password = Single(observation, e => e.InputType == "password");
        Assert.IsTrue(password.IsSecret);
        Assert.AreNotEqual("hunter2", password.Value);
        Assert.IsFalse(observation.Elements.Any(e => (e.Value ?? "").Contains("hunter2", StringComparison.Ordinal)));
        var png = PngImage.Decode(observation.Screenshot.Span);
        Assert.AreEqual(observation.Geometry.ScreenshotWidth, png.Width);
        Assert.AreEqual(observation.Geometry.ScreenshotHeight, png.Height);
        var inside = observation.Geometry.ToScreenshot(new ScreenPoint(password.Bounds.X + 10, password.Bounds.Y + password.Bounds.Height / 2));
        Assert.AreEqual(((byte)0, (byte)0, (byte)0), png.Pixel((int)inside.X, (int)inside.Y), "the password field must be painted black");
        var email = Single(observation, e => e.InputType == "email");
        var emailPoint = observation.Geometry.ToScreenshot(new ScreenPoint(email.Bounds.Right - 4, email.Bounds.Y + email.Bounds.Height / 2));
        Assert.AreNotEqual(((byte)0, (byte)0, (byte)0), png.Pixel((int)emailPoint.X, (int)emailPoint.Y), "ordinary fields are not masked");
    }

    [TestMethod]
    public async Task Observe_Twice_KeepsIdsForTheSameNodes_EvenWhenNodesAreInsertedBefore()
    {
        await session.Page.GotoAsync(server.Url("/form"));
        var perceiver = session.CreatePerceiver();

        var first = await perceiver.ObserveAsync(TestContext.CancellationToken);
        await session.Page.EvaluateAsync("() => document.body.insertAdjacentHTML('afterbegin', '<button>New first button</button>')");
        var second = await perceiver.ObserveAsync(TestContext.CancellationToken);

        var submitBefore = Single(first, e => e.Name == "Submit refund");
        var submitAfter = Single(second, e => e.Name == "Submit refund");
        Assert.AreEqual(submitBefore.Id, submitAfter.Id);
        Assert.AreEqual(Single(first, e => e.Role == "combobox").Id, Single(second, e => e.Role == "combobox").Id);
        var added = Single(second, e => e.Name == "New first button");
        Assert.IsFalse(first.Elements.Any(e => e.Id == added.Id), "a new node gets a new id");
        Assert.AreEqual(second.Elements.Count, second.Elements.Select(e => e.Id).Distinct().Count(), "ids are unique");
    }

    [TestMethod]
    public async Task Observe_FreshLoadOfTheSamePage_GivesTheSameIds()
    {
        await session.Page.GotoAsync(server.Url("/form"));
        var first = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);
        await session.Page.ReloadAsync();

        var second = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        CollectionAssert.AreEqual(first.Elements.Select(e => $"{e.Id}:{e.Role}:{e.Label}").ToArray(), second.Elements.Select(e => $"{e.Id}:{e.Role}:{e.Label}").ToArray());
    }

    [TestMethod]
    public async Task Observe_SameOriginIframeAndOpenShadowRoot_AreWalkedWithTopLevelBoxes()
    {
        await session.Page.GotoAsync(server.Url("/frames"));
        await session.Page.WaitForFunctionAsync("() => !!document.querySelector('shadow-box').shadowRoot");

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var pay = Single(observation, e => e.Name == "Pay now");
        var frame = session.Page.Frames.Single(f => f != session.Page.MainFrame);
        var expected = await frame.Locator("#pay").BoundingBoxAsync();
        Assert.IsNotNull(expected);
        Assert.AreEqual(expected.X, pay.Bounds.X, 1.0, "x in top-level CSS pixels (frame offset + border added)");
        Assert.AreEqual(expected.Y, pay.Bounds.Y, 1.0);
        Assert.AreEqual(112, pay.Bounds.X, 1.0);
        Assert.AreEqual(222, pay.Bounds.Y, 1.0);
        StringAssert.StartsWith(pay.FramePath, "iframe#");
        Assert.AreEqual("Card number", Single(observation, e => e.Tag == "input" && e.FramePath.Length > 0).Name);
        var shadowButton = Single(observation, e => e.Name == "Go shadow");
        Assert.AreEqual("", shadowButton.FramePath);
        Assert.AreEqual("Search the shop", Single(observation, e => e.Tag == "input" && e.FramePath.Length == 0).Name);
    }

    [TestMethod]
    public async Task Observe_CrossOriginIframe_IsOneFrameElementWithANote()
    {
        // localhost and 127.0.0.1 are different origins: the frame's document cannot be read from the page.
        var other = server.Url("/form").Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        await session.Page.GotoAsync(server.Url("/form"));
        await session.Page.EvaluateAsync($"() => new Promise(r => {{ const f = document.createElement('iframe'); f.title = 'Partner'; f.src = '{other}'; f.onload = r; document.body.prepend(f); }})");

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var frame = Single(observation, e => e.Role == "frame");
        Assert.AreEqual("Partner", frame.Name);
        Assert.IsTrue(observation.Notes.Any(n => n.Contains("cross-origin frame", StringComparison.Ordinal)));
        Assert.AreEqual(1, observation.Elements.Count(e => e.Name == "Submit refund"), "only the top page's form is walked");
    }

    [TestMethod]
    public async Task CaptureAsync_MatchesTheObservationScreenshot()
    {
        await session.Page.GotoAsync(server.Url("/form"));
        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var capture = await session.CaptureAsync(TestContext.CancellationToken);

        var png = PngImage.Decode(capture.Span);
        Assert.AreEqual((observation.Geometry.ScreenshotWidth, observation.Geometry.ScreenshotHeight), (png.Width, png.Height));
        var password = Single(observation, e => e.InputType == "password");
        Assert.AreEqual(((byte)0, (byte)0, (byte)0), png.Pixel((int)password.Bounds.X + 10, (int)password.Bounds.Center.Y), "captures are masked too");
    }

    [TestMethod]
    public async Task Observe_PageWhoseStylesheetIsStillLoading_MeasuresElementsWhereTheScreenshotShowsThem()
    {
        // The observation starts right after the new document committed, while its stylesheet is still on its way.
        await session.Page.GotoAsync(server.Url("/late-style"), new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Commit });

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        await session.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.Load);
        var drawn = await session.Page.Locator("a").BoundingBoxAsync();
        Assert.IsNotNull(drawn);
        var link = Single(observation, e => e.Role == "link" && e.Name == "Order 1042");
        Assert.AreEqual(drawn.X, link.Bounds.X, 1.0, "the link's box is the styled one: " + link.Bounds);
        Assert.AreEqual(drawn.Y, link.Bounds.Y, 1.0, "the link's box is the styled one: " + link.Bounds);
        Assert.IsFalse(observation.Elements.Any(e => (e.Text ?? e.Name).Contains("Loading results", StringComparison.Ordinal)), "the banner the stylesheet hides is not listed");

        // The screenshot of the same observation shows the link there: its pixels are not the page's white background.
        var png = PngImage.Decode(observation.Screenshot.Span);
        var inside = observation.Geometry.ToScreenshot(new ScreenPoint(link.Bounds.X + 2, link.Bounds.Center.Y));
        var column = Enumerable.Range(0, (int)link.Bounds.Width).Select(dx => png.Pixel((int)inside.X + dx, (int)inside.Y));
        Assert.IsTrue(column.Any(p => p != ((byte)255, (byte)255, (byte)255)), "the screenshot shows the link inside its box");
    }

    // Several fields in one run of text, each after its words and no label element ("Example 1 : <input><br>Example 2 :
    // <input>"): each is named by the words right before it. Boxes take no words from before them (theirs come after).
    [TestMethod]
    public async Task Observe_FieldsInOneRunOfText_AreNamedByTheWordsRightBeforeThem()
    {
        await session.Page.SetContentAsync("""
            <div style="width:300px">Start date : <input id="a"><br>End date : <input id="b"><br>Notes: <input type="checkbox" id="c"> urgent</div>
            """);

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var fields = observation.Elements.Where(e => e.Role == "textbox").Select(e => e.Name).ToArray();
        CollectionAssert.AreEqual(new[] { "Start date", "End date" }, fields);
        Assert.AreNotEqual("Notes", Single(observation, e => e.Role == "checkbox").Name);
    }

    // A tags input (bootstrap-tagsinput's markup): the tags before its text box are its entries, each with a remove part
    // inside; the last one is no label of the box. Batch 22 typed "two tags: Texas and Ohio" into a box it called
    // "Alabama" for "replace Alabama with …" and said Completed. A plain span before a field still names it.
    [TestMethod]
    public async Task Observe_TagsBeforeATagsInputsTextBox_AreNoLabelOfIt()
    {
        await session.Page.SetContentAsync("""
            <div class="bootstrap-tagsinput"><span class="tag label label-info">Clean<span data-role="remove"></span></span>
            <span class="tag label label-info">Alabama<span class="tag-remove"></span></span><input id="t" type="text" size="4"></div>
            <p><span>Nickname</span><input id="n"></p>
            """);

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var fields = observation.Elements.Where(e => e.Role == "textbox").Select(e => e.Name).ToArray();
        CollectionAssert.AreEqual(new[] { "", "Nickname" }, fields);
    }

    [TestMethod]
    public async Task Observe_PageWithPrototypeToJsonOrFakeStringify_StillWorks()
    {
        await session.Page.SetContentAsync("""
            <button>Old library page</button>
            <script>Array.prototype.toJSON = function () { return 'broken'; }; JSON.stringify = () => '"hijacked"';</script>
            """);

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        Assert.AreEqual("Old library page", Single(observation, e => e.Role == "button").Name);
    }

    // A filter row above the headers (TableFilter's layout): each field is its column's, not the page title's above
    // it. A form laid out as a table with its labels in a column keeps its labels.
    [TestMethod]
    public async Task Observe_AFilterRowAboveTheHeaders_EachFieldIsNamedByItsColumn()
    {
        await session.Page.SetContentAsync("""
            <h1>Country statistics</h1>
            <table><thead><tr><td><input></td><td><select><option>Clear</option><option>1994</option></select></td><td><input></td></tr>
              <tr><th style="cursor:pointer">country</th><th style="cursor:pointer">year</th><th style="cursor:pointer">POP</th></tr></thead>
              <tbody><tr><td>Benin</td><td>1994</td><td>5950</td></tr></tbody></table>
            <table><tr><th>Name</th><td><input id="n"></td></tr><tr><th>Email</th><td><input id="e"></td></tr></table>
            """);

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var filters = observation.Elements.Where(e => e.Tag is "input" or "select" && e.Bounds.Y < 100).OrderBy(e => e.Bounds.X).Select(e => e.NearbyText).ToArray();
        CollectionAssert.AreEqual(new[] { "country", "year", "POP" }, filters);
        var form = observation.Elements.Where(e => e.Tag == "input" && e.Bounds.Y > 100).OrderBy(e => e.Bounds.Y).Select(e => e.NearbyText).ToArray();
        CollectionAssert.AreEqual(new[] { "Name", "Email" }, form);
    }

    // The ARIA tree pattern: an open item holds its branch. The item is its own line and its own words; the items of
    // its branch are listed too (before: one item "Oceania Australia Fiji", as tall as the branch, nothing inside).
    [TestMethod]
    public async Task Observe_AnOpenTreeItem_IsItsOwnLine_AndItsBranchIsListed()
    {
        await session.Page.SetContentAsync("""
            <ul role="tree"><li role="treeitem" aria-expanded="true"><span>Oceania</span>
              <ul role="group"><li role="treeitem">Australia</li><li role="treeitem">Fiji</li></ul></li></ul>
            """);

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var items = observation.Elements.Where(e => e.Role == "treeitem").ToList();
        CollectionAssert.AreEqual(new[] { "Oceania", "Australia", "Fiji" }, items.Select(e => e.Name).ToArray());
        Assert.IsTrue(items[0].Bounds.Bottom <= items[1].Bounds.Y + 1, $"Oceania {items[0].Bounds} reaches into Australia {items[1].Bounds}");
    }

    [TestMethod]
    public async Task Observe_HiddenElementsAreLeftOut_OffscreenOnesAreListedAndMarked()
    {
        await session.Page.SetContentAsync("""
            <button>Visible</button>
            <button style="display:none">Display none</button>
            <button style="visibility:hidden">Visibility hidden</button>
            <div style="display:none"><button>Inside hidden</button></div>
            <button style="position:absolute;top:5000px">Far below</button>
            <button disabled>Disabled one</button>
            """);

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var names = observation.Elements.Where(e => e.Role == "button").Select(e => e.Name).ToArray();
        CollectionAssert.AreEquivalent(new[] { "Visible", "Far below", "Disabled one" }, names);
        Assert.IsTrue(Single(observation, e => e.Name == "Disabled one").Disabled);
        Assert.IsTrue(Single(observation, e => e.Name == "Far below").IsOffscreen);
        Assert.IsFalse(Single(observation, e => e.Name == "Visible").IsOffscreen);
    }

    [TestMethod]
    public async Task Observe_APageSlidUnderAnOpaquePage_IsNotListed_NorItsWordsTakenAsLabels()
    {
        // An app's router keeps the page it slid away in the document, behind the new one and pushed a little left: its
        // texts lie under the new page wherever they are in view, and a tall one reaches below the fold.
        await session.Page.SetContentAsync("""
            <style>body{margin:0} .page{position:absolute;inset:0;overflow:auto;background:#efeff4}</style>
            <div class="page" style="transform:translateX(-20%)">
              <h2>Start page</h2><p>Welcome to my awesome app, with text that goes on for a while.</p>
              <a href="#about">About</a><a href="#services">Services</a>
              <div style="height:1500px"></div><p>Far down the old page</p>
            </div>
            <div class="page">
              <div style="height:420px"></div>
              <div>Checkbox group</div>
              <label><input type="checkbox"> Books</label><br>
              <label><input type="checkbox"> Movies</label>
              <h3 style="opacity:0">Faded title</h3>
              <button style="opacity:0">Faded tool</button>
            </div>
            """);

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var names = observation.Elements.Select(e => e.Name).ToList();
        foreach (var gone in new[] { "Start page", "About", "Services", "Far down the old page", "Faded title" })
        {
            Assert.IsFalse(names.Any(n => n.Contains(gone, StringComparison.Ordinal)), $"'{gone}' is covered or faded out yet listed: {string.Join(" | ", names)}");
        }

        Assert.IsFalse(observation.Elements.Any(e => (e.NearbyText ?? "").Contains("awesome", StringComparison.OrdinalIgnoreCase)), "a covered text was taken as a control's nearby text");
        Assert.AreEqual(2, observation.Elements.Count(e => e.Role == "checkbox"));
        Assert.AreEqual(1, observation.Elements.Count(e => e.Name == "Checkbox group"));
        Assert.AreEqual(1, observation.Elements.Count(e => e.Role == "button" && e.Name == "Faded tool"), "a control faded out (a row tool shown on hover) is still listed");
    }

    [TestMethod]
    public async Task Observe_ATagsRemovePartSaidByItsDataRole_IsListedAsARemoveIcon()
    {
        // bootstrap-tagsinput: the part that removes a tag has no words (a × drawn by CSS), only data-role="remove"; one
        // theme lays it over the whole tag.
        await session.Page.SetContentAsync("""
            <style> .tag{position:relative;display:inline-block;padding:4px 20px 4px 8px;margin:2px;background:#1abc9c;color:#fff;cursor:pointer}
              .tag [data-role=remove]{position:absolute;inset:0;cursor:pointer} .small [data-role=remove]{position:static;display:inline-block;width:10px;height:10px} </style>
            <div><span class="tag">Clean<span data-role="remove"></span></span><span class="tag small">Fresh<span data-role="remove"></span></span></div>
            """);

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var parts = observation.Elements.Where(e => e.Icon == "remove").ToList();
        Assert.HasCount(2, parts, string.Join(" | ", observation.Elements.Select(e => $"{e.Role} [{e.Name}] icon={e.Icon} {e.Bounds}")));
    }

    [TestMethod]
    public async Task Observe_WhatIsBehindASeeThroughBackdropOrUnderADrawnBox_IsStillListed()
    {
        // A dialog's dimmed backdrop lets the page show through; a real checkbox lies under the box drawn over it; a page
        // half covered by a panel is still on top elsewhere.
        await session.Page.SetContentAsync("""
            <style>body{margin:0}</style>
            <h2>Orders</h2><button>Refresh</button>
            <label style="position:relative;display:inline-block"><input type="checkbox" id="c" style="margin:0;width:18px;height:18px">
              <span style="position:absolute;left:0;top:0;width:18px;height:18px;background:#fff;border:1px solid #333"></span> Paid only</label>
            <div style="position:fixed;right:0;top:0;width:40%;height:100%;background:#fff"><button>Panel button</button></div>
            <div style="position:fixed;inset:0;background:rgba(0,0,0,.45)"></div>
            <div role="dialog" style="position:fixed;left:30%;top:30%;background:#fff;padding:20px"><p>Really?</p><button>OK</button></div>
            """);

        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        var names = observation.Elements.Select(e => e.Name).ToList();
        foreach (var shown in new[] { "Orders", "Refresh", "Panel button", "OK" })
        {
            Assert.IsTrue(names.Contains(shown), $"'{shown}' is missing: {string.Join(" | ", names)}");
        }

        Assert.AreEqual(1, observation.Elements.Count(e => e.Role == "checkbox"), "the checkbox under its drawn box is still listed");
    }

    [TestMethod]
    public async Task Observe_AListCutToItsLimit_KeepsTheOffscreenHeadingsThatSayWhereEachControlIs()
    {
        // Ten sections of ten buttons below the fold, a limit of 60 elements: the buttons that fit are kept, and every
        // section's heading before any of them (it was cut first, so "the last star in the Click example" had no section).
        var sections = string.Concat(Enumerable.Range(1, 10).Select(s =>
            $"<h2>Section {s}</h2>" + string.Concat(Enumerable.Range(1, 10).Select(b => $"<button>{s}.{b}</button>"))));
        await session.Page.SetContentAsync($"<div style=\"height:2000px\">top</div>{sections}");

        var observation = await session.CreatePerceiver(new PerceiverOptions { MaxElements = 60 }).ObserveAsync(TestContext.CancellationToken);

        Assert.AreEqual(10, observation.Elements.Count(e => e.Role == "heading"), string.Join(", ", observation.Elements.Select(e => e.Name)));
        Assert.IsTrue(observation.Elements.Count(e => e.Role == "button") >= 40, "the rest of the limit goes to the buttons");
        Assert.IsTrue(observation.Notes.Any(n => n.Contains("cut", StringComparison.Ordinal)), "the cut is said");
    }

    [TestMethod]
    public async Task Observe_TypicalFormPage_IsFast()
    {
        await session.Page.GotoAsync(server.Url("/form"));
        var perceiver = session.CreatePerceiver();
        await perceiver.ObserveAsync(TestContext.CancellationToken);

        var times = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var clock = Stopwatch.StartNew();
            await perceiver.ObserveAsync(TestContext.CancellationToken);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var median = times[times.Count / 2];
        TestContext.WriteLine($"observation latency at 1280x720: median {median:0.0} ms, min {times[0]:0.0} ms, max {times[^1]:0.0} ms");
        // The target is 80 ms; the bound only catches pathological regressions (one round trip per element, a hang)
        // on a shared, heavily loaded 2-core CI machine.
        Assert.IsLessThan(2000, median);
    }

    private static UiElement Single(Observation observation, Func<UiElement, bool> predicate)
    {
        var matches = observation.Elements.Where(predicate).ToArray();
        Assert.HasCount(1, matches, "elements: " + string.Join("; ", observation.Elements));
        return matches[0];
    }
}
