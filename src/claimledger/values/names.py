"""Names of people, organisations and groups: split titles off, normalize, link, resolve aliases.

``split_role("Defense Secretary Jim Mattis")`` gives role ``Defense Secretary`` and name ``Jim Mattis``;
``name_key`` compares names ("Dana W. White" == "Dana White", "Mattis's" == "Mattis");
``link_people`` maps every person mention of a document to its fullest mention;
``alias`` resolves "ISIL" to "Islamic State" and "U.S." to "United States" from package data;
``role_key`` compares roles ("Defense Secretary" == "the defense secretary").
Vocabulary (titles, role modifiers, honorifics, aliases, demonyms) lives in ``claimledger/data``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources


def _data_lines(name: str) -> list[str]:
    """Non-comment, non-blank lines of a package data file."""
    text = resources.files("claimledger").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def role_words() -> frozenset[str]:
    """Head words of titles and roles ("secretary", "spokesperson", "gen")."""
    return frozenset(line.strip().lower() for line in _data_lines("roles.txt"))


@functools.cache
def role_modifiers() -> frozenset[str]:
    """Lowercase words that may stand inside a role before its head ("former", "defense")."""
    return frozenset(line.strip().lower() for line in _data_lines("role_modifiers.txt"))


@functools.cache
def honorifics() -> frozenset[str]:
    """Courtesy titles dropped from names ("Mr.", "Ms.")."""
    return frozenset(line.strip().lower() for line in _data_lines("honorifics.txt"))


SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})
CONNECTORS = frozenset({"of", "for", "the", "and", "on", "to"})
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$", re.IGNORECASE)
_PUNCT = re.compile(r"[^\w\s'-]+")
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|an|ar|at|az)-(?=\w{3})")


def _bare(token: str) -> str:
    """A token lowercased, without surrounding punctuation or a final dot ("Gen." -> "gen")."""
    return token.strip(".,;:()\"“”").lower()


def is_role_word(token: str) -> bool:
    """True for a title or role head word, tolerant of a final dot and hyphenated prefixes."""
    bare = _bare(token)
    if bare in role_words():
        return True
    parts = bare.split("-")
    return len(parts) > 1 and parts[-1] in role_words() and all(
        p in role_modifiers() or p in role_words() or p == "then" for p in parts[:-1]
    )


@functools.cache
def title_short_forms() -> dict[str, str]:
    """Short form of a title -> the title written out ("adm" -> "admiral")."""
    return dict(line.strip().split("\t") for line in _data_lines("title_short_forms.tsv"))


def is_short_title(word: str) -> bool:
    """A title's short form with its full stop: "Sgt.", "Lt.", "Sens." (plural)."""
    if not word.endswith(".") or len(word) < 3:
        return False
    bare = word[:-1].lower()
    return bare in title_short_forms() or (bare.endswith("s") and bare[:-1] in title_short_forms())


def title_words(role: str) -> frozenset[str]:
    """The title and role head words of a role, short forms written out ("Col., task force
    spokesperson" -> colonel, spokesperson): what two roles must share to be the same title."""
    words = (_bare(w) for w in re.split(r"[\s,;/]+", role) if w)
    return frozenset(title_short_forms().get(w, w) for w in words if w in role_words())


@functools.cache
def _given_names() -> dict[str, str]:
    return {name: gender for name, _, gender in (line.partition("\t") for line in _data_lines("given_names.tsv"))}


def given_name_gender(name: str) -> str | None:
    """"f" or "m" when the person's first given name is one used overwhelmingly for one gender
    ("Hillary Clinton" -> "f", "Kofi Annan" -> "m"); None for a surname alone, an initial, or a
    name given to both ("Jordan Lee")."""
    words = [w.strip(".,") for w in split_role(name).name.split()]
    if len(words) < 2:
        return None
    return _given_names().get(fold(words[0]).lower())


def is_honorific(token: str) -> bool:
    return _bare(token) in honorifics()


def _is_capitalised(token: str) -> bool:
    first = next((c for c in token if c.isalpha()), "")
    return bool(first) and first.isupper()


