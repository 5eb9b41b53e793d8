namespace ActionAgent.SampleApp;

/// <summary>One order in the sample data set.</summary>
internal sealed record SampleOrder(int Number, string Customer, string Date, decimal Amount, string Status, string Item, string ShipTo);
