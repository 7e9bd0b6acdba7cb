"""Claims: checkable assertions as ledger rows, with speaker, time, places, numbers and polarity.

Each sentence becomes at most one claim per statement it holds:

- a sentence inside a quote (direct, indirect or post) gives a claim over the quoted part, spoken
  by the quote's speaker (``Claim.quote`` = the quote id); a sentence that only carries partial
  quotes ("called it "a disgrace"") is claimed whole, by the partial quote's speaker, and so is a
  sentence whose reported part is no statement on its own ("the union called the rota unsafe");
- any other sentence is asserted by the document itself: the publisher (else the author);
- questions, captions and boilerplate lines, verbless fragments, and statements whose
  check-worthiness stays under ``MIN_CHECKWORTHY`` are not claims.

Check-worthiness is a transparent sum of named features (see ``FEATURES`` and
``checkworthiness``): numbers, named entities, dates, comparisons, status and change verbs and
causal markers raise it; questions, greetings, first-person feelings, opinion words and very
short or imperative sentences lower it. ``explain`` returns the features that fired.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Callable, Iterator
from typing import Any, Literal

from claimledger.extract.attribution import (
    ESTIMATING_LEMMAS,
    FRAMING_LEMMAS,
    PUTTING_LEMMAS,
    SPEECH_LEMMAS,
    after_time_stamp,
)
from claimledger.ids import make_id
from claimledger.model import Annotations, Claim, Document, Quote, Speaker
from claimledger.values.dates import find_dates, opens_period
from claimledger.values.names import split_role
from claimledger.values.quantities import BASELINE
from claimledger.values.voices import DENIED_REPORT, REBUTTAL, WITHDRAWN, issue_line, issuer

MIN_CHECKWORTHY = 0.35
TITLE_WORDS = 8  # at most this many words before the date of a dated title line
CUE_GAP = 12  # at most this many characters between a cue and the statement it introduces
BASE_SCORE = 0.2
SHORT_WORDS = 5  # a sentence of fewer words (numbers count) is a fragment more often than a claim

# feature -> weight; positive features make a sentence worth checking, negative ones do not
FEATURES: dict[str, float] = {
    "number": 0.25,          # a figure: 79 members, 3.4 percent, $2 billion
    "entity": 0.12,          # a named person, organisation, place, group, law or event
    "entities_2": 0.05,      # ... more than one
    "date": 0.08,            # a date or time it is anchored to
    "comparison": 0.1,       # more/fewer than, the largest, doubled
    "status": 0.15,          # a state or change verb: killed, rose, passed, defeated, is over
    "causal": 0.1,           # because, due to, led to, caused
    "past_event": 0.05,      # a past-tense verb: something happened
    "on_record": 0.1,        # ... or a state or change, asserted by a named speaker on record
    "rebuttal": 0.3,         # a statement that another is false ("This is not true.", "denied the report")
    "question": -0.5,        # questions ask, they do not assert
    "greeting": -0.45,       # thanks, welcome, good evening, applause
    "feeling": -0.25,        # I think / I feel / I hope / I love
    "opinion": -0.1,         # evaluative words without content
    "short": -0.15,          # under five words
    "imperative": -0.15,     # "Let us", "Vote for"
    "hypothetical": -0.08,   # would, could, should, might
}
STATUS_LEMMAS = frozenset({
    "increase", "decrease", "rise", "fall", "drop", "grow", "double", "triple", "halve", "kill",
    "die", "destroy", "defeat", "win", "lose", "pass", "vote", "sign", "approve", "ban", "cut",
    "raise", "cost", "spend", "pay", "build", "create", "end", "launch", "capture", "control",
    "reach", "remain", "become", "arrest", "injure", "wound", "displace", "flee", "attack",
    "strike", "release", "fund", "employ", "hire", "fire", "reduce", "expand", "collapse",
    "close", "open", "withdraw", "deploy", "liberate", "seize", "charge", "convict", "sentence",
    "own", "hold", "account", "total", "exceed", "surpass", "outnumber", "record", "report",
    # what is done to a law, a levy or a post: "the levy would not be scrapped"
    "scrap", "abolish", "repeal", "suspend", "cancel", "impose", "introduce", "lift", "extend",
    "postpone", "delay", "resign", "appoint", "elect", "veto", "overturn", "halt", "resume",
    "evacuate", "ratify",
})
CAUSAL = re.compile(r"\b(?:because|due to|caused?|causing|led to|leads? to|result(?:ed|s)? in|as a result|"
                    r"thanks to|owing to|blamed? for|responsible for)\b", re.IGNORECASE)
COMPARISON = re.compile(r"\b(?:more|less|fewer|greater|higher|lower) than\b|\b(?:twice|double|half|"
                        r"largest|biggest|smallest|highest|lowest|most|least|record)\b", re.IGNORECASE)
GREETING = re.compile(r"^\W*(?:thank|thanks|hello|hi|good (?:morning|evening|afternoon|night)|welcome|"
                      r"congratulations|god bless|applause|laughter|cheers|goodbye|bye|please)\b"
                      # an interjection stands apart: "No, thank you", "Well, …", not "No decision was
                      # taken" or "Well over 100 people died"
                      r"|^\W*(?:ok(?:ay)?|yes|no|well)\s*(?:[,.!?;:—–-]|$)"
                      r"|\b(?:thank you|god bless)\b", re.IGNORECASE)
FEELING = re.compile(r"\b(?:i|we)(?:'m| am| are|'re)? (?:really |just |truly |do |don't |also )?(?:think|"
                     r"believe|feel|hope|love|like|want|wish|guess|suppose|am (?:happy|proud|glad|sorry|"
                     r"honored|honoured|excited|grateful)|'m (?:happy|proud|glad|sorry|honored|excited))\b",
                     re.IGNORECASE)
OPINION = re.compile(r"\b(?:great|terrible|wonderful|horrible|amazing|awful|beautiful|fantastic|disgrace|"
                     r"disaster|incredible|tremendous|bad|nice|sad|shameful|outrageous|ridiculous|"
                     r"stupid|crazy)\b", re.IGNORECASE)
STATUS = re.compile(r"\b(?:(?:is|are|was|were)(?: not)? (?:over|gone|defeated|dead|closed|open|finished)|"
                    r"yet to|no longer|still|remains?|anymore)\b", re.IGNORECASE)
HYPOTHETICAL = frozenset({"would", "could", "should", "might", "may", "must"})
NEGATION = re.compile(r"\b(?:no longer|yet to|failed to|fails to|fail to|has not|have not|never|"
                      r"refused to|refuses to|nobody|none of|no one|not (?:a single|one|any))\b",
                      re.IGNORECASE)
DENIAL_CUES = frozenset({"deny", "denied", "denies", "denying", "reject", "rejected", "dismissed", "refuted"})
BOILERPLATE = re.compile(
    r"\b(?:subscribe|sign up|newsletter|click here|read more|all rights reserved|copyright|©|"
    r"follow us|cookies?|advertisement|share this|share on|getty images|reporting by|editing by|"
    r"photo(?:graph)?:|image:|credit:|contributed to this report|this story has been updated|"
    r"terms of (?:use|service)|privacy policy|download the app|for more information|"
    r"media contact|press contact|contact us)\b",
    re.IGNORECASE,
)
# what a reporter notes about reaching a source, not a claim anyone can check against the record
NO_COMMENT = re.compile(
    r"\b(?:did not|didn't|does not|doesn't|has not|hasn't|have not|haven't|could not|couldn't)\s+"
    r"(?:immediately\s+)?(?:respond|reply|return|answer)\w*\b[^.]{0,60}\b(?:comment|request|inquir|messages?|"
    r"calls?|e-?mails?)|\b(?:declined|refused)\s+to\s+comment\b|\bcould not be reached\b|"
    r"\bwas not available for comment\b|\bno immediate comment\b",
    re.IGNORECASE,
)
FIGURE_CUES = ESTIMATING_LEMMAS | PUTTING_LEMMAS  # "estimates 28,000", "put the death toll at 40"
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"})
NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def claims(doc: Document, parsed: Any, found: Annotations) -> Iterator[Claim]:
    """The document's claims: one per checkable statement, in order of position."""
    seen: set[tuple[int, int]] = set()
    publisher = document_voice(doc)
    metric_key = _metric_function()
    ents = list(parsed.ents)
    starts = [e.start for e in ents]
    quotes = sorted(found.quotes, key=lambda q: (q.end, q.start))  # quotes never overlap
    quote_ends = [q.end for q in quotes]
    quantities_sorted = sorted(found.quantities, key=lambda q: q.start)
    quantity_starts = [q.start for q in quantities_sorted]
    places_sorted = sorted(found.places, key=lambda p: p.start)
    place_starts = [p.start for p in places_sorted]
    for sent in sentences(parsed):
        statements = list(_statements(sent, quotes, quote_ends, publisher))
        for raw_start, raw_end, said_by, said_in in statements:
            speaker, quote = said_by, said_in
            start, end = _trim(doc.text, raw_start, raw_end)
            if end - start < 3 or (start, end) in seen:
                continue
            span = parsed.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            alone = len(statements) == 1 and quote is not None and quote.kind == "indirect"
            figure = quote is not None and _estimate(quote, sent, span)  # "put the death toll at 40"
            if alone and not figure and not _is_assertion(doc.text[start:end], span):
                # "The union called the rota unsafe": the object alone is no statement, so the
                # sentence is claimed whole, by the same speaker (as for partial quotes)
                start, end = _trim(doc.text, sent.start_char, sent.end_char)
                span = parsed.char_span(start, end, alignment_mode="expand")
                if span is None or (start, end) in seen:
                    continue
                if quote is not None and not _says(quote, sent):
                    # "Calloway and Okafor will debate the levy": an act, not words; the sentence
                    # is the writer's claim about them
                    speaker, quote = publisher, None
            if not figure and not _is_assertion(doc.text[start:end], span) and quote is not None:
                # "President Ilse Varga declared the group defeated": an object too short to stand
                # alone is claimed with the cue and its subject
                widened = _with_cue(quote, sent, start)
                if widened is not None and (widened, end) not in seen:
                    wider = parsed.char_span(widened, end, alignment_mode="expand")
                    if wider is not None and _is_assertion(doc.text[widened:end], wider):
                        start, span = widened, wider
                        _, end = _trim(doc.text, start, end)  # 'Holt said: "Not one metre."' with both marks
            if not figure and not _is_assertion(doc.text[start:end], span):
                continue
            score = checkworthiness(span, _labels(ents, starts, span),
                                    on_record=quote is not None and speaker.name is not None,
                                    attributed=quote is not None)
            if score < MIN_CHECKWORTHY:
                continue
            seen.add((start, end))
            quantities = _inside(quantities_sorted, quantity_starts, start, end)
            places = _inside(places_sorted, place_starts, start, end)
            yield Claim(
                id=make_id("claim", doc.id, start, end),
                doc=doc.id, start=start, end=end, text=doc.text[start:end],
                speaker=speaker, quote=quote.id if quote else None,
                as_of=_as_of(start, end, found, quote, doc),
                metric=_metric(quantities, found, metric_key),
                quantities=tuple(q.id for q in quantities),
                places=tuple(p.id for p in places),
                polarity=polarity(span, quote.cue if quote else None),
                checkworthy=score,
            )


