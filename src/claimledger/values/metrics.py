"""Metric keys: one normalized name for "what a number measures" across sources.

``metric_key("U.S. service members", "count", "Syria")``, ``metric_key("troops", "count",
"Syria")`` and ``metric_key("American forces", "count", "Syria")`` name the same thing once the
corpus is read as a whole (``link.metrics`` folds the unqualified key into the qualified one when
the block holds only one nationality). A key reads ``what|unit class|place``, for example
``us troops|count|syria``; ``*`` stands for "no place stated". The rules are small, explicit
tables (no model), so a key is cheap, stable and explainable.
"""

from __future__ import annotations

import functools
import re

# Synonyms of what is counted -> one head word. Multi-word phrases are matched first.
HEAD_SYNONYMS: dict[str, str] = {
    "service member": "troops",
    "service men": "troops",
    "serviceman": "troops",
    "servicemember": "troops",
    "military personnel": "troops",
    "boots on the ground": "troops",
    "troop": "troops",
    "force": "troops",
    "soldier": "troops",
    "personnel": "troops",
    "military": "troops",
    "fighter": "fighters",
    "militant": "fighters",
    "insurgent": "fighters",
    "combatant": "fighters",
    "jihadist": "fighters",
    "air strike": "airstrikes",
    "airstrike": "airstrikes",
    "strike": "airstrikes",
    "sortie": "airstrikes",
    "internally displaced person": "displaced people",
    "displaced person": "displaced people",
    "displaced people": "displaced people",
    "displaced": "displaced people",
    "idp": "displaced people",
    "refugee": "refugees",
    "death": "deaths",
    "fatality": "deaths",
    "people killed": "deaths",
    "killed": "deaths",
    "dead": "deaths",
    "civilian death": "civilian deaths",
    "civilian casualty": "civilian casualties",
    "casualty": "casualties",
    "member nation": "members",
    "member state": "members",
    "member country": "members",
    "member": "members",
    "partner nation": "members",
    "partner": "members",
    "entity": "members",
    "dollar": "funding",
    "fund": "funding",
    "square mile": "territory",
    "square kilometer": "territory",
    "square kilometre": "territory",
}

# Unit words that name how something is measured, not what: dropped from the key.
UNIT_WORDS = {
    "ton", "tonne", "kilogram", "kg", "pound", "lb", "mile", "kilometer", "kilometre", "km",
    "meter", "metre", "percent", "per", "cent", "square", "sq", "acre", "hectare", "strong",
}

# What a bare unit measures when nothing else is named ("300 square miles").
CLASS_HEADS = {"area": "territory", "mass": "weight", "length": "distance", "currency": "funding"}

# Nationality and country words -> one short code used as a modifier and as a place.
NATIONALITIES: dict[str, str] = {
    "u.s.": "us", "us": "us", "u.s": "us", "usa": "us", "u.s.a.": "us", "american": "us",
    "united states": "us", "america": "us", "united states of america": "us",
    "u.k.": "uk", "uk": "uk", "british": "uk", "united kingdom": "uk", "britain": "uk",
    "great britain": "uk",
    "french": "france", "france": "france",
    "german": "germany", "germany": "germany",
    "iraqi": "iraq", "iraq": "iraq",
    "syrian": "syria", "syria": "syria",
    "turkish": "turkey", "turkey": "turkey", "türkiye": "turkey",
    "russian": "russia", "russia": "russia",
    "iranian": "iran", "iran": "iran",
    "kurdish": "kurdish", "afghan": "afghanistan", "afghanistan": "afghanistan",
    "canadian": "canada", "canada": "canada", "australian": "australia",
    "australia": "australia", "italian": "italy", "italy": "italy",
    "jordanian": "jordan", "jordan": "jordan", "nato": "nato", "coalition": "coalition",
}

# Words that say nothing about what is counted.
STOPWORDS = {
    "a", "an", "the", "of", "about", "around", "roughly", "approximately", "nearly", "almost",
    "some", "more", "than", "less", "fewer", "over", "under", "up", "to", "at", "least", "most",
    "additional", "extra", "new", "other", "another", "estimated", "an estimated", "just",
    "total", "all", "its", "their", "our", "his", "her", "those", "these", "that",
    "this", "and", "or", "only", "still", "currently", "remaining", "approximate",
    "number", "numbers", "several", "many", "few", "dozens", "hundreds", "thousands",
    "there", "were", "are", "is", "was", "be", "been", "being", "had", "have", "has", "now",
    "also", "including", "fully", "well", "by", "for", "from", "with",
    # what a speaker thinks of the figure, not what it counts: "the real number of soldiers"
    "real", "actual", "true", "exact", "precise", "correct",
}

