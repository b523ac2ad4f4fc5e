"""Corrections to a sentence's mentions that need the whole list: a given name before a known
surname ("Yuri Sokolov" is not Sergei Sokolov), a title no state sends ("opposition leader"),
and names inside a wire story's dateline ("Congo, May 4 (AFP)" names no Theresa May).

Run by detect.py on find_mentions' list, before appositions.py folds titles into names.
"""

from __future__ import annotations

import re
from dataclasses import replace

from contacts.datelines import dateline_end
from contacts.lexicon import Lexicon, Token, token_key, tokenize
from contacts.mention_parts import BODY_WORDS, NOT_NAMES, PLACE_ENDS
from contacts.mentions import OPENERS, Mention
from contacts.titles import NON_STATE_TITLES, TITLE_STATES, no_longer_in_office

# "spoke to Mr Forsyth's wife and sister": the family of a person is not that person
_KIN_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:wife|husband|widow|son|sons|daughter|daughters|family|brother|brothers|"
    r"sister|sisters|mother|father|parents|children|relatives|lawyer|lawyers)\b",
    re.I,
)


def kin_of(text: str, mention: Mention) -> bool:
    possessive = text[mention.end : mention.end + 2] in ("'s", "’s") or text[
        mention.end - 2 : mention.end
    ] in ("'s", "’s")
    return mention.kind == "person" and possessive and bool(_KIN_AFTER.match(text, mention.end))


def _a_place_or_body(mention: Mention) -> bool:
    # "on Bankova Street"; "chairman of the UN Special Commission": the body's name read as
    # its chairman's
    words = mention.name.split()
    if mention.kind != "person" or len(words) < 2:
        return False
    last = words[-1].lower()
    return last in BODY_WORDS or (last in PLACE_ENDS and not mention.title_text)


def corrected(
    text: str, tokens: list[Token], lexicon: Lexicon, mentions: list[Mention]
) -> list[Mention]:
    """`mentions` of `text` (find_mentions' reading of `tokens`) with the corrections below."""
    mentions = with_given_names(text, tokens, lexicon, mentions)
    mentions = [m for m in mentions if not _a_place_or_body(m) and not kin_of(text, m)]
    # "the opposition leader" is no party; "opposition leader X" and "Socialist Party leader X"
    # are private persons (the mention kept, so the model's PERSON does not bring the name back
    # untitled); "Chairman X" of no state word loses the title only (a company's, or a body's)
    kept = []
    for m in mentions:
        title = None if _owned_by_polity(text, m, mentions) else non_state_title(text, m)
        if _a_date(text, m) or (title and m.kind != "person") or title == "untitled":
            continue
        kept.append(
            replace(m, office=None, state=None, title_text="", how="private") if title else m
        )
    mentions = kept
    # "Peru's former prime minister Ana Ruiz": a person, of no office and no state
    mentions = [
        replace(m, office=None, state=None, title_text="", how="former")
        if m.kind == "person" and m.title_text and no_longer_in_office(text, m.start)
        else m
        for m in mentions
    ]
    mentions = _posts_of_the_one_before(text, mentions)
    mentions = [_relative_post_off(text, m) for m in mentions]
    _heads_of_delegations(text, mentions)
    opening = dateline_end(text)
    if opening:
        # "POINTE-NOIRE, Congo, May 4 (AFP) -": no one is named in a dateline; a mention the
        # rules ran on from it into the sentence ("Syria (AP) - Secretary of State X") starts
        # where the sentence does
        mentions = [
            m
            if m.start >= opening or m.kind == "polity"
            else replace(m, start=opening + 1, state=None)
            for m in mentions
            if m.end > opening or m.kind == "polity"
        ]
    return mentions


def with_given_names(
    text: str, tokens: list[Token], lexicon: Lexicon, mentions: list[Mention]
) -> list[Mention]:
    """ "Yuri Sokolov met ...": capitalised words right before a known surname, which are not
    that person's given names, make the name someone else's (not Sergei Sokolov)."""
    starts = {t.start: k for k, t in enumerate(tokens)}
    out: list[Mention] = []
    for mention in mentions:
        i = starts.get(mention.start)
        if mention.kind != "person" or mention.actor is None or " " in mention.name or i is None:
            out.append(mention)
            continue
        own = lexicon.name_tokens.get(mention.actor.kb_id, frozenset())
        k = i
        while k > 0 and i - k < 3:
            given = tokens[k - 1]
            if (
                not given.cap
                or given.key in NOT_NAMES
                or given.key in OPENERS
                or given.poss
                or text[given.end : tokens[k].start] != " "
                or any(
                    m is not mention and m.start < given.end and given.start < m.end
                    for m in mentions
                )
                or lexicon.match(tokens, k - 1)[0]
                or given.key in own
                or not given.text[1:].islower()
            ):
                break
            k -= 1
        if k == i:
            out.append(mention)
            continue
        start = tokens[k].start
        out.append(Mention("person", start, mention.end, text[start : mention.end]))
    return out