SOCIAL_PLATFORMS = re.compile(
    r"^(?:www\.|mobile\.|m\.)?(?:twitter|x|truth ?social|facebook|instagram|threads|telegram|mastodon|"
    r"bluesky|bsky|tiktok|youtube|reddit|weibo|vk|linkedin|gab|parler|gettr)(?:\.com|\.net|\.social|"
    r"\.app|\.org|\.me)?$",
    re.IGNORECASE,
)
POST_MAX_CHARS = 1200


def document_voice(doc: Document) -> Speaker:
    """Who asserts the document's own sentences: its publisher, else its author, else the issuer
    its header names (``issuer``), else nobody known (a null speaker, not a guess).

    A social post is the exception: its author speaks, not the platform that carries it. A
    document is taken as a post when its publisher (or its source's host) is a social platform,
    or when it is one short, untitled item of a JSON feed with an author (``…jsonl#id=…``).
    """
    if not doc.author:
        if doc.publisher:
            return Speaker(name=doc.publisher)
        body = issuer(doc.text)
        return Speaker(name=body, description="issuer named in the document's header") if body else Speaker()
    host = re.match(r"^[a-z]+://([^/:#?]+)", doc.source, re.IGNORECASE)
    platform = bool(doc.publisher and SOCIAL_PLATFORMS.match(doc.publisher.strip()))
    platform = platform or bool(host and SOCIAL_PLATFORMS.match(host.group(1)))
    feed_item = ("#" in doc.source and doc.source.split("#", 1)[0].lower().endswith((".jsonl", ".json"))
                 and not doc.title and len(doc.text) <= POST_MAX_CHARS and doc.text.count("\n\n") < 3)
    if platform or feed_item:
        parts = split_role(doc.author)  # "President Harlan Voss": the title is a role
        return Speaker(name=parts.name, role=parts.role, description=doc.publisher)
    return Speaker(name=doc.publisher or doc.author)


