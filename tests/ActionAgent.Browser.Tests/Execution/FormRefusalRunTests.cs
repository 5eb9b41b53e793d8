using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>
/// A form the page refuses is not a submitted form: "Click Sign up" on a form whose script marks a field invalid and shows
/// why, or whose browser validation stops it, changed the page (an error appeared) but did not do what the step was for.
/// The run must not say Completed, and it says what the page objected to.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class FormRefusalRunTests
{
    // Script validation as most sites do it: the submit handler marks the field aria-invalid and writes the reason beside it.
    private const string Scripted = """
        <!doctype html><title>Sign up</title>
        <form id="f" novalidate>
          <label for="email">Email</label> <input id="email" name="email" aria-describedby="email-error">
          <span id="email-error" class="error"></span>
          <button type="submit">Sign up</button>
        </form>
        <p id="out"></p>
        <script>
          document.getElementById('f').addEventListener('submit', (e) => {
            e.preventDefault();
            const email = document.getElementById('email');
            if (!/^[^@\s]+@[^@\s]+$/.test(email.value)) {
              email.setAttribute('aria-invalid', 'true');
              document.getElementById('email-error').textContent = 'Enter a valid email address';
              return;
            }
            email.removeAttribute('aria-invalid');
            document.getElementById('email-error').textContent = '';
            document.getElementById('out').textContent = 'Welcome aboard';
          });
        </script>
        """;

    // The browser's own validation: a required field left empty stops the submit with a bubble and no change to the DOM.
    private const string Native = """
        <!doctype html><title>Sign up</title>
        <form id="f" action="/done">
          <label for="name">Name</label> <input id="name" name="name" required>
          <label for="city">City</label> <input id="city" name="city">
          <button type="submit">Sign up</button>
        </form>
        """;

    // Server-side validation: the form goes to the server, which sends it back with the field marked invalid.
    private const string Server = """
        <!doctype html><title>Order</title>
        <form action="/server-back"><label for="qty">Quantity</label> <input id="qty" name="qty"> <button>Send order</button></form>
        """;

    private const string ServerBack = """
        <!doctype html><title>Order</title>
        <form action="/server-back"><label for="qty">Quantity</label>
          <input id="qty" name="qty" aria-invalid="true" aria-describedby="qty-error"> <span id="qty-error">Quantity must be a whole number</span>
          <button>Send order</button></form>
        """;

    // Script validation with no ARIA at all (the common case): the reason is written into an error box under the form.
    private const string Unmarked = """
        <!doctype html><title>Newsletter</title>
        <p class="form-note">Fields marked * are required.</p>
        <form id="f" novalidate>
          <label for="email">Email *</label> <input id="email" name="email">
          <button type="submit">Subscribe</button>
          <div class="error-message" id="msg"></div>
        </form>
        <p id="out"></p>
        <script>
          document.getElementById('f').addEventListener('submit', (e) => {
            e.preventDefault();
            const email = document.getElementById('email').value;
            document.getElementById('msg').textContent = /^[^@\s]+@[^@\s]+$/.test(email) ? '' : 'Please enter a valid email address.';
            if (/^[^@\s]+@[^@\s]+$/.test(email)) document.getElementById('out').textContent = 'You are subscribed';
          });
        </script>
        """;

    // A login page the server sends back with an error box and the form again (no field marked).
    private const string Login = """
        <!doctype html><title>Sign in</title>
        <form action="/login-back"><label for="user">Username</label> <input id="user" name="user">
          <label for="pw">Password</label> <input id="pw" name="pw" type="password"> <button>Log in</button></form>
        """;

    private const string LoginBack = """
        <!doctype html><title>Sign in</title>
        <div class="container"><div class="alert alert-danger">Invalid username or password.</div>
        <form action="/login-back"><label for="user">Username</label> <input id="user" name="user">
          <label for="pw">Password</label> <input id="pw" name="pw" type="password"> <button>Log in</button></form></div>
        """;

    // What a successful sign-in leads to: a page with a form of its own whose help text uses the same words.
    private const string Welcome = """
        <!doctype html><title>Welcome</title><h1>Welcome back, Ada</h1>
        <form action="/welcome"><label for="nl">Newsletter</label> <input id="nl" name="nl">
          <small class="help-block">Please enter your email to subscribe.</small> <button>Subscribe</button></form>
        """;

    // A sign-in drawn by a script with no form element: the button reads the fields and answers in an alert region.
    private const string Formless = """
        <!doctype html><title>Console</title>
        <div class="login"><div><label for="user">Username</label> <input id="user"></div>
          <div><label for="pw">Password</label> <input id="pw" type="password"></div>
          <button type="button" id="go">Sign in</button></div>
        <div id="status" role="status"></div>
        <p class="hint">No errors were reported today.</p>
        <script>
          document.getElementById('go').addEventListener('click', () => {
            const ok = document.getElementById('pw').value === 'hunter2';
            const s = document.getElementById('status');
            s.className = ok ? 'ok' : 'alert-error';
            s.textContent = ok ? 'Signed in as ada' : 'Sign-in failed: wrong password.';
          });
        </script>
        """;

    // A setting saved as soon as it is ticked; the save fails and the page says so in an alert (the box stays ticked).
    private const string Setting = """
        <!doctype html><title>Settings</title>
        <label><input type="checkbox" id="mail" data-fail="FAIL"> Email notifications</label>
        <label><input type="checkbox" id="sms"> Text messages</label>
        <div id="toast"></div>
        <script>
          document.getElementById('mail').addEventListener('change', (e) => {
            const t = document.getElementById('toast');
            if (e.target.dataset.fail === 'true') { t.className = 'toast toast-error'; t.setAttribute('role', 'alert'); t.textContent = 'Could not save your preference. Try again later.'; }
            else { t.className = 'toast'; t.textContent = 'Preference saved'; }
          });
        </script>
        """;

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    // A date-range picker's field: Apply writes the picker's own range back into it, which is the range typed only when
    // the typed text parses as one.
    private const string Range = """
        <!doctype html><title>Report</title>
        <label>Date range <input id="range" value="01/01/2016 - 01/05/2016" onfocus="document.getElementById('cal').hidden = false"></label>
        <div id="cal" hidden><p>January 2016</p><button id="apply" onclick="apply()">Apply</button></div>
        <script>
          let range = '01/01/2016 - 01/05/2016';
          function apply() { const v = document.getElementById('range').value.trim(); if (/^\d\d\/\d\d\/\d{4} - \d\d\/\d\d\/\d{4}$/.test(v)) range = v; document.getElementById('range').value = range; document.getElementById('cal').hidden = true; }
        </script>
        """;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) =>
        pages = await InterpreterPages.StartAsync("form-refusal", ("/scripted", Scripted), ("/native", Native), ("/done", "<!doctype html><title>Done</title><p>Thanks</p>"),
            ("/server", Server), ("/server-back", ServerBack), ("/unmarked", Unmarked), ("/login", Login), ("/login-back", LoginBack),
            ("/login-good", Login.Replace("/login-back", "/welcome", StringComparison.Ordinal)), ("/welcome", Welcome), ("/formless", Formless),
            ("/setting-fails", Setting.Replace("FAIL", "true", StringComparison.Ordinal)), ("/setting-saves", Setting.Replace("FAIL", "false", StringComparison.Ordinal)), ("/range", Range));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

    // Typed, checked ("the field reads …"), then put back by the page when applied: the typing did not hold.
    [TestMethod]
    public async Task RunAsync_ATypedValueThePagePutsBack_IsNotCompleted()
    {
        var result = await pages.RunAsync("/range", "Set the Date range field to run from January 4, 2016 to January 19, 2016, and apply it.", TestContext.CancellationToken);

        Assert.AreEqual("01/01/2016 - 01/05/2016", await pages.Session.Page.InputValueAsync("#range"), "the page kept its own range");
        Assert.AreEqual(RunStatus.Failed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "did not keep it");
    }

    [TestMethod]
    public async Task RunAsync_ATypedValueThePageKeeps_IsCompleted()
    {
        var result = await pages.RunAsync("/range", "Set the Date range field to 01/04/2016 - 01/19/2016 and apply it.", TestContext.CancellationToken);

        Assert.AreEqual("01/04/2016 - 01/19/2016", await pages.Session.Page.InputValueAsync("#range"));
        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
    }

    [TestMethod]
    public async Task RunAsync_FormTheScriptMarksInvalid_FailsSayingWhy()
    {
        var result = await pages.RunAsync("/scripted", "Type not-an-email into Email. Click Sign up.", TestContext.CancellationToken);

        Assert.AreEqual("", await pages.Session.Page.InnerTextAsync("#out"), "the page never accepted the form");
        Assert.AreEqual(RunStatus.Failed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "Enter a valid email address");
    }

    [TestMethod]
    public async Task RunAsync_EnterSendsAFormTheScriptMarksInvalid_FailsSayingWhy()
    {
        var result = await pages.RunAsync("/scripted", "Type not-an-email into Email and press Enter.", TestContext.CancellationToken);

        Assert.AreEqual("", await pages.Session.Page.InnerTextAsync("#out"), "the page never accepted the form");
        Assert.AreEqual(RunStatus.Failed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "Enter a valid email address");
    }

    [TestMethod]
    public async Task RunAsync_FormTheServerSendsBackMarkedInvalid_FailsSayingWhy()
    {
        var result = await pages.RunAsync("/server", "Type two into Quantity. Click Send order.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Failed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "Quantity must be a whole number");
    }

    [TestMethod]
    public async Task RunAsync_FormTheScriptAccepts_Completes()
    {
        var result = await pages.RunAsync("/scripted", "Type ada@example.com into Email. Click Sign up.", TestContext.CancellationToken);

        Assert.AreEqual("Welcome aboard", await pages.Session.Page.InnerTextAsync("#out"));
        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
    }

    [TestMethod]
    public async Task RunAsync_FormTheBrowserRefuses_FailsNamingTheField()
    {
        var result = await pages.RunAsync("/native", "Type Paris into City. Click Sign up.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Failed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "Name (Please fill out this field.)");
        StringAssert.EndsWith(pages.Session.Page.Url, "/native", "the form was not sent");
    }

    [TestMethod]
    public async Task RunAsync_FormTheScriptAnswersWithAnErrorBoxOnly_FailsSayingWhy()
    {
        var result = await pages.RunAsync("/unmarked", "Type not-an-email into Email. Click Subscribe.", TestContext.CancellationToken);

        Assert.AreEqual("", await pages.Session.Page.InnerTextAsync("#out"), "the page never accepted the form");
        Assert.AreEqual(RunStatus.Failed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "Please enter a valid email address.");
    }

    [TestMethod]
    public async Task RunAsync_FormWithAStandingRequiredNote_AcceptedCompletes()
    {
        var result = await pages.RunAsync("/unmarked", "Type ada@example.com into Email. Click Subscribe.", TestContext.CancellationToken);

        Assert.AreEqual("You are subscribed", await pages.Session.Page.InnerTextAsync("#out"));
        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
    }

    [TestMethod]
    public async Task RunAsync_LoginTheServerSendsBackWithAnErrorBox_FailsSayingWhy()
    {
        var result = await pages.RunAsync("/login", "Type ada into Username. Type hunter2 into Password. Click Log in.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Failed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "Invalid username or password.");
    }

    [TestMethod]
    public async Task RunAsync_LoginThatLeadsToAPageWithHelpText_Completes()
    {
        var result = await pages.RunAsync("/login-good", "Type ada into Username. Type hunter2 into Password. Click Log in.", TestContext.CancellationToken);

        Assert.AreEqual("Welcome", await pages.Session.Page.TitleAsync());
        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
    }

    [TestMethod]
    public async Task RunAsync_ButtonOutsideAFormAnsweredWithAnError_FailsSayingWhy()
    {
        var result = await pages.RunAsync("/formless", "Type ada into Username. Type letmein into Password. Click Sign in.", TestContext.CancellationToken);

        Assert.AreEqual("Sign-in failed: wrong password.", await pages.Session.Page.InnerTextAsync("#status"));
        Assert.AreEqual(RunStatus.Failed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "Sign-in failed: wrong password.");
    }

    [TestMethod]
    public async Task RunAsync_ButtonOutsideAFormThatWorks_Completes()
    {
        var result = await pages.RunAsync("/formless", "Type ada into Username. Type hunter2 into Password. Click Sign in.", TestContext.CancellationToken);

        Assert.AreEqual("Signed in as ada", await pages.Session.Page.InnerTextAsync("#status"));
        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
    }

    [TestMethod]
    public async Task RunAsync_SettingWhoseSaveFailsWithAnAlert_FailsSayingWhy()
    {
        var result = await pages.RunAsync("/setting-fails", "Tick Email notifications.", TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Failed, result.Status, result.Message);
        StringAssert.Contains(result.Message, "Could not save your preference.");
    }

    [TestMethod]
    public async Task RunAsync_SettingThatSaves_Completes()
    {
        var result = await pages.RunAsync("/setting-saves", "Tick Email notifications.", TestContext.CancellationToken);

        Assert.IsTrue(await pages.Session.Page.IsCheckedAsync("#mail"));
        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
    }
}
