"""Titles and names set off by commas: who a title in apposition belongs to.

find_mentions (mentions.py) reads a title before its name ("Jordanian Foreign Minister Khalil
Haddadin"); news as often puts it after the name or the name after it, between commas:

    "Khalil Haddadin, Jordan's foreign minister, met ..."   the title is the name's
    "his Argentine counterpart, Jorge Taiana,"               the name is the counterpart's
    "the foreign ministers of Peru and Ecuador, A and B,"   the names are the roles', in order
    "received Nadim Karam, Lebanon's deputy prime minister"  a name no model tagged, before a title

Run on a sentence's mentions after the rules and again after the parse added its PERSON names.
"""

from __future__ import annotations

import re
from dataclasses import replace

from contacts.mention_fixes import RELATIVE_BE
from contacts.mentions import COURTESIES, Mention

# "Khalil Haddadin, Jordan's foreign minister, met ...", "met Haddadin, the foreign minister of
# Jordan, on Thursday": a title set off by commas after a name is that person's.
_APPOSITION_GAP = re.compile(r"^\s*,\s*(?:an?\s+)?$")  # "X, the envoy,", "X, a U.N. envoy,"
# "... Deputy Prime Minister and Foreign Minister X": the gap to a name whose mention starts
# after its own title, or at it
_SECOND_TITLE = re.compile(r"^\s+and\s+(?:[A-Z][a-z]+\s+){0,4}$")
_APPOSITION_END = re.compile(r"^\s*(?:[,.;:)]|$)")
# A name no one listed, right before such a title: two to four capitalised words.
_NAME_RUN = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’.-]*\s+(?:(?:de|da|du|del|della|van|von|der|den|le|la|bin|ibn)\s+)?)"
    r"{0,3}[A-Z][\w'’-]+),\s*(?:an?\s+)?$"
)  # "Jacques de Larosiere, managing director of ...", "Diego Cordovez, a U.N. envoy"
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december today yesterday""".split()
)
_NOT_NAME_WORDS = frozenset(
    """The A An In On At But And After Before During While When As For With From By To Of His
    Her Their This That Its""".split()
)


# "the head of the central bank of Mexico, Miguel Mancera": a post "of" a state's institution,
# then the name of whoever holds it
# "the head of Chile's central bank, X": the post of a body a state's possessive names
_POST_OF_POSSESSIVE = re.compile(
    r"\b(?:head|chief|governor|president|director|chairman|chairwoman|leader)\s+of\s+$", re.I
)
# "the head of Chile's central bank, X", "the head of Sudan's Transitional Military Council,
# General X"
_BODY_THEN_COMMA = re.compile(
    r"\s+(?:[\w-]+\s+){0,4}?[\w-]+\s*,\s*(?:(?:(?:Lt\.?|Lieutenant|Major|Brig\.?|Brigadier)\s+)?"
    r"(?:Gen\.|General|Col\.|Colonel|Field\s+Marshal|Marshal|Adm\.|Admiral)\s+)?$"
)
_POST_OF = re.compile(
    r"\b(?:head|chief|governor|president|director|chairman|chairwoman|leader|minister)\s+of\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,5}?(?:of|in)\s+(?:the\s+)?$",
    re.I,
)


# Organisations whose missions are posted to states: their heads speak for the organisation.
_ORGANISATIONS = {
    "UN": "UN", "U.N.": "UN", "EU": "EU", "AU": "AU", "OSCE": "OSCE", "NATO": "NATO",
    "UNITED NATIONS": "UN", "EUROPEAN UNION": "EU", "AFRICAN UNION": "AU",
}  # fmt: skip
_ORGANISATION_IN_POST = re.compile(
    r"\b(U\.N\.|UN|EU|AU|OSCE|NATO|United Nations|European Union|African Union)\b"
)


_OF_INSTITUTION = re.compile(
    r"^\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,5}?(?:of|in)\s+(?:the\s+)?$", re.I
)


def _posts_of_states(text: str, mentions: list[Mention]) -> list[Mention]:
    out = list(mentions)
    dropped: set[int] = set()
    for i, (polity, person) in enumerate(zip(mentions, mentions[1:], strict=False)):
        if (
            polity.kind == "polity"
            and polity.name.endswith(("'s", "’s"))
            and person.kind == "person"
            and person.state in (None, polity.state)
            and _POST_OF_POSSESSIVE.search(text, max(0, polity.start - 30), polity.start)
            and _BODY_THEN_COMMA.fullmatch(text, polity.end, person.start)
        ):
            out[i + 1] = replace(person, state=polity.state)  # the post's state, not a party
            dropped.add(i)
            continue
        post = _STATE_POST.fullmatch(text, polity.end, person.start)
        if (
            polity.kind == "polity"
            and person.kind == "person"
            and person.state is None
            and post is not None
        ):
            # "the UN special coordinator for the peace process, X", "Iran's top nuclear
            # negotiator, X": a post no title list holds, of the state before it
            out[i + 1] = replace(
                person, start=polity.start, state=polity.state, title_text=post.group(1)
            )
            dropped.add(i)
            continue
        if not (
            polity.kind == "polity"
            and person.kind == "person"
            and person.state in (None, polity.state)
            and person.actor is None
            and _APPOSITION_GAP.match(text[polity.end : person.start])
            and _POST_OF.search(text, max(0, polity.start - 80), polity.start)
        ):
            continue
        post = _POST_OF.search(text, max(0, polity.start - 80), polity.start)
        if post and RELATIVE_BE.search(text, max(0, post.start() - 30), post.start()):
            continue  # "talks with Kufuor, who is also chairman of the AU, Hu said": Kufuor's
        sender = _ORGANISATION_IN_POST.search(post.group()) if post else None
        # "the head of the UN mission in Congo, X": the organisation's envoy, not Congo's
        out[i + 1] = replace(
            person, state=_ORGANISATIONS[sender.group(1).upper()] if sender else polity.state
        )
        title = mentions[i - 1] if i > 0 else None
        if (
            title is not None
            and title.kind == "ref"
            and title.how == "title"
            and _OF_INSTITUTION.match(text[title.end : polity.start])
        ):
            # "the president of the central bank of Peru, X": one person, who stands where the
            # title stands (the parse coordinates the title with others)
            out[i + 1] = replace(out[i + 1], start=title.start)  # a bank's president: no President
            dropped.add(i - 1)
    return [m for k, m in enumerate(out) if k not in dropped]


_STATE_POST = re.compile(
    r"\s+((?:[a-z][\w-]*\s+){0,3}(?:envoy|coordinator|representative|negotiator|adviser|advisor|"
    r"ambassador|spokes(?:man|woman|person)|commissioner|mediator|chief|secretary|minister|"
    r"director|chairman|chairwoman|delegate|commander|aide|diplomat))"
    r"(?:\s+(?:for|of|to|on|in)\s+[^,;]{1,60}?)?\s*,\s*"
)
# "the head of the U.S. delegation, Jon Rosenbaum,": the leader of a state's group, named
_HEAD_OF = re.compile(r"\b(?:the\s+)?(?:head|leader|chief)\s+of\s+(?:the\s+)?$", re.I)
_LED_BY_GAP = re.compile(
    r"\s*,?\s*(?:led|headed)\s+by\s+(?:the\s+)?(?:(?:[A-Z][\w'’-]*|and|of|for)\s+){0,6}"
)
# "Finance Minister Jaime Ongpin, who is accompanying Aquino,": the companion's compatriot
_ACCOMPANYING = re.compile(r"\s*,\s*who\s+(?:is|was|has\s+been)\s+accompanying\s+$", re.I)


def _groups_heads_and_companions(text: str, mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    group: Mention | None = None  # a group whose head is named next
    for k, mention in enumerate(mentions):
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        head_of = _HEAD_OF.search(text, max(0, mention.start - 20), mention.start)
        if (
            mention.kind == "role"
            and head_of is not None
            and nxt is not None
            and nxt.kind == "person"
            and nxt.state in (None, mention.state)
            and _APPOSITION_GAP.match(text[mention.end : nxt.start])
        ):
            group = replace(mention, start=head_of.start())
            continue  # the person stands for the group, where the group's head was told
        if group is not None:
            mention = replace(mention, start=group.start, state=mention.state or group.state)
            group = None
        previous = mentions[k - 1] if k > 0 else None
        if (
            mention.kind == "person"
            and mention.state is None
            and previous is not None
            and previous.kind == "role"
            and _LED_BY_GAP.fullmatch(text, previous.end, mention.start)
        ):
            # "A Russian delegation led by Deputy Foreign Minister X": X is Russia's
            mention = replace(mention, state=previous.state)
        if (
            mention.kind == "person"
            and mention.state is None
            and nxt is not None
            and nxt.kind == "person"
            and _ACCOMPANYING.fullmatch(text, mention.end, nxt.start)
        ):
            terms = nxt.actor.terms if nxt.actor else ()
            state = nxt.state or next((t.state for t in terms), None)
            mention = replace(mention, state=state)
        out.append(mention)
    return out


def with_appositive_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each title in apposition after a name folded into that name's mention
    (its state and office; the mention then runs to the title's end)."""
    mentions = _groups_heads_and_companions(text, mentions)
    mentions = _posts_of_states(text, _respective(text, mentions))
    out: list[Mention] = []
    taken: set[int] = set()
    for i, mention in enumerate(mentions):
        if i in taken:
            continue
        unnamed = _unlisted_name_before(text, mentions, i)
        if unnamed is not None:
            out.append(unnamed)
            # "..., General Secretary of the Central Committee and President of the Presidium,":
            # the posts inside its qualifier are the same person's
            taken.update(j for j in range(i + 1, len(mentions)) if mentions[j].start < unnamed.end)
            continue
        named = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            named is not None
            and mention.kind == "ref"
            and mention.how == "title"
            and named.kind == "person"
            and named.state in (None, mention.state)
            and _SECOND_TITLE.match(text[mention.end : named.start])
        ):
            # "Vietnam's Deputy Prime Minister and Foreign Minister Bui Thanh Son": one person
            # with two posts
            out.append(replace(named, start=mention.start, state=named.state or mention.state))
            taken.add(i + 1)
            continue
        if (
            named is not None
            and mention.kind == "ref"
            and mention.how in ("title", "counterpart")
            and named.kind == "person"
            and named.actor is None
            # "the chief mediator, Kenyan General X,": a post of no state, the name's own
            and (named.state in (None, mention.state) or mention.state is None)
            and _APPOSITION_GAP.match(text[mention.end : named.start])
            and _APPOSITION_END.match(text[named.end :])
            # "with Kufuor, who is also chairman of the AU, Hu said": the post is Kufuor's
            and not RELATIVE_BE.search(text, max(0, mention.start - 30), mention.start)
        ):
            # "his Argentine counterpart, Jorge Taiana,", "the UN special coordinator, X,"
            out.append(
                replace(
                    named,
                    start=mention.start,
                    state=mention.state or named.state,
                    office=named.office or mention.office,
                    title_text=named.title_text or mention.title_text,
                )
            )
            taken.add(i + 1)
            continue
        title = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            title is not None
            and mention.kind == "person"
            and title.kind == "ref"
            # "Ana Salas, his Peruvian counterpart,": the counterpart is the name before
            and title.how in ("title", "counterpart")
            # "Brezhnev, General Secretary of the CPSU Central Committee, received": a post
            # with no state word is the person's too
            and mention.state in (None, title.state)
            and _APPOSITION_GAP.match(text[mention.end : title.start])
            and (_APPOSITION_END.match(text[title.end :]) or _POST_AFTER.match(text[title.end :]))
        ):
            end = _post_end(text, title.end)
            taken.update(j for j in range(i + 2, len(mentions)) if mentions[j].start < end)
            mention = replace(
                mention,
                end=end,
                state=title.state or mention.state,
                office=mention.office or title.office,
                title_text=mention.title_text or title.title_text,
            )
            taken.add(i + 1)
        elif (
            title is not None
            and mention.kind == "person"
            and mention.state is not None
            and title.kind == "ref"
            and title.how == "title"
            and title.state not in (None, mention.state)
            and _APPOSITION_GAP.match(text[mention.end : title.start])
            and _APPOSITION_END.match(text[title.end :])
        ):
            # "Nigerian Oil Minister Rilwanu Lukman, the OPEC president,": a second post of
            # the same person, no party of its own
            taken.add(i + 1)
        out.append(mention)
    return out