def sentences(parsed: Any) -> Iterator[Any]:
    """The parse's sentences, split again at line breaks (a headline is not part of the lead)."""
    text = parsed.text
    for sent in parsed.sents:
        start = sent.start_char
        for piece in re.finditer(r"[^\n]+", text[sent.start_char:sent.end_char]):
            span = parsed.char_span(start + piece.start(), start + piece.end(), alignment_mode="expand")
            if span is not None and span.text.strip():
                yield span


def _inside(items: list[Any], starts: list[int], start: int, end: int) -> list[Any]:
    """The items (sorted by start) lying within ``start..end``."""
    low = bisect.bisect_left(starts, start)
    high = bisect.bisect_left(starts, end)
    return [item for item in items[low:high] if item.end <= end]


def _statements(
    sent: Any, quotes: list[Quote], quote_ends: list[int], publisher: Speaker
) -> Iterator[tuple[int, int, Speaker, Quote | None]]:
    """(start, end, speaker, quote) of what one sentence states (quotes sorted, not overlapping)."""
    s_start, s_end = sent.start_char, sent.end_char
    inside = []
    for quote in quotes[bisect.bisect_right(quote_ends, s_start):]:
        if quote.start >= s_end:
            break
        inside.append(quote)
    whole = [q for q in inside if q.kind != "partial"]
    if whole:
        said: list[tuple[int, int, Speaker, Quote]] = []
        for quote in whole:
            start, end = max(quote.start, s_start), min(quote.end, s_end)
            if said and quote.continues == said[-1][3].id and not _has_verb(sent, said[-1][0], said[-1][1]):
                # "Port officials, Ruiz said, should expect a levy": the subject before the
                # parenthetical and the rest are one claim (the cue between them is in its text)
                said[-1] = (said[-1][0], end, said[-1][2], said[-1][3])
            else:
                said.append((start, end, quote.speaker, quote))
        yield from said
        main = _main_clause(sent, whole)
        if main is not None:  # "A court suspended the levy, ruling that …": the court's ruling, and the suspension
            yield main[0], main[1], publisher, None
        return
    if inside:  # partial quotes only: the sentence reports what that speaker said
        yield s_start, s_end, inside[0].speaker, inside[0]
        return
    yield s_start, s_end, publisher, None


