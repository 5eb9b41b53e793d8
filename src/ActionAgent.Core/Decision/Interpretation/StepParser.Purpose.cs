using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// What a clause says besides its step: why it is done ("… so the oldest person comes first", "… to narrow it down"),
/// when ("once Tube stations becomes available, …"), and what the writer wants before saying how ("I need ID 10 at the
/// top: sort …"). None of these is a step or a part of a target's name; a purpose that names an order makes a click on a
/// column header a sort, whose order is then checked.
/// </summary>
internal static partial class StepParser
{
    // "Click the Rating column header so the lowest rated film is on top": a sort whose column is the header's and whose
    // order the purpose says; the sort step clicks the header and checks the order, where a plain click checks nothing.
    private static InterpretedStep? HeaderSort(string text, string display, ClauseText q)
    {
        if (HeaderClickSo().Match(text) is not { Success: true } m)
        {
            return null;
        }

        var how = q.Restore(m.Groups["how"].Value, keepQuotes: false);
        var direction = Descending().IsMatch(how) ? "desc" : Ascending().IsMatch(how) ? "asc" : Youngest().IsMatch(how) ? "young" : Oldest().IsMatch(how) ? "old" : null;
        if (direction is null)
        {
            return null;
        }

        if (OrderWordsFlip().IsMatch(how) && direction is "desc" or "asc")
        {
            // "… so the highest is at the bottom": the named end is last, so the order is the other one.
            direction = direction == "desc" ? "asc" : "desc";
        }

        return Step(StepKind.Sort, display, target: q.Restore(m.Groups["col"].Value.Trim(), true), value: direction);
    }

    // The clause without its purpose: "Type "tech" into the Search box to narrow it down" types into the Search box. A
    // purpose that is the step ("so that only X are shown", "so it reads Y") stays for the readers that use it.
    private static string StripPurpose(string text)
    {
        if (SoThatOnly().IsMatch(text) || ReadsAs().IsMatch(text) || SortBy().IsMatch(text) || SortSo().IsMatch(text))
        {
            return text;
        }

        // Only where the purpose cannot be the step's own measure ("drag X so it becomes the first tab" says where to).
        var m = PurposeTail().Match(text);
        if (!m.Success && PurposeInfinitive().Match(text) is { Success: true } why
            && (Verbs.Match(text) is not { Kind: VerbKind.Set or VerbKind.Type or VerbKind.Fill or VerbKind.Select } || ToWord().IsMatch(text[..why.Index])))
        {
            // "… to try it", "… to see what is in it", "… to make sure the total is right": why it is done. A value-taking
            // verb keeps its first "to" ("Set the note to check the oven" sets the note), unless its value came before.
            return why.Index > 0 && Verbs.Match(text) is not null ? text[..why.Index].TrimEnd(',', ' ') : text;
        }

        return m.Success && m.Index > 0 && Verbs.Match(text) is { Kind: VerbKind.Click or VerbKind.Press or VerbKind.Type or VerbKind.Fill or VerbKind.Select or VerbKind.Set
            or VerbKind.Check or VerbKind.Uncheck or VerbKind.Search or VerbKind.Hover or VerbKind.DoubleClick or VerbKind.RightClick or VerbKind.Focus
            or VerbKind.Use or VerbKind.Remove or VerbKind.Add or VerbKind.Clear or VerbKind.ModifierClick }
            ? text[..m.Index].TrimEnd(',', ' ')
            : text;
    }

    // "pick Paris and then Madrid": after a choice, a short bare name is the next choice (a click verb needs an article,
    // "open Salzburg, then the second Delphi", so that a place or remark is never clicked).
    private static bool ChoiceOnly(string verbWord, string bare) =>
        Verbs.Match(verbWord) is { Kind: VerbKind.Select } && bare.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is > 0 and <= 4
        && !Statement().IsMatch(bare) && !LeadPlace().IsMatch(bare);