PLACE_PREPOSITIONS = ("in", "inside", "across", "throughout", "within", "at", "near", "around")

IRREGULAR = {
    "people": "people", "personnel": "personnel", "police": "police", "men": "man",
    "women": "woman", "children": "child", "staff": "staff", "series": "series",
    "news": "news", "forces": "force", "casualties": "casualty", "fatalities": "fatality",
    "militaries": "military", "countries": "country", "entities": "entity", "us": "us",
    "sorties": "sortie", "civilians": "civilian", "troops": "troop",
}

_TOKEN = re.compile(r"[a-z][a-z.'’-]*[a-z.]|[a-z]")


def lemma(word: str) -> str:
    """Singular form of an English noun by small rules (enough for what news counts)."""
    word = word.lower().strip(".'’")
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "ics")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def normalize_place(place: str | None) -> str | None:
    """A place name lower-cased, without articles or punctuation; countries by short code."""
    if place is None:
        return None
    text = " ".join(place.lower().replace("’", "'").split())
    if not text:
        return None
    if re.fullmatch(r"[a-z]{3}_[0-9a-f]{8,}", text):
        return text  # a stored id: keep as given
    text = re.sub(r"^the\s+", "", text)
    text = text.strip(" .,;:")
    if text in NATIONALITIES:
        return NATIONALITIES[text]
    text = re.sub(r"[^a-z0-9' -]", "", text.replace(".", ""))
    text = " ".join(text.split())
    return NATIONALITIES.get(text, text) or None


def _split_place(counted: str) -> tuple[str, str | None]:
    """``troops in Syria`` -> (``troops``, ``Syria``): a trailing place phrase moves to the place."""
    name = r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)"
    pattern = r"\s+(?:" + "|".join(PLACE_PREPOSITIONS) + r")\s+(?:the\s+)?" + name + r"\s*$"
    match = re.search(pattern, counted)
    if match is None:
        return counted, None
    return counted[: match.start()], match.group(1)


def _reorder_of(text: str) -> str:
    """``members of the coalition`` -> ``coalition members``; ``repairs to the dam`` -> ``dam repairs``."""
    match = re.fullmatch(r"(.+?)\s+(?:of|to)\s+(?:the\s+)?(.+)", text)
    if match is None:
        return text
    return f"{match.group(2)} {match.group(1)}"


def _head_and_modifiers(words: list[str]) -> tuple[str, list[str]]:
    """Find the longest synonym phrase (right-most first) and return its head and the other words."""
    lemmas = [lemma(w) for w in words]
    for size in (4, 3, 2, 1):
        for start in range(len(lemmas) - size, -1, -1):
            phrase = " ".join(lemmas[start:start + size])
            if phrase in HEAD_SYNONYMS:
                rest = lemmas[:start] + lemmas[start + size:]
                return HEAD_SYNONYMS[phrase], rest
    return lemmas[-1], lemmas[:-1]


def metric_key(counted: str | None, unit_class: str, place: str | None) -> str | None:
    """The normalized key of what a quantity measures, or None when nothing is counted.

    ``counted`` is the phrase of what is counted ("U.S. service members"), ``unit_class`` the
    quantity's class ("count", "currency", ...), ``place`` a place name (or None).
    """
    return _metric_key(counted, unit_class, place)


@functools.lru_cache(maxsize=65_536)
def _metric_key(counted: str | None, unit_class: str, place: str | None) -> str | None:
    """``metric_key`` itself (cached: a corpus repeats the same phrases)."""
    if counted is None or not counted.strip():
        return None
    text, place_in_text = _split_place(" ".join(counted.split()))
    place = place or place_in_text
    # "U.S." / "US" (upper case, so the pronoun "us" is never read as a country) -> American.
    text = re.sub(r"(?<![\w.])U\.?S\.?(?:A\.?)?(?![\w])", " American ", text)
    text = _reorder_of(text.lower().replace("’", "'"))
    text = re.sub(r"\d[\d,.]*", " ", text)
    # Multi-word nationality names first, so "united states" survives tokenization.
    modifiers: list[str] = []
    for name in sorted((n for n in NATIONALITIES if " " in n), key=len, reverse=True):
        if re.search(rf"\b{re.escape(name)}\b", text):
            modifiers.append(NATIONALITIES[name])
            text = re.sub(rf"\b{re.escape(name)}\b", " ", text)
    words: list[str] = []
    for token in _TOKEN.findall(text):
        bare = token.strip("'-.")
        if bare.endswith("'s"):
            bare = bare[:-2]
        if bare in NATIONALITIES and bare != "us":
            modifiers.append(NATIONALITIES[bare])
        elif bare and bare not in STOPWORDS:
            words.append(bare.replace(".", ""))
    if not words:
        if not modifiers:
            return None
        words = ["people"]
    words = [w for w in words if lemma(w) not in UNIT_WORDS] or [CLASS_HEADS.get(unit_class, words[-1])]
    head, rest = _head_and_modifiers(words)
    rest = [w for w in rest if w not in head.split() and lemma(w) not in UNIT_WORDS]
    place_key = normalize_place(place)
    # The nationality stays even when it names the place: "Iraqi troops in Iraq" are not
    # "U.S. troops in Iraq", and an unqualified "troops in Iraq" must not fold into either blindly.
    seen: dict[str, None] = {}
    for word in [*modifiers, *rest]:
        seen.setdefault(word, None)
    what = " ".join([*seen, head])
    return f"{what}|{unit_class}|{place_key or '*'}"