def _main_clause(sent: Any, quotes: list[Quote]) -> tuple[int, int] | None:
    """The sentence's own assertion before a statement hung off it ("A regional court on Tuesday
    suspended the $40 levy, ruling that the city had failed to consult"): from the sentence's
    start to the clause that holds the statement, when the main verb is no verb of saying, lies
    outside every statement, and the statement hangs off a clause of its own (a participle or a
    second verb, not the main verb's object); None otherwise."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or root.lemma_.lower() in SPEECH_LEMMAS | FRAMING_LEMMAS:
        return None
    if any(q.start <= root.idx < q.end for q in quotes):
        return None
    holders = [c for c in root.children if c.i > root.i and any(
        q.start < c.right_edge.idx + len(c.right_edge.text) and c.left_edge.idx < q.end for q in quotes)]
    if not holders or holders[0].pos_ != "VERB" or holders[0].dep_ not in ("advcl", "conj"):
        return None  # the statement is the main verb's own object ("will debate the levy"): one act
    end = holders[0].left_edge.idx
    if any(sent.start_char <= q.start < end for q in quotes):
        return None  # a statement before the verb: the sentence is not the writer's own
    return sent.start_char, end


def _has_verb(sent: Any, start: int, end: int) -> bool:
    """Whether a verb of the sentence lies within start..end."""
    return any(t.pos_ in ("VERB", "AUX") and start <= t.idx < end for t in sent)


def _cue_lemma(quote: Quote, sent: Any) -> str | None:
    """The lemma of the quote's cue word in its sentence (the record keeps only the cue's text);
    None when the cue is not a word before the quote in this sentence."""
    cue = _cue_token(quote, sent, quote.start)
    return None if cue is None else str(cue.lemma_).lower()


def _cue_token(quote: Quote, sent: Any, before: int) -> Any:
    """The quote's cue word in its sentence, before ``before`` (the record keeps only its text)."""
    first = (quote.cue or "").split()[:1]
    return next((t for t in sent if first and t.text == first[0] and t.idx < before), None)


