using System.CommandLine;
using System.CommandLine.Parsing;
using ActionAgent.Cli.Output;
using ActionAgent.Core.Text;

namespace ActionAgent.Cli.Commands;

/// <summary>
/// Turns the parser's complaints about unknown commands and options into one line each with a "did you mean …"
/// suggestion; also catches a mistyped <c>--option</c> that a command's path argument swallowed (e.g. <c>test --jsn</c>).
/// </summary>
public static class UnknownTokens
{
    private const string Unrecognized = "Unrecognized command or argument '";

    /// <summary>The error lines for <paramref name="parsed"/>; empty when the command line is fine.</summary>
    public static IReadOnlyList<string> Errors(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var command = parsed.CommandResult.Command;
        var lines = new List<string>();
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in parsed.Errors)
        {
            if (error.Message.StartsWith(Unrecognized, StringComparison.Ordinal) && error.Message.LastIndexOf('\'') is var end && end > Unrecognized.Length)
            {
                var token = error.Message[Unrecognized.Length..end];
                unknown.Add(token);
                lines.Add(Describe(token, command));
            }
        }

        foreach (var token in parsed.Tokens.TakeWhile(t => t.Type != TokenType.DoubleDash))
        {
            if (token.Type == TokenType.Argument && token.Value.StartsWith("--", StringComparison.Ordinal) && token.Value.Length > 2 && unknown.Add(token.Value))
            {
                lines.Add(Describe(token.Value, command));
            }
        }

        // The rest ("Required command was not provided" after an unknown command, missing arguments…) as the parser says it,
        // unless an unknown token already explains it.
        foreach (var error in parsed.Errors)
        {
            if (!error.Message.StartsWith(Unrecognized, StringComparison.Ordinal) && !(unknown.Count > 0 && error.Message.StartsWith("Required command", StringComparison.Ordinal)))
            {
                lines.Add(error.Message);
            }
        }

        return lines;
    }

    private static string Describe(string token, Command command)
    {
        var where = command.Parents.Any() ? $"'{command.Name}'" : "actionagent";
        if (token.StartsWith('-'))
        {
            var name = token.Split('=', 2)[0];
            var options = OptionNames(command);
            return $"unknown option {name} for {where}{DidYouMean.Suffix(name, options)}";
        }

        var commands = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        return commands.Count > 0
            ? $"unknown command '{token}' for {where}{DidYouMean.Suffix(token, commands)} (commands: {string.Join(", ", commands)})"
            : $"unexpected argument '{token}' for {where}";
    }

    private static List<string> OptionNames(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is not null; s = s.Parents.FirstOrDefault())
        {
            if (s is Command c)
            {
                foreach (var option in c.Options.Where(o => ReferenceEquals(c, command) || o.Recursive))
                {
                    names.Add(option.Name);
                    names.AddRange(option.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal)));
                }
            }
        }

        return names;
    }
}
