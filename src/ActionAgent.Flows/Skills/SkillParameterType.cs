namespace ActionAgent.Flows.Skills;

/// <summary>What kind of value a skill parameter holds; decides how it is found in a task and how it is written.</summary>
public enum SkillParameterType
{
    /// <summary>Free text: a quoted phrase, or what the parameter's <c>pattern</c> captures.</summary>
    Text,

    /// <summary>A whole number or id (an order number): digits, written as they appear.</summary>
    Number,

    /// <summary>An amount of money ($15, 15 dollars, USD 15, 15.00, fifteen dollars), written with two decimals ("15.00").</summary>
    Money,

    /// <summary>A date (2025-01-15, 01/15/2025, Jan 15 2025, 15 January 2025), written as yyyy-MM-dd.</summary>
    Date,

    /// <summary>One value of a fixed list (a select's options), matched by meaning ("arrived late" → "Late delivery").</summary>
    Option,
}