def _with_cue(quote: Quote, sent: Any, start: int) -> int | None:
    """Where the clause that reports a statement begins: its cue's subject ("President Ilse Varga
    declared …"), when the cue is a word right before the statement in this sentence."""
    cue = _cue_token(quote, sent, start)
    if cue is None or start - (cue.idx + len(cue.text)) > CUE_GAP:
        return None
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return int((subject.left_edge if subject is not None else cue).idx)


def _estimate(quote: Quote, sent: Any, span: Any) -> bool:
    """Whether the quote is an estimate whose content is its figure ("Officials put the death toll
    at 40", "the United Nations estimates 28,000"): a claim of that figure, though it has no verb."""
    return _cue_lemma(quote, sent) in FIGURE_CUES and any(t.like_num for t in span)


def _says(quote: Quote, sent: Any) -> bool:
    """Whether the quote's cue is a verb of saying or of calling names ("said", "denied", "called
    … a liar"), not one of the acts and positions attribution also records ("debate", "vote",
    "proposed"); True when the cue is not found in the sentence."""
    lemma = _cue_lemma(quote, sent)
    return lemma is None or lemma in SPEECH_LEMMAS or lemma in FRAMING_LEMMAS


def _no_comment(text: str) -> bool:
    """The sentence is a note that a source did not comment ("Varga's office did not respond to a
    request for comment"), not one that goes on to say more first ("Officials said 40 died, and
    the mayor did not respond")."""
    match = NO_COMMENT.search(text)
    return match is not None and match.start() < 80 and "," not in text[:match.start()]


def _is_assertion(text: str, span: Any) -> bool:
    """Not a question, caption, boilerplate line, note that a source did not comment, or verbless
    fragment."""
    stripped = text.strip()
    if stripped.endswith("?") or BOILERPLATE.search(stripped) or _no_comment(stripped):
        return False
    if WITHDRAWN.search(stripped):
        return False  # "An earlier version of this article said …": withdrawn by the document itself
    if len(span) <= 20 and issue_line(stripped):
        return False  # "Issued by the Relief Coordination Cell, 6 March 2031": who issued the document
    if len(span) <= 20 and _dated_title(stripped):
        return False  # "Situation report, 9 March 2031": a title and its date, not an assertion
    if len([t for t in span if t.is_alpha or t.like_num]) < 4:  # "40 people had died" is four words
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in span)


