"""Actor mentions in one sentence: named people, titled people, unnamed roles, places, references.

Grammar of a mention, left to right (every part optional, at least a name, a title or a role):

    [the] [Polity / Demonym / Polity's (and Demonym)*] [Title+ [of Polity]] [Name] [of Polity]
          [, Title of Polity]

"Iranian President Ebrahim Raisi", "Prime Minister Justin Trudeau of Canada", "President of
Finland Sauli Niinistö", "Qatari envoy Mohammed Al-Khulaifi", "US officials", "the Russian and
Ukrainian delegations". Without a name, "the Turkish foreign minister", "the Russian leader",
"the President", "his Turkish counterpart", "he", "the two presidents" are references that the
detector resolves against earlier mentions.
"""

from __future__ import annotations

import re

from contacts.lexicon import Entry, Lexicon, SentenceMemo, Token
from contacts.mention_model import Mention, MentionKind
from contacts.mention_parts import (
    NOT_NAMES,
    POSTED,
    ROLE_MODIFIERS,
    ROLE_OFFICES,
    continues_name,
    group_reference,
    institution_end,
    polity_at,
    portfolios_end,
    post_of,
    post_qualifier,
    rank_at,
    role_how,
    roles_of_polities,
    second_post,
    title_at,
    title_state,
    unlisted_portfolio_end,
)
from contacts.titles import PORTFOLIOS

__all__ = ["Mention", "MentionKind", "find_mentions"]

# The Arabic article joined to a name ("Saleh al-Sabri", "Nabil el-Araby"), which the
# tokenizer drops.
_ARTICLE_PREFIX = re.compile(r"(?:al|el|ad|ed|ar|as|ash|at|az|an)-", re.I)
_NAME_PARTICLES = frozenset("de da del der di du van von bin ibn bint la le dos das ben".split())
_PRONOUNS = {"he": "he", "she": "she", "him": "he"}
OPENERS = frozenset({"he", "she", "him", "the", "his", "her", "their", "both", "each"})
# Words that may stand between a state and a title ("Lebanon's new president", "South Korea's
# newly elected President Lee"); "former" is not among them: a former president holds no office.
_TITLE_ADJECTIVES = frozenset(
    """new newly elected newly-elected incoming visiting arrived appointed interim acting
    outgoing caretaker ailing embattled beleaguered veteran longtime long-serving powerful
    reclusive exiled aging ageing elderly hardline hard-line moderate reformist""".split()
)
_RANK_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:ive|ary|ior|al)")
# Heads of a state body named "of" it, capitalised as a post: "Director of the Office of ...".
_BODY_HEADS = frozenset({"director", "head", "chief"})

_LIST_GOES_ON = re.compile(r"\s+(?:and|&)\s+[A-Z]")
# "Minister of Agriculture, Food and Fisheries Mwansa Chibuye": one word after "and", the name
_PORTFOLIO_LIST_BARE = re.compile(
    r"(?:[A-Z][\w-]*,\s+)*[A-Z][\w-]*\s+(?:and|&)\s+[A-Z][\w-]*\s+(?=[A-Z][\w-]*\s+[A-Z])"
)
# A title's portfolios after a comma, up to the comma before the name: "Trade and Industry, ".
_PORTFOLIO_LIST = re.compile(
    r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?,\s+)*[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:and|&)\s+"
    r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?=,\s*[A-Z])(?:,\s*)"
)


# Courtesies and military ranks before a name ("M. Kengo", "Mme Cresson", "Gen. Valery
# Gerasimov", "Major General Mohammad Bagheri"): no part of it
COURTESIES = frozenset(
    """mr mrs ms m mme messrs dr gen general maj major lt lieutenant col colonel brig
    brigadier adm admiral marshal""".split()
)


