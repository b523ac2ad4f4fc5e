"""The trigger table: one row per phrasing that reports a call, meeting or visit, and how it takes
participants. contacts/triggers.py builds one regex from it; a new phrasing is a row and a test.

Each trigger has a grammar that says where its participants are:

- `direct`: object right after the verb ("called Netanyahu", "hosted Japanese Prime Minister ...");
- `with`: object after "with"/"to" ("spoke by phone with", "met today with", "held talks with");
- `from`: the other party after "from", who is also the initiator ("received a call from");
- `to`: object after "to" ("gave a warm welcome on Thursday to");
- `visit`: a place or person visited ("visited Russia", "arrived in Amman", "visit to Kyiv");
- `between`: all parties after "between" ("mediation between Syria and ...");
- `for`: the guest after "for" ("hosted a dinner in Brussels for Zelensky").

Every grammar also accepts a coordinated subject with no object ("Biden and Sánchez spoke").
"""

from __future__ import annotations

from dataclasses import dataclass

# A few words of adverbs, times and the like that may sit between a verb and its object.
FILL = r"(?:\s+(?:\w+ly|here|today|yesterday|tonight|again|separately|(?:late|early)\s+(?:on\s+)?(?-i:[A-Z])\w+day|(?:this|that)\s+(?:morning|afternoon|evening|night|week)|on\s+\w+day|on\s+\w+\s+\d{1,2}|last\s+\w+|earlier|later|also|first|jointly|by\s+(?:tele)?phone|by\s+video(?:\s*link)?|over\s+the\s+(?:tele)?phone|on\s+the\s+(?:tele)?phone|in\s+(?:a\s+)?(?:tele)?phone\s+calls?|via\s+video(?:\s*link)?(?:\s+conference)?|in\s+person|for\s+the\s+first\s+time|in\s+[A-Z][\w’'-]+(?:,?\s+[A-Z][\w’'-]+){0,3}|at\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}(?=\s+with\b)|in\s+\w+(?=\s+with))){0,4}"
_LIGHT = r"(?:held|hold|holds|holding|led|leads|leading|placed|places|placing|had|have|has|having|conducted|conduct|began|begin|begins|resumed|resume|resumes|renewed|renew|opened|started|start|continued|continue|concluded|made|make|makes|paid|pay|pays|wrapped\s+up|wound\s+up|ended|ending|ends|attended|co-?chaired|co-?hosted)"
_ADJ = r"(?:\s+(?:rounds?\s+of|(?:more\s+than\s+|nearly\s+|almost\s+|about\s+)?(?:an?|\d+|one|two|three|four|five|six|seven|eight|nine|ten|several)(?:\s+and\s+a\s+half)?\s+(?:hours?|days?|weeks?|rounds?)\s+of|[\"“][^\"“”]{1,40}[\"”]|(?!(?:on|about|of|for|to|in|at|after|before|with|from|by|that|which|who)\b)[a-z][a-z-]*|\d+-\w+)){0,5}?"


@dataclass(frozen=True)
class TriggerKind:
    type: str  # "call" | "meeting" | "visit"
    mode: str | None  # "phone" | "video" | None
    grammar: str  # "direct" | "with" | "from" | "to" | "visit" | "between"
    cameo: str
    plover: str
    strength: float  # base confidence


@dataclass(frozen=True)
class TriggerRow:
    """One phrasing of a contact: its name, what it reports, its pattern, and an example the
    pattern reads (tests/contacts/test_triggers.py checks every row against its example)."""

    name: str
    kind: TriggerKind
    pattern: str
    example: str