def _dated_title(text: str) -> bool:
    """A short line that is a name for the document and its date: "Aid office update, 4 March 2031"."""
    dates = find_dates(text)
    if not dates or dates[-1].end < len(text.rstrip(". ")):
        return False
    head = text[:dates[-1].start].rstrip()
    return head.endswith((",", "—", "–", "-", "|")) and len(head.split()) <= TITLE_WORDS


def explain(span: Any, labels: list[str] | None = None, *, on_record: bool = False,
            attributed: bool = False) -> dict[str, float]:
    """The features that fire on a sentence (or any spaCy span), with their weights.

    ``labels`` are the span's entity labels when the caller already has them (``Span.ents``
    walks every entity of the document). ``on_record``: the span is what a named speaker said
    ("Brandt told local radio that water had spilled over the dam"), which makes an event or a
    change it reports worth checking even with no number or name in it. ``attributed``: the span
    is someone's statement, not the writer's own sentence (a denial or rebuttal then counts).
    """
    text = span.text
    fired: dict[str, float] = {}
    labels = [e.label_ for e in span.ents] if labels is None else labels
    if any(label in NUMBER_LABELS for label in labels) or any(t.like_num or t.text == "%" for t in span):
        fired["number"] = FEATURES["number"]
    named = [label for label in labels if label in ENTITY_LABELS]
    if named:
        fired["entity"] = FEATURES["entity"]
    if len(named) > 1:
        fired["entities_2"] = FEATURES["entities_2"]
    if any(label in ("DATE", "TIME") for label in labels):
        fired["date"] = FEATURES["date"]
    if COMPARISON.search(text) or any(t.tag_ in ("JJR", "RBR", "JJS", "RBS") for t in span):
        fired["comparison"] = FEATURES["comparison"]
    if any(t.lemma_.lower() in STATUS_LEMMAS and t.pos_ == "VERB" for t in span) or STATUS.search(text):
        fired["status"] = FEATURES["status"]
    if CAUSAL.search(text):
        fired["causal"] = FEATURES["causal"]
    if any(t.tag_ == "VBD" or (t.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in t.children))
           for t in span):  # "water spilled", and the present perfect: "nobody has answered"
        fired["past_event"] = FEATURES["past_event"]
    if on_record and ("past_event" in fired or "status" in fired):
        fired["on_record"] = FEATURES["on_record"]
    if attributed and (REBUTTAL.match(text) or DENIED_REPORT.search(text)):
        fired["rebuttal"] = FEATURES["rebuttal"]  # contradicts what it answers: the ledger links the two
    if text.rstrip().endswith("?"):
        fired["question"] = FEATURES["question"]
    if GREETING.search(text):
        fired["greeting"] = FEATURES["greeting"]
    if FEELING.search(text):
        fired["feeling"] = FEATURES["feeling"]
    if OPINION.search(text) and "number" not in fired:
        fired["opinion"] = FEATURES["opinion"]
    if len([t for t in span if not t.is_punct and not t.is_space]) < SHORT_WORDS:
        fired["short"] = FEATURES["short"]
    first = next((t for t in span if not t.is_punct and not t.is_space), None)
    if first is not None and ((first.tag_ == "VB" and first.dep_ == "ROOT") or first.lower_ == "let"):
        fired["imperative"] = FEATURES["imperative"]
    if any(t.lower_ in HYPOTHETICAL and t.tag_ == "MD" for t in span):
        fired["hypothetical"] = FEATURES["hypothetical"]
    return fired


def checkworthiness(span: Any, labels: list[str] | None = None, *, on_record: bool = False,
                    attributed: bool = False) -> float:
    """A check-worthiness score in 0..1: BASE_SCORE plus the weights of the features that fire."""
    score = BASE_SCORE + sum(explain(span, labels, on_record=on_record, attributed=attributed).values())
    return round(min(1.0, max(0.0, score)), 3)