def _roleish(token: str) -> bool:
    """May this token stand inside a role phrase (title word, modifier, capitalised qualifier)?"""
    bare = _bare(token)
    if not bare:
        return False
    if is_role_word(token) or bare in role_modifiers():
        return True
    if "-" in bare and all(p in role_modifiers() or p in role_words() for p in bare.split("-")):
        return True
    return _is_capitalised(token)


@dataclass(frozen=True, slots=True)
class NameParts:
    """A person mention split into its role/title, a courtesy title and the name itself."""

    name: str
    role: str | None = None
    honorific: str | None = None


def split_role(mention: str) -> NameParts:
    """Split "Pentagon spokesperson Dana W. White" into role "Pentagon spokesperson" and the name.

    The role is the longest run of title-like words before the name that ends on a title head
    word ("Secretary", "spokesperson", "Gen."); "Secretary of State Rex Tillerson" keeps the
    complement "of State" in the role and leaves at least two capitalised words for the name
    when there are three or more. A trailing possessive is removed from the name.
    """
    tokens = mention.split()
    role_end = 0  # tokens[:role_end] are the role
    for i, token in enumerate(tokens[:-1]):
        if _bare(token) in CONNECTORS and i > 0:
            continue
        if not _roleish(token):
            break
        if is_role_word(token):
            role_end = i + 1
    # "<head> of <Complement> <Name>": the complement is capitalised words before the name
    if 0 < role_end < len(tokens) and _bare(tokens[role_end]) in ("of", "for"):
        run = 0
        for token in tokens[role_end + 1:]:
            if not _is_capitalised(token) or is_honorific(token):
                break
            run += 1
        take = max(1, run - 2) if run >= 2 else 0
        if take and role_end + 1 + take < len(tokens):
            role_end = role_end + 1 + take
    rest = tokens[role_end:]
    honorific = None
    while rest and is_honorific(rest[0]) and len(rest) > 1:
        honorific = rest[0]
        rest = rest[1:]
    # a name must start with a capital; otherwise the split was wrong: keep the mention whole
    if not rest or not _is_capitalised(rest[0]):
        return NameParts(name=strip_possessive(mention.strip()))
    role_tokens = tokens[:role_end]
    while role_tokens and _bare(role_tokens[0]) in CONNECTORS:
        role_tokens = role_tokens[1:]
    role = " ".join(role_tokens).strip(" ,") or None
    return NameParts(name=strip_possessive(" ".join(rest)), role=role, honorific=honorific)


def strip_possessive(text: str) -> str:
    """Remove a final possessive: "Mattis's" -> "Mattis", "the Marines'" -> "the Marines"."""
    return _POSSESSIVE.sub("", text).rstrip()


def fold(text: str) -> str:
    """Casefolded text without accents (kept for non-Latin scripts, which have none to drop)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_key(name: str) -> str:
    """Comparison key of a name: no case, accents, possessive, leading "the", middle initials,
    courtesy titles or suffixes. "Dana W. White" and "dana white" share "dana white"."""
    text = strip_possessive(name.strip())
    words = [w for w in _PUNCT.sub(" ", text.replace(".", ". ")).split() if w]
    out: list[str] = []
    for i, word in enumerate(words):
        bare = fold(word).strip("'-")
        if not bare:
            continue
        if i == 0 and bare == "the":
            continue
        if bare in honorifics() or bare in SUFFIXES:
            continue
        # an Arabic article joined to a surname is dropped: "al-Baghdadi" == "Baghdadi"
        article = _ARABIC_ARTICLE.match(bare)
        if article and i > 0:
            bare = bare[article.end():]
        # a middle initial ("W." or "W") between other words is dropped
        if len(bare) == 1 and bare.isalpha() and 0 < i < len(words) - 1:
            continue
        out.append(bare)
    return " ".join(out)


def surname_key(name: str) -> str:
    """Comparison key of a name's last word ("Col. Dana Whitfield's" -> "whitfield"; an Arabic
    article is dropped, so "al-Baghdadi" alone matches "Abu Bakr al-Baghdadi"); "" for no word."""
    words = name_key(name).split()
    if not words:
        return ""
    last = words[-1]
    article = _ARABIC_ARTICLE.match(last)
    return last[article.end():] if article else last


def alias_key(text: str) -> str:
    """Key for alias lookup: no case, accents, dots, possessive or leading "the"."""
    text = strip_possessive(text.strip())
    text = fold(text).replace(".", "")
    text = re.sub(r"[\s\u2013\u2014-]+", " ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def clean_role(role: str) -> str:
    """A role as shown: spaces collapsed, no leading article or edge punctuation
    ("the port director," -> "port director")."""
    text = " ".join(role.split()).strip(" ,;:-\u2013\u2014")
    return _ARTICLE.sub("", text)


def role_key(role: str) -> str:
    """Comparison key of a role: "Defense Secretary", "the defense secretary" and "Defense
    Secretary," share one key ("Colonel, spokesperson" is "colonel spokesperson"); "former
    defense secretary" is another role."""
    return " ".join(alias_key(clean_role(role)).replace(",", " ").replace(";", " ").split())


