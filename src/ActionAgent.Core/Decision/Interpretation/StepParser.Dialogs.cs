using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Answers to what the page asks: "answer the confirmation with Cancel", "say no", "OK it", "type Ann into the prompt",
/// "If a message pops up, accept it". Each is a <see cref="StepKind.AnswerDialog"/> step; the action just before it
/// carries the answer (<see cref="DialogReply"/>), because a browser dialog is answered while that action runs.
/// </summary>
internal static partial class StepParser
{
    private static readonly string[] AcceptButtons = ["OK", "Yes", "Confirm", "Okay", "Accept", "Proceed", "Continue"];
    private static readonly string[] DismissButtons = ["Cancel", "No", "Close", "Dismiss"];
    private static readonly HashSet<string> AcceptWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "yes", "ok", "okay", "confirm", "proceed", "continue", "accept", "sure", "y",
    };

    private static readonly HashSet<string> DismissWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "cancel", "dismiss", "decline", "abort", "nope", "n", "reject",
    };

    private static bool StartsDialogAnswer(string text) => ParseDialogAnswer(StripTrailingPeriod(StripLeadingFillers(text.Trim())), text, null) is not null;

    /// <summary>The clause as an answer to a dialog, or null when it is something else.</summary>
    private static InterpretedStep? ParseDialogAnswer(string text, string display, ClauseText? q)
    {
        if (VerifyLead().IsMatch(text))
        {
            // "Confirm that the heading reads Welcome": a check of the page, no answer to a dialog.
            return null;
        }

        var conditional = false;
        if (IfAsked().Match(text) is { Success: true } cond && (DialogWords().IsMatch(cond.Groups["cond"].Value) || Asked().IsMatch(cond.Groups["cond"].Value)))
        {
            // "If a message pops up, OK it", "When asked to confirm, say no": only if it shows.
            conditional = true;
            text = StripLeadingFillers(cond.Groups["rest"].Value.Trim());
        }
        else if (AskedAfter().Match(text) is { Success: true } after && (DialogWords().IsMatch(after.Groups["cond"].Value) || Asked().IsMatch(after.Groups["cond"].Value)))
        {
            // "answer No when asked to confirm": the same, with the condition last.
            conditional = true;
            text = after.Groups["rest"].Value.Trim();
        }

        string Restore(string s) => q is null ? s : q.Restore(s.Trim(), keepQuotes: false);
        InterpretedStep? step = null;
        if (AcceptIt().Match(text) is { Success: true } accept)
        {
            var word = accept.Groups["v"].Value;
            step = Answer(display, DialogReply.Ok, Buttons(word, AcceptButtons));
        }
        else if (DismissIt().Match(text) is { Success: true } dismiss)
        {
            step = Answer(display, DialogReply.Cancel, Buttons(dismiss.Groups["v"].Value, DismissButtons));
        }
        else if ((AnswerWith().Match(text) is { Success: true } with ? with
            : SayWord().Match(text) is { Success: true } say ? say
            : ButtonInDialog().Match(text) is { Success: true } inDialog ? inDialog
            // "when the confirmation pops up, choose Cancel": the condition named the dialog, the button is its.
            : conditional ? BareButton().Match(text) : Match.Empty) is { Success: true } answered)
        {
            var said = Restore(answered.Groups["b"].Value).Trim().Trim('"', '\'').TrimEnd('.');
            if (said.Length == 0)
            {
                return null;
            }

            step = AcceptWords.Contains(said) ? Answer(display, DialogReply.Ok, Buttons(said, AcceptButtons))
                : DismissWords.Contains(said) ? Answer(display, DialogReply.Cancel, Buttons(said, DismissButtons))
                : Answer(display, new DialogReply(true, said), [said]) with { Value = said };
        }
        else if (IntoPrompt().Match(text) is { Success: true } typed)
        {
            // "type Ann into the prompt": a browser prompt gets it as its answer; an in-page one is typed into (the
            // clause's own reading, kept as the other one).
            var value = Restore(typed.Groups["v"].Value);
            value = ValueDescriptor().Match(value) is { Success: true } d ? d.Groups["v"].Value : value;
            var other = q is null ? null : ParseClause(text, q, sortable: false, answers: false).ToList() is [var one] && one.Kind != StepKind.AnswerDialog ? one : null;
            step = Answer(display, new DialogReply(true, value), AcceptButtons) with { Value = value, Otherwise = other, TextOnly = true };
        }

        return step is null ? null : step with { IfShown = conditional };
    }

    private static string[] Buttons(string said, string[] usual)
    {
        var name = said.Length <= 2 ? said.ToUpperInvariant() : char.ToUpperInvariant(said[0]) + said[1..].ToLowerInvariant();
        return [name, .. usual.Where(u => !u.Equals(name, StringComparison.OrdinalIgnoreCase))];
    }

    private static InterpretedStep Answer(string display, DialogReply reply, string[] buttons) =>
        Step(StepKind.AnswerDialog, display, target: buttons[0]) with { Alternatives = buttons[1..], Reply = reply };

    /// <summary>
    /// The action before a run of answers carries their answer (the first dialog's); each answer says which of that
    /// action's dialogs it is about ("type Ann into the prompt, then OK it" is one dialog, "say yes, then say no" two).
    /// </summary>
    private static List<InterpretedStep> AttachDialogReplies(List<InterpretedStep> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Kind != StepKind.AnswerDialog || i > 0 && steps[i - 1].Kind == StepKind.AnswerDialog)
            {
                continue;
            }

            var end = i;
            while (end + 1 < steps.Count && steps[end + 1].Kind == StepKind.AnswerDialog)
            {
                end++;
            }

            DialogReply? first = null;
            var index = -1;
            for (var k = i; k <= end; k++)
            {
                // An OK after the text typed into a prompt answers the same prompt.
                var sameDialog = k > i && steps[k - 1].TextOnly && steps[k].Reply is { Accept: true, Text: null };
                index += sameDialog ? 0 : 1;
                steps[k] = steps[k] with { DialogIndex = index };
                if (index == 0)
                {
                    first = first is null ? steps[k].Reply : first with { Accept = steps[k].Reply!.Accept, Text = first.Text ?? steps[k].Reply!.Text };
                }
            }

            // "Click Delete, wait a second, then answer with Cancel": the click raised it.
            var action = i - 1;
            while (action >= 0 && steps[action].Kind is StepKind.Wait or StepKind.WaitForText)
            {
                action--;
            }

            if (action >= 0 && first is not null && steps[action].Kind is not (StepKind.Navigate or StepKind.GoBack or StepKind.Keep or StepKind.AnswerDialog))
            {
                steps[action] = steps[action] with { Reply = first };
                if (action == i - 1)
                {
                    // An in-page dialog is one the action brought up: a Cancel button that stood on the page before is
                    // no answer (it would cancel the form).
                    for (var k = i; k <= end; k++)
                    {
                        steps[k] = steps[k] with { WithinPrevious = true };
                    }
                }
            }

            i = end;
        }

        return steps;
    }

    private const string DialogNoun = @"(?:dialog(?:ue)?(?:\s+box)?|confirmation(?:\s+(?:dialog|box|prompt|message|pop-?up))?|confirm(?:\s+(?:box|dialog))?|alert(?:\s+box)?|prompt(?:\s+box)?|message(?:\s+box)?|pop-?up|question|warning|notice|removal|deletion)";
    private const string DialogObject = @"(?:it|them|that|those|this|these|(?:the|that|this|any|each|every|its)\s+(?:[\w-]+\s+){0,2}" + DialogNoun + ")";

    [GeneratedRegex(@"^(?:if|when|whenever|once|should)\s+(?:(?<cond>[^,]+?)\s*(?:,|\bthen\b)|(?<cond>[^,]+?\b(?:pops?\s+up|appears?|shows\s+up|comes\s+up|opens))\s)\s*(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex IfAsked();

    [GeneratedRegex(@"^(?:(?:but|and|then|so)\s+)*(?:if|when|whenever|once)\s", RegexOptions.IgnoreCase)]
    private static partial Regex ConditionLead();

    [GeneratedRegex(@"^(?<rest>.+?)\s+(?:if|when|whenever|once)\s+(?<cond>(?:asked|prompted|it\s+asks|they\s+ask|a\s+\w+\s+(?:pops\s+up|appears)|the\s+\w+\s+(?:pops\s+up|appears))\b.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AskedAfter();

    [GeneratedRegex(@"\b(?:asked|asks|ask)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Asked();

    [GeneratedRegex(@"^(?<v>ok|okay|accept|confirm|acknowledge)(?:\s+" + DialogObject + @")?$", RegexOptions.IgnoreCase)]
    private static partial Regex AcceptIt();

    [GeneratedRegex(@"^(?<v>cancel|dismiss|decline|reject|refuse)\s+" + DialogObject + "$|^(?<v>close)\\s+(?:the|that|this)\\s+(?:[\\w-]+\\s+){0,2}" + DialogNoun + "$", RegexOptions.IgnoreCase)]
    private static partial Regex DismissIt();

    [GeneratedRegex(@"^(?:answer|reply|respond)(?:\s+to)?(?:\s+" + DialogObject + @")?\s+(?:with|by\s+(?:clicking|pressing|choosing|selecting|saying|hitting))\s+(?<b>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerWith();

    [GeneratedRegex(@"^(?:answer|reply|respond|say)\s+(?<b>yes|no|ok|okay|cancel)(?:\s+to\s+" + DialogObject + @")?$", RegexOptions.IgnoreCase)]
    private static partial Regex SayWord();

    [GeneratedRegex(@"^(?:click|press|hit|choose|pick|select|tap)\s+(?:on\s+)?(?<b>""?(?:ok|okay|cancel|yes|no)""?)\s+(?:in|on|of)\s+(?:the|that|this)\s+(?:[\w-]+\s+){0,2}" + DialogNoun + "$", RegexOptions.IgnoreCase)]
    private static partial Regex ButtonInDialog();

    [GeneratedRegex(@"^(?:click|press|hit|choose|pick|select|tap|answer|say)\s+(?:on\s+)?(?<b>""?(?:ok|okay|cancel|yes|no)""?|\u0001\d+\u0002)(?:\s+button)?$", RegexOptions.IgnoreCase)]
    private static partial Regex BareButton();

    [GeneratedRegex(@"^(?:type|enter|put|write|fill\s+in|give)\s+(?<v>.+?)\s+(?:in|into|as\s+the\s+answer\s+to|at|for)\s+(?:the|that|this)\s+(?:[\w-]+\s+){0,2}(?:prompt(?:\s+box)?|question|pop-?up|dialog(?:ue)?(?:\s+box)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex IntoPrompt();
}