def polarity(span: Any, cue: str | None = None) -> Literal["affirm", "negate"]:
    """``negate`` when the main predicate is negated ("is not over", "has yet to be", "denied")."""
    if cue is not None and cue.lower() in DENIAL_CUES:
        return "negate"
    roots = [t for t in span if t.head.i == t.i or t.head.i < span.start or t.head.i >= span.end]
    for root in roots[:1]:
        predicates = [root, *[c for c in root.children if c.dep_ in ("aux", "auxpass", "xcomp", "acomp")]]
        for predicate in predicates:
            if any(c.dep_ == "neg" for c in predicate.children):
                return "negate"
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(c.dep_ == "expl" for c in root.children):  # "There is no plan to …": the noun is what is denied
            subjects += [c for c in root.children if c.dep_ == "attr"]
        if any(d.lower_ == "no" for s in subjects for d in s.children if d.dep_ == "det"):
            return "negate"
        if root.lemma_.lower() in ("deny", "refuse", "fail") and root.pos_ == "VERB":
            return "negate"
    # the words up to just after the main verb, never the next sentence's ("… evacuated. Not one …")
    head_text = span.text if not roots else span.doc[span.start:min(roots[0].i + 4, span.end)].text
    return "negate" if NEGATION.search(head_text) else "affirm"


def _labels(ents: list[Any], starts: list[int], span: Any) -> list[str]:
    """Labels of the entities inside ``span`` (found by bisection over the document's entities)."""
    low = bisect.bisect_left(starts, span.start)
    high = bisect.bisect_left(starts, span.end)
    return [e.label_ for e in ents[low:high] if e.end <= span.end]


def _as_of(start: int, end: int, found: Annotations, quote: Quote | None, doc: Document) -> str | None:
    for quantity in found.quantities:  # the figure a change is measured against is not the claim's
        if start <= quantity.start and quantity.end <= end and quantity.as_of and not BASELINE.search(
                doc.text, max(start, quantity.start - 16), quantity.start):
            return quantity.as_of
    for time in found.times:
        if start <= time.start and time.end <= end and time.kind == "date" and time.value \
                and not opens_period(doc.text, time.start):  # "since March 1": as of when it is said
            return time.value
    if quote is not None and quote.date:
        return quote.date
    return doc.published.date


def _metric_function() -> Callable[..., str | None] | None:
    try:
        module = importlib.import_module("claimledger.values.metrics")
    except ImportError:
        return None
    function = getattr(module, "metric_key", None)
    return function if callable(function) else None


def _metric(quantities: list[Any], found: Annotations, metric_key: Callable[..., str | None] | None) -> str | None:
    if metric_key is None:
        return None
    names = {p.id: p.name for p in found.places}
    # a count before a duration: "over the past 24 hours, aircraft carried out 14 strikes" measures strikes
    for quantity in sorted(quantities, key=lambda q: q.unit_class == "duration"):
        key = metric_key(quantity.counted, quantity.unit_class, names.get(quantity.place) if quantity.place else None)
        if key:
            return key
    return None


TRAILING_CONJUNCTION = re.compile(r"[,;]?\s+(?:but|and|while|although|though|yet|as)$", re.IGNORECASE)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n,;:—–-\"“”'":
        start += 1
    start = after_time_stamp(text, start, end)  # "12:50 — Quell accused …": the stamp is no part of it
    while end > start and text[end - 1] in " \t\n,;:—–-\"“”'":
        end -= 1
    dangling = TRAILING_CONJUNCTION.search(text, start, end)  # "River levels fell …, but" + a report
    if dangling is not None:
        end = dangling.start()
    # a quotation the claim opens keeps its closing mark: 'had reached "every village but two"'
    while end < len(text) and text[end] in "\"”" and _opened(text[start:end]):
        end += 1
    return start, end


def _opened(text: str) -> bool:
    """Whether the text opens a quotation it does not close (curly or straight marks)."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1