def find_mentions(text: str, tokens: list[Token], lexicon: Lexicon) -> list[Mention]:
    lexicon = SentenceMemo(lexicon)  # type: ignore[assignment]
    found: list[Mention] = []
    lower_starts = lexicon.lower_starts
    i = 0
    while i < len(tokens):
        token = tokens[i]
        # Most words start nothing: in lower case only titles, roles and the openers do.
        if not (token.cap or token.upper or token.key in lower_starts or token.key in OPENERS):
            i += 1
            continue
        mentions, next_i = _parse(text, tokens, lexicon, i)
        if mentions:
            found.extend(mentions)
            i = next_i
        elif (
            token.cap
            and _RANK_ADJECTIVE.fullmatch(token.text)
            and title_at(tokens, lexicon, i + 1)[1]
        ):
            # "Administrative Vice Foreign Minister X", "Senior Minister Y": the grade is
            # part of the title the mention starts with
            mentions, next_i = _parse(text, tokens, lexicon, i + 1)
            head = mentions[0] if mentions else None
            if head and head.kind == "person" and head.title_text:
                if head.start == tokens[i + 1].start:
                    head.start = token.start
            found.extend(mentions)
            i = next_i if mentions else i + 1
        else:
            i += 1
    return found


def _parse(text: str, tokens: list[Token], lexicon: Lexicon, i: int) -> tuple[list[Mention], int]:
    first = tokens[i]
    key = first.key
    if key in _PRONOUNS and not first.cap or first.text in ("He", "She"):
        return [Mention("ref", first.start, first.end, first.text, how=_PRONOUNS[key])], i + 1
    j = i
    determiner = (
        key in ("the", "his", "her", "their", "both")
        and not title_at(tokens, lexicon, i)[1]
        # "visited The Hague", "the Netherlands": the article is part of the polity's name
        and not (key == "the" and polity_at(tokens, lexicon, i)[0] > 1)
    )
    if determiner:
        j += 1
    group = group_reference(tokens, i, j)
    if group is not None:
        return group
    # State modifiers: "Iranian", "U.S. and Russian", "Taiwan's".
    states: list[Entry] = []
    state_words: list[str] = []
    state_end = j
    while True:
        n, entry = polity_at(tokens, lexicon, j)
        if not entry or entry.how == "capital":
            break
        states.append(entry)
        state_words.append(text[tokens[j].start : tokens[j + n - 1].end])
        j += n
        state_end = j
        if tokens[j - 1].poss:
            break
        if j + 1 < len(tokens) and tokens[j].key == "and" and polity_at(tokens, lexicon, j + 1)[1]:
            j += 1
            continue
        if (
            j < len(tokens)
            and entry.how == "demonym"
            and text[tokens[j - 1].end : tokens[j].start].strip() == ","
            and (following := polity_at(tokens, lexicon, j)[1]) is not None
            and following.how == "demonym"
        ):
            continue  # "his Estonian, Latvian and Lithuanian counterparts"
        break
    # "in support of OPEC, Oil Minister X", "from Cyprus, Rice went": a comma after a bare
    # state name ends the phrase; what follows is someone else's
    apart = (
        len(states) == 1
        and states[0].how == "name"
        and not determiner
        and j < len(tokens)
        and text[tokens[j - 1].end : tokens[j].start].strip() == ","
    )
    if apart:
        code = states[0].value.code
        words = text[first.start : tokens[j - 1].end]
        return [Mention("polity", first.start, tokens[j - 1].end, words, state=code, how="name")], j
    # Titles, with unknown capitalised words allowed inside ("National Assembly president").
    titles: list[str] = []
    title_words: list[tuple[int, int]] = []
    while j < len(tokens):
        if not titles and tokens[j].key in _TITLE_ADJECTIVES and (states or determiner):
            k = j
            while k < len(tokens) and tokens[k].key in _TITLE_ADJECTIVES:
                k += 1
            if title_at(tokens, lexicon, k)[1]:
                j = k
        n, office = title_at(tokens, lexicon, j)
        if office:
            titles.append(office)
            title_words.append((tokens[j].start, tokens[j + n - 1].end))
            j += n
            while (
                j + 1 < len(tokens)
                and tokens[j].key in ("and", "&")
                and tokens[j + 1].cap
                and tokens[j + 1].key in PORTFOLIOS
            ):
                j += 2  # "Minister of Energy and Mines X": one post
            if j < len(tokens) and tokens[j].key in ("designate", "elect"):
                if text[tokens[j - 1].end : tokens[j].start] == "-":
                    j += 1  # "Secretary of State-designate Marco Rubio"
            # "President of Finland", "Secretary of the Russian Security Council X"
            if j + 1 < len(tokens) and tokens[j].key == "of":
                j, entry = post_of(tokens, lexicon, j, bool(states or determiner))
                if entry is not None:
                    states.append(entry)
            elif j + 1 < len(tokens) and office in POSTED and tokens[j].key in POSTED[office]:
                # "Yemeni Ambassador to Russia Saleh X", "the UN envoy for Yemen, X", "Georgia's
                # special representative for relations with Russia, X": the place the post is
                # for, not the holder's state
                j += post_qualifier(text, tokens, lexicon, j)
            if states and not determiner:
                j = second_post(tokens, lexicon, j)  # "Deputy Premier and Foreign Minister X"
            continue
        if (
            (states or determiner)
            and not titles
            and tokens[j].cap
            and tokens[j].key in _BODY_HEADS
            and j + 1 < len(tokens)
            and tokens[j + 1].key == "of"
            and institution_end(tokens, j + 1) > j + 1
        ):
            # "Chinese Director of the Office of the Central Foreign Affairs Commission Wang
            # Yi": the head of a state body, a post of that state
            titles.append(tokens[j].text.capitalize())
            title_words.append((tokens[j].start, tokens[j].end))
            j = institution_end(tokens, j + 1)
            continue
        if states and not titles and (n := rank_at(tokens, lexicon, j)):
            titles.append(" ".join(t.text.capitalize() for t in tokens[j : j + n]))
            title_words.append((tokens[j].start, tokens[j + n - 1].end))
            j += (
                n  # "Chile's General Augusto Pinochet", "Malian Colonel X": the rank, then the name
            )
            continue
        k = unlisted_portfolio_end(tokens, lexicon, j) if states and not titles else j
        if k > j:
            j = k  # "Nigerian Petroleum Resources Minister X", "Brazil's chief coffee negotiator"
            continue
        if states and not titles and tokens[j].cap and tokens[j].key not in NOT_NAMES:
            k = portfolios_end(tokens, lexicon, j)
            if k > j:
                j = k  # "Thai Trade and Industry Minister X", "Energy and Mines Minister"
                continue
        break
    # The name: a known actor, else a capitalised run after a title.
    actor = None
    name_start = name_end = None
    given_alias = -1  # a token whose lone-alias reading was set aside
    if j < len(tokens):
        n, entries = lexicon.match(tokens, j)
        person = next((e for e in entries if e.kind in ("actor", "surname")), None)
        if person and person.kind == "surname" and continues_name(tokens, lexicon, j + n):
            person, entries = None, []  # "Lucas Marrero": a given name, not Ms Lucas
        elif (
            person
            and n == 1
            and continues_name(tokens, lexicon, j + n)
            and tokens[j + n].key not in lexicon.name_tokens.get(person.value.kb_id, frozenset())
        ):
            person, entries = None, []  # "Philippe Douste-Blazy" is not King Philippe
            given_alias = j
        elif (
            person
            and j + n < len(tokens)
            and text[tokens[j + n - 1].end : tokens[j + n].start] == "-"
        ):
            person, entries = None, []  # "Park Jin-woo" is not Park Jin
        if person and not any(e.kind in ("polity", "title") for e in entries[:1]):
            actor = person.value
            name_start = j
            j += n
            own = lexicon.name_tokens.get(actor.kb_id, frozenset())
            while (
                j < len(tokens)
                and tokens[j].key in own
                and (tokens[j].cap or tokens[j].key in _NAME_PARTICLES)
            ):
                j += 1
            name_end = j
        elif (
            titles
            and tokens[j].cap
            and text[tokens[j - 1].end : tokens[j].start].strip() == ","
            and (
                (portfolio := _PORTFOLIO_LIST.match(text, tokens[j].start)) is not None
                or (portfolio := _PORTFOLIO_LIST_BARE.match(text, tokens[j].start)) is not None
            )
        ):
            # "Japan's Minister of Economy, Trade and Industry, Yasuhiro Kondo": the title's
            # own list of portfolios, then the name
            k = j
            while k < len(tokens) and tokens[k].start < portfolio.end():
                k += 1
            j = k
            n, entries = lexicon.match(tokens, j) if j < len(tokens) else (0, [])
            person = next((e for e in entries if e.kind in ("actor", "surname")), None)
            if person is not None:
                actor, name_start = person.value, j
                j += n
                name_end = j
            else:
                k = j
                while (
                    k < len(tokens)
                    and k - j < 4
                    and tokens[k].cap
                    and (k == j or not text[tokens[k - 1].end : tokens[k].start].strip())
                ):
                    k += 1
                if k > j:
                    name_start, name_end = j, k
                    j = k
        elif (
            titles
            and tokens[j].cap
            and tokens[j].key not in NOT_NAMES
            and not entries
            and not tokens[j - 1].poss  # "the Prime Minister's Office": his, not his name
            # "Brazil's Minister of Development, Industry and Foreign Trade, on Sunday": a word
            # the title's own list goes on from is no name
            and not (
                text[tokens[j - 1].end : tokens[j].start].strip() == ","
                and _LIST_GOES_ON.match(text, tokens[j].end)
            )
        ):
            k = j
            while k < len(tokens) and k - j < 5:
                token = tokens[k]
                gap = text[tokens[k - 1].end : token.start].strip()
                if k > j and gap not in ("", ".", "-") and not _ARTICLE_PREFIX.fullmatch(gap):
                    break  # "President Corazon Aquino, Shultz ...": a comma ends the name
                n_k, entries_k = lexicon.match(tokens, k)
                person_k = next((e for e in entries_k if e.kind in ("actor", "surname")), None)
                joined = k + n_k < len(tokens) and (
                    text[tokens[k + n_k - 1].end : tokens[k + n_k].start] == "-"
                )
                if person_k and k > j and entries_k[0] is person_k and not joined:
                    # "President Joseph R. Biden": a known surname closes the name, if the
                    # words before it are that person's ("Luis Ortega" is not Daniel Ortega)
                    own = lexicon.name_tokens.get(person_k.value.kb_id, frozenset())
                    given = [t.key for t in tokens[j:k]]
                    if all(g in own or len(g) == 1 for g in given):
                        actor = person_k.value
                        k += n_k
                        break
                    # someone else's given names: the name takes the surname and may run on
                    # ("President Ellen Johnson Sirleaf" is no Johnson of the KB)
                    k += n_k
                    continue
                # "Johnson-Sirleaf": a known name joined by a hyphen is part of another
                plain = (
                    not n_k
                    or all(e.kind == "surname" for e in entries_k)
                    or k == given_alias
                    or (joined and k > j)
                )
                if k > j and tokens[k - 1].poss:
                    break  # "Vice President Harris's Call": a possessive ends the name
                if token.cap and token.key not in NOT_NAMES and plain:
                    k += 1
                elif token.key in _NAME_PARTICLES and k + 1 < len(tokens) and tokens[k + 1].cap:
                    k += 1
                else:
                    break
            if k > j:
                name_start, name_end = j, k
                j = k
    named = name_start is not None
    # "... of Canada", ", Prime Minister of Canada"
    if named and j + 1 < len(tokens) and tokens[j].key == "of":
        k = j + 1 + (tokens[j + 1].key == "the")
        m, entry = polity_at(tokens, lexicon, k)
        if entry and entry.how != "demonym":
            states.append(entry)
            j = k + m
    elif named and j + 3 < len(tokens) and text[tokens[j - 1].end : tokens[j].start].strip() == ",":
        t = j + (tokens[j].key == "the")
        n, office = title_at(tokens, lexicon, t)
        n += t - j
        if office and j + n + 1 < len(tokens) and tokens[j + n].key == "of":
            k = j + n + 1 + (tokens[j + n + 1].key == "the")
            m, entry = polity_at(tokens, lexicon, k)
            if entry:
                titles.append(office)
                states.append(entry)
                j = k + m
    if name_start is not None and name_end is not None:
        while name_end - name_start > 1 and tokens[name_start].key in COURTESIES:
            name_start += 1  # "the Zairean Prime Minister, M. Kengo wa Dondo": no part of the name
        start = tokens[i + determiner].start
        if tokens[i].key in ("his", "her") and titles:
            start = tokens[i].start  # "His Majesty King Abdullah II"
        name = text[tokens[name_start].start : tokens[name_end - 1].end]
        if tokens[name_end - 1].poss:
            name = re.sub(r"['’]s?$", "", name)  # "Soviet leader Mikhail Gorbachev's offer"
        state = states[-1].value.code if states else title_state(text, title_words)
        office = titles[-1] if titles else None
        # every post as written ("Deputy Foreign Minister and Special Envoy"): "the deputy
        # minister" later is this person too
        title_text = text[title_words[0][0] : title_words[-1][1]] if title_words else ""
        end = tokens[j - 1].end
        if text[end : end + 1] == "." and (
            tokens[j - 1].key in ("jr", "sr") or len(tokens[j - 1].text) == 1
        ):
            end += 1  # "Joseph R. Biden, Jr." keeps its period
        return [Mention("person", start, end, name, actor, state, office, "", title_text)], j
    # No name: a role ("US officials"), a reference ("the Russian leader") or a bare place.
    if states and j < len(tokens) and not titles:
        k = j
        while k < len(tokens) and k - j < 5:
            # "Indonesian cabinet ministers", "EU foreign ministers", "finance and farm ministers"
            if tokens[k].key in ROLE_MODIFIERS:
                k += 1
            elif (
                k > j
                and tokens[k].key == "and"
                and k + 1 < len(tokens)
                and tokens[k + 1].key in ROLE_MODIFIERS
            ):
                k += 1
            else:
                break
        n, entries = lexicon.match(tokens, k) if k < len(tokens) else (0, [])
        if k > j and not any(e.kind == "role" for e in entries):
            k, (n, entries) = j, lexicon.match(tokens, j)
        if any(e.kind == "role" for e in entries):
            end = tokens[k + n - 1].end
            noun = text[tokens[j].start : end]
            # "the Russian and Ukrainian foreign ministers": each state's foreign minister
            adjective = tokens[k - 1].key if k > j else ""
            office = ROLE_OFFICES.get((adjective, tokens[k + n - 1].key)) if adjective else None
            j = k
            labels: dict[str, tuple[str, str]] = {}
            for entry, word in zip(states, state_words, strict=False):
                labels.setdefault(entry.value.code, (f"{word} {noun}", role_how(entry)))
            if len(labels) < 2 or any(how == "members" for _, how in labels.values()):
                office = None
            return [
                Mention("role", tokens[i].start, end, label, state=code, office=office, how=how)
                for code, (label, how) in labels.items()
            ], j + n
    if titles:
        if not states and j + 1 < len(tokens) and tokens[j].key in ("from", "of"):
            # "her counterpart from Burkina Faso"
            k = j + 1 + (tokens[j + 1].key == "the")
            m, entry = polity_at(tokens, lexicon, k)
            if entry and entry.how == "name":
                states.append(entry)
                j = k + m
        start = tokens[i].start
        end = tokens[j - 1].end
        state = states[-1].value.code if states else title_state(text, title_words)
        how = "counterpart" if titles[-1] == "Counterpart" else "title"
        if key in ("his", "her", "their") and how != "counterpart":
            return [], i + 1
        if not determiner and not states and not tokens[i].cap:
            return [], i + 1
        label = text[(tokens[i + determiner].start) : end]
        return [Mention("ref", start, end, label, None, state, titles[-1], how)], j
    if not states and j + 2 < len(tokens):
        roles, after = roles_of_polities(text, tokens, lexicon, i, j)
        if roles:
            return roles, after
    if len(states) > 1 and not determiner and j == state_end:
        # "Israel and Lebanon renewed negotiations"
        if all(e.how == "name" for e in states):
            return [
                Mention(
                    "polity", first.start, tokens[j - 1].end, word, state=e.value.code, how="name"
                )
                for e, word in zip(states, state_words, strict=False)
            ], j
    if states and not determiner and len(states) == 1 and j == state_end:
        entry = states[0]
        if entry.how in ("name",) or (entry.how == "capital"):
            return [
                Mention(
                    "polity",
                    first.start,
                    tokens[j - 1].end,
                    text[first.start : tokens[j - 1].end],
                    state=entry.value.code,
                    how=entry.how,
                )
            ], j
    n, entry = polity_at(tokens, lexicon, i)
    if entry and entry.how == "capital":
        return [
            Mention(
                "polity",
                first.start,
                tokens[i + n - 1].end,
                text[first.start : tokens[i + n - 1].end],
                state=entry.value.code,
                how="capital",
            )
        ], i + n
    return [], i + 1
