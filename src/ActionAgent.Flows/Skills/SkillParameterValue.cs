using System.Globalization;

namespace ActionAgent.Flows.Skills;

/// <summary>
/// Reads one value given for a parameter (an answer at the prompt, or a model's <c>run_skill</c> params) as the value a
/// skill runs with: money with two decimals, dates as yyyy-MM-dd, numbers as digits, options exactly as listed.
/// Anything that is not such a value is refused (null), never bent into one.
/// </summary>
public static class SkillParameterValue
{
    /// <summary>The value, or null when <paramref name="text"/> is not one of <paramref name="parameter"/>'s type.</summary>
    public static string? Read(SkillParameter parameter, string? text)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var answer = text?.Trim() ?? "";
        return parameter.Type switch
        {
            _ when answer.Length == 0 => null,
            SkillParameterType.Option => parameter.Options.FirstOrDefault(o => string.Equals(o, answer, StringComparison.OrdinalIgnoreCase)),
            SkillParameterType.Money => MoneyMentions.Find(answer) is [{ } one] && one.Length == answer.Length ? one.Value
                : decimal.TryParse(answer, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0 ? MoneyMentions.Format(d) : null,
            SkillParameterType.Date => DateMentions.Find(answer) is [{ } date] && date.Length == answer.Length ? date.Value : null,
            SkillParameterType.Number => long.TryParse(answer.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out _) ? answer.TrimStart('#') : null,
            _ => answer,
        };
    }

    /// <summary>What a value of <paramref name="parameter"/>'s type looks like, for a refusal ("an amount of money such as 15.00").</summary>
    public static string Expected(SkillParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.Type switch
        {
            SkillParameterType.Option => $"one of: {string.Join(", ", parameter.Options)}",
            SkillParameterType.Money => "an amount of money such as 15.00",
            SkillParameterType.Date => "a date such as 2025-01-15",
            SkillParameterType.Number => "a whole number such as 1042",
            _ => "some text",
        };
    }
}
