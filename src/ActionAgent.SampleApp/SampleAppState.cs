using System.Globalization;

namespace ActionAgent.SampleApp;

/// <summary>What the sample app recorded (refunds, deletions, clicks, requests), for test assertions. Thread-safe.</summary>
public sealed class SampleAppState
{
    private readonly Lock gate = new();
    private readonly List<RefundRecord> refunds = [];
    private readonly List<string> deletedCustomers = [];
    private readonly List<string> canvasClicks = [];
    private readonly List<RequestLogEntry> requests = [];
    private readonly List<string> subscriptions = [];
    private readonly List<string> resolvedOrders = [];
    private int refundCounter;

    /// <summary>Refunds filed, in submit order.</summary>
    public IReadOnlyList<RefundRecord> Refunds => Snapshot(refunds);

    /// <summary>Names of customers deleted on the Customers page, in order.</summary>
    public IReadOnlyList<string> DeletedCustomers => Snapshot(deletedCustomers);

    /// <summary>Labels of canvas toolbar buttons clicked on the Reports page (<c>Export</c>, <c>Print</c>, <c>Share</c>).</summary>
    public IReadOnlyList<string> CanvasClicks => Snapshot(canvasClicks);

    /// <summary>Every HTTP request received, including assets.</summary>
    public IReadOnlyList<RequestLogEntry> Requests => Snapshot(requests);

    /// <summary>Email addresses subscribed through the newsletter iframe on the Widgets page.</summary>
    public IReadOnlyList<string> Subscriptions => Snapshot(subscriptions);

    /// <summary>Order numbers marked resolved on the Quick actions page (a fetch POST), one entry per POST received.</summary>
    public IReadOnlyList<string> ResolvedOrders => Snapshot(resolvedOrders);

    /// <summary>Forgets everything recorded and restarts refund ids at R-0001; deleted customers come back.</summary>
    public void Reset()
    {
        lock (gate)
        {
            refunds.Clear();
            deletedCustomers.Clear();
            canvasClicks.Clear();
            requests.Clear();
            subscriptions.Clear();
            resolvedOrders.Clear();
            refundCounter = 0;
        }
    }

    internal RefundRecord AddRefund(Func<string, RefundRecord> create)
    {
        lock (gate)
        {
            refundCounter++;
            var record = create("R-" + refundCounter.ToString("D4", CultureInfo.InvariantCulture));
            refunds.Add(record);
            return record;
        }
    }

    internal RefundRecord? FindRefund(string id)
    {
        lock (gate)
        {
            return refunds.Find(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Records a deletion; false when the customer was already deleted.</summary>
    internal bool AddDeletedCustomer(string name)
    {
        lock (gate)
        {
            if (deletedCustomers.Contains(name, StringComparer.Ordinal))
            {
                return false;
            }

            deletedCustomers.Add(name);
            return true;
        }
    }

    internal bool IsDeleted(string name)
    {
        lock (gate)
        {
            return deletedCustomers.Contains(name, StringComparer.Ordinal);
        }
    }

    internal void AddCanvasClick(string label) => Add(canvasClicks, label);

    internal void AddRequest(RequestLogEntry entry) => Add(requests, entry);

    internal void AddSubscription(string email) => Add(subscriptions, email);

    internal void AddResolvedOrder(string number) => Add(resolvedOrders, number);

    private void Add<T>(List<T> list, T item)
    {
        lock (gate)
        {
            list.Add(item);
        }
    }

    private T[] Snapshot<T>(List<T> list)
    {
        lock (gate)
        {
            return [.. list];
        }
    }
}