def split_key(key: str) -> tuple[str, str, str | None]:
    """(what, unit class, place or None) of a metric key."""
    what, unit_class, place = [*key.split("|"), "", "*"][:3]
    return what, unit_class, None if place == "*" else place


# Counted things too generic to compare on their own ("40 people" died, fled, or were reached by
# aid): the words around the figure say what happened to them, and without those words two
# figures of "people" are not one metric.
GENERIC_WHATS = frozenset({"people", "person", "individual"})
_HAPPENED_AFTER = re.compile(
    r"^[^.;:]{0,30}?\b(?:(?:have|has|had|were|was|are|is|been|being|remain|remained|remains|reported|confirmed)\s+)*"
    r"(?P<what>died|dead|killed|displaced|injured|wounded|hurt|missing|arrested|detained|evacuated|fled|"
    r"left their homes|homeless|rescued|infected|hospitali[sz]ed|treated|vaccinated|"
    r"out of work|unemployed|jobless)\b",
    re.IGNORECASE,
)
# what may stand between a verb and its figure: "reach about 25,000", "pull another 500"
_FIGURE_LEAD = (r"(?:(?:about|around|some|nearly|almost|roughly|more than|at least|up to|over|as many as|"
                r"an estimated|another|an?)\s+)?$")
_DONE_TO_BEFORE = re.compile(
    r"\b(?P<what>reach|feed|help|treat|vaccinate|evacuate|house|shelter|employ|hire|serve|assist|support|"
    r"rescue|kill|injure|wound|displace|arrest|detain)(?:ed|d|es|s|ing)?\s+" + _FIGURE_LEAD,
    re.IGNORECASE,
)
_TAKEN_OUT = re.compile(
    r"\b(?:pull|pulls|pulled|pulling|withdraw|withdraws|withdrew|withdrawn|withdrawing|bring home|brings home|"
    r"bringing home|send home|sending home|remove|removes|removed|removing|cut|cuts|cutting)\s+" + _FIGURE_LEAD,
    re.IGNORECASE,
)
FIGURE_LOOKBACK = 40  # how far before a figure the verb that acts on it is looked for
HAPPENED = {
    "died": "deaths", "dead": "deaths", "killed": "deaths", "kill": "deaths",
    "displaced": "displaced people", "fled": "displaced people", "left their homes": "displaced people",
    "homeless": "displaced people", "evacuated": "displaced people", "evacuate": "displaced people",
    "displace": "displaced people",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "injure": "injured", "wound": "injured",
    "missing": "missing people", "arrested": "arrests", "detained": "arrests", "arrest": "arrests",
    "detain": "arrests", "rescued": "people rescued", "rescue": "people rescued", "infected": "infections",
    "hospitalised": "hospitalised", "hospitalized": "hospitalised", "treated": "people treated",
    "treat": "people treated", "vaccinated": "people vaccinated", "vaccinate": "people vaccinated",
    "out of work": "unemployed people", "unemployed": "unemployed people", "jobless": "unemployed people",
}


def what_happened(text: str, start: int, end: int) -> str | None:
    """What the words around a figure of people at ``start:end`` say happened to them ("40
    people had died" -> "deaths", "to reach 25,000 people" -> "people reach"), or None."""
    after = _HAPPENED_AFTER.match(text[end:end + 90])
    if after is not None:
        return HAPPENED[after.group("what").lower()]
    before = _DONE_TO_BEFORE.search(text[max(0, start - FIGURE_LOOKBACK):start])
    if before is not None:
        verb = before.group("what").lower()
        return HAPPENED.get(verb, f"people {verb}")
    return None


def taken_out(text: str, start: int) -> bool:
    """Whether the figure at ``start`` counts what is taken away ("to pull 500 soldiers out",
    "withdraw about 1,500 troops"): how many leave, not a level of how many stay."""
    return _TAKEN_OUT.search(text, max(0, start - FIGURE_LOOKBACK), start) is not None
