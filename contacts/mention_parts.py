"""The smaller readers of mentions.py: a polity or a title at a token, a post's place ("envoy
for Yemen"), a title only one state uses, and roles of several polities ("the foreign ministers
of Britain, France and Germany")."""

from __future__ import annotations

from contacts.lexicon import Entry, Lexicon, Token, token_key
from contacts.mention_model import Mention
from contacts.titles import INSTITUTION_WORDS, NO_LONGER, THING_WORDS, TITLE_STATES

# Capitalised words that start no name (sentence openers, months, weekdays).
NOT_NAMES = frozenset(
    """the a an and of in on at for to by with from as this that these those he she they it his
    her their its we our after before during while when today yesterday but or if
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


# "Bankova Street", "Hyderabad House": a name ending in a word for a place is an address,
# even when its last word is a family name the knowledge base holds (Tony Street)
PLACE_ENDS = frozenset(
    "street avenue square road boulevard palace airport hotel embassy building lane".split()
)


# Bodies of a state or an organisation, never anyone's family name (unlike "Hall", "Church"
# or "Court"): "the UN Special Commission", "The Government of Sudan ... signed"
BODY_WORDS = frozenset(
    """government ministry council department commission committee parliament senate cabinet
    administration agency embassy office bureau fund assembly congress coalition federation
    republic kingdom alliance organization organisation army navy front movement forces
    party""".split()
)


def polity_at(tokens: list[Token], lexicon: Lexicon, i: int) -> tuple[int, Entry | None]:
    if i >= len(tokens):
        return 0, None
    n, entries = lexicon.match(tokens, i)
    for entry in entries:
        if entry.kind == "polity":
            return n, entry
    return 0, None


def title_at(tokens: list[Token], lexicon: Lexicon, i: int) -> tuple[int, str | None]:
    if i >= len(tokens):
        return 0, None
    n, entries = lexicon.match(tokens, i)
    for entry in entries:
        if entry.kind == "title":
            return n, entry.value
    return 0, None


def post_of(tokens: list[Token], lexicon: Lexicon, j: int, owned: bool) -> tuple[int, Entry | None]:
    """A title's "of" at j: where the post's words end, and the state they name (None when
    they name none). `owned`: a state or determiner stands before the title."""
    k = j + 1 + (tokens[j + 1].key == "the")
    m, entry = polity_at(tokens, lexicon, k)
    if entry and entry.how != "demonym":
        return k + m, entry  # "President of Finland", "Minister of Foreign Affairs of Egypt"
    body_end = institution_end(tokens, k + m) if entry else k + m
    if body_end > k + m:
        # "Secretary of the Russian Security Council Sergei Shoigu": the post of a body the
        # demonym names the state of
        return body_end, entry
    if owned:
        # "Chinese Director of the Office of the Central Foreign Affairs Commission Wang Yi":
        # the body is part of the post
        return institution_end(tokens, j), None
    return j, None


# Military ranks a state's strongman is named by ("Chile's General Pinochet", "Mali's Colonel
# Goita"); read as a title only after a state word and before a name.
_RANKS = (
    ("field", "marshal"), ("lieutenant", "general"), ("major", "general"), ("brigadier", "general"),
    ("general",), ("colonel",), ("captain",), ("marshal",), ("admiral",), ("brigadier",),
)  # fmt: skip


def rank_at(tokens: list[Token], lexicon: Lexicon, j: int) -> int:
    """How many tokens a capitalised military rank takes at j, when a name follows it."""
    for rank in _RANKS:
        n = len(rank)
        words = tokens[j : j + n]
        if [t.key for t in words] != list(rank) or not all(t.cap for t in words):
            continue
        after = tokens[j + n] if j + n < len(tokens) else None
        if after is not None and after.cap and after.key not in INSTITUTION_WORDS:
            return 0 if title_at(tokens, lexicon, j + n)[1] else n
    return 0


def second_post(tokens: list[Token], lexicon: Lexicon, j: int) -> int:
    """Where a second post of the same person starts after the "and" at j ("Deputy Prime
    Minister and Foreign Minister X", "Deputy Foreign Minister and Special Presidential Envoy
    for Africa X"); j when none does. The second post must lead on to a name or a qualifier:
    "the Israeli President and Prime Minister met" are two people."""
    if j + 1 >= len(tokens) or tokens[j].key != "and":
        return j
    k = j + 1
    while k < len(tokens) and k - j <= 3 and tokens[k].cap and not title_at(tokens, lexicon, k)[1]:
        k += 1  # "Special Presidential": words of the post the table does not hold
    n, office = title_at(tokens, lexicon, k)
    after = k + n
    if office and after < len(tokens) and (tokens[after].cap or tokens[after].key in ("for", "of")):
        return k
    return j


def institution_end(tokens: list[Token], j: int) -> int:
    """Where a state body a title is "of" ends, from the "of" at j: "Director [of the Office of
    the Central Foreign Affairs Commission] Wang Yi". j when no body of capitalised institution
    words is there, or no capitalised word (the holder's name) follows it."""
    k = j
    named = False
    while k < len(tokens) and k - j < 14:
        token = tokens[k]
        key = token.key + "'s" if token.poss else token.key
        if key not in INSTITUTION_WORDS and token.key not in INSTITUTION_WORDS:
            break
        if token.cap and token.key not in ("of", "the", "and", "for"):
            named = True
        elif not token.cap and token.key not in ("of", "the", "and", "for"):
            break
        k += 1
    if not named or k >= len(tokens) or not tokens[k].cap or tokens[k - 1].key in ("of", "the"):
        return j
    return k


# Offices named with the place they are posted to or charged with, and the words that bring it.
POSTED = {"Ambassador": ("to",), "Envoy": ("to", "for", "on")}


def post_qualifier(text: str, tokens: list[Token], lexicon: Lexicon, j: int) -> int:
    """How many tokens from j a post's place takes ("to Russia", "for relations with Russia",
    "for the Middle East"), 0 when what follows is no place."""
    k = j + 1
    if k + 1 < len(tokens) and tokens[k].key == "relations" and tokens[k + 1].key == "with":
        k += 2
    the = k < len(tokens) and tokens[k].key == "the"
    k += the
    n, entry = polity_at(tokens, lexicon, k)
    if entry and entry.how == "name":
        return k + n - j
    region = k < len(tokens) and tokens[k].cap and tokens[k].key in THING_WORDS  # "for Africa"
    if the or region:  # "for the Middle East", "for the Great Lakes region", "the Horn of Africa"
        m = k
        while m < len(tokens) and m - k < 5 and not title_at(tokens, lexicon, m)[1]:
            if m > k and text[tokens[m - 1].end : tokens[m].start].strip():
                break  # "for the Horn, Dana X": the comma ends the place
            if tokens[m].cap:
                m += 1  # a region's words may be people's names too ("Horn")
                if tokens[m - 1].key in THING_WORDS:  # "East", "Africa": the region ends here
                    if m + 1 < len(tokens) and tokens[m].key == "and" and tokens[m + 1].cap:
                        m += 1  # "for the Middle East and Africa Mikhail X"
                        continue
                    break
            elif tokens[m].key == "of" and m > k and m + 1 < len(tokens) and tokens[m + 1].cap:
                m += 1
            elif tokens[m].key in ("region", "peninsula", "conflict", "crisis") and m > k:
                m += 1  # "for the Great Lakes region Said Djinnit"
                break
            else:
                break
        if m > k:
            return m - j
    return 0


def title_state(text: str, title_words: list[tuple[int, int]]) -> str | None:
    if not title_words:
        return None
    start, end = title_words[-1]
    return TITLE_STATES.get(token_key(text[start:end]))


# Words between a state and its plural role ("EU farm ministers", "Economic ministers of ASEAN").
ROLE_MODIFIERS = frozenset(
    """cabinet congressional foreign ministry trade finance farm agriculture agricultural defence
    defense economic economy energy oil government senior top military security peace
    high-level central bank interior justice health commerce industry""".split()
)

# "the foreign ministers of ...": the office a plural role noun stands for, by its adjective.
ROLE_OFFICES = {
    ("foreign", "ministers"): "Foreign Minister",
    ("defence", "ministers"): "Defence Minister",
    ("defense", "ministers"): "Defence Minister",
    ("trade", "ministers"): "Trade Minister",
    ("finance", "ministers"): "Finance Minister",
    ("economy", "ministers"): "Economy Minister",
    ("energy", "ministers"): "Energy Minister",
    ("oil", "ministers"): "Oil Minister",
    ("agriculture", "ministers"): "Agriculture Minister",
    ("farm", "ministers"): "Agriculture Minister",
    ("interior", "ministers"): "Interior Minister",
    ("", "leaders"): "Leader",
}


def roles_of_polities(
    text: str, tokens: list[Token], lexicon: Lexicon, i: int, j: int
) -> tuple[list[Mention], int]:
    """ "leaders of Romania's new government", "officials of the Russian Federation", and lists:
    "the leaders of Azerbaijan and Armenia", "the foreign ministers of Britain, France and
    Germany" are one role per state, all spanning the whole phrase (one coordinated group)."""
    adjective = ""
    while tokens[j].key in ROLE_MODIFIERS and j + 3 < len(tokens) and not adjective:
        adjective = tokens[j].key  # "the foreign ministers of", "economic ministers of ASEAN"
        j += 1
    n, entries = lexicon.match(tokens, j)
    if n != 1 or not any(e.kind == "role" for e in entries) or j + 2 >= len(tokens):
        return [], i + 1
    if tokens[j + 1].key != "of":
        return [], i + 1
    noun = tokens[j].key
    found: list[tuple[Entry, str]] = []
    k = last = j + 2
    while k < len(tokens):
        k += tokens[k].key == "the"
        m, entry = polity_at(tokens, lexicon, k)
        if not entry or entry.how == "demonym":
            break
        found.append((entry, text[tokens[k].start : tokens[k + m - 1].end]))
        k += m
        last = k
        if k + 1 < len(tokens) and text[tokens[k - 1].end : tokens[k].start].strip() == ",":
            k += tokens[k].key == "and"
            continue
        if k + 1 < len(tokens) and tokens[k].key == "and":
            k += 1
            continue
        break
    if not found:
        return [], i + 1
    end = tokens[last - 1].end
    office = ROLE_OFFICES.get((adjective, noun)) if len(found) > 1 or adjective else None
    head = text[tokens[j - bool(adjective)].start : tokens[j].end]
    return [
        Mention(
            "role",
            tokens[i].start,
            end,
            f"{head} of {word}",
            state=entry.value.code,
            office=office,
            how=role_how(entry),
        )
        for entry, word in found
    ], last


def role_how(entry: Entry) -> str:
    # The ministers of an organisation are its members' ministers: a gathering of its own.
    return "members" if entry.value.kind == "organisation" else "role"


# References to several people told before: "the two leaders", "both sides", "the three
# ministers", "each of the two Gulf ministers".
GROUP_SIZES = {"three": 3, "four": 4, "five": 5}
EACH_SIZES = {"two": 2, **GROUP_SIZES}
PAIR_HEADS = frozenset(
    """leaders presidents ministers sides heads counterparts men women delegations envoys
    negotiators mediators premiers chancellors monarchs kings""".split()
)


def _pair_head(tokens: list[Token], k: int) -> int | None:
    # the plural head of "the two [delegation | foreign] ministers", up to two lower-case words on
    for n in range(3):
        if k + n >= len(tokens) or (n and tokens[k + n - 1].cap):
            return None
        if tokens[k + n].key in PAIR_HEADS:
            return k + n
    return None


def group_reference(tokens: list[Token], i: int, j: int) -> tuple[list[Mention], int] | None:
    """A reference to people told before that starts at token `i` (`j`: past its determiner),
    with the index after it; None when none starts there."""
    if tokens[i].key in ("the", "both") and j < len(tokens) and tokens[j].key == "two":
        head = _pair_head(tokens, j + 1)  # "the two leaders", "the two delegation leaders"
        if head is not None:
            pair = Mention("ref", tokens[i].start, tokens[head].end, "", how="pair")
            pair.office = tokens[head].key  # "leaders", "sides": who the two are
            return [pair], head + 1
    if tokens[i].key == "the" and j + 1 < len(tokens) and tokens[j].key in GROUP_SIZES:
        # "the three ministers were received together": the last three people named
        if tokens[j + 1].key in PAIR_HEADS:
            size = GROUP_SIZES[tokens[j].key]
            return [
                Mention("ref", tokens[i].start, tokens[j + 1].end, str(size), how="group")
            ], j + 2
    if tokens[i].key == "each" and [t.key for t in tokens[i + 1 : i + 3]] == ["of", "the"]:
        # "met separately with each of the two Gulf ministers": the last people of that kind
        size = EACH_SIZES.get(tokens[i + 3].key, 0) if i + 3 < len(tokens) else 0
        for k in range(i + 4, min(i + 7, len(tokens))):
            if size and tokens[k].key in PAIR_HEADS:
                start, end = tokens[i].start, tokens[k].end
                return [
                    Mention("ref", start, end, str(size), office=tokens[k].key, how="group")
                ], k + 1
    if tokens[i].key == "both" and tokens[j : j + 1] and tokens[j].key in PAIR_HEADS:
        return [Mention("ref", tokens[i].start, tokens[j].end, "", how="pair")], j + 1
    return None


def unlisted_portfolio_end(tokens: list[Token], lexicon: Lexicon, j: int) -> int:
    """Past up to three words of a portfolio the title table lacks, when a title follows:
    "Nigerian [Petroleum Resources] Minister X", "Brazil's [chief coffee] negotiator X". Not
    past "former": "Peru's former prime minister" holds no office. `j` when there is none."""
    if j >= len(tokens) or tokens[j].key in NOT_NAMES:
        return j
    k = j
    while (
        k < len(tokens)
        and k - j < 3
        and tokens[k].key not in NOT_NAMES
        and tokens[k].key not in NO_LONGER
        and (tokens[k].cap or not tokens[j].cap)
        and not lexicon.match(tokens, k)[0]
        and not title_at(tokens, lexicon, k)[1]
    ):
        k += 1
    if k > j and k < len(tokens) and title_at(tokens, lexicon, k)[1]:
        return k
    return j


def portfolios_end(tokens: list[Token], lexicon: Lexicon, j: int) -> int:
    """Where the title after portfolios joined before it starts ("Trade and Industry
    Minister", "Foreign and Commonwealth Secretary"), j when there is none."""
    k = j
    while k + 2 < len(tokens) and k - j < 4 and tokens[k].cap and not lexicon.match(tokens, k)[0]:
        if tokens[k + 1].key in ("and", "&") and tokens[k + 2].cap:
            if title_at(tokens, lexicon, k + 2)[1]:
                return k + 2
            if k + 3 < len(tokens) and title_at(tokens, lexicon, k + 3)[1]:
                return k + 3 if not lexicon.match(tokens, k + 2)[0] else j
        k += 1
    return j


def continues_name(tokens: list[Token], lexicon: Lexicon, k: int) -> bool:
    """Does the name go on at k with another family name?"""
    if k >= len(tokens) or not tokens[k].cap or tokens[k].key in NOT_NAMES:
        return False
    n, entries = lexicon.match(tokens, k)
    # Another family name goes on a name ("Marcos Tavares Lins", "Ernesto Villasenor Ruiz"),
    # a title or a state does not.
    return not n or all(e.kind == "surname" for e in entries)