    // "Without filling anything in, press Submit": how the next step is done (with nothing before it), no step of its own.
    private static bool IsWithoutRemark(string clause) => WithoutGerund().IsMatch(StripTrailingPeriod(clause.Trim()));

    // "Time should be 14:45", "the passport answer must be Canada", "Newsletter should be ticked": the state wanted, which
    // is the step (a value is set, a box ticked; "A should be 1 and B 2" sets both). Null when the sentence says something
    // else ("the error should show").
    private static IReadOnlyList<InterpretedStep>? ParseShouldBe(string text, string display, ClauseText q)
    {
        if (ShouldBe().Match(text) is not { Success: true } m || Verbs.Match(text) is not null)
        {
            return null;
        }

        var target = m.Groups["t"].Value.Trim();
        var value = m.Groups["v"].Value.Trim();
        if (target.Length > 0 && char.IsUpper(target[0]) && NextPair().Match(value) is { Success: true } pair)
        {
            // "Time should be 14:45 and Month June 2027": two fields, two values.
            return
            [
                Step(StepKind.Set, display, target: q.Restore(target, true), value: q.Value(pair.Groups["v1"].Value)),
                Step(StepKind.Set, display, target: q.Restore(pair.Groups["t2"].Value, true), value: q.Value(pair.Groups["v2"].Value)),
            ];
        }

        if (ShownWords().IsMatch(value))
        {
            return null;
        }

        var wanted = q.Restore(target, true);
        return
        [
            value.ToLowerInvariant() switch
            {
                "checked" or "ticked" or "on" or "selected" or "enabled" => Step(StepKind.Check, display, target: wanted),
                "unchecked" or "unticked" or "off" or "deselected" or "not checked" or "not ticked" => Step(StepKind.Uncheck, display, target: wanted),
                "empty" or "blank" or "cleared" => Step(StepKind.Clear, display, target: wanted),
                _ => Step(StepKind.Set, display, target: wanted, value: q.Value(value)),
            },
        ];
    }

    // "submit the form", "save yet", "send it": a lower-case first word that reads as a verb (a name would be capitalised
    // or quoted: "Don't "Newsletter"" is rare, "don't Newsletter" is no English).
    private static bool FirstWordIsVerbLike(string rest) =>
        rest.Split(' ', 2)[0] is { Length: > 1 } w && char.IsLower(w[0]) && w.All(char.IsLetter) && w is not ("the" or "a" or "an" or "any" or "my" or "your" or "our");

    // "press Enter to accept the highlighted suggestion": the key, whatever it is for.
    private static string? KeyBeforePurpose(string rest) =>
        ToPurpose().Match(rest) is { Success: true } m && m.Index > 0 ? Keys.TryParse(rest[..m.Index].Trim()) : null;

    // "Tick the last box in the Checkboxes group": the group is where the box is counted, not part of its name.
    private static InterpretedStep GroupOfTarget(InterpretedStep step) =>
        step is { Target: { } t, Context: null } && InNamedGroup().Match(t.Trim()) is { Success: true } m
            ? step with { Target = m.Groups["t"].Value, Context = m.Groups["g"].Value }
            : step;

    // "the "Reset" button at the bottom of the form": where it sits on the page is no part of its name.
    // "close Oceania again in the first tree", "Collapse Asia there": a repeat or a pointer back is no part of it either.
    private static string WherePlaced(string target) => BackTo().Replace(Again().Replace(PagePosition().Replace(target, ""), ""), "");

    // "the first entry", "the third suggestion", "the country it finds": a place in the list the step before brought up,
    // as a target the grounder counts ("the first option"); null for a name.
    private static string? OrdinalEntry(string value)
    {
        var v = value.Trim();
        if (ItFinds().IsMatch(v))
        {
            return "the first one";
        }

        return NthEntry().Match(v) is { Success: true } m ? $"the {m.Groups["n"].Value} one" : null;
    }

