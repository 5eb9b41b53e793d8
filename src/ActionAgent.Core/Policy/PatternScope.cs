namespace ActionAgent.Core.Policy;

/// <summary>What text a policy pattern is matched against.</summary>
public enum PatternScope
{
    /// <summary>The target's label, text, value and the action's target description (default).</summary>
    Target,

    /// <summary>The page's visible text (page markers such as "PRODUCTION").</summary>
    PageText,

    /// <summary>The page URL and, for navigation, the destination URL.</summary>
    Url,

    /// <summary>The text a type action would enter, or the option a select would choose.</summary>
    Value,
}
