using ActionAgent.Cli.Hosting;
using ActionAgent.Core.Policy;

namespace ActionAgent.Cli.Tests.DayOne;

/// <summary>Start URLs checked before a browser starts.</summary>
[TestClass]
public sealed class UrlCheckTests
{
    [TestMethod]
    [DataRow("127.0.0.1:5000/login", "write http://127.0.0.1:5000/login")]
    [DataRow("localhost:5000", "write http://localhost:5000")]
    [DataRow("example.com/path?q=1", "write http://example.com/path?q=1")]
    [DataRow("[::1]:8080/", "write http://[::1]:8080/")]
    [DataRow("", "the URL is empty")]
    [DataRow("orders/1042", "not an absolute URL")]
    public void Problem_NotAUsableAbsoluteUrl_SaysWhatToWrite(string url, string expected)
    {
        StringAssert.Contains(UrlCheck.Problem(url), expected);
    }

    [TestMethod]
    [DataRow("http://127.0.0.1:5000/login")]
    [DataRow("https://example.com")]
    [DataRow("about:blank")]
    [DataRow("data:text/html,<p>hi</p>")]
    public void Problem_AbsoluteUrl_IsNull(string url)
    {
        Assert.IsNull(UrlCheck.Problem(url));
    }

    [TestMethod]
    public void PolicyProblem_DeniedAndUnlistedHostsAndSchemes_NameTheRuleAndTheFile()
    {
        var policy = new PolicyDocument { Source = "/p/policy.yaml", Domains = new DomainRules { Allowed = ["127.0.0.1", "*.corp.test"], Denied = ["evil.corp.test"] } };

        StringAssert.Contains(UrlCheck.PolicyProblem("http://evil.corp.test/", policy), "policy /p/policy.yaml denies host evil.corp.test");
        StringAssert.Contains(UrlCheck.PolicyProblem("http://example.com/", policy), "does not allow host example.com");
        StringAssert.Contains(UrlCheck.PolicyProblem("file:///etc/passwd", policy), "does not allow file: URLs");
        Assert.IsNull(UrlCheck.PolicyProblem("http://app.corp.test/x", policy));
        Assert.IsNull(UrlCheck.PolicyProblem("http://127.0.0.1:5000/", policy));
        Assert.IsNull(UrlCheck.PolicyProblem("http://example.com/", policy with { Domains = policy.Domains with { Unlisted = VerdictKind.RequireApproval } }), "an unlisted host that needs approval is the reviewer's call");
    }
}
