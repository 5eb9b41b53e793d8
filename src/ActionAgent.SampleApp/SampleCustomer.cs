namespace ActionAgent.SampleApp;

/// <summary>One customer in the sample data set.</summary>
internal sealed record SampleCustomer(string Name, string Email, string City, int Orders);