    // "take the third suggestion": a choice by place ("take" alone is no verb: "take X out" removes).
    private static InterpretedStep? ParseTakeEntry(string text, string display) =>
        TakeEntry().Match(text.Trim()) is { Success: true } m && OrdinalEntry(m.Groups["v"].Value) is not null
            ? Step(StepKind.Select, display, value: m.Groups["v"].Value)
            : null;

    // "Answer "No" under Radio Buttons": the words after "under" say where the choice is, not what it is called.
    private static InterpretedStep PlaceOfChoice(InterpretedStep step) =>
        step is { Kind: StepKind.Select, Target: { } t, Context: null } && ChoicePlace().Match(t.Trim()) is { Success: true } m
            ? step with { Target = null, Context = m.Groups["p"].Value }
            : step;

    // "Fill those two in", "enter them": the values the sentences before stated; nothing more to do once they are set.
    private static bool FillsWhatWasStated(string clause) =>
        FillThoseIn().IsMatch(StripTrailingPeriod(clause.Trim())) || UseNotOther().IsMatch(StripTrailingPeriod(StripLeadingFillers(clause.Trim())));

    // "Move the carousel on by one slide. Use the arrows, not the dots.": how the step before is done, no step of its own.
    [GeneratedRegex(@"^(?:use|do\s+it\s+with|do\s+that\s+with)\s+(?:only\s+)?(?:the\s+|its\s+|their\s+)?[^,]+?,?\s+(?:not|rather\s+than|instead\s+of|never)\s+(?:the\s+|its\s+|their\s+)?[^,]+$", RegexOptions.IgnoreCase)]
    private static partial Regex UseNotOther();

    // "I need ID 10 at the top: sort the table …", "Goal: every panel open. Open …": what is wanted, then how; the how is
    // the step and the want is no place on the page.
    private static bool IsGoalLead(string topic) => GoalLead().IsMatch(topic.Trim());

    // "once Tube stations becomes available", "when the dialog has loaded": no step (each step waits for its element
    // anyway); the thing named is where a following "there" acts. Null when the clause is not one.
    private static string? OnceReady(string clause)
    {
        var m = OnceClause().Match(StripTrailingPeriod(clause.Trim()));
        return m.Success ? m.Groups["x"].Value.Trim() : null;
    }

