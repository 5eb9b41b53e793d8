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

    private static InterpreterPages pages = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) =>
        pages = await InterpreterPages.StartAsync("form-refusal", ("/scripted", Scripted), ("/native", Native), ("/done", "<!doctype html><title>Done</title><p>Thanks</p>"),
            ("/server", Server), ("/server-back", ServerBack));

    [ClassCleanup]
    public static async Task StopAsync() => await pages.DisposeAsync();

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
}
