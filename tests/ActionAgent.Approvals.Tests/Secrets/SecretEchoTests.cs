using ActionAgent.Approvals.Secrets;
using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Tests.Secrets;

[TestClass]
public sealed class SecretEchoTests
{
    private const string Password = "p@ss w/rd+Ünï\"42";

    private static SecretResolver Resolver(Dictionary<string, string>? env = null) => new(
        new SecretSettings { Entries = [new SecretDefinition("OPS_PASSWORD") { Domains = ["127.0.0.1"] }] },
        name => (env ?? new() { ["ACTIONAGENT_SECRET_OPS_PASSWORD"] = Password }).GetValueOrDefault(name));

    [TestMethod]
    public void Redact_PageEchoesTheValueUrlEncoded_RemovesIt()
    {
        var redactor = Resolver().Redaction;

        var text = redactor.Redact("GET /next?pw=" + Uri.EscapeDataString(Password) + "&q=" + System.Net.WebUtility.UrlEncode(Password));

        Assert.AreEqual("GET /next?pw={{secret:OPS_PASSWORD}}&q={{secret:OPS_PASSWORD}}", text);
    }

    [TestMethod]
    public void Redaction_ValueSetAfterTheRunStarted_IsRedactedOnceResolved()
    {
        var env = new Dictionary<string, string>();
        var resolver = Resolver(env);
        var redaction = resolver.Redaction;
        Assert.AreEqual("rotated-value-9", redaction.Redact("rotated-value-9"), "no value yet, nothing to redact");

        env["ACTIONAGENT_SECRET_OPS_PASSWORD"] = "rotated-value-9";
        resolver.Resolve("{{secret:OPS_PASSWORD}}", "http://127.0.0.1/login");

        Assert.AreEqual("echo {{secret:OPS_PASSWORD}}", redaction.Redact("echo rotated-value-9"), "the value is registered the moment it is resolved");
    }

    [TestMethod]
    public void Redaction_UndeclaredEnvironmentValues_AreLeftAlone()
    {
        var resolver = Resolver(new() { ["ACTIONAGENT_SECRET_OPS_PASSWORD"] = Password, ["HOME"] = "/home/ops-team" });

        Assert.AreEqual("cd /home/ops-team", resolver.Redaction.Redact("cd /home/ops-team"));
    }

    [TestMethod]
    public void Resolve_UndeclaredNameThatIsAnEnvironmentVariable_IsRefusedWithHowToDeclareIt()
    {
        var resolver = Resolver(new() { ["HOME"] = "/home/ops-team", ["ACTIONAGENT_SECRET_HOME"] = "/home/ops-team" });

        var e = Assert.ThrowsExactly<SecretResolutionException>(() => resolver.Resolve("{{secret:HOME}}", "http://127.0.0.1/"));

        Assert.AreEqual(
            "unknown secret \"HOME\": the policy declares OPS_PASSWORD; declare it under secrets.names in the policy (e.g. HOME: { source: env, domains: [example.com] }, see policies/README.md)",
            e.Message);
        Assert.IsInstanceOfType<InvalidOperationException>(e, "executors report InvalidOperationException as a failed action");
    }

    [TestMethod]
    public void ForCurrentPage_ChecksTheDomainOfThePageOpenWhenTyping()
    {
        var url = "http://127.0.0.1/login";
        var resolve = Resolver().ForCurrentPage(() => url);

        Assert.AreEqual(Password, resolve("{{secret:OPS_PASSWORD}}"));
        url = "https://evil.example/login";
        var e = Assert.ThrowsExactly<SecretResolutionException>(() => resolve("{{secret:OPS_PASSWORD}}"));
        StringAssert.Contains(e.Message, "may not be used on evil.example");
    }

    [TestMethod]
    public void Check_NamesAFlowUses_SaysWhatIsMissing()
    {
        var resolver = Resolver(new());

        Assert.AreEqual("secret OPS_PASSWORD has no value: set the environment variable ACTIONAGENT_SECRET_OPS_PASSWORD", resolver.Check("OPS_PASSWORD"));
        StringAssert.StartsWith(resolver.Check("HOME"), "unknown secret \"HOME\"");
        Assert.IsNull(Resolver().Check("OPS_PASSWORD"));
    }
}