    // "… so the oldest person comes first", "…, so that the newest film is on top", "… to narrow it down", "… in order to
    // check the total": a clause of its own (a subject and a verb) after "so", or a purpose infinitive.
    [GeneratedRegex(@"(?:,?\s+so\s+(?:that\s+)?(?:(?:the|a|an|it|they|its|their|his|her|nothing|no|every|each|all|both|only|this|that|these|those)\s+\S|[\w\u0001\u0002-]+\s+(?:is|are|comes?|shows?|appears?|ends?\s+up|sits?|gets?|goes|stays?|becomes?|will|can|moves?|lands?|opens?|closes?|disappears?|vanishes?|reads?|lists?|displays?)\b).*|,?\s+(?:in\s+order\s+)?to\s+(?:narrow|filter|cut|trim|whittle)\s+(?:it|them|things|the\s+[\w-]+(?:\s+[\w-]+)?)\s+down\b.*|,?\s+in\s+order\s+to\s+.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PurposeTail();

    // "… to try it", "…, to see what is in it", "… to check the total": a looking or making-sure verb after "to", with
    // something after it that is not a name (a pronoun, an article, a question word).
    [GeneratedRegex(@",?\s+(?:just\s+)?to\s+(?:see|check|try|test|verify|confirm|make\s+sure|find\s+out|look\s+at|preview|inspect|review|compare|double-check)\s+(?:it|them|that|whether|if|what|which|who|how|the|its|their|your|this|these|those|everything|all|things|out)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex PurposeInfinitive();

    // Where a value-taking step has put its value before the purpose: "… to 5", "… into the Note box", "… as the Name".
    [GeneratedRegex(@"\b(?:to|into|as)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ToWord();

    [GeneratedRegex(@"^(?:click|press|tap|hit|use)\s+(?:on\s+)?(?:the\s+)?(?<col>.+?)\s+(?:column\s+)?(?:header|heading|column\s+title|column)\s*,?\s+so\s+(?:that\s+)?(?<how>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderClickSo();

    [GeneratedRegex(@"\b(?:at\s+the\s+bottom|last|at\s+the\s+end)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrderWordsFlip();

    [GeneratedRegex(@"^(?:i|we)\s+(?:need|want|would\s+like|'d\s+like|have\s+to\s+have)\b|^(?:the\s+)?(?:goal|aim|objective|idea|point|target|outcome|wanted|expected)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GoalLead();

    [GeneratedRegex(@"^(?:it|them|that|this|that one|this one)\s+(?:open|opened|up|shown|showing|on\s+screen|expanded|visible|there|in\s+place|where\s+(?:it|they)\s+(?:is|are)\s+now|like\s+(?:that|this)|(?:that|this)\s+way)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeaveAsDone();

    [GeneratedRegex(@"^(?<what>.+?),?\s+(?:using|with|via|through|from|in)\s+(?:the\s+|its\s+|their\s+)?(?<ctl>.+?\b(?:drop-?down|select|selector|menu|filter|picker|combo\s*box|combobox))$", RegexOptions.IgnoreCase)]
    private static partial Regex ShowOnlyUsing();

    [GeneratedRegex(@"^(?:use|with)\s+(?<ctl>(?:\S+\s+){0,6}?(?:drop-?down|select|selector|picker|combo\s*box|combobox|list\s*box|listbox)\b.*?)\s+to\s+(?:show|display|list|view|keep|leave)\s+(?:only|just)\s+(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex UseDropDownToShowOnly();

    [GeneratedRegex(@"\s+(?:people|persons|users|rows|items|entries|records|ones|films|movies|orders|tasks|todos|products|customers|employees|accounts|results|lines|cards|tickets|invoices|members)$", RegexOptions.IgnoreCase)]
    private static partial Regex GenericPlural();

    // "in the Option groups box pick Paris": a place that ends in a noun of places ends before the verb after it, however
    // short the step ("In the Open dialog, …" has no such noun before "Open").
    [GeneratedRegex(@"^(?:box|section|panel|list|dialog|menu|field|area|table|form|tab|group|card|pane|window|modal|popup|pop-up|drop-?down|sidebar|toolbar|header|footer|widget|example|demo|block|tree|grid|editor|accordion|selector|picker)$", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceNoun();

    [GeneratedRegex(@"^(?:it|that|the\s+same(?:\s+(?:value|text|one|password|address|thing))?|the\s+same\s+again|it\s+again|that\s+again)$", RegexOptions.IgnoreCase)]
    private static partial Regex SameValue();

    [GeneratedRegex(@"^without\s+\w+ing\b", RegexOptions.IgnoreCase)]
    private static partial Regex WithoutGerund();

    [GeneratedRegex(@"^(?<t>(?!(?:it|this|that|there|the\s+(?:error|message|warning|page|form|result|list|table))\b).+?)\s+(?:should|must|needs?\s+to|has\s+to|have\s+to|is\s+to)\s+(?:now\s+)?(?:be|read|say|show|contain|hold|become)\s+(?<v>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ShouldBe();

    [GeneratedRegex(@"^(?:shown|visible|displayed|gone|hidden|open|opened|closed|there|present|available|away|up|highlighted|valid|invalid|red|green|correct|accepted|rejected|saved|sent|submitted|on\s+(?:the\s+)?(?:screen|page)|in\s+view|under\s+.+|below\s+.+|above\s+.+|next\s+to\s+.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ShownWords();

    [GeneratedRegex(@"^(?:(?:fill|enter|put|type|key)\s+(?:in\s+)?(?:those|these|them|both|the\s+two|those\s+two|these\s+two|them\s+both|all\s+of\s+them|both\s+of\s+them)(?:\s+(?:two|values|fields))?(?:\s+in)?|(?:adjust|change|fix|set|update|correct)\s+(?:it|them|that|those|this)(?:\s+(?:accordingly|so|then|now))?|make\s+(?:it|that)\s+so|do\s+(?:it|that|so))$", RegexOptions.IgnoreCase)]
    private static partial Regex FillThoseIn();

    [GeneratedRegex(@"^(?<v1>.+?)\s+and\s+(?<t2>[A-Z][\w-]*)\s+(?<v2>\S.*)$")]
    private static partial Regex NextPair();

    [GeneratedRegex(@"^(?:under|below|beneath|underneath|within|inside|in)\s+(?<p>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ChoicePlace();

    [GeneratedRegex(@"\s+to\s+(?:accept|confirm|choose|pick|select|submit|close|open|save|apply|send|finish|go|move|add|commit|dismiss)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ToPurpose();

    [GeneratedRegex(@"^(?<t>.+?)\s+(?:in|under|within|inside)\s+the\s+(?<g>[^\s\u0001]\S*(?:\s+\S+){0,3}?\s+(?:group|section|fieldset|panel|area|block|list))$", RegexOptions.IgnoreCase)]
    private static partial Regex InNamedGroup();

    [GeneratedRegex(@"\s+(?:at|on|in|near)\s+(?:the|its|their|this|that)\s+(?:very\s+)?(?:(?:top|bottom|upper|lower|end|foot|head|start|left|right)(?:[\s-]+(?:right|left)(?:[\s-]+hand)?)?(?:\s+(?:corner|side|edge))?|corner)(?:\s+of\s+(?:the\s+|its\s+|this\s+)?(?:form|page|screen|dialog|window|modal|popup|pop-up|box|table|list|panel|section|card))?(?=\s*[,;(]|\s*$)", RegexOptions.IgnoreCase)]
    private static partial Regex PagePosition();

    [GeneratedRegex(@"(?<=\S)\s+(?:again|once\s+more)(?=[\s,;]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Again();

    [GeneratedRegex(@"(?<=\S)\s+(?:there|here)$", RegexOptions.IgnoreCase)]
    private static partial Regex BackTo();

    [GeneratedRegex(@"^(?:(?:two|three|four|five|six|seven|several|a\s+few|a\s+couple\s+of|some|\d+)\s+(?:small\s+|quick\s+)?(?:changes|things|edits|steps|tasks|parts|updates|fixes|jobs|actions)(?:\s+to\s+(?:make|do))?(?:\s+(?:here|please|for\s+you|on\s+this\s+page))?|here(?:'s|\s+is)\s+what\s+to\s+do)\s*[:.]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Announcement();

    [GeneratedRegex(@"^(?:two|three|four|five|six|seven|several|a\s+few|a\s+couple\s+of|some|\d+)\s+(?:small\s+|quick\s+)?(?:changes|things|edits|steps|tasks|updates|fixes)\s+(?:to\s+(?:make|do)\s+)?(?:in|on|to|for)\s+(?<where>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CountedPlace();

    // "everything should be off except X", "all the boxes must be ticked except X and Y".
    [GeneratedRegex(@"^(?:everything|every\s+(?<noun>box|checkbox|option|switch|toggle)|all(?:\s+(?:the|of\s+the))?\s+(?<noun>boxes|checkboxes|options|switches|toggles))\s+(?:should|must|needs?\s+to|has\s+to|have\s+to)\s+be\s+(?<state>off|on|unticked|ticked|checked|unchecked|selected|unselected|enabled|disabled)\s+(?:except(?:\s+for)?|but(?:\s+not)?|apart\s+from|other\s+than)\s+(?<except>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EverythingIs();

    // "Make sure only Boolean 3 and Boolean 5 are ticked (in the Booleans panel)", "ensure that only X is selected".
    [GeneratedRegex(@"^(?:make\s+sure|ensure|check|see\s+to\s+it)\s+(?:that\s+)?only\s+(?<these>.+?)\s+(?:is|are)\s+(?<state>on|ticked|checked|selected|enabled|off|unticked|unchecked|disabled)(?:\s+(?<prep>in|under|within|on)\s+(?<place>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyTheseAre();

    // "make X the bestseller" (one word or two after "the", nothing more): X is marked as the one.
    [GeneratedRegex(@"^make\s+(?<x>(?!the\s|it\s|them\s|this\s|that\s)(?:(?!\sthe\s)[^,])+?)\s+the\s+(?<role>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex MakeTheOne();

    // A place in a list or an order, not a role: "the first panel", "the top item", "the default", "the same".
    [GeneratedRegex(@"^(?:first|second|third|fourth|fifth|last|top|bottom|next|previous|only|same|default|one|new|main|active|current|\d+\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceWords();

    [GeneratedRegex(@"^(?:and\s+)?(?:then|next|now|finally|also|afterwards|after\s+that|first|firstly|secondly|thirdly|lastly|so)$", RegexOptions.IgnoreCase)]
    private static partial Regex FillerOnly();

    // "change your mind and cancel the edit": a turn of phrase, no step.
    [GeneratedRegex(@"^(?:(?:then|and)\s+)?(?:change\s+(?:your|my)\s+mind|think\s+(?:again|twice|better\s+of\s+it)|reconsider)$", RegexOptions.IgnoreCase)]
    private static partial Regex MindChanged();

    // "start typing Jim Halpert over it": the verb the gerund names.
    [GeneratedRegex(@"^(?:start|begin)\s+(?<g>typing|writing|entering|deleting|removing)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex StartGerund();

    // "type Jim Halpert over it": over what the open editor holds, where the focus is.
    [GeneratedRegex(@"^(?<v>.+?)\s+over\s+(?:it|that|them|the\s+(?:old|existing|current|present)\s+\w+|what(?:'s|\s+is)\s+there)$", RegexOptions.IgnoreCase)]
    private static partial Regex OverIt();

    // "cancel the edit", "cancel your changes": the page's Cancel button.
    [GeneratedRegex(@"^(?:the|this|that|your|my|these|those|all)?\s*(?:edit|edits|editing|change|changes|it|this|that|operation|action|dialog|form|entry|input|whole\s+thing)$", RegexOptions.IgnoreCase)]
    private static partial Regex CancelWhat();

    [GeneratedRegex(@"^(?:the\s+)?(?<n>first|second|third|fourth|fifth|last|\d+(?:st|nd|rd|th))\s+(?:entry|option|item|suggestion|result|match|one|choice|proposal)(?:\s+(?:in|on|of)\s+(?:the|that|this|its)\s+(?:list|menu|drop-?down))?$", RegexOptions.IgnoreCase)]
    private static partial Regex NthEntry();

    [GeneratedRegex(@"^(?:the\s+)?(?:only\s+)?[\w-]+\s+(?:it|that\s+it|the\s+search)\s+(?:finds|found|shows|suggests|offers|lists|returns|comes\s+up\s+with)$", RegexOptions.IgnoreCase)]
    private static partial Regex ItFinds();

    [GeneratedRegex(@"^(?:take|grab|use|accept)\s+(?<v>the\s+.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex TakeEntry();

    [GeneratedRegex(@"^(?:once|when|after|as\s+soon\s+as)\s+(?<x>.+?)\s+(?:(?:becomes?|is|are|gets?|has\s+been|have\s+been|has|have)\s+)?(?:available|enabled|active|shown|visible|displayed|loaded|ready|open|opened|clickable|usable|there|appears?|appeared|shows\s+up|showed\s+up|comes\s+up|came\s+up|loads|finishes\s+loading|finished\s+loading)$", RegexOptions.IgnoreCase)]
    private static partial Regex OnceClause();
}
