using ActionAgent.Approvals.Policies;
using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Tests.Policies;

[TestClass]
public sealed class PolicyLoaderTests
{
    private static string Shipped(string name) => Path.Combine(AppContext.BaseDirectory, "policies", name);

    [TestMethod]
    [DataRow("default.yaml")]
    [DataRow("ops-forms.yaml")]
    [DataRow("qa-readonly.yaml")]
    public void Load_ShippedPolicy_IsValidAndHashed(string file)
    {
        var policy = PolicyLoader.Load(Shipped(file));

        Assert.AreEqual(Path.GetFileNameWithoutExtension(file), policy.Name);
        StringAssert.StartsWith(policy.Hash, "sha256:");
        Assert.AreEqual(71, policy.Hash.Length);
        Assert.AreNotEqual(VerdictKind.Allow, policy.VerdictFor(RiskClass.Destructive), "no shipped policy may let destructive actions through without a reviewer");
    }

    [TestMethod]
    public void Load_DefaultPolicy_HasTheSafeDefaults()
    {
        var policy = PolicyLoader.Load(Shipped("default.yaml"));

        Assert.AreEqual(VerdictKind.RequireApproval, policy.VerdictFor(RiskClass.Submit));
        Assert.AreEqual(VerdictKind.RequireApproval, policy.VerdictFor(RiskClass.Destructive));
        Assert.AreEqual(VerdictKind.RequireApproval, policy.VerdictFor(RiskClass.Egress));
        Assert.AreEqual(VerdictKind.Deny, policy.Domains.Unlisted);
        Assert.AreEqual(NetworkGuardMode.Guard, policy.Network.Mode);
        Assert.AreEqual(TimeSpan.FromMinutes(10), policy.Approval.Timeout);
        Assert.AreEqual(60, policy.Limits.MaxSteps);
        Assert.AreEqual(2.00m, policy.Limits.Budget);
    }

    [TestMethod]
    public void Load_QaReadonly_DeniesSubmitAndDestructive()
    {
        var policy = PolicyLoader.Load(Shipped("qa-readonly.yaml"));

        Assert.AreEqual(VerdictKind.Allow, policy.VerdictFor(RiskClass.Input));
        Assert.AreEqual(VerdictKind.Deny, policy.VerdictFor(RiskClass.Submit));
        Assert.AreEqual(VerdictKind.Deny, policy.VerdictFor(RiskClass.Destructive));
        Assert.AreEqual(ApprovalTimeoutBehavior.Reject, policy.Approval.OnTimeout);
    }

    [TestMethod]
    public void Parse_RequesterMayApprove_DefaultsToAnotherReviewerAndRefusesAWordThatIsNoBoolean()
    {
        var shipped = PolicyLoader.Load(Shipped("default.yaml"));
        var allowed = PolicyLoader.Parse("version: 1\napproval:\n  requester_may_approve: true\n", "p.yaml");

        var e = Assert.ThrowsExactly<PolicyLoadException>(() => PolicyLoader.Parse("version: 1\napproval:\n  requester_may_approve: sometimes\n", "p.yaml"));

        Assert.IsFalse(shipped.Approval.RequesterMayApprove, "by default the person who asked for a run does not approve its held steps");
        Assert.IsTrue(allowed.Approval.RequesterMayApprove);
        Assert.AreEqual(3, e.Errors.Single().Line, e.Errors.Single().ToString());
        StringAssert.Contains(e.Errors.Single().ToString(), "approval.requester_may_approve");
    }

    [TestMethod]
    public void Parse_MisspelledActionClass_ReportsLineColumnKeyAndSuggestion()
    {
        var yaml = "version: 1\nactions:\n  read: allow\n  submitt: deny\n";

        var e = Assert.ThrowsExactly<PolicyLoadException>(() => PolicyLoader.Parse(yaml, "policies/x.yaml"));

        var error = e.Errors.Single();
        Assert.AreEqual(4, error.Line);
        Assert.AreEqual(3, error.Column);
        Assert.AreEqual("actions.submitt", error.Key);
        StringAssert.StartsWith(error.ToString(), "policies/x.yaml:4:3: unknown action class \"submitt\" (expected one of: read, input, navigation, submit, destructive, credential_entry, egress)");
        StringAssert.Contains(error.Message, "did you mean \"submit\"");
    }