# "talks between U.S. and Ukrainian delegations in Jeddah on Tuesday, led by Rubio and Yermak"
_LED_BY = re.compile(r"[^.;,]{0,60},\s*(?:led|headed)\s+(?:respectively\s+)?by\s+(?:the\s+)?", re.I)
# "A and B", "A, B and presidential chief of staff C": a lower-case post may stand before a name
_LIST_SEPARATOR = re.compile(r"^\s*(?:,|and|,\s*and)\s*(?:[a-z][\w-]*\s+){0,4}$")


def _respective(text: str, mentions: list[Mention]) -> list[Mention]:
    # "The foreign ministers of Peru and Ecuador, Lucia Arbulu and Fernando Andrade, met": the
    # names that follow the roles are theirs, in order.
    for i, first in enumerate(mentions):
        if first.kind != "role":
            continue
        roles = [
            m
            for m in mentions[i:]
            if m.kind == "role" and (m.start, m.end) == (first.start, first.end)
        ]
        if len(roles) < 2:
            continue
        after = i + len(roles)
        led = _LED_BY.match(text, first.end)
        if led is not None:
            # "... delegations in Jeddah on Tuesday, led by A and B": the places between are
            # the talks', the names after "led by" the roles'
            while after < len(mentions) and mentions[after].start < led.end():
                after += 1
        people = mentions[after : after + len(roles)]
        if len(people) < len(roles) or any(p.kind != "person" for p in people):
            continue
        gap = text[first.end : people[0].start]
        if not (_APPOSITION_GAP.match(gap) or (led is not None and led.end() <= people[0].start)):
            continue
        gaps = [text[a.end : b.start] for a, b in zip(people, people[1:], strict=False)]
        if not all(_LIST_SEPARATOR.match(g) for g in gaps):
            continue
        if not _APPOSITION_END.match(text[people[-1].end :]):
            continue
        # a person the KB knows keeps its own reading, if it is of the role's state
        named = [
            replace(p, state=p.state or r.state, office=p.office or r.office)
            for p, r in zip(people, roles, strict=True)
            if p.state in (None, r.state)
            and (p.actor is None or r.state in {t.state for t in p.actor.terms})
        ]
        if len(named) != len(roles):
            continue
        # the first name stands where the roles stood: the list is the subject there
        named[0] = replace(named[0], start=first.start)
        return [*mentions[:i], *named, *mentions[after + len(roles) :]]
    return mentions


