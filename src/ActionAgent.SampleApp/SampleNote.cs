namespace ActionAgent.SampleApp;

/// <summary>One customer note shown on the Notes page.</summary>
internal sealed record SampleNote(string Customer, string Author, string Date, string Text);