    [TestMethod]
    public void Parse_SeveralProblems_ReportsEveryOneWithItsLine()
    {
        var yaml = """
            version: 1
            domains:
              allowed: [https://example.com/path]
              unlisted: maybe
            patterns:
              - name: bad
                match: "([unclosed"
                verdict: deny
            limits:
              max_time: soon
            approval:
              on_timeout: ignore
            colour: blue
            """;

        var e = Assert.ThrowsExactly<PolicyLoadException>(() => PolicyLoader.Parse(yaml, "p.yaml"));
        var lines = e.Errors.Select(x => x.Line).ToArray();

        CollectionAssert.AreEqual(new[] { 3, 4, 7, 10, 12, 13 }, lines, string.Join("\n", e.Errors));
        StringAssert.Contains(e.Errors[0].Message, "is not a host pattern");
        StringAssert.Contains(e.Errors[1].Message, "unknown verdict \"maybe\" (expected one of: allow, require_approval, deny)");
        StringAssert.Contains(e.Errors[2].Message, "invalid regular expression");
        StringAssert.Contains(e.Errors[3].Message, "must be a duration such as 30s");
        StringAssert.Contains(e.Errors[5].Message, "unknown top-level key \"colour\"");
    }

    [TestMethod]
    public void Parse_DestructiveAllow_IsRefused()
    {
        var e = Assert.ThrowsExactly<PolicyLoadException>(() => PolicyLoader.Parse("actions:\n  destructive: allow\n"));

        StringAssert.Contains(e.Message, "destructive actions cannot be allowed without a reviewer");
        Assert.AreEqual(2, e.Errors[0].Line);
    }

    [TestMethod]
    public void Parse_InvalidYaml_ReportsWhere()
    {
        var e = Assert.ThrowsExactly<PolicyLoadException>(() => PolicyLoader.Parse("actions:\n  read: [allow\n  input: allow\n", "broken.yaml"));

        StringAssert.StartsWith(e.Errors[0].ToString(), "broken.yaml:");
        StringAssert.Contains(e.Errors[0].Message, "invalid YAML");
        Assert.IsTrue(e.Errors[0].Line >= 2);
    }

    [TestMethod]
    public void Parse_SecretWithoutDomains_IsRefused()
    {
        var e = Assert.ThrowsExactly<PolicyLoadException>(() => PolicyLoader.Parse("secrets:\n  names:\n    API_KEY: { source: env }\n"));

        StringAssert.Contains(e.Message, "secret API_KEY lists no domains");
    }

    [TestMethod]
    public void Parse_RelativeUploadFolder_ResolvesAgainstThePolicyFolder()
    {
        var policy = PolicyLoader.Parse("uploads:\n  folders: [../uploads]\n", "p.yaml", "/srv/agent/policies");

        Assert.AreEqual("/srv/agent/uploads", policy.UploadFolders.Single());
    }

    [TestMethod]
    public void HashOf_IgnoresLineEndingsAndTrailingSpace_ButNotContent()
    {
        var a = PolicyLoader.HashOf("name: a\nactions:\n  read: allow\n");
        var b = PolicyLoader.HashOf("\uFEFFname: a  \r\nactions:\r\n  read: allow\r\n\r\n");
        var c = PolicyLoader.HashOf("name: a\nactions:\n  read: deny\n");

        Assert.AreEqual(a, b);
        Assert.AreNotEqual(a, c);
    }

    [TestMethod]
    public void Run_ValidFile_PrintsSummaryAndExitsZero()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = PolicyCheck.Run(Shipped("ops-forms.yaml"), stdout, stderr);

        Assert.AreEqual(0, code, stderr.ToString());
        StringAssert.Contains(stdout.ToString(), "policy ops-forms: OK");
        StringAssert.Contains(stdout.ToString(), "submit           require_approval");
        StringAssert.Contains(stdout.ToString(), "OPS_PASSWORD (env; 127.0.0.1 localhost)");
    }

    [TestMethod]
    public void Run_InvalidFile_PrintsErrorsAndExitsOne()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "version: 1\nactions:\n  submitt: deny\n");
        try
        {
            var stderr = new StringWriter();

            var code = PolicyCheck.Run(path, new StringWriter(), stderr);

            Assert.AreEqual(1, code);
            StringAssert.Contains(stderr.ToString(), $"{path}:3:3: unknown action class \"submitt\"");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Run_MissingFile_ExitsTwo()
    {
        var stderr = new StringWriter();

        Assert.AreEqual(2, PolicyCheck.Run("/no/such/policy.yaml", new StringWriter(), stderr));
        StringAssert.Contains(stderr.ToString(), "file not found");
    }
}
