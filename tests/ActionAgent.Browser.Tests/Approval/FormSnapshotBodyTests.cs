using ActionAgent.Browser.Approval;
using ActionAgent.Browser.Internal;

namespace ActionAgent.Browser.Tests.Approval;

/// <summary>
/// The request a held form sends during its approved press is compared with what the reviewer saw: the entries of a
/// urlencoded or multipart body by name and keyed hash, a file by name only.
/// </summary>
[TestClass]
public sealed class FormSnapshotBodyTests
{
    private static readonly byte[] Key = [1, 2, 3, 4, 5, 6, 7, 8];

    private static FormSnapshot Approved() => FormSnapshot.From(new FormEntriesResult
    {
        Action = "http://127.0.0.1/api/transfer",
        Method = "post",
        Enctype = "multipart/form-data",
        Entries =
        [
            new FormEntryDto { Name = "recipient", Value = "Alice" },
            new FormEntryDto { Name = "amount", Value = "10" },
            new FormEntryDto { Name = "note", Value = "rent\nJune" },
            new FormEntryDto { Name = "invoice", Value = "invoice.pdf", File = true },
        ],
        Sent = 4,
    }, Key);

    private static string Multipart(string boundary, params (string Name, string Value, string? File)[] parts) =>
        string.Concat(parts.Select(p => $"--{boundary}\r\nContent-Disposition: form-data; name=\"{p.Name}\"{(p.File is { } f ? $"; filename=\"{f}\"\r\nContent-Type: application/pdf" : "")}\r\n\r\n{p.Value}\r\n"))
        + $"--{boundary}--\r\n";

    [TestMethod]
    public void MultipartChanges_TheBodyTheReviewerSaw_IsNoChange()
    {
        var body = Multipart("----b1", ("recipient", "Alice", null), ("amount", "10", null), ("note", "rent\r\nJune", null), ("invoice", "%PDF-1.4 bytes", "invoice.pdf"));

        CollectionAssert.AreEqual(Array.Empty<string>(), Approved().MultipartChanges(body, "----b1", Key).ToArray());
    }

    [TestMethod]
    public void MultipartChanges_RewrittenAmountAndRecipient_NamesThemNotTheirValues()
    {
        var body = Multipart("----b1", ("recipient", "Mallory", null), ("amount", "10000", null), ("note", "rent\r\nJune", null), ("invoice", "x", "invoice.pdf"));

        var changes = string.Join("; ", Approved().MultipartChanges(body, "----b1", Key));

        StringAssert.Contains(changes, "recipient");
        StringAssert.Contains(changes, "amount");
        Assert.IsFalse(changes.Contains("Mallory", StringComparison.Ordinal) || changes.Contains("10000", StringComparison.Ordinal), changes);
    }

    [TestMethod]
    public void MultipartChanges_AnAddedPart_IsAChange()
    {
        var body = Multipart("----b1", ("recipient", "Alice", null), ("amount", "10", null), ("note", "rent\r\nJune", null), ("invoice", "x", "invoice.pdf"), ("also_to", "Mallory", null));

        StringAssert.Contains(string.Join("; ", Approved().MultipartChanges(body, "----b1", Key)), "also_to");
    }

    [TestMethod]
    public void MultipartChanges_ABodyThatIsNotMultipart_IsAChange()
    {
        Assert.AreNotEqual(0, Approved().MultipartChanges("recipient=Mallory&amount=10000", "----b1", Key).Count);
    }
}
