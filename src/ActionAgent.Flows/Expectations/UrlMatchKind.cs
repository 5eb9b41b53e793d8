namespace ActionAgent.Flows.Expectations;

/// <summary>How a URL expectation compares.</summary>
public enum UrlMatchKind
{
    /// <summary>The whole URL (or its path) equals the value.</summary>
    Is,

    /// <summary>The URL (with or without query and fragment) ends with the value.</summary>
    EndsWith,

    /// <summary>The URL starts with the value (or its path does).</summary>
    StartsWith,

    /// <summary>The URL contains the value.</summary>
    Contains,
}