# "Makoto Kuroda, Japan's vice minister for international affairs at the Ministry of ...": the
# post's own qualifiers before the apposition ends
_POST_AFTER = re.compile(r"^\s+(?:for|at|of)\s+[\w ,'’-]{0,80}?(?:[,.;:)]|$)")


def _post_end(text: str, end: int) -> int:
    # where a post's qualifier ends ("General Secretary [of the Central Committee],")
    qualifier = _POST_AFTER.match(text[end:])
    if qualifier is None or qualifier.group()[-1:] not in ",.;:)":
        return end
    return end + qualifier.end() - 1


def _unlisted_name_before(text: str, mentions: list[Mention], i: int) -> Mention | None:
    # "President Chirac received Nadim Karam, Lebanon's deputy prime minister, ...": the model
    # tagged no PERSON, the rules know no Karam; the title says a person stands before it.
    title = mentions[i]
    if title.kind != "ref" or title.how != "title":
        return None
    qualified = _POST_AFTER.match(text[title.end :])
    if not (_APPOSITION_END.match(text[title.end :]) or qualified):
        return None
    if title.state is None and not (qualified and text[title.start : title.start + 1].isupper()):
        # "Pavel Orlov, General Secretary of the Central Committee, received": a capitalised
        # post with its body says a person stands before it, with no state word
        return None
    run = _NAME_RUN.search(text, 0, title.start)
    if run is None or run.end() != title.start:
        return None
    words = run.group(1).split()
    if words[0] in _NOT_NAME_WORDS or not words[-1][:1].isupper():
        return None
    if len(words) == 1 and (title.state is None or words[0].lower() in _CALENDAR):
        # "Rivas met Salas, Peru's foreign minister,": a family name alone, before a post
        # with its state ("On Monday, Peru's foreign minister" names no one)
        return None
    previous = mentions[i - 1] if i > 0 else None
    if previous is not None and previous.end > run.start(1):
        return None  # part of the run is a title, a state or a known person
    name = run.group(1)
    while name.split(None, 1)[0].rstrip(".").lower() in COURTESIES and " " in name:
        name = name.split(None, 1)[1]  # "M. Jean Kouassi, the Ivorian foreign minister"
    return Mention(
        "person",
        run.start(1),
        _post_end(text, title.end),
        name,
        state=title.state,
        office=title.office,
        title_text=title.title_text,
    )
