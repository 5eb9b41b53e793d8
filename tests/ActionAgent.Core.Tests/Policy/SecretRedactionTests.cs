using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ActionAgent.Core.Policy;

namespace ActionAgent.Core.Tests.Policy;

[TestClass]
public sealed class SecretRedactionTests
{
    private const string Password = "p@ss w/rd+Ünï\"<42>&'";
    private const string Ref = "{{secret:OPS_PASSWORD}}";

    private static SecretRedaction Redaction()
    {
        var redaction = new SecretRedaction();
        redaction.Register("OPS_PASSWORD", Password);
        return redaction;
    }

    [TestMethod]
    public void Redact_PlainEcho_BecomesTheReference()
    {
        Assert.AreEqual($"Welcome, your password is {Ref}.", Redaction().Redact($"Welcome, your password is {Password}."));
    }

    [TestMethod]
    public void Redact_EchoInOtherLetterCase_IsRedacted()
    {
        // CSS text-transform: uppercase changes innerText; the echo still gives the value away.
        Assert.AreEqual($"<h1>{Ref}</h1>", Redaction().Redact($"<h1>{Password.ToUpperInvariant()}</h1>"));
    }

    [TestMethod]
    public void Redact_ZeroWidthCharactersBetweenLetters_AreSeenThrough()
    {
        var spread = string.Join("\u200B", Password.ToCharArray());

        Assert.AreEqual($"[{Ref}]", Redaction().Redact($"[{spread}]"));
    }

    [TestMethod]
    [DataRow("system-text-json-default")]
    [DataRow("system-text-json-relaxed")]
    [DataRow("javascript-json-stringify")]
    [DataRow("php-style-all-escaped")]
    public void Redact_JsonEscapedEcho_IsRedacted(string style)
    {
        var escaped = style switch
        {
            "system-text-json-default" => JsonSerializer.Serialize(Password),
            "system-text-json-relaxed" => JsonSerializer.Serialize(Password, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            "javascript-json-stringify" => "\"" + Password.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
            _ => "\"" + string.Concat(Password.Select(c => $"\\u{(int)c:x4}")) + "\"",
        };

        Assert.AreEqual($"{{\"echo\":\"{Ref}\"}}", Redaction().Redact("{\"echo\":" + escaped + "}"), escaped);
    }

    [TestMethod]
    public void Redact_UrlEncodedEchoes_AreRedacted()
    {
        var upper = Uri.EscapeDataString(Password);
        var form = WebUtility.UrlEncode(Password);
        var lower = System.Text.RegularExpressions.Regex.Replace(upper, "%[0-9A-F]{2}", m => m.Value.ToLowerInvariant());

        var text = Redaction().Redact($"https://evil.example/?a={upper}&b={form}&c={lower}");

        Assert.AreEqual($"https://evil.example/?a={Ref}&b={Ref}&c={Ref}", text);
    }

    [TestMethod]
    public void Redact_HtmlEntityEchoes_AreRedacted()
    {
        var named = WebUtility.HtmlEncode(Password);
        var decimalRefs = string.Concat(Password.Select(c => $"&#{(int)c};"));
        var hexRefs = string.Concat(Password.Select(c => $"&#x{(int)c:x};"));

        Assert.AreEqual($"{Ref} {Ref} {Ref}", Redaction().Redact($"{named} {decimalRefs} {hexRefs}"));
    }

    [TestMethod]
    public void Redact_HexEcho_EitherCase_IsRedacted()
    {
        var hex = Convert.ToHexString(Encoding.UTF8.GetBytes(Password));

        Assert.AreEqual($"id={Ref}; id={Ref}", Redaction().Redact($"id={hex}; id={hex.ToLowerInvariant()}"));
    }

    [TestMethod]
    [DataRow(0, false)]
    [DataRow(1, false)]
    [DataRow(2, false)]
    [DataRow(0, true)]
    [DataRow(1, true)]
    [DataRow(2, true)]
    public void Redact_Base64InsideALongerBlob_LeavesNoRecoverableValue(int prefixBytes, bool urlSafe)
    {
        var payload = Encoding.UTF8.GetBytes(new string('k', prefixBytes) + "user=ops;pw=" + Password + ";end");
        var blob = Convert.ToBase64String(payload);
        if (urlSafe)
        {
            blob = blob.Replace('+', '-').Replace('/', '_');
        }

        var redacted = Redaction().Redact("token " + blob);

        StringAssert.Contains(redacted, Ref);
        var pieces = redacted["token ".Length..].Split(Ref);
        var decodedPrefix = Decode(pieces[0], urlSafe);
        Assert.IsFalse(decodedPrefix.Contains("p@ss", StringComparison.Ordinal), decodedPrefix);
        Assert.IsFalse(redacted.Contains(blob, StringComparison.Ordinal));
    }

    [TestMethod]
    public void Redact_Base64OfTheWholeValue_IsReplacedWithItsPadding()
    {
        var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Password));

        Assert.AreEqual($"Basic {Ref}", Redaction().Redact("Basic " + b64));
    }

    [TestMethod]
    public void Redact_NothingRegistered_ReturnsTheTextUnchanged()
    {
        Assert.AreEqual("Submit refund for 42.00", new SecretRedaction().Redact("Submit refund for 42.00"));
    }

    [TestMethod]
    public void Redact_LongerValueContainingAShorterOne_IsRedactedWhole()
    {
        var redaction = new SecretRedaction();
        redaction.Register("SHORT", "abcd");
        redaction.Register("LONG", "xxabcdxx");

        Assert.AreEqual("{{secret:LONG}} {{secret:SHORT}}", redaction.Redact("xxabcdxx abcd"));
    }

    [TestMethod]
    public void Redact_ValueThatAppearsInTheReferenceSyntax_IsNotRedactedTwice()
    {
        var redaction = new SecretRedaction();
        redaction.Register("TOKEN", "secret");

        Assert.AreEqual("{{secret:TOKEN}}", redaction.Redact("secret"));
    }

    [TestMethod]
    public void Redact_ShortValue_OnlyAsAWholeWord()
    {
        var redaction = new SecretRedaction();
        redaction.Register("OPS_USER", "ops");

        Assert.AreEqual("signed in as {{secret:OPS_USER}}; stops at 5", redaction.Redact("signed in as ops; stops at 5"));
    }

    [TestMethod]
    public void Register_BlankValue_IsIgnored()
    {
        var redaction = new SecretRedaction();
        redaction.Register("EMPTY", "");
        redaction.Register("SPACE", " ");

        Assert.AreEqual(0, redaction.Count);
        Assert.AreEqual("a b", redaction.Redact("a b"));
    }

    [TestMethod]
    public void Redact_KeyShapedTokens_MaskedOnlyWhenAsked()
    {
        const string text = "Authorization: Bearer abcdefgh12345 and sk-proj-ABCDEFGHIJKLMNOP";

        Assert.AreEqual(text, new SecretRedaction().Redact(text));
        Assert.AreEqual("Authorization: Bearer [REDACTED] and [REDACTED]", new SecretRedaction { MaskKeyShapedTokens = true }.Redact(text));
    }

    private static string Decode(string base64Fragment, bool urlSafe)
    {
        // Decodes as much of the fragment as forms whole 4-char groups (what an attacker could read back).
        var usable = base64Fragment[..(base64Fragment.Length / 4 * 4)];
        if (urlSafe)
        {
            usable = usable.Replace('-', '+').Replace('_', '/');
        }

        return Encoding.UTF8.GetString(Convert.FromBase64String(usable));
    }
}