@dataclass(frozen=True, slots=True)
class Alias:
    """A known entity: its canonical name and label (ORG, GPE, LOC, NORP)."""

    canonical: str
    label: str


@functools.cache
def _alias_table() -> dict[str, Alias]:
    table: dict[str, Alias] = {}
    for written, entry in alias_forms():
        key = alias_key(written)
        if key:
            table.setdefault(key, entry)
    return table


@functools.cache
def alias_forms() -> tuple[tuple[str, Alias], ...]:
    """Every name of the alias table as written ("U.S.", "Islamic State"), with its entity."""
    out: list[tuple[str, Alias]] = []
    for line in _data_lines("aliases.tsv"):
        label, canonical, *rest = line.split("\t")
        entry = Alias(canonical=canonical.strip(), label=label.strip())
        for written in [canonical, *(rest[0].split("|") if rest and rest[0].strip() else [])]:
            if written.strip():
                out.append((written.strip(), entry))
    return tuple(out)


def alias(text: str) -> Alias | None:
    """The known entity this mention names ("ISIL" -> Islamic State), or None.

    An all-lowercase mention never matches an acronym alias ("us" is a pronoun, "US" a country).
    """
    key = alias_key(text)
    entry = _alias_table().get(key)
    if entry is None:
        return None
    if text.islower() and len(key) <= 4:
        return None
    return entry


@functools.cache
def demonyms() -> dict[str, str]:
    """Demonym key ("syrian", "syrians") -> ISO 3166 alpha-2 country code."""
    table: dict[str, str] = {}
    for line in _data_lines("demonyms.tsv"):
        word, code = line.split("\t")
        key = alias_key(word)
        table[key] = code.strip()
        if not key.endswith("s") and not key.endswith("ese") and not key.endswith("sh"):
            table[key + "s"] = code.strip()
    return table


def demonym_country(text: str) -> str | None:
    """Country code of a demonym ("Syrian", "Iraqis") or None."""
    return demonyms().get(alias_key(text))


def _tokens(name: str) -> list[str]:
    return name_key(name).split()


def link_people(names: Sequence[str]) -> list[int]:
    """For each person name of one document, the index of the fullest name it refers to.

    A name refers to a fuller one when its words are a subset of the fuller one's words and
    they share the surname, or when it is a single word equal to the fuller name's first or last
    word. When two different fuller names would fit (two Whites), the name stays on its own:
    skipping is better than a wrong link.
    """
    keys = [_tokens(n) for n in names]
    result = list(range(len(names)))
    # the distinct fullest names, longest first, earliest first among equals
    order = sorted(range(len(names)), key=lambda i: (-len(keys[i]), i))
    heads: list[int] = []
    for i in order:
        if not keys[i]:
            continue
        matches = [h for h in heads if _refers_to(keys[i], keys[h])]
        distinct = {tuple(keys[h]) for h in matches}
        if not matches:
            heads.append(i)
        elif len(distinct) == 1:
            result[i] = result[matches[0]]
        # ambiguous: leave the name on its own (not a head, so nothing links to it)
    return result


def _refers_to(short: list[str], full: list[str]) -> bool:
    if short == full:
        return True
    if len(short) >= len(full):
        return False
    if len(short) == 1:
        return short[0] in (full[0], full[-1])
    return short[-1] == full[-1] and set(short) <= set(full)