# "arrives in Moscow on May 29": a month and its day, not Mrs May
_DAY_AFTER = re.compile(r"\s+\d{1,2}\b")
_MONTH_NAMES = frozenset({"may", "june", "april", "august"})


def _owned_by_polity(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    # "the I.M.F.'s managing director, Horst Kohler": the organisation's own officer, not a
    # company's (whose owner is no polity: "Banco Sur's managing director")
    title_start = text.rfind(mention.title_text, 0, mention.end) if mention.title_text else -1
    start = title_start if title_start >= 0 else mention.start
    if mention.state and _OF_OWNER.match(text, start + len(mention.title_text), mention.end):
        return True  # "the managing director of the International Monetary Fund, X"
    if mention.state and start > mention.start:
        return True  # "IMF Managing Director X": the owner read into the mention itself
    return any(
        m.kind == "polity" and m.end <= start and not text[m.end : start].strip(" '’s")
        for m in mentions
    )


def _a_date(text: str, mention: Mention) -> bool:
    return (
        mention.kind == "person"
        and mention.name.lower() in _MONTH_NAMES
        and _DAY_AFTER.match(text, mention.end) is not None
    )


_OF_OWNER = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")


def non_state_title(text: str, mention: Mention) -> str | None:
    """ "the detained opposition leader Aung San Suu Kyi", "Opposition Leader Dr Peter Phillips":
    a title no state sends (GUIDELINES: opposition leaders count only when acting for one).
    "private" when the title says the person acts for no state, "untitled" when it may be some
    body's other than a state's ("Chairman", "Executive"), None for a state's title."""
    if mention.kind not in ("person", "ref") or not mention.title_text:
        return None
    if token_key(mention.title_text) in TITLE_STATES:
        return None  # "Fed Chairman Alan Greenspan": a chairman of one state's own body
    inside = text[mention.start : mention.end].lower().split()
    before = _WORD_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    words = set(inside[:2]) | ({before.group(1).lower()} if before else set())
    if "party" in words and "communist" not in words and mention.actor is None:
        return "private"  # "Socialist Party leader X" (a ruling Communist party's chief leads)
    if words & _NO_STATES_ERRAND:
        return "private"
    if _SENT_AFTER.match(text, mention.end):
        return None  # "Cardinal X, the special envoy of Pope John Paul II,": on an errand
    return "untitled" if words & NON_STATE_TITLES else None


# An apposition that sends the one before it: "X, the special envoy of the Pope,"
_SENT_AFTER = re.compile(
    r"\s*,\s*(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:envoy|mediator|emissary|representative|nuncio|negotiator)\b",
    re.I,
)


_NO_STATES_ERRAND = frozenset({"opposition", "dissident", "activist"})


# "the AU's chief mediator, former prime minister X": sent on an errand, not a private person
_ERRAND = re.compile(
    r"\b(?:mediat\w*|envoys?|negotiators?|emissary|emissaries|facilitators?|representatives?"
    r"|on\s+behalf\s+of|sent\s+by)\b",
    re.I,
)


def private_person(mention: Mention, sentence: str) -> bool:
    """One who holds the title no more ("former President X"), whom the knowledge base does not
    know and whom the sentence sends on no errand: a private person, no party to a contact
    (GUIDELINES: private persons count only when the text says a state sent them)."""
    if mention.how == "private":
        return True  # a title no state gives ("opposition leader X"), the text's word that day
    return mention.how == "former" and mention.actor is None and not _ERRAND.search(sentence)


# "with Kufuor, who is also chairman of the African Union, Hu said": the post is the relative
# clause's, of the one before; the name after its comma is someone else, untitled
RELATIVE_BE = re.compile(
    r"\b(?:who|which)\s+(?:is|was|has\s+been)\s+(?:also\s+|now\s+)?(?:the\s+)?$"
)


def _relative_post_off(text: str, mention: Mention) -> Mention:
    if mention.kind != "person" or not RELATIVE_BE.search(
        text, max(0, mention.start - 30), mention.start
    ):
        return mention
    at = text.rfind(", " + mention.name, mention.start, mention.end)
    if at < 0:
        return mention
    return replace(
        mention, start=at + 2, state=None, office=None, title_text="", actor=mention.actor
    )


def business_person(mention: Mention, sentence: str, lexicon: Lexicon) -> bool:
    """A company's officer ("Gursharan Singh, Micron's senior vice-president", "Tesla chief
    executive X") whom the knowledge base does not know: a business meeting is no contact
    (GUIDELINES). Not a state's post ("Kenya's vice-president", "Kenyan Vice-President X")."""
    if mention.kind != "person" or mention.actor is not None:
        return False
    # the post may be the mention's own title ("Microsoft co-founder X": a founder leads a
    # movement too, "Hamas co-founder X")
    named_at = sentence.find(mention.name, mention.start, mention.end)
    named_at = named_at if named_at > mention.start else mention.start
    before = _CORPORATE_BEFORE.search(sentence, max(0, named_at - 40), named_at)
    after = _CORPORATE_AFTER.match(sentence, mention.end)
    found = before or after
    if found is None:
        return False
    owner = found.group("owner") or ""
    if not owner and "president" in found.group().lower():
        return False  # "Vice-President X met": a state's, the text's own
    tokens = [t for t in tokenize(owner) if t.cap]
    return not any(
        e.kind == "polity" for i in range(len(tokens)) for e in lexicon.match(tokens, i)[1]
    )


_CORPORATE_POST = (
    r"(?:(?:senior|executive|deputy|group|regional)\s+)?(?:chief\s+executive(?:\s+officer)?|CEO|"
    r"vice[- ]president|managing\s+director|founder|co-founder|chief\s+operating\s+officer|"
    r"chief\s+financial\s+officer)"
)
_OWNER = r"(?P<owner>(?:[A-Z][\w&.-]*\s+){0,2}[A-Z][\w&.-]*(?:['’]s)?\s+)?"
# "Micron CEO X", "the Boeing chief executive, X"
_CORPORATE_BEFORE = re.compile(rf"{_OWNER}{_CORPORATE_POST}\s*,?\s+$")
# "X, Micron's senior vice-president", "X, chief executive of Gazprom"
_CORPORATE_AFTER = re.compile(rf"\s*,\s*(?:(?:the|its|a)\s+)?{_OWNER}{_CORPORATE_POST}\b")


# "the Russian delegation by Deputy Foreign Minister X", "The Japanese side is led by X"
_LED_BY_GAP = re.compile(r"(?:\s+(?:was|were|is|are|will\s+be))?,?\s+(?:(?:led|headed)\s+)?by\s+$")
_GROUP_WORDS = ("delegation", "delegations", "team", "side")


def _heads_of_delegations(text: str, mentions: list[Mention]) -> None:
    # The one a state's delegation is led by speaks for that state.
    for group, head in zip(mentions, mentions[1:], strict=False):
        if (
            group.kind == "role"
            and group.state
            and group.name.lower().endswith(_GROUP_WORDS)
            and head.kind == "person"
            and head.state is None
            and head.actor is None
            and _LED_BY_GAP.fullmatch(text, group.end, head.start)
        ):
            head.state = group.state


_HIS = re.compile(r"\s*,\s*(?:his|her)\s+$", re.I)


def _posts_of_the_one_before(text: str, mentions: list[Mention]) -> list[Mention]:
    # "French President Jean Dupont, his Prime Minister Paul Marchand": a post of the state of
    # the person the possessive follows
    out: list[Mention] = []
    for m in mentions:
        before = out[-1] if out else None
        if m.kind == "person" and m.state is None and m.office and before is not None:
            gap = text[before.end : m.start]
            owned = _HIS.match(gap) or (
                gap.strip() == "," and text[m.start : m.start + 4].lower() in ("his ", "her ")
            )
            if owned and before.kind == "person" and before.state:
                m = replace(m, state=before.state)
        out.append(m)
    return out


_INDEFINITE = re.compile(r"\b(?:a|an|any|no|every)\s+$", re.I)


def with_lede_states(sentences: list[tuple[str, list[Mention]]]) -> None:
    """ "Uganda's foreign minister flew into Nairobi ... Foreign Minister Ephraim Kabaziguruka
    was met by ...": a titled name of no state word takes the state of the same title told, with
    its state and no name, in the sentence just before; not one told of before by name ("Wang
    Yi ... a UK foreign secretary ... Foreign Minister Wang"). Each sentence with its mentions."""
    before: dict[str, str] = {}
    surnames: set[str] = set()
    for text, mentions in sentences:
        for mention in mentions:
            if (
                mention.kind == "person"
                and mention.state is None
                and mention.actor is None
                and mention.office in before
                and not mention.how
                and mention.name.split()[-1] not in surnames
            ):
                mention.state = before[mention.office]
        surnames.update(w for m in mentions if m.kind == "person" for w in m.name.split())
        before = {
            m.office: m.state
            for m in mentions
            if m.kind == "ref"
            and m.how == "title"
            and m.state
            and m.office
            and not _INDEFINITE.search(text, 0, m.start)
        }
