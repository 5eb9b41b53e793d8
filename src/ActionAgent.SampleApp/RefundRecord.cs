namespace ActionAgent.SampleApp;

/// <summary>One refund the sample app accepted; exactly one is recorded per successful submit.</summary>
/// <param name="Id">Refund id such as <c>R-0001</c>.</param>
/// <param name="OrderNumber">Order number as typed, e.g. <c>1042</c>.</param>
/// <param name="Amount">Refund amount.</param>
/// <param name="Date">Refund date as sent by the date input (<c>yyyy-MM-dd</c>), or empty.</param>
/// <param name="Reason">Chosen reason, e.g. <c>Damaged item</c>.</param>
/// <param name="Method"><c>Original payment</c> or <c>Store credit</c>.</param>
/// <param name="Options">Ticked options among <c>Express</c>, <c>Gift wrap</c>, <c>Notify customer</c>.</param>
/// <param name="Notes">Free text from the Notes (Comments) box.</param>
public sealed record RefundRecord(
    string Id,
    string OrderNumber,
    decimal Amount,
    string Date,
    string Reason,
    string Method,
    IReadOnlyList<string> Options,
    string Notes);
