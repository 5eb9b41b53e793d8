using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;

namespace ActionAgent.Browser.Tests.Execution;

[TestClass]
[DoNotParallelize]
public sealed class PlaywrightActionExecutorTests
{
    private static TestWebServer server = null!;
    private static BrowserSession session = null!;
    private static DirectoryInfo root = null!;

    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Ct => TestContext.CancellationToken;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        server = new TestWebServer();
        server.Add("/targets", Pages.Targets);
        server.Add("/form", Pages.Form);
        // A tag input as selectize draws one: select-all in the empty input selects the tags, Delete removes them.
        server.Add("/tags", """
            <!doctype html><title>Tags</title>
            <div id="tags"><span class="tag">cobalt</span></div><input id="t" aria-label="Cars">
            <script>
              let all = false;
              const t = document.getElementById('t');
              t.addEventListener('keydown', e => {
                if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a' && t.value === '') { all = true; e.preventDefault(); }
                else if (e.key === 'Delete' && all) { document.getElementById('tags').innerHTML = ''; all = false; }
                else { all = false; }
              });
            </script>
            """);
        server.Add("/submitted#post", "<!doctype html><title>Thanks</title><h1>Refund requested</h1>");
        server.Add("/second", "<!doctype html><title>Second</title><h1>Second page</h1>");
        server.Add("/to-dashboard", "<!doctype html><title>Start</title><a href=\"/dashboard\" style=\"font-size:24px\">Dashboard</a>");
        server.Add("/dashboard", """
            <!doctype html><title>Dashboard</title><h1>Dashboard</h1><p id="panel">Loading activity</p>
            <script>fetch('/api/slow-data').then(r => r.text()).then(() => document.getElementById('panel').textContent = 'Activity loaded');</script>
            """);
        server.Add("/api/slow-data", "ok");
        root = Directory.CreateTempSubdirectory("aa-exec-");
        Directory.CreateDirectory(Path.Combine(root.FullName, "uploads"));
        File.WriteAllText(Path.Combine(root.FullName, "uploads", "receipt.txt"), "receipt");
        File.WriteAllText(Path.Combine(root.FullName, "private.txt"), "private");
        session = await TestBrowser.OpenAsync(s => s.BaseDirectory = root.FullName);
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        await session.DisposeAsync();
        server.Dispose();
        root.Delete(recursive: true);
    }

    [TestMethod]
    public async Task Click_ElementId_ClicksThatElement()
    {
        var observation = await OpenAsync("/targets");

        var outcome = await ExecuteAsync(new ClickAction(ActionTarget.Element(Find(observation, "Bravo").Id)), observation);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.AreEqual("click:b", await session.Page.TitleAsync());
        StringAssert.Contains(outcome.Message, "\"Bravo\"");
        Assert.AreEqual(server.Url("/targets"), outcome.UrlAfter);
    }

    [TestMethod]
    public async Task Type_IntoAnEmptyTagInput_LeavesItsTagsAlone()
    {
        var observation = await OpenAsync("/tags");

        var outcome = await ExecuteAsync(new TypeTextAction(ActionTarget.Element(Find(observation, "Cars").Id), "a3"), observation);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.AreEqual("cobalt", await session.Page.TextContentAsync("#tags"), "clearing an empty field selected and deleted the tag");
        Assert.AreEqual("a3", await session.Page.InputValueAsync("#t"));
    }

    [TestMethod]
    public async Task Click_RightAndDouble_UseThoseButtons()
    {
        var observation = await OpenAsync("/targets");
        var alpha = ActionTarget.Element(Find(observation, "Alpha").Id);

        await ExecuteAsync(new ClickAction(alpha, MouseButtonKind.Right), observation);
        var right = await session.Page.TitleAsync();
        await ExecuteAsync(new ClickAction(alpha, ClickCount: 2), observation);

        Assert.AreEqual("right:a", right);
        Assert.AreEqual("dbl:a", await session.Page.TitleAsync());
    }

    [TestMethod]
    public async Task Click_ElementBelowTheFold_IsScrolledIntoViewFirst()
    {
        var observation = await OpenAsync("/targets");
        await session.Page.EvaluateAsync("() => window.scrollTo(0, 1900)");
        var scrolled = await session.CreatePerceiver().ObserveAsync(Ct);
        var far = Find(scrolled, "Far away");
        await session.Page.EvaluateAsync("() => window.scrollTo(0, 0)");

        var outcome = await ExecuteAsync(new ClickAction(ActionTarget.Element(far.Id)), scrolled);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.AreEqual("click:far", await session.Page.TitleAsync());
        StringAssert.Contains(outcome.Message, "scrolled it into view");
        Assert.IsNotNull(observation);
    }

    [TestMethod]
    public async Task Click_RemovedElement_FailsClearly()
    {
        var observation = await OpenAsync("/targets");
        await session.Page.EvaluateAsync("() => document.getElementById('b').remove()");

        var outcome = await ExecuteAsync(new ClickAction(ActionTarget.Element(Find(observation, "Bravo").Id)), observation);

        Assert.AreEqual(OutcomeStatus.Failed, outcome.Status);
        StringAssert.Contains(outcome.Message, "no longer on the page");
    }

    // The element a click was judged (and perhaps approved) on must be the one it lands on: between the observation and the
    // press a reviewer may take minutes, and the page may relabel the button, repoint the link or lay something over it.
    [TestMethod]
    public async Task Click_ButtonRelabelledAfterObservation_IsNotClicked()
    {
        var observation = await OpenAsync("/targets");
        var bravo = Find(observation, "Bravo");
        await session.Page.EvaluateAsync("() => document.getElementById('b').textContent = 'Delete everything'");

        var outcome = await ExecuteAsync(new ClickAction(ActionTarget.Element(bravo.Id)), observation);

        Assert.AreEqual(OutcomeStatus.Failed, outcome.Status, outcome.Message);
        Assert.AreEqual("none", await session.Page.TitleAsync(), "the relabelled button was pressed");
        StringAssert.Contains(outcome.Message, "Delete everything");
    }

    [TestMethod]
    public async Task Click_TargetCoveredByAnotherControlAfterObservation_IsNotClicked()
    {
        var observation = await OpenAsync("/targets");
        var bravo = Find(observation, "Bravo");
        await session.Page.EvaluateAsync("""
            () => {
              const o = document.createElement('div');
              o.textContent = 'Delete';
              o.style.cssText = 'position:absolute;left:880px;top:480px;width:200px;height:90px;background:rgba(0,0,0,0.01);z-index:9';
              o.addEventListener('click', () => { document.title = 'click:overlay'; });
              document.body.append(o);
            }
            """);

        var outcome = await ExecuteAsync(new ClickAction(ActionTarget.Element(bravo.Id)), observation);

        Assert.AreEqual(OutcomeStatus.Failed, outcome.Status, outcome.Message);
        Assert.AreEqual("none", await session.Page.TitleAsync(), "the click landed on the overlay");
        StringAssert.Contains(outcome.Message, "covered");
    }

    [TestMethod]
    public async Task Click_LinkRepointedAfterObservation_IsNotFollowed()
    {
        var observation = await OpenAsync("/to-dashboard");
        var link = Find(observation, "Dashboard");
        await session.Page.EvaluateAsync("() => document.querySelector('a').href = '/second'");

        var outcome = await ExecuteAsync(new ClickAction(ActionTarget.Element(link.Id)), observation);

        Assert.AreEqual(OutcomeStatus.Failed, outcome.Status, outcome.Message);
        Assert.AreEqual(server.Url("/to-dashboard"), session.Page.Url, "the repointed link was followed");
        StringAssert.Contains(outcome.Message, "/second");
    }

    [TestMethod]
    public async Task Click_AfterThePageChanged_IsRefusedInsteadOfHittingAnotherElement()
    {
        var observation = await OpenAsync("/targets");
        await session.Page.GotoAsync(server.Url("/form"));
        await session.CreatePerceiver().ObserveAsync(Ct);

        var outcome = await ExecuteAsync(new ClickAction(ActionTarget.Element(Find(observation, "Alpha").Id)), observation);

        Assert.AreEqual(OutcomeStatus.Failed, outcome.Status);
        StringAssert.Contains(outcome.Message, "the page changed since it was observed");
        Assert.AreEqual("Refund form", await session.Page.TitleAsync());
    }

    [TestMethod]
    public async Task Hover_MovesTheMouseOverTheElement()
    {
        var observation = await OpenAsync("/targets");

        var outcome = await ExecuteAsync(new HoverAction(ActionTarget.Element(Find(observation, "Charlie").Id)), observation);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.AreEqual("hover:c", await session.Page.TitleAsync());
    }

    [TestMethod]
    public async Task Type_IntoLabelledField_ReplacesItsText_AndEnterSubmits()
    {
        var observation = await OpenAsync("/form");
        await session.Page.FillAsync("#email", "old@example.com");
        var email = observation.Elements.Single(e => e.InputType == "email");

        var outcome = await ExecuteAsync(new TypeTextAction(ActionTarget.Element(email.Id), "ann@example.com", PressEnter: true), observation);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.AreEqual("Thanks", await session.Page.TitleAsync());
        Assert.IsTrue(server.Posts.Any(p => p.Contains("email=ann%40example.com", StringComparison.Ordinal)), string.Join(" | ", server.Posts));
        StringAssert.Contains(outcome.Message, "pressed Enter");
        Assert.AreEqual(server.Url("/submitted"), outcome.UrlAfter);
    }

    [TestMethod]
    public async Task Type_SecretReference_IsResolvedByTheHook_AndNeverReported()
    {
        var observation = await OpenAsync("/form");
        var password = observation.Elements.Single(e => e.InputType == "password");
        var executor = session.CreateExecutor((text, _) => text.Replace("{{secret:PW}}", "s3cr3t!", StringComparison.Ordinal));

        var outcome = await executor.ExecuteAsync(new ProposedAction(new TypeTextAction(ActionTarget.Element(password.Id), "{{secret:PW}}"), "test"), observation, Ct);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.AreEqual("s3cr3t!", await session.Page.InputValueAsync("#pw"));
        Assert.IsFalse(outcome.Message.Contains("s3cr3t", StringComparison.Ordinal), outcome.Message);
        StringAssert.Contains(outcome.Message, "secret");
    }

    // A page on the secret's site embeds a frame from another site whose field is the one the step names: the keys would
    // go to that other site. The secret's domains are checked against the document that receives the keys.
    [TestMethod]
    public async Task Type_SecretIntoAFieldOfAFrameFromAnotherSite_IsRefusedAndNothingIsTyped()
    {
        server.Add("/framed-login", $"""
            <!doctype html><title>Bank</title><h1>Sign in</h1>
            <iframe id="f" src="{server.OtherSiteUrl("/frame-field")}" style="width:400px;height:120px;border:0"></iframe>
            """);
        server.Add("/frame-field", "<!doctype html><label>Password <input id=\"pw\" type=\"password\"></label>");
        await session.Page.GotoAsync(server.Url("/framed-login"));
        await session.Page.FrameLocator("#f").Locator("#pw").WaitForAsync();
        // The other site's frame is not in the element list (its DOM is not the page's): the field is aimed at where it
        // is seen, as a vision decider does.
        var observation = await session.CreatePerceiver().ObserveAsync(Ct);
        var box = (await session.Page.FrameLocator("#f").Locator("#pw").BoundingBoxAsync())!;
        var hosts = new List<string>();
        var executor = session.CreateExecutor((text, url) =>
        {
            var host = new Uri(url).Host;
            hosts.Add(host);
            return host == "127.0.0.1" ? text.Replace("{{secret:PW}}", "s3cr3t!", StringComparison.Ordinal) : throw new InvalidOperationException($"secret PW may not be used on {host}");
        });

        var outcome = await executor.ExecuteAsync(new ProposedAction(new TypeTextAction(ActionTarget.At(box.X + (box.Width / 2), box.Y + (box.Height / 2)), "{{secret:PW}}"), "test"), observation, Ct);

        Assert.AreEqual(OutcomeStatus.Failed, outcome.Status, outcome.Message);
        Assert.AreEqual("", await session.Page.FrameLocator("#f").Locator("#pw").InputValueAsync(), "nothing reached the other site's field");
        StringAssert.Contains(outcome.Message, "frame from localhost");
        CollectionAssert.Contains(hosts, "localhost", "the domains were checked against the frame that has the focus");
    }

    // The same frame from the page's own site: the secret is typed.
    [TestMethod]
    public async Task Type_SecretIntoAFieldOfAFrameFromTheSameSite_IsTyped()
    {
        server.Add("/framed-login-same", $"""
            <!doctype html><title>Bank</title><h1>Sign in</h1>
            <iframe id="f" src="{server.Url("/frame-field-same")}" style="width:400px;height:120px;border:0"></iframe>
            """);
        server.Add("/frame-field-same", "<!doctype html><label>Password <input id=\"pw\" type=\"password\"></label>");
        await session.Page.GotoAsync(server.Url("/framed-login-same"));
        await session.Page.FrameLocator("#f").Locator("#pw").WaitForAsync();
        var observation = await session.CreatePerceiver().ObserveAsync(Ct);
        var password = observation.Elements.Single(e => e.InputType == "password");
        var executor = session.CreateExecutor((text, url) => new Uri(url).Host == "127.0.0.1" ? text.Replace("{{secret:PW}}", "s3cr3t!", StringComparison.Ordinal) : throw new InvalidOperationException("not here"));

        var outcome = await executor.ExecuteAsync(new ProposedAction(new TypeTextAction(ActionTarget.Element(password.Id), "{{secret:PW}}"), "test"), observation, Ct);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.AreEqual("s3cr3t!", await session.Page.FrameLocator("#f").Locator("#pw").InputValueAsync());
    }

    [TestMethod]
    public async Task Type_OnSomethingThatIsNotATextField_FailsWithoutTyping()
    {
        var observation = await OpenAsync("/form");

        var outcome = await ExecuteAsync(new TypeTextAction(ActionTarget.Element(Find(observation, "Cancel").Id), "hello"), observation);

        Assert.AreEqual(OutcomeStatus.Failed, outcome.Status);
        StringAssert.Contains(outcome.Message, "did not put the cursor in a text field");
    }

    [TestMethod]
    public async Task Press_KeyChord_GoesToTheFocusedElement()
    {
        var observation = await OpenAsync("/form");
        await session.Page.FillAsync("#order", "12345");
        await session.Page.FocusAsync("#order");

        var outcome = await ExecuteAsync(new PressKeyAction("Backspace"), observation);
        var unknown = await ExecuteAsync(new PressKeyAction("Hyperdrive"), observation);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.AreEqual("1234", await session.Page.InputValueAsync("#order"));
        Assert.AreEqual(OutcomeStatus.Failed, unknown.Status);
        StringAssert.Contains(unknown.Message, "not a key");
    }

    [TestMethod]
    public async Task Select_ByLabelOrValue_ChoosesTheOption_AndUnknownOptionListsChoices()
    {
        var observation = await OpenAsync("/form");
        var select = observation.Elements.Single(e => e.Role == "combobox");

        var byLabel = await ExecuteAsync(new SelectOptionAction(ActionTarget.Element(select.Id), "item damaged"), observation);
        var afterLabel = await session.Page.InputValueAsync("#reason");
        var byValue = await ExecuteAsync(new SelectOptionAction(ActionTarget.Element(select.Id), "late"), observation);
        var missing = await ExecuteAsync(new SelectOptionAction(ActionTarget.Element(select.Id), "Too expensive"), observation);

        Assert.IsTrue(byLabel.Succeeded, byLabel.Message);
        Assert.AreEqual("damaged", afterLabel);
        Assert.IsTrue(byValue.Succeeded, byValue.Message);
        Assert.AreEqual("late", await session.Page.InputValueAsync("#reason"));
        Assert.AreEqual(OutcomeStatus.Failed, missing.Status);
        StringAssert.Contains(missing.Message, "\"Item damaged\"");
    }

    [TestMethod]
    public async Task Click_Checkbox_TogglesIt()
    {
        var observation = await OpenAsync("/form");
        var agree = observation.Elements.Single(e => e.Role == "checkbox");

        var outcome = await ExecuteAsync(new ClickAction(ActionTarget.Element(agree.Id)), observation);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.IsFalse(await session.Page.IsCheckedAsync("input[name=agree]"));
        var again = await session.CreatePerceiver().ObserveAsync(Ct);
        Assert.IsFalse(again.Elements.Single(e => e.Role == "checkbox").Checked);
    }

    [TestMethod]
    public async Task Scroll_Page_MovesItAndReportsThePosition()
    {
        var observation = await OpenAsync("/targets");

        var outcome = await ExecuteAsync(new ScrollAction(0, 600), observation);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        var y = await session.Page.EvaluateAsync<double>("() => window.scrollY");
        Assert.AreEqual(600, y, 1);
        StringAssert.Contains(outcome.Message, "now at y=600");
    }

    [TestMethod]
    public async Task Drag_SliderKnob_MovesItWithRealMouseEvents()
    {
        await session.Page.SetContentAsync("""
            <div id="track" style="position:absolute;left:100px;top:100px;width:400px;height:20px;background:#ddd"></div>
            <div id="knob" role="slider" aria-label="Volume" style="position:absolute;left:100px;top:95px;width:30px;height:30px;background:#333"></div>
            <div id="goal" style="position:absolute;left:400px;top:200px;width:60px;height:60px;background:#cfc">Drop here</div>
            <script>
              const knob = document.getElementById('knob');
              let down = false;
              knob.addEventListener('mousedown', () => down = true);
              document.addEventListener('mousemove', (e) => { if (down) knob.style.left = (e.clientX - 15) + 'px'; });
              document.addEventListener('mouseup', (e) => { if (down) { down = false; document.title = 'dropped at ' + e.clientX; } });
            </script>
            """);
        var observation = await session.CreatePerceiver().ObserveAsync(Ct);
        var knob = observation.Elements.Single(e => e.Role == "slider");

        var outcome = await ExecuteAsync(new DragAction(ActionTarget.Element(knob.Id), ActionTarget.At(430, 110)), observation);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.AreEqual("dropped at 430", await session.Page.TitleAsync());
    }

    [TestMethod]
    public async Task Upload_FromAllowedFolder_AttachesTheFile_OtherwiseRefuses()
    {
        await session.Page.SetContentAsync("""<label for="f">Receipt</label><input id="f" type="file">""");
        var observation = await session.CreatePerceiver().ObserveAsync(Ct);
        var input = observation.Elements.Single(e => e.InputType == "file");

        var outside = await ExecuteAsync(new UploadFileAction(ActionTarget.Element(input.Id), "private.txt"), observation);
        var traversal = await ExecuteAsync(new UploadFileAction(ActionTarget.Element(input.Id), "uploads/../private.txt"), observation);
        var filesAfterRefusal = await session.Page.EvaluateAsync<int>("() => document.getElementById('f').files.length");
        var allowed = await ExecuteAsync(new UploadFileAction(ActionTarget.Element(input.Id), "uploads/receipt.txt"), observation);

        Assert.AreEqual(OutcomeStatus.Failed, outside.Status);
        StringAssert.Contains(outside.Message, Path.Combine(root.FullName, "uploads"));
        Assert.AreEqual(OutcomeStatus.Failed, traversal.Status);
        Assert.AreEqual(0, filesAfterRefusal);
        Assert.IsTrue(allowed.Succeeded, allowed.Message);
        Assert.AreEqual("receipt.txt", await session.Page.EvaluateAsync<string>("() => document.getElementById('f').files[0].name"));
    }

    [TestMethod]
    public async Task Navigate_RelativeUrl_ResolvesAgainstThePage_AndUnreachableUrlFails()
    {
        var observation = await OpenAsync("/form");

        var relative = await ExecuteAsync(new NavigateAction("second"), observation);
        var title = await session.Page.TitleAsync();
        var unreachable = await ExecuteAsync(new NavigateAction($"http://127.0.0.1:{TestWebServer.FreePort()}/nothing"), observation);

        Assert.IsTrue(relative.Succeeded, relative.Message);
        Assert.AreEqual("Second", title);
        Assert.AreEqual(server.Url("/second"), relative.UrlAfter);
        Assert.AreEqual(OutcomeStatus.Failed, unreachable.Status);
        StringAssert.Contains(unreachable.Message, "ERR_CONNECTION_REFUSED");
    }

    [TestMethod]
    public async Task GoBack_ReturnsToThePreviousPage()
    {
        await OpenAsync("/form");
        var observation = await OpenAsync("/second");

        var outcome = await ExecuteAsync(new GoBackAction(), observation);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.AreEqual(server.Url("/form"), outcome.UrlAfter);
    }

    [TestMethod]
    public async Task Wait_UntilText_SucceedsWhenItAppears_AndFailsAfterTheLimit()
    {
        await session.Page.SetContentAsync("<div id=x>Loading</div><script>setTimeout(() => document.getElementById('x').textContent = 'Ready now', 300)</script>");
        var observation = await session.CreatePerceiver().ObserveAsync(Ct);

        var appears = await ExecuteAsync(new WaitAction(TimeSpan.FromSeconds(5), "ready now"), observation);
        var never = await ExecuteAsync(new WaitAction(TimeSpan.FromMilliseconds(300), "Never shown"), observation);

        Assert.IsTrue(appears.Succeeded, appears.Message);
        Assert.AreEqual(OutcomeStatus.Failed, never.Status);
        StringAssert.Contains(never.Message, "did not appear");
    }

    [TestMethod]
    public async Task Click_ThatOpensConfirm_AcceptsItAndReportsTheMessage()
    {
        await session.Page.SetContentAsync("""<button onclick="document.title = confirm('Delete the order?') ? 'confirmed' : 'declined'">Delete</button>""");
        var observation = await session.CreatePerceiver().ObserveAsync(Ct);

        var outcome = await ExecuteAsync(new ClickAction(ActionTarget.Element(Find(observation, "Delete").Id)), observation);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.AreEqual("confirmed", await session.Page.TitleAsync());
        StringAssert.Contains(outcome.Message, "accepted dialog: confirm \"Delete the order?\"");
    }

    [TestMethod]
    public async Task Click_CarryingADismissal_DismissesTheConfirmItRaises()
    {
        await session.Page.SetContentAsync("""<button onclick="document.title = confirm('Delete the order?') ? 'confirmed' : 'declined'">Delete</button>""");
        var observation = await session.CreatePerceiver().ObserveAsync(Ct);

        var outcome = await ExecuteAsync(new ClickAction(ActionTarget.Element(Find(observation, "Delete").Id)) { OnDialog = DialogReply.Cancel }, observation);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.AreEqual("declined", await session.Page.TitleAsync());
        Assert.IsFalse(outcome.Dialogs!.Single().Accepted);
        StringAssert.Contains(outcome.Message, "dismissed dialog: confirm \"Delete the order?\"");
    }

    [TestMethod]
    public async Task Click_AnsweringAPromptWithASecret_ThePageGetsTheValue_TheOutcomeOnlyTheReference()
    {
        await session.Page.SetContentAsync("""<button onclick="document.title = 'pin:' + prompt('Your PIN?')">Unlock</button>""");
        var observation = await session.CreatePerceiver().ObserveAsync(Ct);
        var executor = session.CreateExecutor((text, _) => text.Replace("{{secret:PIN}}", "s3cr3t-4711", StringComparison.Ordinal));
        var click = new ClickAction(ActionTarget.Element(Find(observation, "Unlock").Id)) { OnDialog = new DialogReply(true, "{{secret:PIN}}") };

        var outcome = await executor.ExecuteAsync(new ProposedAction(click, "test"), observation, Ct);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.AreEqual("pin:s3cr3t-4711", await session.Page.TitleAsync());
        Assert.IsFalse(outcome.Message.Contains("s3cr3t", StringComparison.Ordinal), outcome.Message);
        Assert.AreEqual("{{secret:PIN}}", outcome.Dialogs!.Single().Text);
    }

    [TestMethod]
    public async Task DialogOpenedByThePage_IsObserved_AndEscapeDismissesIt()
    {
        await session.Page.SetContentAsync("""<button>Idle</button><script>setTimeout(() => { document.title = confirm('Leave without saving?') ? 'left' : 'stayed'; }, 50)</script>""");
        await Task.Delay(300, Ct);
        var perceiver = session.CreatePerceiver();

        var observation = await perceiver.ObserveAsync(Ct);
        var click = await ExecuteAsync(new ClickAction(ActionTarget.At(10, 10)), observation);
        var dismiss = await ExecuteAsync(new PressKeyAction("Escape"), observation);
        var after = await perceiver.ObserveAsync(Ct);

        Assert.AreEqual("confirm \"Leave without saving?\"", observation.OpenDialog);
        Assert.AreEqual(OutcomeStatus.Failed, click.Status);
        StringAssert.Contains(click.Message, "press Enter to accept it or Escape to dismiss it");
        Assert.IsTrue(dismiss.Succeeded, dismiss.Message);
        Assert.IsNull(after.OpenDialog);
        Assert.AreEqual("stayed", after.Title);
    }

    [TestMethod]
    public async Task Click_LinkOpeningANewTab_SaysSoAndStaysInThePage()
    {
        await session.Page.SetContentAsync($"""<a href="{server.Url("/second")}" target="_blank">Open second</a>""");
        var observation = await session.CreatePerceiver().ObserveAsync(Ct);

        var outcome = await ExecuteAsync(new ClickAction(ActionTarget.Element(Find(observation, "Open second").Id)), observation);
        for (var i = 0; i < 100 && session.Context.Pages.Count < 2; i++)
        {
            await Task.Delay(100, Ct);
        }

        // On a slow machine the tab may open after the action settled: then the next observation says so.
        var next = await session.CreatePerceiver().ObserveAsync(Ct);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        var told = outcome.Message + " | " + string.Join(" | ", next.Notes);
        StringAssert.Contains(told, $"opened a new tab or window ({server.Url("/second")})", told);
        Assert.AreEqual(1, System.Text.RegularExpressions.Regex.Count(told, "new tab"), "reported once");
        Assert.AreEqual(observation.Url, next.Url, "the agent stays in its page");
        foreach (var page in session.Context.Pages.Where(p => p != session.Page).ToArray())
        {
            await page.CloseAsync();
        }
    }

    [TestMethod]
    public async Task TerminalActions_AreNotExecuted()
    {
        var observation = await OpenAsync("/targets");

        var outcome = await ExecuteAsync(new DoneAction("all good"), observation);

        Assert.IsTrue(outcome.Succeeded);
        Assert.AreEqual("none", await session.Page.TitleAsync());
    }

    [TestMethod]
    public async Task Type_SecretIntoPlainTextField_FieldIsMaskedInLaterScreenshotsAndValues()
    {
        var observation = await OpenAsync("/form");
        var box = (await session.Page.Locator("#order").BoundingBoxAsync())!;
        var order = observation.Elements.Single(e => e.Tag == "input" && Math.Abs(e.Bounds.X - box.X) < 1 && Math.Abs(e.Bounds.Y - box.Y) < 1);
        var executor = session.CreateExecutor((text, _) => text.Replace("{{secret:TOKEN}}", "s3cr3t-value", StringComparison.Ordinal));

        var outcome = await executor.ExecuteAsync(new ProposedAction(new TypeTextAction(ActionTarget.Element(order.Id), "{{secret:TOKEN}}"), "test"), observation, Ct);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.IsFalse(outcome.Message.Contains("s3cr3t", StringComparison.Ordinal), "the outcome never shows the secret");
        Assert.AreEqual("s3cr3t-value", await session.Page.InputValueAsync("#order"), "the page received the real value");
        var after = await session.CreatePerceiver().ObserveAsync(Ct);
        var field = after.Elements.Single(e => e.Tag == "input" && Math.Abs(e.Bounds.X - box.X) < 1 && Math.Abs(e.Bounds.Y - box.Y) < 1);
        Assert.IsTrue(field.IsSecret, "a field that received a secret is treated as secret");
        Assert.IsFalse(after.Elements.Any(e => (e.Value ?? "").Contains("s3cr3t", StringComparison.Ordinal)));
        var png = PngImage.Decode(after.Screenshot.Span);
        var inside = after.Geometry.ToScreenshot(new ScreenPoint(field.Bounds.X + 6, field.Bounds.Y + field.Bounds.Height / 2));
        Assert.AreEqual(((byte)0, (byte)0, (byte)0), png.Pixel((int)inside.X, (int)inside.Y), "the field is painted black in the screenshot");
    }

    [TestMethod]
    public async Task Click_LinkToAPageWhoseScriptFetchesSlowly_FlowSettleReturnsOnceThePageHasLoaded()
    {
        // Flows and replays (a settle override) wait for the new document, not for what its scripts fetch afterwards:
        // their next step waits for its own target.
        var observation = await OpenAsync("/to-dashboard");

        var outcome = await session.CreateExecutor(settle: TimeSpan.FromSeconds(10))
            .ExecuteAsync(new ProposedAction(new ClickAction(ActionTarget.Element(Find(observation, "Dashboard").Id)), "test"), observation, Ct);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.AreEqual("Dashboard", await session.Page.TitleAsync());
        Assert.AreEqual("Loading activity", await session.Page.Locator("#panel").TextContentAsync(), "the flow settle waited for the page's slow fetch");
    }

    [TestMethod]
    public async Task Click_LinkToAPageWhoseScriptFetchesSlowly_RunSettleWaitsForTheFetch()
    {
        // An agent run (no override) lets the page go quiet, so a model sees the panel filled in.
        var observation = await OpenAsync("/to-dashboard");
        var budget = session.Settings.Timeouts.SettleMs;
        session.Settings.Timeouts.SettleMs = 10_000;
        try
        {
            var outcome = await ExecuteAsync(new ClickAction(ActionTarget.Element(Find(observation, "Dashboard").Id)), observation);

            Assert.IsTrue(outcome.Succeeded, outcome.Message);
            Assert.AreEqual("Activity loaded", await session.Page.Locator("#panel").TextContentAsync());
        }
        finally
        {
            session.Settings.Timeouts.SettleMs = budget;
        }
    }

    private async Task<Observation> OpenAsync(string path)
    {
        await session.Page.GotoAsync(server.Url(path));
        return await session.CreatePerceiver().ObserveAsync(Ct);
    }

    private Task<ActionOutcome> ExecuteAsync(BrowserAction action, Observation observation) =>
        session.CreateExecutor().ExecuteAsync(new ProposedAction(action, "test"), observation, Ct);

    private static UiElement Find(Observation observation, string name) =>
        observation.Elements.Single(e => e.Name == name);
}
