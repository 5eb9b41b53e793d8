namespace ActionAgent.SampleApp;

/// <summary>Values of the refund form as posted (or prefilled), kept to re-render the form after a validation error.</summary>
internal sealed record RefundFormInput(
    string Order,
    string Amount,
    string Date,
    string Reason,
    string Method,
    IReadOnlyList<string> Options,
    string Notes)
{
    public static RefundFormInput Empty(string order) =>
        new(order, "", "", "", SampleData.RefundMethods[0], [], "");
}