# The phrasings, in the order the alternation tries them (earlier rows win at one position).
# A new phrasing is a row here and a test of its grammar.
ROWS: tuple[TriggerRow, ...] = (
    TriggerRow(
        "adverbial",
        TriggerKind("call", "phone", "with", "041", "phone", 0.8),
        r"(?:in|during|over|by)\s+(?:a|an|their|the|his|her)\s+(?:[a-z-]+\s+)?(?:(?:tele)?phone\s+(?:call|conversation|talks?)|video\s*(?:call|conference|link)|videoconference)",
        "In a phone call, Biden and Scholz discussed Ukraine.",
    ),
    # "in a call with X", "during their call": a bare call needs "with" or their own possessive
    TriggerRow(
        "by_phone",
        TriggerKind("call", "phone", "with", "041", "phone", 0.75),
        r"(?:in|during)\s+(?:a|an|the)\s+(?:[a-z-]+\s+)?(?:call|conversation)(?=\s+with\b)|(?:in|during|over)\s+their\s+(?:[a-z-]+\s+)?(?:call|conversation)|(?:by|over\s+the|on\s+the)\s+(?:tele)?phone"
        # "In a separate call yesterday afternoon, A and B agreed": a call set before the
        # clause, its time at most before the comma ("In a call for calm, ..." is none)
        r"|(?:in|during)\s+(?:a|an)\s+(?:[a-z-]+\s+)?call(?=(?:\s+(?:late|early|yesterday|today|on|this|last)\b[^,.]{0,25})?,)",
        "Biden discussed Ukraine with Scholz by phone.",
    ),
    # "Thatcher discussed the move by telephone with Reagan": the verb, its topic, the phone
    TriggerRow(
        "discussed_by_phone",
        TriggerKind("call", "phone", "with", "041", "phone", 0.75),
        r"discuss(?:ed|es|ing)?\s+(?:[\w'’-]+\s+){1,6}?(?:by|over\s+the|on\s+the)\s+(?:tele)?phone(?=\s+with\b)",
        "Thatcher discussed the move by telephone with Reagan.",
    ),
    # "was in telephone contact with X": a call, its day or days told around it
    TriggerRow(
        "phone_contact",
        TriggerKind("call", "phone", "with", "041", "phone", 0.7),
        r"(?:in|into)\s+(?:tele)?phone\s+contact(?=\s+with\b)",
        "Quispe was in telephone contact with Aravena on Thursday.",
    ),
    # "went almost at once into a session with X", "A and B went into a separate session"
    TriggerRow(
        "went_into_session",
        TriggerKind("meeting", None, "with", "040", "", 0.75),
        r"(?:went|goes|go|going)\s+(?:[a-z-]+\s+){0,3}?into\s+(?:(?:a|an|their|his|her)\s+)?"
        r"(?:[a-z-]+\s+){0,2}?(?:session|sessions|talks|meeting|huddle|conclave)",
        "Kissinger went into a session with Rabin.",
    ),
    # "After talks with X, Y said"; "At a meeting with X on Monday, Y ..."
    TriggerRow(
        "pp_meeting",
        TriggerKind("meeting", None, "with", "040", "", 0.75),
        # "after two days of talks with", "after more than an hour of talks with"
        r"(?:after|following|during|at|in|for)\s+(?:(?:a|an|the|their|his|her)\s+)?"
        r"(?:(?:more\s+than\s+|nearly\s+|almost\s+|about\s+)?(?:an?|\d+|one|two|three|four|five|"
        r"six|seven|eight|nine|ten|several)\s+(?:hours?|days?|weeks?|rounds?)\s+of\s+)?"
        r"(?:[a-z-]+\s+)?(?:talks|meeting|meetings|summit|session|sessions)(?=\s+with\b)",
        "After talks with Scholz, Biden said the alliance was strong.",
    ),
    # "After two days of talks in Geneva, A and B said": a sentence that opens on the talks
    # and names their parties after the comma
    TriggerRow(
        "opening_talks",
        TriggerKind("meeting", None, "with", "040", "", 0.75),
        r"^(?:after|following|during|at\s+the\s+end\s+of)\s+(?:[\w-]+\s+){0,4}?(?:talks|meetings?|negotiations|consultations|summit)(?=[^,.;]{0,40},)",
        "After two days of talks in Geneva, the Kenyan and Ugandan ministers said they agreed.",
    ),
    # "A and B failed to agree ... after two rounds of talks here": talks with no "with" set the
    # scene of a verb whose coordinated subject are their parties
    TriggerRow(
        "closing_talks",
        TriggerKind("meeting", None, "with", "040", "", 0.7),
        r"(?<=[a-z,] )(?:after|following)\s+(?:[\w-]+\s+){0,5}?(?:talks|meetings?|negotiations|consultations)(?!\s+(?:with|between|among|of|by)\b)",
        "Kamau and Otieno agreed on the plan after two rounds of talks in Nairobi.",
    ),
    # "he and President Kim, at a meeting on Cheju Island, proposed": the pair before the aside
    TriggerRow(
        "aside_meeting",
        TriggerKind("meeting", None, "with", "040", "", 0.7),
        r"(?<=, )(?:at|in|during)\s+(?:a|an|their|the)\s+(?:[\w-]+\s+){0,2}?(?:meeting|summit|talks)(?!\s+(?:with|between|of)\b)(?=[^,.;]{0,50},)",
        "Kamau and Otieno, at a meeting in Arusha, agreed on the plan.",
    ),
    TriggerRow(
        "possessive",
        TriggerKind("meeting", None, "with", "040", "", 0.75),
        r"(?<=['’]s\s)(?:[a-z-]+\s+)?(?:meeting|talks|summit)(?=\s+with\b)",
        "Biden's meeting with Scholz lasted an hour.",
    ),
    TriggerRow(
        "possessive_call",
        TriggerKind("call", "phone", "with", "041", "phone", 0.75),
        r"(?<=['’]s\s)(?:[a-z-]+\s+)?(?:(?:phone\s+|telephone\s+|video\s+)?(?:call|conversation))(?=\s+with\b)",
        "Readout of the President's call with Prime Minister Starmer",
    ),
    # "received a phone call from", "received phone calls on Wednesday from A and B"
    # "Netanyahu was called by Biden on Monday", "was telephoned by": the caller is after "by"
    TriggerRow(
        "called_by",
        TriggerKind("call", "phone", "from", "041", "phone", 0.85),
        r"(?:was|were|been|being)\s+(?:\w+ly\s+)?(?:tele)?(?:phoned|called|rung(?:\s+up)?)\s+by",
        "Netanyahu was called by Biden on Monday.",
    ),
    TriggerRow(
        "call_from",
        TriggerKind("call", "phone", "from", "041", "phone", 0.9),
        r"(?:received|receives|receiving|got|took|takes)\s+(?:(?:a|an)(?:\s+\w+){0,2}?\s+(?:(?:tele)?phone\s+)?call|(?:(?:tele)?phone\s+)?calls)(?:\s+(?:on\s+\w+|today|yesterday|earlier|late\s+\w+|this\s+\w+|last\s+\w+))?\s+from",
        "Biden received a call from Scholz.",
    ),
    TriggerRow(
        "call_between",
        TriggerKind("call", "phone", "between", "041", "phone", 0.8),
        r"(?:(?:tele)?phone\s+|video\s+)?(?:call|calls|conversation)\s+between",
        "A phone call between Biden and Scholz took place on Monday.",
    ),
    TriggerRow(
        "video_nominal",
        TriggerKind("call", "video", "with", "041", "phone", 0.85),
        rf"{_LIGHT}{_ADJ}\s+['‘\"“]?(?:video\s*(?:call|conference|link|talks)|videoconference|virtual\s+(?:meeting|summit|talks|call))",
        "Biden held a video call with Scholz.",
    ),
    TriggerRow(
        "call_nominal",
        TriggerKind("call", "phone", "with", "041", "phone", 0.85),
        rf"{_LIGHT}{_ADJ}\s+(?:(?:tele)?phone\s+)?(?:call|calls|conversation|conversations)(?=\s+(?:with|between|to)\b)|{_LIGHT}{_ADJ}\s+(?:tele)?phone\s+(?:call|calls|conversation|conversations|talks?)",
        "Biden had a phone call with Scholz.",
    ),
    TriggerRow(
        "phoned",
        TriggerKind("call", "phone", "direct", "041", "phone", 0.9),
        r"(?:tele)?phon(?:ed|es|e|ing)|rang(?=\s+up\b|\s+(?-i:[A-Z])|\s+(?:his|her|their)\s)|dial(?:l?ed|l?ing)",
        "Biden phoned Scholz on Monday.",
    ),
    TriggerRow(
        "called",
        TriggerKind("call", "phone", "direct", "041", "phone", 0.85),
        # "the summit, called by Kaunda": convened, not phoned ("he was called by Biden" is)
        r"(?<!-)call(?:ed|s|ing)?(?!\s+(?:for|on|upon|off|out|in|it|up\s+on|back\s+on|him\s+a|her\s+a|them\s+a)\b)"
        r"(?!(?<=,\scalled)\s+by\b)",
        "Biden called Scholz on Monday.",
    ),
    TriggerRow(
        "met_virtually",
        TriggerKind("call", "video", "with", "041", "phone", 0.85),
        r"(?:met|meet|meets|meeting)\s+(?:virtually|by\s+video(?:\s*link)?|via\s+video(?:\s*link)?|online|remotely)",
        "Biden met virtually with Scholz.",
    ),
    TriggerRow(
        "talks",
        TriggerKind("meeting", None, "with", "040", "", 0.85),
        rf"{_LIGHT}{_ADJ}\s+(?:talks|negotiations|consultations|discussions?|meeting|meetings|sessions?|summit|(?:bilateral\s+)(?:meeting|meetings|talks)|bilateral|a\s+meeting|an\s+audience|audience|t[eê]te-[aà]-t[eê]te)|sat\s+down"
        # "huddled with X", "A and B huddled"
        r"|huddl(?:ed|es|ing)",
        "Biden held talks with Scholz.",
    ),
    # "spent an hour on Thursday with X", "spent nearly four hours with X": time with someone
    TriggerRow(
        "spent_time",
        TriggerKind("meeting", None, "with", "040", "", 0.75),
        r"(?:spent|spends|spend|spending)\s+(?:(?:more\s+than|nearly|almost|about|over|some)\s+)?(?:(?:an?|the|\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|many)\s+(?:and\s+a\s+half\s+)?(?:hours?|minutes|days?|morning|afternoon|evening)(?:\s+and\s+a\s+half)?|(?:much|most|part|all)\s+of\s+(?:the\s+)?(?:\w+day\s+)?(?:day|night|morning|afternoon|evening)"
        # "the three leaders spent Tuesday with Isaias"
        r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?(?=\s+with\b))",
        "Baker spent an hour on Thursday with Abdul-Shafi.",
    ),
    # "Mobutu also saw Foreign Minister Tindemans over breakfast": seeing a named person
    TriggerRow(
        "saw",
        TriggerKind("meeting", None, "direct", "040", "", 0.7),
        r"(?:saw|sees|see|seeing)(?=\s+(?:the\s+)?[A-Z])",
        "Mobutu also saw Foreign Minister Tindemans over breakfast.",
    ),
    TriggerRow(
        "negotiated",
        TriggerKind("meeting", None, "with", "046", "", 0.8),
        # "negotiated line by line with X", "negotiated for hours with X"
        r"negotiat(?:ed|es|ing|e)(?!\s+team)(?:\s+(?!with\b)[\w-]+){0,4}?(?=\s+with\b)",
        "Biden negotiated with Scholz over the weekend.",
    ),
    TriggerRow(
        "spoke",
        TriggerKind("call", "phone", "with", "041", "phone", 0.85),
        # "spoke in favour of a ceasefire", "spoke out against": views aired, not a call; "spoke
        # to reporters": an audience, no party
        r"(?:spok(?:e|en)|speak(?:s|ing)?)(?!\s+(?:out|up)\b|\s+(?:\w+ly\s+)?(?:in\s+favou?r\s+of"
        r"|in\s+support\s+of|against|highly\s+of)\b)"
        r"(?!\s+(?:\w+ly\s+)?(?:to|with|before)\s+(?:the\s+)?(?:reporters|journalists|press|media"
        r"|newsmen|correspondents|parliament|lawmakers|legislators|students|crowds?|supporters"
        r"|nation|television|radio)\b)"
        r"|talk(?:ed|ing)?(?!\s+(?:only\s+)?(?:at|past)\s+each\s+other)|chatt(?:ed|ing)(?=\s+with\b)",
        "Biden spoke with Scholz.",
    ),
    TriggerRow(
        "meeting_between",
        TriggerKind("meeting", None, "between", "040", "", 0.8),
        # "a meeting of more than seven hours between", "talks lasting two days between"
        r"(?:meeting|talks|negotiations|summit|consultations)(?:\s+(?:of|lasting)\s+(?:more\s+than\s+|nearly\s+|about\s+|almost\s+)?(?:\w+|\d+)\s+(?:hours?|days?))?\s+between",
        "The meeting between Biden and Scholz was short.",
    ),
    # "Ross, who has shuttled between Netanyahu and Arafat for weeks": a meeting with each
    TriggerRow(
        "shuttle",
        TriggerKind("meeting", None, "between", "045", "mediate", 0.7),
        r"shuttl(?:ed|es|ing|e)\s+(?:[\w-]+\s+){0,3}?between",
        "Ross has shuttled between Netanyahu and Arafat.",
    ),
    TriggerRow(
        "mediation",
        TriggerKind("meeting", None, "between", "045", "mediate", 0.75),
        r"mediat(?:ion|ed|ing|es|e)(?:\s+(?:effort|mission|bid|attempt))?\s+between",
        "Qatar's mediation between Israel and Hamas continued.",
    ),
    TriggerRow(
        "passive_host",
        TriggerKind("meeting", None, "from", "043", "host", 0.8),
        r"(?:was|were|is|are|be|been|being)\s+(?:(?:\w+ly\s+)?(?:received|hosted|welcomed|greeted|met|embraced|hugged)|(?:later|then|also|again|afterwards)\s+(?:received|hosted))\s+(?:[\w’'-]+\s+){0,7}?by",
        "Scholz was received by Biden at the White House.",
    ),
    # "was later the guest of Deputy Foreign Minister X at a working lunch": hosted
    TriggerRow(
        "guest_of",
        TriggerKind("meeting", None, "from", "043", "host", 0.75),
        r"(?:was|were)\s+(?:(?:later|also|then)\s+)?(?:the\s+)?guests?\s+of",
        "Scholz was the guest of Biden.",
    ),
    # A letter handed over is a meeting (one sent is not): "handed Khamenei a letter from the
    # king", "delivered a message from the emir to Abbas"
    TriggerRow(
        "handed_letter",
        TriggerKind("meeting", None, "direct", "040", "", 0.7),
        r"(?:handed|hands|handing)(?=\s+(?:[\w.'’-]+\s+){1,8}?(?:a|the|his|her)\s+(?:[\w-]+\s+){0,2}(?:letter|message)\b)",
        "Faisal handed Scholz a letter from the king.",
    ),
    TriggerRow(
        "delivered_letter",
        TriggerKind("meeting", None, "to", "040", "", 0.7),
        r"(?:handed|delivered|delivering|handed\s+over|conveyed|passed\s+on)\s+(?:a|the|his|her)\s+(?:[\w-]+\s+){0,2}(?:letter|message)(?:\s+from\s+[^,.;]{1,60}?)?(?=\s+to\b)",
        "Faisal delivered a letter from the king to Scholz.",
    ),
    # An embrace is in person: "embraced Isaias on the tarmac", "was hugged by"
    TriggerRow(
        "embraced",
        TriggerKind("meeting", None, "direct", "040", "", 0.7),
        r"(?:embraced|embraces|embracing|hugged|hugs|hugging)(?!\s+(?:the|a|an|this|that|his|her|their|its)\b)",
        "Biden embraced Scholz on the tarmac.",
    ),
    TriggerRow(
        "hosted_meal",
        TriggerKind("meeting", None, "for", "043", "host", 0.75),
        r"(?:hosted|hosts|hosting|held|holds|gave|gives|threw)\s+(?:a|an)\s+(?:[a-z-]+\s+)?(?:dinner|lunch|luncheon|banquet|breakfast|reception)",
        "Biden hosted a dinner for Scholz.",
    ),
    # An ambassador's credentials are handed over in person: "received the credentials of the
    # new ambassador", "presented his letters of credence to".
    TriggerRow(
        "credentials_received",
        TriggerKind("meeting", None, "direct", "043", "host", 0.8),
        r"(?:received|receives|receiving|accepted|accepts|accepting)\s+(?:(?:a\s+)?cop(?:y|ies)\s+of\s+)?"
        r"(?:the\s+)?(?:credentials|letters?\s+of\s+credence)\s+(?:of|from)",
        "Putin received the credentials of Kenyan Ambassador Peter Kamau.",
    ),
    TriggerRow(
        "credentials_presented",
        TriggerKind("meeting", None, "direct", "043", "host", 0.8),
        r"(?:presented|presents|presenting|handed\s+over|submitted)\s+(?:(?:a\s+)?cop(?:y|ies)\s+of\s+)?"
        r"(?:his|her|their|the)\s+(?:credentials|letters?\s+of\s+credence)\s+to",
        "Kenyan Ambassador Peter Kamau presented his credentials to Putin.",
    ),
    TriggerRow(
        "host_to",
        TriggerKind("meeting", None, "direct", "043", "host", 0.8),
        r"(?:was|were|is|are|been|be|played|plays|playing|play)\s+host\s+to",
        "Baker was host to Takeshita and Stoltenberg.",
    ),
    TriggerRow(
        "hosted",
        TriggerKind("meeting", None, "direct", "043", "host", 0.8),
        r"(?:received|receives|receiving|receive|hosted|hosts|hosting|host|welcomed|welcomes|welcoming|welcome|greeted|greets|greet)(?!\s+(?:a|an)\s+(?:call|phone|message|letter)\b)",
        "Biden hosted Scholz at the White House.",
    ),
    # Lunches, golf and rides are meetings too ("played golf with", "had breakfast with",
    # "Putin and Kim rode together").
    TriggerRow(
        "informal",
        TriggerKind("meeting", None, "with", "040", "", 0.7),
        r"(?:played|plays|playing)\s+(?:a\s+round\s+of\s+)?golf|dined|dines|dining|lunched|lunching|breakfasted|breakfasting|(?:had|has|have|having|took|ate|shared|joined)\s+(?:a\s+)?(?:[a-z-]+\s+)?(?:cup\s+of\s+)?(?:breakfast|lunch|dinner|supper|tea|coffee)|(?:rode|ride|rides|riding|travell?ed|drove|walked|strolled)\s+together|rode(?=\s+with\b)|(?:shook|shaking|shake|shakes)\s+hands"
        # "appeared side by side at a news conference", "had been closeted together all week"
        r"|(?:appeared|appearing|stood|standing|sat|sitting)\s+side\s+by\s+side"
        r"|(?:was|were|been)\s+closeted(?:\s+together)?",
        "Biden played golf with Scholz.",
    ),
    # "attended a state banquet hosted by President X": the host is met (clauses._host_after)
    TriggerRow(
        "attended_meal",
        TriggerKind("meeting", None, "with", "043", "host", 0.7),
        r"(?:attended|attends|attending|attend)\s+(?:a|an|the)\s+(?:[a-z-]+\s+)?(?:dinner|lunch|luncheon|banquet|breakfast|reception)",
        "Xi attended a state banquet hosted by President Tan.",
    ),
    # "paid a courtesy call on Foreign Minister X": a visit of respect to the host, in person
    TriggerRow(
        "courtesy_call",
        TriggerKind("meeting", None, "direct", "040", "", 0.8),
        r"(?:paid|pays|paying|pay|made|makes|making)\s+(?:a\s+)?courtesy\s+(?:calls?|visits?)\s+(?:on|to)"
        # "paid a call on the premier"; "went straight to the office of Prime Minister X"
        r"|(?:paid|pays|paying|made|makes|making)\s+a\s+call\s+on(?=\s+(?:the\s+)?[A-Z])"
        r"|(?:went|goes|going|drove|walked|headed|proceeded)\s+(?:straight\s+|directly\s+)?to\s+the\s+"
        r"(?:office|residence|palace|home)\s+of",
        "The new ambassador paid a courtesy call on the foreign minister.",
    ),
    # "Jaishankar called on Vice President Han Zheng" (a courtesy call), not "called on X to ..."
    TriggerRow(
        "called_on",
        TriggerKind("meeting", None, "direct", "040", "", 0.7),
        r"call(?:ed|s)?\s+on(?=\s+(?:the\s+)?[A-Z])",
        "Jaishankar called on Vice President Han Zheng in Beijing.",
    ),
    TriggerRow(
        "welcome",
        TriggerKind("meeting", None, "to", "043", "host", 0.75),
        r"(?:gave|gives|extended|extends|accorded)\s+(?:\w+\s+){0,2}?(?:welcome|reception)",
        "Biden gave a warm welcome to Scholz.",
    ),
    # "Kim, accompanied by Singapore's foreign minister, toured the bay": a host at one's side
    # (a companion of one's own state is no contact: detect._different_states)
    TriggerRow(
        "accompanied",
        TriggerKind("meeting", None, "from", "040", "", 0.65),
        r"(?<=, )(?:accompanied|escorted)\s+by",
        "Kim, accompanied by Singapore's Foreign Minister Tan, toured the bay.",
    ),
    # "Esper stood alongside Ghani and Stoltenberg at a news conference": a joint appearance
    TriggerRow(
        "alongside",
        TriggerKind("meeting", None, "direct", "040", "", 0.7),
        r"(?:stood|standing|stands|appeared|appearing|appears|sat|sitting)\s+(?:alongside|beside|next\s+to)(?=[^.;]{0,120}\b(?:(?:news|press)\s+conference|ceremony|signing|joint\s+(?:declaration|statement))\b)",
        "Esper stood alongside Ghani at a news conference in Kabul.",
    ),
    TriggerRow(
        "joint_presser",
        TriggerKind("meeting", None, "with", "040", "", 0.75),
        r"(?:(?:gave|give|gives|held|hold|holds|holding|addressed)\s+(?:a\s+)?)?joint\s+(?:press|news)\s+conference",
        "Biden and Scholz held a joint press conference.",
    ),
    TriggerRow(
        "met",
        TriggerKind("meeting", None, "with", "040", "", 0.9),
        r"met|meet|meets|(?<=is\s)meeting|(?<=are\s)meeting|(?<=was\s)meeting|(?<=were\s)meeting",
        "Biden met Scholz in Berlin.",
    ),
    # "Quispe, meeting Aravena in Lima, agreed": the participle set off by commas
    TriggerRow(
        "meeting_participle",
        TriggerKind("meeting", None, "direct", "040", "", 0.75),
        r"(?<=, )meeting(?=\s+(?:the\s+)?(?-i:[A-Z]))",
        "Quispe, meeting Aravena in Lima, agreed on a plan.",
    ),
    # "EC ministers, meeting in Brussels, agreed", "A and B, meeting here on Monday, said"
    TriggerRow(
        "meeting_in",
        TriggerKind("meeting", None, "with", "040", "", 0.7),
        r"(?<=, )meeting(?=\s+(?:in|at|here|on|today|yesterday|for)\b)",
        "Quispe and Aravena, meeting in Lima on Thursday, agreed on a plan.",
    ),
    # "A and B conferred", "A consulted with B", "A and B exchanged views": talk in person
    TriggerRow(
        "conferred",
        TriggerKind("meeting", None, "with", "040", "", 0.75),
        r"confer(?:red|s|ring)?|consult(?:ed|s|ing)?(?=\s+with\b)|exchang(?:ed|es|ing)\s+views",
        "Quispe and Aravena conferred on Thursday.",
    ),
    # "A and B co-chaired the dialogue": two who chair one meeting together met there ("the
    # group is co-chaired by", "to be co-chaired by": a post, a plan)
    TriggerRow(
        "co_chaired",
        TriggerKind("meeting", None, "with", "040", "", 0.75),
        r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)co-?chair(?:ed|s|ing)?",
        "Quispe and Aravena co-chaired the dialogue on Thursday.",
    ),
    TriggerRow(
        "visit_nominal",
        TriggerKind("visit", None, "visit", "042", "visit", 0.75),
        rf"(?:{_LIGHT}|began|begins|begin|started|starts|kicked\s+off|embarked\s+on|(?:is|was|are|were)\s+on)\s+(?:a|an|his|her|their)\s+(?:[a-z-]+\s+){{0,3}}?(?:visit|trip|tour)(?:\s+to|(?=\s+here\b))",
        "Biden began a state visit to Germany.",
    ),
    TriggerRow(
        "visit_to",
        TriggerKind("visit", None, "visit", "042", "visit", 0.7),
        r"(?:visit|visits|trip|tour|journey)\s+to|arriv(?:ed|es|ing)\s+in|travell?(?:ed|ing|s)?\s+to|flew\s+to|landed\s+in|(?:returned|returns|return)\s+to",
        "Biden arrived in Berlin on Monday.",
    ),
    # "returned from Washington": a visit told from its end
    TriggerRow(
        "returned_from",
        TriggerKind("visit", None, "visit", "042", "visit", 0.65),
        r"(?:returned|returns|returning)\s+(?:home\s+)?from",
        "The envoy returned from Washington on Monday.",
    ),
    # "left for Beijing on Sunday": a visit told from its start (the present, "leaves for",
    # is a timetable)
    TriggerRow(
        "left_for",
        TriggerKind("visit", None, "visit", "042", "visit", 0.6),
        r"(?:left|departed|set\s+off)\s+for",
        "The prime minister left for Beijing on Sunday.",
    ),
    TriggerRow(
        "visited",
        TriggerKind("visit", None, "visit", "042", "visit", 0.75),
        r"visit(?:ed|s|ing)?|toured",
        "Biden visited Germany.",
    ),
)
