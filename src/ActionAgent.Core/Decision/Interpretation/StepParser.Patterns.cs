using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>The regular expressions the parser reads sentences with.</summary>
internal static partial class StepParser
{
    // "by pressing Ok" → "press Ok"; "by ticking …" → "tick …"; "by choosing …" → "choose …".
    // "Show only the completed todos by clicking the Completed filter": whatever the verb, clicking is what to do.
    [GeneratedRegex(@"\s(?:by|through)\s+(?:clicking|pressing|tapping|hitting|double-clicking|choosing|selecting|ticking|checking)\s", RegexOptions.IgnoreCase)]
    private static partial Regex ClickGerund();

    [GeneratedRegex(@"^(?<target>.+?)\s+(?:as\s+)?(?<state>unticked|unchecked|unselected|cleared|clear|off|ticked|checked|selected|on|empty|blank|expanded|collapsed|unchanged|untouched|alone|in place|as (?:it is|they are|is)|where (?:it is|they are)|(?:at|on) .+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeaveState();

    [GeneratedRegex(@"\b(?:other|others|rest|remaining)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OthersWords();

    [GeneratedRegex(@"\b(?:hold(?:ing)?|keep(?:ing)?|press(?:ing)?)(?: down)?\s+(?:the\s+)?(?<key>ctrl|control|shift|alt|cmd|command|meta)(?:\s+key)?(?:\s+(?:down|pressed))?\s*(?:,\s*)?(?:and\s+|then\s+|while\s+)?(?:click(?:ing)?|select(?:ing)?)\s+(?:on\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex HoldThenClick();

    [GeneratedRegex(@"\bclick\s+(?:on\s+)?(?<target>.+?)\s+(?:while\s+holding(?: down)?|holding(?: down)?|with)\s+(?:the\s+)?(?<key>ctrl|control|shift|alt|cmd|command|meta)(?:\s+key)?(?:\s+(?:held|pressed|down))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClickWhileHolding();

    // "… three times", "… once" (not "at once": all together).
    [GeneratedRegex(@"(?<!\bat)\s+(?<n>once|twice|thrice|(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)(?=\s+times))(?:\s+times)?\s*\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Repeated();

    // "… three times with its + button", "… four times, so the layout ends where it started": the count before the
    // instrument or the purpose.
    [GeneratedRegex(@"\s+(?<n>twice|thrice|(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)(?=\s+times))(?:\s+times)?(?=\s+(?:with|using|via|by\s+(?:clicking|pressing|tapping|hitting))\s|,?\s+(?:so|so\s+that|in\s+order\s+to|to)\s)", RegexOptions.IgnoreCase)]
    private static partial Regex RepeatedBeforeInstrument();

    [GeneratedRegex(@"^(?:the\s+)?(?<menu>.+?)\s+(?:sub-?menu|menu)$", RegexOptions.IgnoreCase)]
    private static partial Regex SubmenuName();

    [GeneratedRegex(@"^(?:it|them|him|her|that|this|that one|this one|the new one|the one just (?:created|added))(?:\s+again)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Referent();

    // "… was ticked by mistake. Clear that box": a kind of thing pointed back at, which only a description before names.
    [GeneratedRegex(@"^(?:that|this|the\s+same)\s+(?:box|checkbox|check\s*box|entry|item|node|row|field|option|record|value|setting|line|card|tag)$", RegexOptions.IgnoreCase)]
    private static partial Regex ThatKind();

    // "its In Store box" right after a description: the part of what the description named.
    [GeneratedRegex(@"^its\s+(?=\S)", RegexOptions.IgnoreCase)]
    private static partial Regex ItsPart();

    // "his row", "her entry", "their record": the owner a description before named ("its" is what a step acted on).
    [GeneratedRegex(@"^(?:his|her|their)\s+(?=\S)", RegexOptions.IgnoreCase)]
    private static partial Regex OwnedBy();

    // "The dropdown on the First tab must stay at Slower", "the others must remain unticked": a state to keep, no action.
    [GeneratedRegex(@"^(?<target>.+?)\s+(?:(?:must|should|has to|have to|needs? to|is to|are to)\s+(?:stay|remain|be left|be kept|keep)|stays?|remains?|(?:is|are)\s+(?:left|kept)|keeps?\s+(?:its|their)\s+(?:\w+\s+)?(?:value|values|order|state|place|position|text|selection|content|contents|minimum|setting|settings)|keeps?\s+what\s+(?:it|they)\s+(?:shows?|holds?|has|have|says?))(?:\s+(?<state>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex MustStay();

    // "keeping the others in their order", "while keeping the rest as they are".
    [GeneratedRegex(@"^(?:(?:while|and)\s+)?keeping\s+(?<target>.+?)\s+(?:in\s+(?:their|its|the\s+same)\s+(?<order>order|places|positions|sequence)|as\s+(?:they|it)\s+(?:are|is|were|was)|unchanged|untouched|where\s+(?:they|it)\s+(?:are|is|were|was))$", RegexOptions.IgnoreCase)]
    private static partial Regex KeepingAsIs();

    // "so the dashboard order ends unchanged", "so that the invite list ends up as it started": what the steps before
    // come back to, a state to check.
    [GeneratedRegex(@"^so(?:\s+that)?\s+(?<target>(?!it\b|they\b|this\b|that\b).+?)\s+(?:ends?|finish(?:es)?|is|are|stays?|remains?|comes?\s+back|goes?\s+back)\s+(?:up\s+)?(?:unchanged|untouched|as\s+(?:it|they)\s+(?:started|was|were|began)|the\s+same(?:\s+as\s+(?:before|at\s+the\s+start))?|as\s+before|where\s+(?:it|they)\s+(?:started|began|was|were))$", RegexOptions.IgnoreCase)]
    private static partial Regex EndsAsItStarted();

    // "The file selection must not change", "Do not change the file selection", "don't move the other box".
    [GeneratedRegex(@"^(?<target>.+?)\s+(?:must|should|may)\s+not\s+(?:change|be changed|move|be moved|be touched|be modified|be altered)$", RegexOptions.IgnoreCase)]
    private static partial Regex MustNotChange();

    // "Nothing else should change", "nothing else may be touched", "everything else stays as it is"; "Add nothing",
    // "Change nothing else".
    [GeneratedRegex(@"^(?:add|change|save|delete|remove|create|submit|touch|tick|untick|select|type|click|move|edit|alter)\s+nothing(?:\s+else)?$|^(?:nothing|no\s+other\s+(?:thing|field|box|setting|value)s?)\s+else\s+(?:should|must|may|is\s+to|can|will)\s+(?:change|be\s+changed|move|be\s+moved|be\s+touched|be\s+modified|be\s+altered)$|^nothing\s+else\s+(?:changes|moves)$|^(?:everything|all)\s+else\s+(?:should\s+|must\s+|is\s+to\s+)?(?:stays?|remains?)\s+(?:as\s+(?:it|they)\s+(?:is|are|was|were)|unchanged|the\s+same|untouched)$", RegexOptions.IgnoreCase)]
    private static partial Regex NothingElse();

    [GeneratedRegex(@"^(?:change|touch|modify|alter|move|edit|disturb|reorder|rearrange)\s+(?<target>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DontChange();

    // A clause that is only an object: "the second Delphi inside it", "the third one".
    [GeneratedRegex(@"^(?:then\s+|and\s+)*(?:the|a|an)\s+(?!.*\b(?:must|should|is|are|was|were|has|have|will|can|may|stays?|remains?)\b)\S", RegexOptions.IgnoreCase)]
    private static partial Regex ObjectOnly();

    [GeneratedRegex(@"^(?<t>.+?)\s+(?:inside|in|within|under|from)\s+(?:it|that|this|there|that one|this one)$", RegexOptions.IgnoreCase)]
    private static partial Regex InsideReferent();

    // What the step before brought up, named as a place: "that sub-menu", "the menu it opened", "this list".
    private const string OpenedPlaceWords = @"(?:(?:that|this|the\s+new|the\s+opened|the\s+open)\s+(?:sub-?menu|menu|list|panel|drop-?down|pop-?up|fly-?out)|the\s+(?:sub-?menu|menu|list|panel|drop-?down|pop-?up|fly-?out)\s+(?:it|that|this)\s+(?:opens|opened|shows|showed|brings up|brought up))";

    // "the last link of that sub-menu", "the second entry in the menu it opened": what the step before brought up.
    [GeneratedRegex(@"^(?<t>.+?)\s+(?:inside|in|within|under|from|of|on)\s+" + OpenedPlaceWords + "$", RegexOptions.IgnoreCase)]
    private static partial Regex InsideOpened();

    // "pick "Export to PDF" in the menu it opens": the place alone, read as the target of a choice.
    [GeneratedRegex("^" + OpenedPlaceWords + "$", RegexOptions.IgnoreCase)]
    private static partial Regex OpenedPlace();

    [GeneratedRegex(@"^(?:its|their)\s+(?<t>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Possessive();

    [GeneratedRegex("\"(?<q>[^\"]*)\"|“(?<q>[^”]*)”|„(?<q>[^“”]*)[“”]|«(?<q>[^»]*)»|(?<=^|[\\s(:=,])'(?<q>[^']+)'(?=$|[\\s.,;:!?)])|(?<=^|[\\s(:=,])‘(?<q>[^’]+)’(?=$|[\\s.,;:!?)])")]
    private static partial Regex QuotePattern();

    [GeneratedRegex(@"^\s*(?:\d+[.)]|[-*•–]|step\s+\d+\s*[:.)-]?)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^\s*\d+[.)]\s+")]
    private static partial Regex NumberMarker();

    [GeneratedRegex(@"\s+\d+[.)]\s+(?=\p{L})")]
    private static partial Regex InlineNumber();

    // A full stop after a name's initial ("Maria J. Santos") or a title ("Dr. Patel") ends no sentence.
    [GeneratedRegex(@"(?<=[.!?])(?<!\b\p{Lu}\p{Ll}+\s\p{Lu}\.)(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr)\.)\s+(?=\p{Lu}|\u0001)")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"^(?:(?:take|pull)\s+(?<x>.+?)\s+out(?:\s+of\s+(?:the|this|that|its|his|her|their)\s+[\w-]+(?:\s+[\w-]+)?)?)(?<with>\s+(?:with|using|via|through)\s+.+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex TakeOut();

    [GeneratedRegex(@"\s*;\s*|,?\s+(?:and\s+)?then,?\s+|,\s+(?:and\s+)?(?:after that|afterwards),?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex StrongSeparator();

    [GeneratedRegex(@",\s+and\s+|\s+and,\s+|,\s+|\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex WeakSeparator();

    [GeneratedRegex(@",\s+and\s+|,\s+|\s+and\s+|\s+&\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ListSeparator();

    // "the item whose author is Ivy Lorrie", "the one written by Jonathan Carter", "the row whose Name is "Bike"".
    [GeneratedRegex(@"^(?:the\s+)?(?:one|item|row|entry|record|article|post|line|person|user|task|todo|file|message|email|card)\s+(?:whose\s+[\w -]{1,30}?\s+(?:is|reads|says|equals)|(?:written|created|posted|authored|published|added|owned|sent|uploaded)\s+by)\s+(?<v>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex RowByValue();

    [GeneratedRegex(@"^(?:the\s+)?(?<ord>first|second|third|fourth|fifth|sixth|last|\d+(?:st|nd|rd|th))\s+(?<noun>row|item|line|entry|record|person|todo|task|article)(?:'s|’s)\s+(?<control>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex NthRowPossessive();

    [GeneratedRegex(@"^(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|last|\d+(?:st|nd|rd|th))\s+(?<noun>[a-z]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalNoun();

    [GeneratedRegex(@"\b(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|last|\d+(?:st|nd|rd|th))$", RegexOptions.IgnoreCase)]
    private static partial Regex BareOrdinalEnd();

    // "white and purple to Tagging with multi-value select boxes": values, then where they go.
    [GeneratedRegex(@"^(?<values>.+?)\s+(?:to|into|onto)\s+(?<to>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AddValuesTo();

    [GeneratedRegex(@"^(?:the|a|an|my|our|your|this|that|these|those|some|all)\s", RegexOptions.IgnoreCase)]
    private static partial Regex ArticleFirst();

    // A value written as a function call with numbers in it, outside quotes: rgba(255,0,0,0.25), hsl(120, 50%, 40%).
    [GeneratedRegex(@"(?<![\w.""'“”‘’])(?<v>[A-Za-z][\w-]*\((?=[^()""]*\d)[^()""]*\))(?![\w""'“”‘’])")]
    private static partial Regex CallValue();

    // Words that start a sentence of prose, never a field's label.
    [GeneratedRegex(@"^(?:the|a|an|to|and|or|but|then|please|see|I|we|you|he|she|it|they|this|that|my|our|your|his|her|their|if|when|so|with|without|also|after|before|around|at|on|in|by|for|from|until|near)$", RegexOptions.IgnoreCase)]
    private static partial Regex ListFiller();

    // "Work through the "Simple Tab" wizard: …": a short place (no colon in it) and what follows the colon.
    [GeneratedRegex(@"^(?<head>[^:=]{1,80}?)\s*(?<!\d):(?!\d)\s*(?<rest>\S.*)$")]
    private static partial Regex HeadColon();

    // "Fill it in: Name Ada, Email ada@x.test", "complete it with: …": the verb and a pronoun, no field's name.
    [GeneratedRegex(@"^\w+(?:\s+(?:in|out))?\s+(?:it|this|that|them|these|those|everything|all)(?:\s+(?:in|out))?(?:\s+(?:with|as\s+follows))?$", RegexOptions.IgnoreCase)]
    private static partial Regex FillHead();

    [GeneratedRegex(@",\s+(?:and\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex CommaList();

    [GeneratedRegex(@"^(?:both|all\s+of|each\s+of|either)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ListLead();

    [GeneratedRegex(@"^(?<user>\S+)\s*(?:/|\s+and\s+)\s*(?<pass>\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex BareCredentials();

    [GeneratedRegex(@"^(?:please|kindly)[,]?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Please();

    [GeneratedRegex(@"(?<=\S)\s*,?\s+(?:instead\s+of\s+\w+ing\b.*|(?:rather\s+than|instead\s+of)\s+(?:the\s+)?[\w\u0001\u0002-]+(?:\s+(?:button|link|one|option))?$|without\s+\w+ing\s+(?:anything|anyone|anybody|it|them|that|this|a\s+thing|any|the|a|an|your|his|her|their|its)\b.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingManner();

    // "put it back to Dude", "change the gender back to Dude", "switch it back to Off": a value set again.
    [GeneratedRegex(@"^(?:put|set|change|turn|switch|move|bring)\s+(?<what>it|them|that|this|(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)\s+back\s+to\b", RegexOptions.IgnoreCase)]
    private static partial Regex SetBackTo();

    [GeneratedRegex(@"^(?<v>type|enter|input|write|fill\s+in|put)\s+only\s+(?=\S)", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyAfterVerb();

    [GeneratedRegex(@"[,]?\s+(?:please|by\s+mistake|by\s+accident|on\s+purpose|deliberately|intentionally)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingPlease();

    [GeneratedRegex(@"^(?:then|and|but|now|next|finally|also|just|afterwards|after that|first|firstly|lastly|so(?!\s+that\b)|you should|you need to|i want to|i need to|we need to|go ahead and|could you|can you|let's|lets)[,]?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFiller();

    [GeneratedRegex(@"^(?:in|under|within|inside|on|at|from|for|below|above|beneath|underneath|beside|next to|near|with|using|via)\s+(?<where>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadPlace();

    [GeneratedRegex(@"\b(?:field|box|input|textbox|text area|textarea|labell?ed|called|named)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadNamesField();

    [GeneratedRegex(@"\bby\s+(?<stem>[a-z]+?)ing\s+(?<rest>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ByMethod();

    [GeneratedRegex(@"\s+(?:to|so that|so|in order to)\s+(?!\u0001).*$", RegexOptions.IgnoreCase)]
    private static partial Regex UsePurpose();

    [GeneratedRegex(@"\s+(?:to|in order to)\s+(?<what>(?!\u0001)\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex UseTo();

    [GeneratedRegex(@"^(?<owner>.+?)\s+(?:with|using|via|through|by clicking|by pressing)\s+(?:its|the|their|his|her)\s+(?<control>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex RemoveWith();

    [GeneratedRegex(@"^[a-z]+\b.*?\s(?:with|using|via)\s+(?:its|the|their|his|her)\s+(?<control>.+?\b(?:button|icon|link|arrow|toggle|x|control|switch))(?:\s+(?:in|on|of|at|inside|within|above|below|under|next to|beside)\s+.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex WithControl();

    // "save", "save it", "submit the form", "apply the changes": a clause of its own (split off "… to France and save").
    // "save it with Update", "submit it using the Send button": the control named is the one pressed.
    [GeneratedRegex(@"^(?<v>save|submit|apply)(?:\s+(?:it|them|this|that|everything|changes?|(?:the|your|my)\s+(?:changes?|form|row|edit|entry|record|settings)))?(?:\s+(?:with|using|via|by\s+(?:clicking|pressing))\s+(?:the\s+)?(?<control>[^,]+?))?$", RegexOptions.IgnoreCase)]
    private static partial Regex CommitClause();

    [GeneratedRegex(@"\s*\([^()]*\)")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^(?:it|its text|the text|this|that)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"^(?<v>.+?)\s+(?<place>(?:in|under|within|inside|on)\s+the\s+.*\b(?:group|section|form|dialog|panel|fieldset|row|table|list|area|column|card|toolbar|sidebar|window|box))$", RegexOptions.IgnoreCase)]
    private static partial Regex ValuePlace();

    [GeneratedRegex(@"\s*,?\s+in\s+(?:all\s+)?(?:(?<upper>upper[\s-]?case|capitals|capital letters|caps|block capitals)|(?<lower>lower[\s-]?case|small letters))\b", RegexOptions.IgnoreCase)]
    private static partial Regex CaseWords();

    [GeneratedRegex(@"^(?:(?:the|a|an|new|two|three|four|five|another|more)\s+)*(?<noun>[a-z][a-z -]*?)s?\b(?:,|\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex AddNoun();

    [GeneratedRegex(@"\s+as\s+(?:complete|completed|done|finished|read|resolved|checked|ticked)$", RegexOptions.IgnoreCase)]
    private static partial Regex MarkAs();

    [GeneratedRegex(@"\s+as\s+(?:not\s+(?:yet\s+)?(?:complete|completed|done|finished|read|resolved)|incomplete|uncompleted|undone|unfinished|unread|unresolved|open|to\s+do|unchecked|unticked)$", RegexOptions.IgnoreCase)]
    private static partial Regex MarkAsNot();

    [GeneratedRegex(@"\s+off$", RegexOptions.IgnoreCase)]
    private static partial Regex TickOff();

    [GeneratedRegex(@"(?:^|\s)(?:there\s+(?:is|are|was|were)|(?:isn't|aren't)\s|(?:is|are)\s+to\s+be\s|(?:is|are)\s+(?:not|always|already|now|still|inside|in|on|at|under|next|greyed|grayed|shown|displayed|read-only|readonly|locked|disabled|hidden|collapsed|folded|closed|missing|required|optional|too|very|quite|only|sorted|ordered|grouped|filtered|empty|blank|visible|below|above|labell?ed|called|named|the|a|an|one|two|three|four|five|back|out|overdue|wrong|incorrect|outdated|misspelt|misspelled|mistyped)\b|(?:is|are)\s+open\b|(?:is|are)\s+no\s+(?:longer|more)\b|(?:was|were)\s+(?:not\s+|never\s+|just\s+|already\s+|accidentally\s+|wrongly\s+|mistakenly\s+)?(?:\w+ed|\w+en|made|set|put|left|sent|paid|sold|bought|told|shut|hit|cut)\s+(?:by|in|on|at|to|for|twice|too|yesterday|today|earlier|before|already|last|wrongly|accidentally)\b|(?:can|cannot|can't|can not|could|will)\s+(?:not\s+)?be\s|(?:only\s+)?(?:takes|accepts|allows)\s|(?:has|have|shows|contains|holds|lists|opens|hides|says|reads|displays|offers|lacks)\s|(?:currently|now|still|already)\s+\w+s\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Statement();

    [GeneratedRegex(@"\s+(?:so\s+(?:that\s+)?it\s+(?:reads|says|shows)|to\s+(?:read|say))\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ReadsAs();

    // "Filter the list so that only Active todos are shown": the purpose is the step.
    [GeneratedRegex(@"^\S+\s+.+?\s+so\s+(?:that\s+)?only\s+(?<what>.+?)\s+(?:are|is)\s+(?:shown|visible|displayed|listed|left)$", RegexOptions.IgnoreCase)]
    private static partial Regex SoThatOnly();

    // "Switch the list to show only the Completed todos".
    [GeneratedRegex(@"^\S+\s+.+?\s+to\s+(?:show|display|list|view)\s+only\s+(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ToShowOnly();

    [GeneratedRegex(@"\b(?:every|all|each)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Collective();

    [GeneratedRegex(@"\s+(?:there|in there|over there)$", RegexOptions.IgnoreCase)]
    private static partial Regex There();

    [GeneratedRegex(@"\s+(?:that|which|who)\s+.*$", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeClause();

    [GeneratedRegex(@"\s+with\b:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex WithWord();

    [GeneratedRegex(@"\s(?:from|as|in|on)\s", RegexOptions.IgnoreCase)]
    private static partial Regex SelectPreposition();

    [GeneratedRegex(@"\b(?:ok|okay|accept|confirm|acknowledge)\s+(?:it|them|that|those|this|these)\b|\b(?:answer|reply|respond)\s+(?:it\s+|that\s+|them\s+)?(?:with\s+)?(?:yes|ok|okay)\b|\bsay\s+yes\b", RegexOptions.IgnoreCase)]
    private static partial Regex DialogAnswer();

    [GeneratedRegex(@"\b(?:messages?|dialogs?|alerts?|pop-?ups?|prompts?|confirm|confirmation|notices?|asks?|pops?\s+up)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DialogWords();

    [GeneratedRegex(@"^(?:the|a|an|my|our|your|their)\s+(?:[a-z][a-z-]*\s+){1,3}(?<v>[\d+(A-Z].*)$")]
    private static partial Regex ValueDescriptor();

    [GeneratedRegex("\u0001\\d+\u0002")]
    private static partial Regex QuoteToken();

    [GeneratedRegex(@"\s+(on|off)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingOnOff();

    [GeneratedRegex(@"^([^=\u0001]+?)\s*(?:(?<!\d):(?!\d)|=)\s*(.+)$")]
    private static partial Regex ColonOrEquals();

    [GeneratedRegex(@"^(?<target>.+?)\s+(?:is|are)\s+(?:(?:turned|switched|set)\s+)?(?<state>on|off|checked|unchecked|ticked|unticked|enabled|disabled|selected|deselected|active|inactive|not checked|not selected|not ticked|not enabled)$", RegexOptions.IgnoreCase)]
    private static partial Regex StateSentence();

    [GeneratedRegex(@"^(?:check|tick|select|enable|activate|turn on|switch on)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex DontVerb();

    // "do not try to tick …", "don't attempt to change …": the same as "do not tick …".
    [GeneratedRegex(@"^(?:try|attempt)\s+to\s+", RegexOptions.IgnoreCase)]
    private static partial Regex TryTo();

    // "tick or untick anything there": the second verb of a pair.
    [GeneratedRegex(@"^or\s+\w+\s+", RegexOptions.IgnoreCase)]
    private static partial Regex OrOtherVerb();

    // "anything", "any of the boxes", "a thing there": nothing in particular.
    [GeneratedRegex(@"^(?:anything|any\s+\S.*|a\s+(?:single\s+)?thing|nothing|something)(?:\s+(?:there|here|else|in\s+(?:it|there|them)))?$", RegexOptions.IgnoreCase)]
    private static partial Regex AnyThing();

    [GeneratedRegex(@"^(?:(?:to\s+)?(?:the\s+)?(?:previous|last|prior)\s+page|a\s+page|one\s+page|once)$", RegexOptions.IgnoreCase)]
    private static partial Regex PreviousPage();

    [GeneratedRegex(@"^(?:the|very)\s+|\s+(?:of\s+)?(?:the\s+)?(?:page|screen)$")]
    private static partial Regex ScrollFillers();

    [GeneratedRegex(@"^(?:for\s+)?(\d+(?:[.,]\d+)?)\s*(ms|msec|milliseconds?|s|secs?|seconds?|m|mins?|minutes?)?$")]
    private static partial Regex Duration();

    [GeneratedRegex(@"^(?:for\s+)?(?:a|one)\s+(?:second|sec|moment|bit|little|little bit|tick)$|^(?:briefly|a\s+moment|a\s+bit)$")]
    private static partial Regex ShortWait();

    [GeneratedRegex(@"^(?:for\s+)?(?:a\s+few|a\s+couple\s+of|some|several)\s+seconds$")]
    private static partial Regex FewSeconds();

    [GeneratedRegex(@"^(?:for\s+(?:the\s+)?page\s+to\s+load|for\s+(?:the\s+)?page(?:\s+load)?|until\s+the\s+page\s+(?:loads|has\s+loaded|is\s+loaded)|for\s+(?:it|everything)\s+to\s+load|for\s+loading)$")]
    private static partial Regex PageLoad();

    [GeneratedRegex(@"^(?:for|until|till)\s+(?:the\s+text\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex WaitFor();

    [GeneratedRegex(@"^(?<from>.+?)(?:\s+from\s+(?:-?\d[\d.,]*|[a-z]|the\s+\w+))?\s+(?<all>all the way\s+)?(?:(?<dir>up|down|right|left)\s+)?(?:to|onto|into|on to|over|towards|toward)\s+(?<to>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DragTo();

    [GeneratedRegex(@"^(?<from>.+?)\s+(?:(?:up|down|left|right)\s+)?(?:(?:and|,)\s+)?(?:drop|release|put|place|move)\s+(?:it\s+)?(?:(?:just|right|directly)\s+)?(?<rel>below|under|beneath|after|above|before)\s+(?<to>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DropBeside();

    [GeneratedRegex(@"^(?<from>.+?)\s+all the way\s+(?:to the\s+)?(?<dir>up|down|right|left)$", RegexOptions.IgnoreCase)]
    private static partial Regex AllTheWay();

    [GeneratedRegex(@"^(?:the\s+|its\s+|their\s+)?(?:far\s+|very\s+)?(?<edge>right|left|top|bottom|up|down|end|start|beginning|maximum|max|minimum|min|highest|lowest)(?:\s+(?:end|edge|side|value|position))?(?:\s+of\s+.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DragEdgeWord();

    [GeneratedRegex(@"\b(?:slider|handle|thumb|knob|pointer|all the way)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SliderWords();

    [GeneratedRegex(@"\s+(?:to\s+appear|to\s+show(?:\s+up)?|to\s+be\s+(?:shown|visible|displayed)|appears|shows\s+up|is\s+(?:shown|visible|displayed)|to\s+load|loads)$", RegexOptions.IgnoreCase)]
    private static partial Regex AppearSuffix();

    [GeneratedRegex(@"^(?:both|all|the two|the three|all the|the)\s+(?:(?:two|three|four|five)\s+)?(?<kind>(?:text |input |search )?(?:fields|boxes|inputs|textboxes|textareas|text areas))$", RegexOptions.IgnoreCase)]
    private static partial Regex PluralFields();

    [GeneratedRegex(@"^as\s+(?<user>\S+?)\s*(?:/|,|\s+with\s+|\s+and\s+|$)\s*(?:(?:the|a)\s+)?(?:(?:password|pass|pwd)\s+)?(?<pass>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex LoginAs();

    [GeneratedRegex(@"(?<=\S)\s+[-\u2013\u2014]{1,2}\s+(?=\S)|(?<=\p{L})\u2014(?=\p{L})")]
    private static partial Regex SpacedDash();

    [GeneratedRegex(@"(?<s>\s*)\((?<c>[^()]*)\)")]
    private static partial Regex BracketRemark();

    [GeneratedRegex("\\s*\\([^()\u0001]*\\)")]
    private static partial Regex ValueAside();

    // "Invite Hana Sato", "Onboard Li Wei": a word, then a person's name (capitalised words).
    [GeneratedRegex(@"^[A-Za-z]+\s+(?<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){1,3})$")]
    private static partial Regex PersonTopic();

    // "the last of the nested tabs", "the second of its options": an ordinal over a plural is one of them.
    [GeneratedRegex(@"\b(?<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\s+of\s+(?:the|its|their|his|her|these|those)\s+(?<words>(?:[\w-]+\s+){0,3})(?<noun>[a-z][\w-]*s)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalOfThe();

    [GeneratedRegex(@"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountWord();

    [GeneratedRegex(@"^[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)+$")]
    private static partial Regex TitleCase();

    [GeneratedRegex(@"\b(?:her|him)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HimOrHer();

    [GeneratedRegex(@"^(?<topic>[^:\u0001]{2,60}?)\s*:\s+(?<rest>\S.*)$")]
    private static partial Regex TopicColon();

    [GeneratedRegex(@"^(?<t>.+?)\s+from\s+(?<old>[^\s].*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeFrom();

    [GeneratedRegex(@"^\p{L}+\b.*?\s(?:with|using|via)\s+(?<control>\u0001\d+\u0002|\p{Lu}[\w-]*(?:\s+\p{Lu}[\w-]*){0,3})$")]
    private static partial Regex WithName();

    [GeneratedRegex(@"^(?:the|a|an)\s+(?:(?<ord>first|second|third|fourth|fifth|sixth|last|1st|2nd|3rd|4th|5th|6th)\s+)?(?<x>(?:[\w\u0001\u0002-]+\s+){0,3}?)(?<noun>modal(?:\s+(?:window|dialog))?|dialog(?:\s+box)?|drawer|off-?canvas(?:\s+panel)?|pop-?up|lightbox|side\s*panel|overlay)(?:\s+(?:on\s+the\s+page|example|demo))?(?:\s+(?:from|in|under|of)\s+(?:the\s+)?(?<place>.+?))?$", RegexOptions.IgnoreCase)]
    private static partial Regex OpenedNoun();

    // Keys a page has no button for: "… with Escape", "… using Enter" (Delete, Home, Up are often buttons' names).
    [GeneratedRegex(@"^(?:Esc|Escape|Enter|Return|Tab)$")]
    private static partial Regex EscapeLike();

    [GeneratedRegex(@"^(?:the\s+)?(?:new\s+)?(?:entry|option|item|value|choice|one)\s+(?<q>\u0001\d+\u0002)$", RegexOptions.IgnoreCase)]
    private static partial Regex NamedEntry();

    [GeneratedRegex(@"^\u0001\d+\u0002(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)\u0001\d+\u0002)*$")]
    private static partial Regex QuotedOnly();

    [GeneratedRegex(@"(?<=\u0002)\s+(?:again|once more)$", RegexOptions.IgnoreCase)]
    private static partial Regex QuotedAgain();

    [GeneratedRegex(@",\s+and\s+|;\s+|,\s+(?=the\s|all\s|both\s|\u0001)", RegexOptions.IgnoreCase)]
    private static partial Regex ConstraintBreak();

    // "every todo except …", "all the boxes in the Browser column", "everything in the checkbox group except Drinks" (a
    // place after "in" / "under": the boxes there only).
    [GeneratedRegex(@"^(?:(?:every|each|all(?:\s+(?:the|of\s+the))?(?:\s+(?:two|three|four|five|six|\d+))?)\s+(?<noun>(?:(?:remaining|other|open|unread|ticked|checked|selected|unticked|unchecked|unselected|pending|active)\s+)?(?<qual>(?:[\w'.\u0001\u0002-]+\s+){0,3}?)[a-z][a-z-]*?s?)|(?<noun>everything))(?:\s+(?:in|on|of)\s+the\s+list|\s+(?:in|under|of)\s+the\s+(?<column>.+?)\s+column|\s+(?:in|under|within|inside)\s+(?<place>(?:the\s+)?\S.*?))?(?:\s+(?:except(?:\s+for)?|but(?:\s+not)?|apart from|other than)\s+(?<except>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex EveryItem();

    // "every open task as done except X": the state said between the items and their exceptions.
    [GeneratedRegex(@"(?<as>\s+as\s+(?:not\s+(?:yet\s+)?)?[a-z]+(?:\s+do)?)\s+(?<except>(?:except(?:\s+for)?|but\s+not|apart\s+from|other\s+than)\s+.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex StateBeforeExcept();

    [GeneratedRegex(@"^(?:the\s+)?(?:(?:list\s+of\s+)?suggestions?|suggestion\s+list|suggested\s+(?:entries|options|values)|autocomplete(?:\s+list)?|completions?|matches|results|(?:list|menu)\s+that\s+(?:drops\s+down|appears|opens|pops\s+up)|drop-?down\s+list\s+that\s+(?:appears|opens))$", RegexOptions.IgnoreCase)]
    private static partial Regex SuggestionList();

    [GeneratedRegex(@"^(?:start|begin)\s+typing$", RegexOptions.IgnoreCase)]
    private static partial Regex StartTyping();

    [GeneratedRegex(@"^(?:(?<it>.+?)\s+)?so\s+(?:that\s+)?(?<from>.+?)\s+(?:comes?|is|are|goes|sits|ends\s+up|becomes?|stands)\s+(?:the\s+)?(?:very\s+)?(?<pos>first|last|top|bottom|leftmost|rightmost|at\s+the\s+(?:top|bottom|end|start))\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex ComesFirst();

    [GeneratedRegex(@"\b(?:first|second|third|fourth|fifth|last|\d+(?:st|nd|rd|th))\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalWord();

    [GeneratedRegex(@"\s+(?:in|on|of|from)\s+the\s+(?:list|page|table)(?:\s+of\s+\w+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex WholeList();

    // "Show the code behind "X"", "view the source of "X"": a part of a named thing, shown by a control of its own.
    [GeneratedRegex(@"^(?<verb>show|view|reveal|display|see)\s+the\s+(?<part>[a-z]+(?:\s+[a-z]+)?)\s+(?:behind|of|for|under|beneath|below)\s+(?<owner>""[^""]+"")\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex PartOfQuoted();

    // "Bring LexCorp plc. to the front (in the bottom-left group)": the thing brought forward, and where it is.
    [GeneratedRegex(@"^bring\s+(?<what>.+?)\s+(?:to\s+the\s+(?:front|foreground|fore|top)|forward)(?<rest>\s+(?:in|of|on)\s+.+?)?\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex ToTheFront();

    // "Maximise the Performance panel", "minimize the chat window": the verb names the panel's own control.
    [GeneratedRegex(@"^(?<verb>maximi[sz]e|minimi[sz]e)\s+(?<owner>.+?)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex PanelVerb();

    [GeneratedRegex(@"^(?:with|using|via|by\s+(?:clicking|pressing|tapping|hitting|using))\s", RegexOptions.IgnoreCase)]
    private static partial Regex InstrumentLead();

    [GeneratedRegex(@"\s+(?:all\s+)?at\s+once\b", RegexOptions.IgnoreCase)]
    private static partial Regex AtOnce();

    [GeneratedRegex(@"^(?:the\s+)?(?<k>enter|return|tab|escape)(?:\s+key)?$", RegexOptions.IgnoreCase)]
    private static partial Regex KeyName();

    [GeneratedRegex(@"^(?:attach|upload|download|export|print|share)\s", RegexOptions.IgnoreCase)]
    private static partial Regex UnreadDeed();
}
