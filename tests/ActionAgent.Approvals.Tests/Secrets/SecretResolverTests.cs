using ActionAgent.Approvals.Secrets;
using ActionAgent.Approvals.Tests.Fakes;
using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Tests.Secrets;

[TestClass]
public sealed class SecretResolverTests
{
    private static readonly Dictionary<string, string> Env = new()
    {
        ["ACTIONAGENT_SECRET_OPS_PASSWORD"] = "correct horse battery",
        ["ACTIONAGENT_SECRET_OPS_USER"] = "ops",
    };

    private static SecretSettings Settings(string? file = null) => new()
    {
        File = file,
        Entries =
        [
            new SecretDefinition("OPS_PASSWORD") { Domains = ["127.0.0.1"] },
            new SecretDefinition("OPS_USER") { Domains = ["127.0.0.1", "*.corp.example"] },
            new SecretDefinition("API_TOKEN") { Source = SecretSource.File, Domains = ["127.0.0.1"] },
            new SecretDefinition("MISSING") { Domains = ["127.0.0.1"] },
        ],
    };

    private static SecretResolver Resolver(string? file = null) => new(Settings(file), name => Env.GetValueOrDefault(name));

    [TestMethod]
    public void Resolve_EnvironmentSecret_ReplacesTheReference()
    {
        var text = Resolver().Resolve("user {{secret:OPS_USER}} / {{ secret:OPS_PASSWORD }}", "http://127.0.0.1:5000/login");

        Assert.AreEqual("user ops / correct horse battery", text);
    }

    [TestMethod]
    public void Resolve_FileSecret_ReadsNameValueLines()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("secrets.env"), "# ops secrets\nAPI_TOKEN=\"tok-123=abc\"\n\nOTHER=1\n");

        Assert.AreEqual("Bearer tok-123=abc", Resolver(dir.File("secrets.env")).Resolve("Bearer {{secret:API_TOKEN}}", "http://127.0.0.1/"));
    }

    [TestMethod]
    public void Resolve_FileSecretNotGivenToTheRun_IsRefusedButStillRedacted()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("secrets.env"), "API_TOKEN=tok-123abc\n");
        var resolver = new SecretResolver(Settings(dir.File("secrets.env")), name => Env.GetValueOrDefault(name), given: ["OPS_USER"]);

        var e = Assert.ThrowsExactly<SecretResolutionException>(() => resolver.Resolve("{{secret:API_TOKEN}}", "http://127.0.0.1/"));

        Assert.AreEqual("secret API_TOKEN is not given to this run: it may use OPS_USER (a served task uses only the secrets it names)", e.Message);
        Assert.IsNotNull(resolver.Check("API_TOKEN"));
        Assert.AreEqual("ops", resolver.Resolve("{{secret:OPS_USER}}", "http://127.0.0.1/"));
        Assert.AreEqual("key {{secret:API_TOKEN}}", resolver.Redaction.Redact("key tok-123abc"), "a value the run may not type is still scrubbed");
    }

    [TestMethod]
    public void Resolve_OnAnotherDomain_IsRefused()
    {
        var e = Assert.ThrowsExactly<SecretResolutionException>(() => Resolver().Resolve("{{secret:OPS_PASSWORD}}", "https://evil.example/login"));

        Assert.AreEqual("OPS_PASSWORD", e.SecretName);
        Assert.AreEqual("secret OPS_PASSWORD may not be used on evil.example: it is limited to 127.0.0.1", e.Message);
    }

    [TestMethod]
    public void Resolve_WildcardDomain_AllowsSubdomains()
    {
        Assert.AreEqual("ops", Resolver().Resolve("{{secret:OPS_USER}}", "https://tickets.corp.example/"));
    }

    [TestMethod]
    public void Resolve_UnknownName_SaysWhichNamesExist()
    {
        var e = Assert.ThrowsExactly<SecretResolutionException>(() => Resolver().Resolve("{{secret:OPS_PASWORD}}", "http://127.0.0.1/"));

        Assert.AreEqual("unknown secret \"OPS_PASWORD\": the policy declares OPS_PASSWORD, OPS_USER, API_TOKEN, MISSING; declare it under secrets.names in the policy (e.g. OPS_PASWORD: { source: env, domains: [example.com] }, see policies/README.md)", e.Message);
    }

    [TestMethod]
    public void Resolve_NoValue_SaysWhichVariableToSet()
    {
        var e = Assert.ThrowsExactly<SecretResolutionException>(() => Resolver().Resolve("{{secret:MISSING}}", "http://127.0.0.1/"));

        StringAssert.Contains(e.Message, "set the environment variable ACTIONAGENT_SECRET_MISSING");
    }

    [TestMethod]
    public void ForPage_IsAFuncTheExecutorCanCall()
    {
        Func<string, string> resolve = Resolver().ForPage("http://127.0.0.1:8080/");

        Assert.AreEqual("correct horse battery", resolve("{{secret:OPS_PASSWORD}}"));
        Assert.AreEqual("no secrets here", resolve("no secrets here"));
    }

    [TestMethod]
    public void TryResolve_ReturnsTheProblemInsteadOfThrowing()
    {
        var ok = Resolver().TryResolve("{{secret:OPS_PASSWORD}}", "http://localhost/", out var resolved, out var error);

        Assert.IsFalse(ok);
        Assert.AreEqual("{{secret:OPS_PASSWORD}}", resolved, "nothing leaks on failure");
        StringAssert.Contains(error, "may not be used on localhost");
    }

    [TestMethod]
    public void Redactor_ReplacesEveryValueWithItsReference()
    {
        var redactor = Resolver().Redaction;

        var text = redactor.Redact("typed 'correct horse battery' as ops into the form; echo: correct horse battery");

        Assert.AreEqual("typed '{{secret:OPS_PASSWORD}}' as {{secret:OPS_USER}} into the form; echo: {{secret:OPS_PASSWORD}}", text);
    }
}
