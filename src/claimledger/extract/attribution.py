"""Attribution: who said which span of a document, through which cue, and when.

The rules, in the order they run over one document:

    1. posts        embedded social posts: the post's signature is the speaker (``kind: post``)
    2. turns        transcript and press-release formats: ``NAME: ...`` turns, ``From the X:``
                    blocks, ``— Commissioner X`` signature lines
    3. marks        direct and partial quotes between quotation marks (straight or curly), joined
                    across paragraphs when the next paragraph re-opens the quote
    4. cues         each quote gets the nearest speech cue of its sentence frame; a quote with no
                    cue of its own continues the speaker of the quote before it
    5. indirect     ``X said (that) ...``, ``... , X said``, ``according to X, ...``; the object
                    and complements of speech and stance verbs (``noted the delays``, ``called
                    the rota unsafe``, ``urged drivers to wait``: the addressee is not content);
                    noun cues with a holder (``the union's claim that ...``); a cue line ending
                    in a colon introduces the next paragraph
    6. speakers     a subject phrase becomes a Speaker: person name + role, organisation, an
                    anonymous source with its description, or a pronoun / "the official"
                    resolved to the nearest earlier speaker that fits; otherwise unknown (None)

The result is a list of :class:`Attribution` (content span, cue span, source span, Speaker);
``extract.quotes`` turns them into contract Quotes, the PolNeAR scorer reads the spans.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Span

from claimledger.model import Document, Entity, QuoteKind, Speaker
from claimledger.values.dates import MONTHS, WEEKDAYS, DateValue, find_dates, weekday_before
from claimledger.values.names import (
    given_name_gender,
    is_role_word,
    is_short_title,
    split_role,
    title_short_forms,
    title_words,
)
from claimledger.values.voices import (
    DATELINE,
    DOCUMENT_NOUNS,
    GENERIC_LABELS,
    ISSUER_TAIL,
    TURN_LABEL,
    WITHDRAWN,
    is_turn_label,
    issuer,
)

# -- vocabularies -------------------------------------------------------------------------------
SPEECH_LEMMAS = frozenset({
    "say", "tell", "add", "state", "claim", "announce", "argue", "insist", "warn", "deny",
    "confirm", "explain", "note", "write", "tweet", "post", "report", "acknowledge", "admit",
    "assert", "declare", "maintain", "predict", "promise", "vow", "pledge", "stress",
    "emphasize", "emphasise", "contend", "allege", "reply", "respond", "answer", "continue",
    "testify", "recall", "conclude", "estimate", "suggest", "observe", "remark", "caution",
    "concede", "boast", "complain", "reiterate", "disclose", "reveal", "indicate", "signal",
    "believe", "think", "expect", "fear", "show", "find", "know", "hope", "worry", "agree",
    "ask", "repeat", "charge", "counter", "joke", "quip", "recount", "wonder",
    # manners of saying, and what a text says ("the letter read")
    "shout", "yell", "scream", "exclaim", "whisper", "mutter", "murmur", "chant", "retort", "interject",
    "concur",
})
# verbs that introduce a quote but report nothing on their own ("the letter read: …", not "he read
# the reports")
QUOTE_ONLY_LEMMAS = frozenset({"read"})
# cues that also describe evidence or thought ("the vote showed"): a speech verb nearby wins
WEAK_LEMMAS = frozenset({
    "show", "find", "know", "think", "believe", "expect", "fear", "hope", "worry", "agree",
    "suggest", "indicate", "signal", "reveal", "estimate",
})
# verbs that carry a partial quote ("called the plan "a disgrace"") but rarely take a clause
FRAMING_LEMMAS = frozenset({
    "call", "describe", "demand", "urge", "dismiss", "criticize", "criticise", "praise",
    "accuse", "condemn", "label", "brand", "term", "welcome", "blast", "slam", "decry",
})
# verbs that attribute a position or intention rather than words ("pledged to", "called for")
STANCE_LEMMAS = frozenset({
    "want", "plan", "support", "pledge", "promise", "urge", "refuse", "decline", "cite", "criticize",
    "criticise", "attack", "question", "mention", "demand", "discuss", "decide", "encourage",
    "oppose", "propose", "reject", "blame", "praise", "accuse", "vow", "threaten", "seek", "endorse",
    "defend", "dismiss", "condemn", "call", "intend", "vote", "favor", "favour", "back",
    # verbs of communication and judgment that take what is said or judged as their object
    "talk", "speak", "point", "rail", "highlight", "tout", "challenge", "dispute", "doubt", "contest",
    "refer", "describe", "liken", "compare", "characterize", "characterise", "portray", "depict",
    "mock", "ridicule", "lament", "applaud", "hail", "celebrate", "blast", "slam", "decry",
    "denounce", "advocate", "campaign", "lobby", "recommend", "invoke", "brag", "muse",
    "object", "protest", "welcome", "label", "brand", "term", "chronicle", "document", "disagree", "side",
    # making a position public: proposals, concerns, accounts
    "express", "raise", "voice", "detail", "outline", "present", "publish", "echo", "reference",
    "unveil", "float", "pitch", "sketch", "convey", "relay", "reaffirm", "retweet", "share",
    # judging someone or something
    "judge", "chastise", "grill", "admire", "approve", "disapprove", "embrace", "promote", "champion",
    "trumpet", "laud", "commend", "credit", "thank", "fault", "rebuke", "scold", "lambaste", "berate",
    "assail", "castigate", "excoriate", "belittle", "disparage", "deride", "downplay", "understate",
    "overstate", "exaggerate", "minimize", "minimise", "insult", "smear", "demonize", "vilify",
    "paint", "frame", "link", "tie", "attribute", "acclaim", "scorn", "lampoon", "needle",
    # holding a view
    "view", "regard", "consider", "understand", "recognize", "recognise", "realize", "realise",
    "assume", "suspect", "imagine", "accept", "prefer", "dread", "learn", "comprehend", "resent",
    "debate", "explore", "investigate", "examine", "probe", "assess", "identify",
    "feel", "wish", "desire", "envision", "envisage", "fathom", "hear",
    # swearing and asking in public
    "proclaim", "swear", "query",
    # offering and persuading
    "offer", "propound", "illustrate", "convince", "persuade",
    # asking for something
    "implore", "beg", "plead", "appeal", "press", "order", "instruct", "invite", "petition",
    "resist", "veto", "ratify",
    # rulings and public shaming
    "rule", "overrule", "shame", "extol",
})
REPORT_LEMMAS = frozenset({"report"})
# what one raises when one speaks: "raised concerns about", "raised the prospect of"
RAISED_NOUNS = frozenset({
    "question", "concern", "doubt", "issue", "alarm", "objection", "possibility", "prospect",
    "fear", "worry", "point", "argument", "hope", "suspicion", "specter", "spectre", "matter",
})
# bodies that hold positions ("the union is critical of ...")
GROUP_NOUNS = frozenset({
    "union", "council", "committee", "government", "ministry", "party", "campaign", "group",
    "company", "court", "board", "agency", "administration", "coalition", "alliance", "association",
    "federation", "league", "senate", "congress", "parliament", "assembly", "cabinet", "commission",
    "department", "firm", "bank", "organization", "organisation", "movement", "lawmaker", "leader",
    "authority",
})
# what an unnamed body's role ends with, so that "it" can take it back ("the weather service
# said …, but it warned"); and how far back "it" looks, within its paragraph
BODY_WORDS = (GROUP_NOUNS - {"lawmaker", "leader"}) | {
    "service", "office", "police", "army", "military", "embassy", "network", "newspaper", "paper",
    "station", "institute", "authorities", "force", "forces", "crescent", "cross", "fund", "bureau",
    "centre", "center", "observatory", "monitor", "organisation", "ministry",
}
BODY_PRONOUN_REACH = 600
SENTENCE_CLOSE = re.compile(r"[.!?](?=\s|$)|\n")
WITHDRAWN_REACH = 160  # how far before its cue a correction notice's subject is looked for
ISSUED_WORK_REACH = 1500  # how far back "the statement" looks for the statement it names again
ISSUER_GAP = 200  # at most this far between the issuer's name and "a statement"
REPLYING_TO = re.compile(r"[ \t]*Replying to @\w+(?:(?:,[ \t]*|[ \t]+and[ \t]+)@\w+)*[ \t]*\n?[ \t]*", re.IGNORECASE)
# words in the names of groups that post ("Sefra Relief", "Valley Rescue", "Flood Watch")
AID_WORDS = frozenset({"relief", "aid", "rescue", "watch", "volunteers", "alliance", "initiative", "project"})
# an interview's question and answer lines ("Q: …", "A: …", "Question: …", "Answer: …"); an
# interview has at least this many answers; how its introduction names the interviewee
INTERVIEW_LINE = re.compile(r"^[ \t]*(?P<label>Q|A|Question|Answer)[ \t]*[:.][ \t]+(?P<body>\S[^\n]*)$", re.MULTILINE)
MIN_ANSWERS = 2
INTERVIEWED_WITH = re.compile(r"\b(?:interview|conversation|Q&A|talk)\s+with\s+(?P<who>[^\n.,:;]{2,80})", re.IGNORECASE)
INTERVIEWED_SPEAKS = re.compile(r"(?P<who>[^\n.]{2,80}?)\s+(?:spoke|talked|sat down)\s+(?:to|with)\b")
# a transcript turn runs on over the paragraphs before the next turn (at most these many, this
# long), in a document of at least this many turns
MIN_TRANSCRIPT_TURNS = 3
MAX_TURN_PARAGRAPHS = 4
MAX_TURN_CHARS = 2000
# holders of a stance named by what they are ("a critic of the levy", "is a staunch supporter of")
AGENT_NOUNS = frozenset({
    "supporter", "opponent", "critic", "advocate", "proponent", "champion", "defender", "backer",
    "skeptic", "sceptic", "detractor", "admirer",
})
# adjectives of attitude: "X is critical of Y", "she was confident that ...", "they are willing to ..."
STANCE_ADJECTIVES = frozenset({
    "critical", "supportive", "opposed", "concerned", "worried", "sure", "certain", "confident",
    "optimistic", "pessimistic", "skeptical", "sceptical", "doubtful", "hopeful", "adamant", "coy",
    "passionate", "proud", "angry", "upset", "furious", "unhappy", "pleased", "satisfied",
    "dissatisfied", "frustrated", "wary", "fearful", "afraid", "eager", "keen", "willing",
    "reluctant", "determined", "convinced", "insistent", "vocal", "bullish", "bearish",
    "enthusiastic", "dismissive", "contemptuous", "scornful", "suspicious", "clear", "firm",
})
# nouns that report what their holder said or holds ("Smith's claim that ...")
CUE_NOUNS = frozenset({
    "claim", "assertion", "statement", "argument", "allegation", "charge", "warning", "promise",
    "pledge", "vow", "insistence", "suggestion", "contention", "announcement", "proposal", "demand",
    "belief", "view", "remark", "comment", "accusation", "prediction", "admission", "denial",
    "threat", "assurance", "concession", "confession", "complaint", "call", "declaration", "plan",
    "boast", "hope", "fear", "position", "testimony", "conclusion", "finding",
})
# what a newsroom or a body publishes: "a Gazette report that ...", "the agency's finding that ..."
REPORT_NOUNS = frozenset({
    "report", "story", "article", "investigation", "analysis", "study", "review", "assessment", "filing",
})
PARTITIVE = re.compile(r"^(?:one|two|three|four|some|several|many|each|both|all|most|none|any) of ", re.IGNORECASE)
# what comes "from" a place it was made in, not from the place as a body ("reports from Mosul")
LOCATED_NOUNS = frozenset({"report", "account", "footage", "video", "image", "photo", "dispatch", "witness",
                           "resident", "journalist", "correspondent"})
REPORTING_LEMMAS = SPEECH_LEMMAS | STANCE_LEMMAS  # what says or takes a position (built once)
# entity types that never name who speaks
NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
# the prepositions beyond CONTENT_PREPOSITIONS whose object a verb reports: "pointed to the
# delays", "responded to the charge"; what one thing is set beside ("likened the levy to "robbing
# the harbour"", "compared X with Y"); whom a position is taken on ("disagrees with her boss")
VERB_PREPOSITIONS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("point", "refer", "respond", "object"), frozenset({"to"})),
    **dict.fromkeys(("liken", "compare", "link", "tie", "equate", "connect", "attribute"), frozenset({"to", "with"})),
    **dict.fromkeys(("agree", "disagree", "side", "concur"), frozenset({"with"})),
}
# pronouns for nobody in particular ("both", "each" and "all" do take back a group named before)
INDEFINITE_PRONOUNS = frozenset({
    "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody", "no-one",
    "others", "many", "some", "few", "several", "most",
})
# ", a Britain-based war monitor," right after a source: its apposition, not what it says
APPOSITION_AFTER = re.compile(r",\s*((?:a|an|the)\s[^,;:\n\"“”]{2,80}?),")
# "the Minister of Transport", "the Secretary for Foreign Affairs": an office named by its portfolio
PORTFOLIO = re.compile(r"(?:[Tt]he |[Oo]ur )?(?P<office>(?P<title>[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?) (?:of|for) "
                       r"(?:the )?[A-Z][\w'’-]*(?: (?:and |of |the )?[A-Z][\w'’-]*){0,4})")
# verbs whose object may be the figure itself: "the United Nations estimates 28,000"
ESTIMATING_LEMMAS = frozenset({"estimate", "count", "tally", "calculate", "project", "forecast", "predict"})
# "put the death toll at 40", "placed the cost at $2 billion": an estimate, with what it puts at a figure
PUTTING_LEMMAS = frozenset({"put", "place"})
FIGURE_NOUNS = frozenset({
    "number", "figure", "toll", "cost", "total", "count", "estimate", "tally", "price", "value", "loss",
    "damage", "size", "population", "turnout", "bill", "rate", "share",
})
# nouns a writer uses to sum up what was just said ("…, a figure the council disputes")
SUMMARY_NOUNS = frozenset({
    "figure", "number", "amount", "total", "sum", "estimate", "claim", "move", "step", "decision",
    "statement", "assertion", "remark", "comment", "charge", "allegation", "increase", "decrease",
    "rise", "drop", "decline", "jump", "fall", "cut", "change", "reversal", "shift", "promise", "pledge",
})
MEDIA_WORDS = frozenset({"news", "times", "post", "gazette", "herald", "daily", "tribune", "journal", "press",
                         "media", "radio", "tv", "network", "channel", "wire", "courier", "observer"})
MAX_ENTITY_CHARS = 200  # no mention is longer: how far back a mention overlapping a span can start
HEADER_CHARS = 2000  # where a document's header lines are looked for
NAMED_BODY_LOOKBACK = 200  # entities looked back over for the body "the task force" takes back
# nouns that "the …" cannot take back to an organisation named earlier: "the state" is not the
# Islamic State, "the union" not the European Union
AMBIGUOUS_BODY_NOUNS = frozenset({"state", "union", "nation", "people", "country", "city", "republic", "world"})
# nouns of a stance held towards something: "his criticism of", "Smith's support for"
STANCE_NOUNS = frozenset({
    "criticism", "support", "opposition", "disdain", "contempt", "praise", "rhetoric", "theory",
    "obsession", "skepticism", "scepticism", "concern", "worry", "commitment", "reluctance", "refusal",
    "determination", "attack", "embrace", "endorsement", "rejection", "defense", "defence", "idea",
    "comment", "remark", "view", "stance", "position", "take", "admiration", "distrust", "doubt",
    "insistence", "emphasis", "focus", "push", "demand", "call", "plea", "appeal", "dismissal",
})
# verbs whose direct object is the person spoken to, not what was said
ADDRESSEE_LEMMAS = frozenset({"tell", "ask", "urge", "encourage", "inform", "remind", "warn", "assure"})
# the complements of a stance or speech verb that carry its content ("called the plan a disgrace")
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "oprd"})
# between a cue and the quote it introduces: 'said in a statement: "'
COLON_INTRO = re.compile(r"[^.!?\"“”\n]{0,40}:\s*[\"“‘']?\s*")
# a headline "Sanders: Clinton must ..." (only the first line, a short name before the colon)
HEADLINE_SPEAKER = re.compile(r"[ \t]*(?P<who>[A-Z][^:\n]{1,40}):[ \t]+(?P<what>[^\n]+)")
# words that make a clause about time, cause or condition ("… when he said …"): no parenthetical
SUBORDINATORS = frozenset({
    "when", "whenever", "because", "if", "after", "before", "while", "since", "although", "though",
    "until", "once", "unless", "whether", "where",
})
# verbs too light to introduce a quote with a colon ("the impact she would have on workers: “…”")
LIGHT_VERBS = frozenset({"have", "be", "do", "get", "make", "take", "go", "come", "give", "put", "set", "keep"})
# verbs whose subject, not object, does what follows ("promised voters to cut taxes")
SUBJECT_CONTROL = frozenset({"promise", "pledge", "vow", "swear", "threaten", "offer"})
# occasions of speaking: "said at a news conference announcing that ...": the speaker announces
EVENT_NOUNS = frozenset({
    "conference", "briefing", "interview", "speech", "address", "appearance", "rally", "hearing",
    "event", "meeting", "session", "debate", "call", "forum", "remarks", "testimony", "statement",
})
# "by saying", "after saying": the gerund shares the main verb's subject ("for"/"of" do not:
# "fined her for saying")
GERUND_PREPOSITIONS = frozenset({"by", "after", "before", "while", "since", "upon", "on", "in"})
# documents that state findings: "in the latest poll, ..." attributes the clause to the poll
SOURCE_DOCUMENTS = frozenset({"poll", "survey", "study", "report", "analysis", "census", "audit"})
PUBLISHING_LEMMAS = frozenset({
    "release", "publish", "issue", "compile", "provide", "produce", "prepare", "post", "share",
    "file", "submit", "circulate", "distribute", "collect", "gather", "present",
})
# "the union released a statement calling …", "lawyers filed papers opposing …", "the campaign ran an
# ad accusing …": what the piece of writing does, its issuer does
ISSUING_LEMMAS = PUBLISHING_LEMMAS | {"send", "write", "sign", "unveil", "deliver", "launch", "run", "air"}
ISSUED_NOUNS = frozenset({
    "statement", "letter", "paper", "report", "memo", "release", "ad", "advert", "advertisement", "video",
    "lawsuit", "suit", "complaint", "motion", "brief", "petition", "filing", "document", "note", "message",
    "proposal", "resolution", "op-ed", "column", "editorial", "post", "tweet", "email", "e-mail",
})
# what a body publishes rather than says: the speaker is the body ("figures released by X")
EVIDENCE_NOUNS = frozenset({
    "figure", "number", "data", "statistic", "estimate", "tally", "count", "record", "document",
    "filing", "release", "statement", "report", "assessment", "memo", "letter", "calculation",
})
CONTENT_PREPOSITIONS = frozenset({"for", "on", "against", "about", "as", "of"})
# where or how something was said: "in an interview", "at a rally", "on Twitter"
SETTING_NOUNS = frozenset({
    "interview", "statement", "letter", "release", "email", "e-mail", "post", "tweet", "speech",
    "conference", "call", "rally", "briefing", "hearing", "debate", "event", "meeting", "appearance",
    "broadcast", "show", "podcast", "video", "op-ed", "memo", "twitter", "facebook", "television", "radio",
    "condition", "background", "record", "anonymity",  # "spoke on condition of anonymity"
})
CONTENT_PRONOUNS = frozenset({"it", "this", "that", "which", "what", "so", "them", "him", "her", "one"})
SOURCE_NOUNS = frozenset({
    "official", "source", "person", "people", "aide", "diplomat", "officer", "staffer",
    "insider", "adviser", "advisor", "spokesperson", "spokesman", "spokeswoman", "member",
    "commander", "lawmaker", "resident", "witness", "employee", "analyst", "expert", "worker",
})
ANONYMITY_MARKERS = (
    "anonymity", "anonymous", "not authorized", "not authorised", "declined to be named",
    "declined to be identified", "asked not to be named", "familiar with", "would not be named",
    "requested anonymity", "unnamed", "speaking on background",
)
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
TITLE_GENDER = {"mr": "m", "mr.": "m", "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f", "miss": "f"}
HONORIFICS = frozenset({"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "miss", "dr", "dr.", "sir"})
OPEN_MARKS = "“«„"
CLOSE_MARKS = "”»"
# prepositions that give examples or comparisons, not who speaks ("experts, including Mr. Goldberg")
EXAMPLE_PREPOSITIONS = frozenset({"like", "unlike", "including", "such", "among", "besides"})
# what a person writes or publishes in their own name: "a Trump tweet said" is Trump speaking
WORK_NOUNS = frozenset({
    "tweet", "post", "ad", "advert", "advertisement", "video", "letter", "statement", "book", "memo",
    "email", "e-mail", "speech", "remarks", "op-ed", "column", "essay", "message", "note", "interview",
})
# what speaks for the body or person that made it ("a Gazette report", "a Quinnipiac poll", "his tweets")
PUBLISHED_NOUNS = REPORT_NOUNS | SOURCE_DOCUMENTS | WORK_NOUNS
SELF_NOUNS = DOCUMENT_NOUNS | {
    "newspaper", "paper", "publication", "outlet", "site", "website", "analysis", "newsroom",
    "review", "investigation", "story", "article", "magazine", "station", "channel",
}
FROM_HEADER = re.compile(r"^From (?P<who>(?:the |our )?[A-Z][^\n:]{1,60}):\s*$", re.MULTILINE)
SIGNATURE_LINE = re.compile(r"^[ \t]*[—–―\-]{1,2}[ \t]*(?P<who>[A-Z][^\n]{1,80}?)[ \t]*$", re.MULTILINE)
# the same signature on the quote's own line: '"…" ― Name' (pull quotes, epigraphs, reader voices)
SIGNATURE_TAIL = re.compile(r"[”\"'.,]*[ \t\xa0]*[—–―]{1,2}[ \t\xa0]*(?P<who>[A-Z][^\n]{1,80}?)[ \t\xa0.]*$")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed statement: its content span, cue and source spans, and who said it."""

    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    source_span: tuple[int, int] | None = None
    reported_by: str | None = None
    date: str | None = None
    follows: tuple[int, int] | None = None  # the earlier part of the same statement (split quotes)
    relay_span: tuple[int, int] | None = None  # who passes the statement on ("according to the Post")
    relay_cue_span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class _Mention:
    """A resolved speaker seen at a position (antecedent for pronouns and "the official")."""

    position: int
    speaker: Speaker
    gender: str | None


# -- entry point --------------------------------------------------------------------------------
def attributions(doc: Document, parsed: Any, entities: Sequence[Entity] = ()) -> list[Attribution]:
    """Every attributed statement of the document, ordered by position, none overlapping."""
    context = _Context(doc, parsed, entities)
    fixed = context.posts()
    turns = context.turns(fixed)
    pending = context.marked(fixed + turns)
    pending += context.indirect(fixed, pending)
    spoken = {(p.start, p.end) for p in pending if p.cue is not None and _lemma(p.cue) in SPEECH_LEMMAS}
    nested = _nest(doc.text, turns, context.resolve(pending), spoken)
    return sorted(fixed + nested, key=lambda a: (a.start, a.end))


def _nest(text: str, turns: list[Attribution], found: list[Attribution],
          spoken: set[tuple[int, int]]) -> list[Attribution]:
    """Transcript turns with what someone else was reported saying inside them taken out as that
    person's statements ("REPORTER: The president said yesterday that the militia has been
    defeated. Is he wrong?": the president's claim, dated, inside the reporter's turn). The turn
    goes on around them in parts, each continuing the one before; what the turn's own speaker
    reports ("VOSS: We estimate that …") stays in the turn, and so do positions and beliefs it
    ascribes to others ("Clinton apparently thinks …"): only what someone ``spoken`` (the spans
    whose cue is a verb of saying) is taken out."""
    out = [a for a in found if not any(t.start < a.end and a.start < t.end for t in turns)]
    for turn in turns:
        inner = [a for a in found if turn.start <= a.start and a.end <= turn.end
                 and (a.start, a.end) in spoken and _someone_else(a.speaker, turn) and _told(text, a)]
        cursor, previous = turn.start, None
        for part_end, next_start in [*((a.start, a.end) for a in inner), (turn.end, turn.end)]:
            start, _ = _trim(text, cursor, part_end, TURN_PART_STRIP)  # not ". Is he wrong?"
            _, end = _trim(text, cursor, part_end)
            if re.search(r"\w", text[start:end]):
                out.append(replace(turn, start=start, end=end, follows=previous))
                previous = (start, end)
            cursor = next_start
        out.extend(inner)
    return out


def _told(text: str, statement: Attribution) -> bool:
    """Whether a statement reported inside a turn tells something: not one the turn asks for
    ("Can the minister confirm how many soldiers remain?") nor a request ("Two more countries
    have asked to join"), both of which stay the turn's own words."""
    if text.startswith("to ", statement.start):
        return False
    closing = SENTENCE_CLOSE.search(text, statement.end - 1)
    return closing is None or closing.group() != "?"


def _turn(match: re.Match[str], start: int, end: int, speaker: Speaker) -> Attribution:
    """A transcript or interview turn: its words at start..end, its label the source, the colon the cue."""
    return Attribution(start, end, "direct", speaker, cue=":",
                       cue_span=(match.end("label"), match.end("label") + 1),
                       source_span=(match.start("label"), match.end("label")))


def _overlaps_sorted(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether start..end overlaps one of ``spans`` (sorted by start, not overlapping each other)."""
    index = bisect.bisect_left(spans, (end,)) - 1
    return index >= 0 and spans[index][1] > start


def _someone_else(speaker: Speaker, turn: Attribution) -> bool:
    """Whether a statement inside a turn is another speaker's: named or described, and not the
    turn's own speaker (an unknown or first-person speaker is the turn's)."""
    if speaker == Speaker() or (speaker.anonymous and not speaker.description):
        return False
    if speaker.name is not None:
        return speaker.name != turn.speaker.name
    return bool(speaker.role or speaker.description) and speaker.role != turn.speaker.role


@dataclass(frozen=True, slots=True)
class Relay:
    """Who passes a statement on, and where the text says so: "according to the Gazette, the
    mayor said ...", "the mayor said ..., the Gazette reported"."""

    name: str
    span: tuple[int, int]
    cue_span: tuple[int, int]


@dataclass(slots=True)
class _Pending:
    """A statement found before its speaker is resolved (speakers resolve in reading order)."""

    start: int
    end: int
    kind: QuoteKind
    cue: Any = None  # the cue token
    subject: Any = None  # the subject token naming the speaker
    cue_text: str | None = None
    cue_span: tuple[int, int] | None = None
    reported_by: str | None = None
    date: str | None = None
    signature: tuple[Speaker, tuple[int, int]] | None = None
    follows: _Pending | None = None  # continues this earlier quote's speaker
    tail: _Pending | None = None  # the rest of a statement split by its cue ("A, she said, B")
    relay: Relay | None = None


class _Context:
    """What the rules share about one document: text, parse, entities, speakers seen so far."""

    def __init__(self, doc: Document, parsed: Any, entities: Sequence[Entity]) -> None:
        self.doc = doc
        self.text: str = doc.text
        self.parsed = parsed
        self.entities = sorted(entities, key=lambda e: e.start)
        self._entity_starts = [e.start for e in self.entities]
        self.people: list[tuple[int, int, str]] = []  # PERSON mentions (start, end, text)
        self.mentions: list[_Mention] = []  # kept sorted by position
        self.spans: list[tuple[int, int]] = []
        self._span_starts: list[int] = []
        self._organisations: dict[str, bool] = {}
        self.ents = [self._restated(e) for e in parsed.ents]  # Doc.ents rebuilds its list on every access
        self._ent_starts = [e.start for e in self.ents]
        self._org_texts = {e.text for e in self.ents if e.label_ in ("ORG", "GPE", "NORP")}
        self.genders: dict[str, str] = {}
        # "according to X" and "reported" tokens by sentence: the few places a relay can stand
        self._relay_words: dict[int, list[Any]] = {}
        self._sentence_of: list[int] = [0] * len(parsed)  # token index -> its sentence's first token
        for sent in parsed.sents:
            self._sentence_of[sent.start:sent.end] = [sent.start] * (sent.end - sent.start)
            for token in sent:
                according = token.lemma_ == "accord" and token.i + 1 < sent.end and token.nbor().lower_ == "to"
                if according or (token.lemma_ == "report" and token.pos_ == "VERB"):
                    self._relay_words.setdefault(sent.start, []).append(token)
        for ent in self.ents:
            if ent.label_ == "PERSON":
                self.people.append((ent.start_char, ent.end_char, ent.text))
        tagged = [(s, e) for s, e, _ in self.people]  # sorted: the tagger's entities come in order
        for entity in self.entities:  # people the entity stage found and the tagger missed ("Mayor Ana Ruiz")
            if entity.label == "PERSON" and not _overlaps_sorted(entity.start, entity.end, tagged):
                self.people.append((entity.start, entity.end, entity.text))
        self.people.sort()
        # the surnames of the people named in full ("Mattis" of "Jim Mattis")
        self.surnames = {_clean_name(n).split()[-1] for _s, _e, n in self.people if " " in _clean_name(n)}
        self._learned: set[tuple[int, int, str]] = set()  # full names found by the speaker rules
        self._said: list[tuple[int, int]] = []  # contents of the statements resolved so far, sorted
        self.anchor = _anchor_date(doc)

    def _restated(self, ent: Any) -> Any:
        """The tagger's entity with the entity stage's label where that stage corrected it from or
        to a person ("reports from Tell Amar", "told Harbour Wire"), so neither is taken for a
        speaker or a pronoun's antecedent."""
        if not self.entities:
            return ent
        index = bisect.bisect_right(self._entity_starts, ent.end_char) - 1
        while index >= 0 and self.entities[index].end > ent.start_char:
            entity = self.entities[index]
            if entity.start >= ent.start_char and entity.end <= ent.end_char and entity.label != ent.label_ \
                    and "PERSON" in (entity.label, ent.label_) and 2 * (entity.end - entity.start) >= len(ent.text):
                return Span(self.parsed, ent.start, ent.end, label=entity.label)
            if entity.start < ent.start_char and entity.end == ent.end_char and entity.label == "PERSON" \
                    and ent.label_ != "PERSON":  # "Ana Weiss" where the tagger had the body "Weiss"
                wider = self.parsed.char_span(entity.start, entity.end, label="PERSON")
                if wider is not None:
                    return wider
            index -= 1
        return ent

    # 1. posts -----------------------------------------------------------------------------------
    @functools.cached_property
    def _token_starts(self) -> list[int]:
        """Character offset of every token (built on first use: most documents never need it)."""
        return [t.idx for t in self.parsed]

    @functools.cached_property
    def _issuer(self) -> str | None:
        """The body a header line of the document names, if any (read on first use)."""
        return issuer(self.doc.text[:HEADER_CHARS])

    def posts(self) -> list[Attribution]:
        out = []
        for post in self.doc.posts:
            start, end = _trim(self.text, max(0, post.start), min(len(self.text), post.end))
            reply = REPLYING_TO.match(self.text, start, end)
            if reply is not None:  # "Replying to @GovDunn": the platform's line, not the post's words
                start = reply.end()
            if end <= start:
                continue
            name = post.author or post.handle
            role = None
            if post.author:  # "Governor Pavel Dunn (@GovDunn)": Pavel Dunn, governor
                parts = split_role(post.author)
                if parts.role and _person_like(parts.name):
                    name, role = parts.name, parts.role
            person = bool(name and post.author and (role is not None or self._post_person(name)))
            if person and name:  # "Whitfield told reporters" after her post; "he wrote" after his
                self._learn_person(start, end, name)
            speaker = Speaker(
                name=name, role=role, entity=self._entity_id(name, start, end) if name else None,
                description=post.handle if post.author and post.handle else None,
            )
            if person:
                self._remember(start, speaker, None)
            out.append(Attribution(start, end, "post", speaker, cue="posted", date=post.date))
        return out

    @staticmethod
    def _post_person(name: str) -> bool:
        """Whether a post's author is a person: a name of a person's shape with no word of a body's
        name ("Sefra Relief" is a group: no "he" is it)."""
        return _person_like(name) and not any(w.lower() in BODY_WORDS | AID_WORDS for w in name.split())

    # 2. transcripts and press releases ------------------------------------------------------------
    def turns(self, taken: list[Attribution]) -> list[Attribution]:
        out: list[Attribution] = []
        matches = [m for m in TURN_LABEL.finditer(self.text) if is_turn_label(m.group("label"))]
        strong = [m for m in matches if self._label_names_someone(m.group("label"))
                  or self._label_is_entity(m.start("label"), m.end("label"))]
        if len(matches) >= 2 or strong:
            chosen = matches if len(matches) >= 2 else strong
            for number, match in enumerate(chosen):
                following = chosen[number + 1].start() if number + 1 < len(chosen) else None
                body_end = match.end("body")
                if len(chosen) >= MIN_TRANSCRIPT_TURNS and following is not None and match.start() > 0 \
                        and match in strong:  # "The Gap Goes On:" heads a section; "VOSS:" speaks
                    body_end = self._turn_goes_on(body_end, following, match.group("label"))
                start, end = _trim(self.text, match.start("body"), body_end)
                if end <= start or _overlaps_any(start, end, taken):
                    continue
                label = match.group("label")
                speaker = self._office_holder(match) or self._speaker_from_label(
                    label, match.start("label"), match.end("label"))
                out.append(_turn(match, start, end, speaker))
        out += self._interview(taken + out)
        for header in FROM_HEADER.finditer(self.text):
            block_start = header.end()
            block_end = self.text.find("\n\n", block_start + 2)
            block_end = len(self.text) if block_end == -1 else block_end
            start, end = _trim(self.text, block_start, block_end)
            if end <= start or _overlaps_any(start, end, taken + out):
                continue
            who = header.group("who")
            portfolio = PORTFOLIO.fullmatch(who.strip())
            if portfolio is not None and is_role_word(portfolio.group("title")):
                # "From the Minister of Transport:": an office, not a name ("Secretary of State
                # Blinken" as a transcript's turn label is a name); a sign-off may name who holds it
                office = " ".join(portfolio.group("office").split())
                speaker = self._signed_by(office, block_end) or Speaker(role=office, description=who.strip())
                self._remember(header.start("who"), speaker, None)
            else:
                speaker = self._speaker_from_label(who, header.start("who"), header.end("who"))
            out.append(Attribution(start, end, "direct", speaker, cue="from",
                                   source_span=(header.start("who"), header.end("who"))))
        return out

    def _interview(self, taken: list[Attribution]) -> list[Attribution]:
        """A question-and-answer interview ("Q: …" / "A: …", "Question:" / "Answer:"): the answers
        are the interviewee's, named where the text introduces the interview ("an interview with
        Mayor Ana Ruiz", "Ruiz spoke to …"), else an unnamed interviewee; the questions are the
        interviewer's. Each turn runs on over its paragraphs up to the next, like a transcript's."""
        lines = list(INTERVIEW_LINE.finditer(self.text))
        answers = [m for m in lines if m.group("label").lower().startswith("a")]
        if len(answers) < MIN_ANSWERS or len(answers) == len(lines):
            return []
        interviewee = self._interviewee(lines[0].start())
        out: list[Attribution] = []
        for number, match in enumerate(lines):
            following = lines[number + 1].start() if number + 1 < len(lines) else None
            body_end = match.end("body")
            if following is not None:
                body_end = self._turn_goes_on(body_end, following, "")
            start, end = _trim(self.text, match.start("body"), body_end)
            if end <= start or _overlaps_any(start, end, taken):
                continue
            answer = match.group("label").lower().startswith("a")
            out.append(_turn(match, start, end, interviewee if answer else Speaker(role="interviewer")))
        return out

    def _interviewee(self, before: int) -> Speaker:
        """Who an interview is with: the person its introduction names as interviewed ("an
        interview with Mayor Ana Ruiz", "Mayor Ana Ruiz spoke to the Times"), else the one person
        the introduction names; an unnamed interviewee otherwise (never a guess between two)."""
        intro = self.text[:before]
        named = [(s, e, n) for s, e, n in self.people if e <= before]
        for pattern in (INTERVIEWED_WITH, INTERVIEWED_SPEAKS):
            for match in pattern.finditer(intro):
                who = next(((s, e, n) for s, e, n in named if match.start("who") <= s < match.end("who")), None)
                if who is not None:
                    return self._interviewed(*who)
        distinct = {_clean_name(n) for _s, _e, n in named}
        if len(distinct) == 1:
            return self._interviewed(*named[0])
        return Speaker(role="interviewee")

    def _interviewed(self, start: int, end: int, name: str) -> Speaker:
        line = name.split("\n", 1)[0]  # a title's name the tagger ran into the next line
        end = start + len(line)
        full = self._full_name(_clean_name(line), start)
        speaker = Speaker(name=full, entity=self._entity_id(full, start, end))
        self._remember(start, speaker, None)
        return self._merge_known(speaker)

    def _turn_goes_on(self, end: int, following: int, label: str) -> int:
        """Where a transcript turn ends: its line, or the paragraphs after it up to the next turn
        ("VOSS: Good morning." / "Over the past 24 hours …" / "REPORTER: …") when they are few
        and short enough to be one person speaking, not the rest of an article: none names the
        speaker ("… Pence said …") or introduces what follows ("Partial transcript as follows:").
        (A document's first line is a headline, never extended: the caller checks.)"""
        gap = self.text[end:following]
        paragraphs = [p for p in gap.split("\n") if p.strip()]
        if not paragraphs or len(paragraphs) > MAX_TURN_PARAGRAPHS or len(gap) > MAX_TURN_CHARS:
            return end
        surname = label.rsplit(maxsplit=1)[-1].strip(".").lower() if label.split() else ""
        if any(p.rstrip().endswith(":") for p in paragraphs) or (
                surname and re.search(rf"\b{re.escape(surname)}\b", gap.lower())):
            return end
        return end + len(gap.rstrip())

    def _label_is_entity(self, start: int, end: int) -> bool:
        return any(e.label_ in ("PERSON", "ORG") and e.start_char <= start and end <= e.end_char + 1
                   for e in self.ents if e.start_char < end and start < e.end_char)

    def _label_names_someone(self, label: str) -> bool:
        """"Commissioner Jane Roe", "SEN. SMITH", "PENCE": labels that are clearly a speaker."""
        if any(is_role_word(w) for w in label.split()) and len(label.split()) >= 2:
            return True
        letters = [c for c in label if c.isalpha()]
        return len(letters) >= 3 and label.isupper() and len(label.split()) <= 3

    def _office_holder(self, match: re.Match[str]) -> Speaker | None:
        """A parliamentary record's label: an office with its holder's name in brackets ("THE
        MINISTER FOR DEFENCE (Ms Anna Kovac):") is that person, with the office as her role;
        None when the label is no office or the brackets hold no name ("MR HOLM (Northshore):"
        is the member for a seat)."""
        aside = match.group("aside")
        words = match.group("label").split()
        if aside is None or not words:
            return None
        office = words[1:] if words[0].lower() == "the" else words
        if not office or not is_role_word(office[0]):
            return None
        holder = split_role(aside.strip())
        parts = holder.name.split()
        if not 2 <= len(parts) <= 4 or not all(p[:1].isupper() and p.replace("-", "").replace("'", "").isalpha()
                                               for p in parts) or any(is_role_word(p) for p in parts):
            return None
        start = match.start("aside") + aside.find(holder.name)
        end = start + len(holder.name)
        role = " ".join(w if not w.isupper() else (w.lower() if w.lower() in TITLE_SMALL_WORDS else w.title())
                        for w in office)
        self._learn_person(start, end, holder.name)
        speaker = Speaker(name=holder.name, role=role, entity=self._entity_id(holder.name, start, end))
        self._remember(match.start("label"), speaker, given_name_gender(holder.name))
        return speaker

    def _speaker_from_label(self, label: str, start: int, end: int) -> Speaker:
        if label.lower().strip() in GENERIC_LABELS:  # "REPORTER:": a role, not a name
            return Speaker(role=label.strip().lower(), description=label.strip())
        parts = split_role(label)  # "ADM. CALDER", "SECRETARY OF STATE BLINKEN", "MR. JONES"
        words = parts.name.split()
        if words and all(w.lower() in ("the", "our", "of") or is_role_word(w) for w in words):
            parts = replace(parts, name="", role=" ".join(w for w in words if w.lower() not in ("the", "our")))
        name = parts.name or None  # "THE PRESIDENT": a role, resolved to who holds it below
        if name and name.isupper() and len(name) > 3:
            name = name.title()
        role_text = parts.role or None
        if role_text and role_text.isupper():
            role_text = role_text.title()
        full = self._full_name(name, start) if name else None
        speaker = Speaker(name=full, role=role_text, entity=self._entity_id(full, start, end) if full else None)
        if full is not None and " " in full and name == full:  # "COL. ANIKA VOSS:" names the later "VOSS:"
            self._learn_person(start, end, full)
        if full is not None and role_text is None:
            # "VOSS:" after "COL. ANIKA VOSS:": Anika Voss, colonel; "MS ANNA KOVAC:" after "THE
            # MINISTER FOR DEFENCE (Ms Anna Kovac):": the minister
            speaker = self._merge_known(speaker)
        if full is None and role_text:
            speaker = self._resolve_role(role_text.split()[-1].lower(), start) or replace(
                speaker, description=label)
        self._remember(start, speaker, None)
        return speaker

    def _signed_by(self, office: str, after: int) -> Speaker | None:
        """The person a closing sign-off ("— Minister Paul Okafor") names when the sign-off's title
        is the office's ("Minister of Transport"); None when the document has no such sign-off."""
        body = self.text.rstrip()
        line_start = body.rfind("\n") + 1  # the document's last line
        signature = SIGNATURE_LINE.fullmatch(body, max(line_start, after)) if line_start >= after else None
        if signature is None:
            return None
        who = signature.group("who").strip().rstrip(".")
        name, _, role = who.partition(",")
        parts = split_role(name)
        title = (parts.role or role).split()
        if not parts.name or len(parts.name.split()) > 4 or not title:
            return None
        if not title_words(office) & title_words(" ".join(title)):
            return None
        span = (signature.start("who"), signature.start("who") + len(name))
        return Speaker(name=parts.name, role=office, entity=self._entity_id(parts.name, *span))

    # 3. and 4. quotation marks --------------------------------------------------------------------
    def marked(self, taken: list[Attribution]) -> list[_Pending]:
        self.spans = [s for s in quote_spans(self.text)
                      if not _overlaps_any(s[0], s[1], taken) and not self._is_nickname(*s)]
        self._span_starts = [s for s, _ in self.spans]
        out: list[_Pending] = []
        used: set[int] = set()
        previous: _Pending | None = None
        for start, end in self.spans:
            kind: QuoteKind = "partial" if self._is_partial(start) else "direct"
            if kind == "partial" and self._is_title(start, end):
                continue  # 'on Fox News's "Fox and Friends"': a programme's name, not words anyone said
            item = _Pending(start, end, kind)
            found = self._cue_for(start, end, self.spans, set() if kind == "partial" else used,
                                 partial=kind == "partial")
            if found is not None:
                cue, subject, item.reported_by = found
                item.relay = self._relay(cue)  # "…," the mayor said, according to the Gazette
                if item.relay is not None:
                    item.reported_by = item.relay.name
                used.add(cue.i)
                item.cue, item.subject = cue, subject
                item.cue_text = "according to" if cue.lemma_ == "accord" else cue.text
                item.cue_span = _cue_span(cue)
                item.date = self._statement_date(cue)
            else:
                item.signature = self._signature_after(end)
                if item.signature is not None:
                    item.cue_text = "—"
                elif previous is not None and self._continues(previous, start, end, kind):
                    item.follows = previous
                    item.reported_by, item.date, item.relay = previous.reported_by, previous.date, previous.relay
                    item.cue_text = previous.cue_text
                elif kind == "partial" or len(self.text[start:end].split()) < 4:
                    continue  # scare quotes and titles: not a statement anyone is said to have made
            out.append(item)
            previous = item
        return out

    def resolve(self, pending: list[_Pending]) -> list[Attribution]:
        """Speakers for the pending statements, in reading order (antecedents come first)."""
        speakers: dict[int, tuple[Speaker, tuple[int, int] | None]] = {}
        known = {id(p): p for p in pending}
        for item in pending:  # a quote may follow one absorbed into a reported clause
            earlier = item.follows
            while earlier is not None and id(earlier) not in known:
                known[id(earlier)] = earlier
                earlier = earlier.follows
        order = sorted(known.values(), key=lambda p: (p.subject.idx if p.subject is not None else p.start))
        for item in order:
            if item.subject is not None:
                speakers[id(item)] = self._speaker_of(item.subject, item.cue)
                bisect.insort(self._said, (item.start, item.end))
            elif item.signature is not None:
                speakers[id(item)] = item.signature[0], item.signature[1]
            else:
                speakers[id(item)] = Speaker(), None
        out = []
        for item in sorted(pending, key=lambda p: p.start):
            speaker, source_span = speakers[id(item)]
            if item.follows is not None:  # a continued quote: the same speaker, named back there
                speaker, source_span = speakers[id(item.follows)]
                speakers[id(item)] = speaker, source_span
            if item.kind == "partial" and speaker == Speaker():
                continue
            if speaker == Speaker() and item.subject is not None and item.subject.lower_ == "it" \
                    and _lemma(item.cue) not in SPEECH_LEMMAS:
                continue  # "it plans to …" with no body to take back: no one holds the position
            if source_span is not None and source_span[0] < item.start < source_span[1]:
                # a subject phrase the parse ran into the content ("A majority of voters expect X")
                source_span = _trim(self.text, source_span[0], item.start)
            out.append(Attribution(
                item.start, item.end, item.kind, speaker, cue=item.cue_text, cue_span=item.cue_span,
                source_span=source_span, reported_by=item.reported_by, date=item.date,
                follows=(item.follows.start, item.follows.end) if item.follows is not None else None,
                relay_span=item.relay.span if item.relay else None,
                relay_cue_span=item.relay.cue_span if item.relay else None,
            ))
        return out

    def _is_title(self, start: int, end: int) -> bool:
        """A title-case name in quotation marks after a possessive or "on"/"in"/"from"."""
        words = re.findall(r"[^\W\d_][\w'’-]*", self.text[start:end])
        content = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
        if not content or len(words) > 10 or not all(w[0].isupper() for w in content):
            return False
        before = self.text[max(0, start - 12):start - 1].rstrip().lower()
        return before.endswith(("'s", "’s", " on", " in", " from"))

    def _is_nickname(self, start: int, end: int) -> bool:
        """One or two capitalised words in quotation marks between two names ('Marcia "Cia" Price')."""
        words = self.text[start:end].split()
        before = re.search(r"([A-Z][\w.'’-]*)\s*[\"“‘']$", self.text[max(0, start - 30):start])
        after = re.match(r"[\"”’']\s*[A-Z]", self.text[end:end + 3])
        return 0 < len(words) <= 2 and all(w[:1].isupper() for w in words) and bool(before) and bool(after)

    def _is_partial(self, start: int) -> bool:
        """A quote opened in the middle of a clause ("a "full" withdrawal"), not after a cue."""
        line_start = self.text.rfind("\n", 0, start) + 1
        before = self.text[line_start:start - 1].rstrip()
        if not before or before[-1] in ":,.;!?—–-(\"“”" or before.endswith("..."):
            return False
        words = re.findall(r"[\w'’]+", before[-40:])
        if not words:
            return False
        last = words[-1].lower()
        lemmas = {"said", "says", "say", "added", "adds", "wrote", "writes", "tweeted", "told", "asked",
                  "declared", "stated", "announced", "insisted", "warned", "continued", "replied"}
        if last in lemmas:
            return False
        sentence_start = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
        return sentence_start < len(before) - 1

    def _cue_for(
        self, start: int, end: int, spans: list[tuple[int, int]], used: set[int], *, partial: bool = False
    ) -> tuple[Any, Any, str | None] | None:
        """(cue token, subject token, outlet told) nearest the quote within its frame, else None.

        The frame is the quote's line between the neighbouring quotes; a cue already taken by an
        earlier quote is not reused (the later quote then continues that speaker instead).
        """
        line_start = self.text.rfind("\n", 0, start) + 1
        index = bisect.bisect_left(self._span_starts, start)
        before = spans[index - 1][1] + 1 if index > 0 and spans[index - 1][1] < start else 0
        frame_start = max(before, line_start)
        opening = None
        if partial:  # a partial quote shares its sentence's cue with the other partial quotes
            opening = self.parsed.char_span(start, end, alignment_mode="expand")
            frame_start = opening.sent.start_char if opening is not None else line_start
        following = bisect.bisect_right(self._span_starts, end)
        next_open = [spans[following][0] - 1] if following < len(spans) else []
        line_end = self.text.find("\n", end)
        frame_end = min([*next_open, line_end if line_end != -1 else len(self.text)])
        if opening is not None:  # a partial quote's cue is in its own sentence
            frame_end = min(frame_end, opening.sent.end_char)
        frame = self.parsed.char_span(frame_start, max(frame_start, frame_end), alignment_mode="expand")
        candidates = []
        for sent in [frame] if frame is not None else []:
            for token in sent:
                if not frame_start <= token.idx < frame_end or start <= token.idx < end or token.i in used:
                    continue
                if self._in_quote(token.idx):
                    continue
                lemma = token.lemma_.lower()
                subject = None
                # 'Peabody said: "…," adding that …': the cue that introduces the quote with a colon wins;
                # so does any verb that does ('McCaskill scolded him: "…," she said')
                intro = token.idx < start and bool(COLON_INTRO.fullmatch(self.text[token.idx + len(token.text):start]))
                speech = token.pos_ in ("VERB", "AUX") and (
                    lemma in SPEECH_LEMMAS or lemma in FRAMING_LEMMAS or lemma in QUOTE_ONLY_LEMMAS)
                if speech or (token.pos_ == "VERB" and intro and not partial and lemma not in LIGHT_VERBS):
                    subject = _subject(token)
                elif lemma == "accord" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
                    subject = next((c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"), None)
                if subject is not None and self._in_quote(subject.idx):
                    # '"… One of the brightest members," Rep. Cummings said': a sentence break inside
                    # the quote made its last words the subject
                    subject = _after_closing_quote(token)
                if subject is None:
                    continue
                distance = start - (token.idx + len(token.text)) if token.idx < start else token.idx - end
                weak = lemma in WEAK_LEMMAS
                # 'X said Y was "right" when he said ...': the partial quote is X's, whose clause holds it
                foreign = partial and opening is not None and not token.is_ancestor(opening[0])
                # '"…," when Clinton blasted him': a report in a clause about time or cause after
                # the quote is not its closing cue
                subordinate = token.idx >= end and any(
                    word.lower() in SUBORDINATORS for word in re.findall(r"\w+", self.text[end:token.idx]))
                # '"We will not retreat," says general' right after the quote names its speaker,
                # whatever a colon before it seems to say ("Varda talks:" in a headline)
                inverted = (token.idx >= end and subject.i > token.i
                            and re.fullmatch(r"[\s,\"”’']*", self.text[end:token.idx]) is not None)
                # 'The army denied the claim. "…," spokesman Rami Saad told reporters': a cue in the
                # sentence before the quote yields to one in the quote's own sentence
                behind = (token.idx < start and not intro
                          and re.search(r"[.!?][\s\"”’']", self.text[token.idx:start - 1]) is not None)
                candidates.append((not inverted, not intro, subordinate, lemma in REPORT_LEMMAS, weak, foreign,
                                   behind, distance, token, subject))
        if not candidates and not partial:
            return self._colon_intro(start, used)
        if not candidates:
            return None
        candidates.sort(key=lambda c: c[:8])
        *_, cue, subject = candidates[0]
        return cue, subject, self._told_outlet(cue)

    def _colon_intro(self, start: int, used: set[int]) -> tuple[Any, Any, str | None] | None:
        """"She added:" on the line before a quote that opens its own paragraph: that cue."""
        line_start = self.text.rfind("\n", 0, start) + 1
        if self.text[line_start:start - 1].strip():
            return None
        previous_end = len(self.text[:line_start].rstrip())
        if previous_end == 0 or self.text[previous_end - 1] != ":":
            return None
        colon = self.parsed.char_span(previous_end - 1, previous_end, alignment_mode="expand")
        if colon is None:
            return None
        for token in reversed(list(colon.sent)):
            if token.i >= colon.start or token.i in used or self._in_quote(token.idx):
                continue
            if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_LEMMAS:
                subject = _subject(token)
                if subject is not None:
                    return token, subject, self._told_outlet(token)
        return None

    def _clip(self, position: int, start: int, end: int) -> tuple[int, int]:
        """The part of ``start..end`` in the same line as ``position`` (parses can run over breaks)."""
        line_start = self.text.rfind("\n", 0, position) + 1
        line_end = self.text.find("\n", position)
        line_end = len(self.text) if line_end == -1 else line_end
        return _trim(self.text, max(start, line_start), min(end, line_end))

    def _ents_between(self, tokens: list[Any]) -> list[Any]:
        """The entities starting within the token range of ``tokens`` (first to last)."""
        if not tokens:
            return []
        low = bisect.bisect_left(self._ent_starts, min(t.i for t in tokens))
        high = bisect.bisect_right(self._ent_starts, max(t.i for t in tokens))
        return self.ents[low:high]

    def _ent_at(self, token: Any) -> Any:
        """The spaCy entity holding ``token``, or None."""
        index = bisect.bisect_right(self._ent_starts, token.i) - 1
        ent = self.ents[index] if index >= 0 else None
        return ent if ent is not None and ent.start <= token.i < ent.end else None

    def _located(self, token: Any) -> bool:
        """``_located`` with the entity stage's label of the token's entity."""
        ent = self._ent_at(token)
        return _located(token, ent.label_ if ent is not None else None)

    def _in_quote(self, position: int) -> bool:
        index = bisect.bisect_right(self._span_starts, position) - 1
        return index >= 0 and self.spans[index][0] <= position < self.spans[index][1]

    def _told_outlet(self, cue: Any) -> str | None:
        if cue.lemma_ != "tell":
            return None
        for child in cue.children:
            ent = self._ent_at(child) if child.dep_ in ("dobj", "dative", "iobj") else None
            if ent is not None and ent.label_ == "ORG":  # with the entity stage's labels ("Harbour Wire")
                return _strip_the(_phrase_text(child))
        return None

    def _signature_after(self, end: int) -> tuple[Speaker, tuple[int, int]] | None:
        """A ``— Name, Title`` signature closing the quote's line, or on the line right after it."""
        line_end = self.text.find("\n", end)
        match = SIGNATURE_TAIL.match(self.text, end + 1, len(self.text) if line_end == -1 else line_end)
        if match is None:
            if line_end == -1 or self.text[end + 1:line_end].strip(" ”\"'.,"):
                return None
            match = SIGNATURE_LINE.match(self.text, line_end + 1)
        if match is None:
            return None
        who = match.group("who").strip().rstrip(".")
        name, _, role = who.partition(",")
        titled = split_role(name) if len(name.split()) > 2 else None  # "— Mayor Ana Ruiz", not "— Ana Ruiz"
        person = titled.name if titled is not None else " ".join(name.split())
        if not person or len(person.split()) > 5:
            return None
        role_text = role.strip() or (titled.role if titled is not None else None) or None
        span = (match.start("who"), match.start("who") + len(who))
        speaker = Speaker(name=person, role=role_text, entity=self._entity_id(person, *span))
        self._remember(span[0], speaker, None)
        return speaker, span

    def _continues(self, previous: _Pending, start: int, end: int, kind: QuoteKind) -> bool:
        """A quote with no cue continues the one before when nothing but quotes lies between, when
        the cue stands between them, or in the paragraph (or the one after) of a statement whose
        speaker the text gave, with no one else named in between."""
        gap = self.text[previous.end:start]
        if gap.count("\n") > 2 or len(gap) > 400:
            return False
        if not re.sub(r"[\s”“\"'.,;]+", "", gap):
            return True
        if previous.cue is not None and previous.end <= previous.cue.idx < start:
            if len(gap.split()) <= 10:
                return True  # '"...," she said. "..."': the second part goes on with the same speaker
            # '"...," said Jo Roe, a professor at the college. "..."': the cue's sentence ends the gap
            after = self.text[previous.cue.sent.end_char:start] if previous.cue.sent.end_char <= start else None
            if after is not None and "\n" not in gap and not re.sub(r"[\s”“\"']+", "", after):
                return True
        # a paragraph that only holds the quote continues the speaker of the paragraph before,
        # unless someone else is named in between
        line_start = self.text.rfind("\n", 0, start) + 1
        if self.text[line_start:start - 1].strip() == "" and "\n" in gap:
            between = self.text[previous.end:line_start]
            return not any(previous.end <= s < line_start for s, _e, _n in self.people) and len(between) < 300
        # '… she said, referring to the firm's drive to "cross-sell" berths. "You went on television
        # to blame …"': a quoted sentence in the same paragraph, with no one else named or speaking
        if kind != "direct" or previous.cue is None or "\n" in gap or len(gap) > 200:
            return False
        if len(self.text[start:end].split()) < 4 or not self.text[start:start + 1].isupper():
            return False
        if not re.search(r"[.!?][\s\"'”’]*$", self.text[max(0, start - 40):start - 1]):
            return False
        first = bisect.bisect_left(self._token_starts, previous.end)
        last = bisect.bisect_left(self._token_starts, start)
        return not any(t.ent_type_ in ("PERSON", "ORG", "NORP") or (t.pos_ == "VERB" and (
            _lemma(t) in REPORTING_LEMMAS)) for t in self.parsed[first:last])

    # 5. indirect speech ------------------------------------------------------------------------------
    def indirect(self, taken: list[Attribution], marked: list[_Pending]) -> list[_Pending]:
        """Reported speech; a clause that holds partial quotes absorbs them (counted once).
        Statements are looked for inside transcript turns too (``taken`` holds none): see ``_nest``."""
        for quoted in marked:  # 'said that, "Of course he will defend himself" against what …'
            self._widen_to_clause(quoted, marked)
        posts = [a for a in taken if a.kind == "post"]
        blocked = [(a.start, a.end) for a in taken] + [(p.start, p.end) for p in marked if p.kind != "partial"]
        cues = {p.cue.i for p in marked if p.cue is not None and p.kind != "partial"}
        out: list[_Pending] = []
        headline = None if posts else self._headline(blocked)
        if headline is not None:
            out.append(headline)
            blocked.append((headline.start, headline.end))
        for sent in self.parsed.sents:
            if _overlaps_any(sent.start_char, sent.end_char, posts):
                continue
            for token in sorted(sent, key=lambda t: (not _closing_cue(t), t.i)):
                if token.i in cues or self._in_quote(token.idx):
                    continue
                lemma = _lemma(token)
                if lemma in REPORTING_LEMMAS and token.pos_ in ("VERB", "AUX") and (
                        _put_to_speaker(token) or _asks_anonymity(token) or _not_free_to_speak(token)
                        or _no_comment(token) or _withdrawn(token, self.text) or _names_its_sources(token)):
                    continue
                if lemma in SPEECH_LEMMAS and token.pos_ in ("VERB", "AUX"):
                    item = self._clausal(token, blocked) or self._parenthetical(token, blocked)
                    if item is None:  # "noted the delays", "said yes"
                        item = self._stance(token, blocked)
                    if item is None:  # "the ministry said in a statement:" + the next paragraph
                        item = self._colon_paragraph(token, blocked)
                    if item is None:  # "the story was first reported by the Post"
                        item = self._passive(token, blocked)
                elif token.pos_ == "VERB" and self._speaks(token):
                    item = self._clausal(token, blocked)
                elif token.pos_ == "VERB" and (lemma in STANCE_LEMMAS or (lemma == "see" and any(
                        c.dep_ == "prep" and c.lower_ == "as" for c in token.children))):  # "saw it as a dig"
                    item = self._stance(token, blocked + [(p.start, p.end) for p in marked if p.kind == "partial"])
                    if item is None:  # "Clinton has been endorsed by dozens of papers"
                        item = self._passive(token, blocked)
                elif lemma in PUTTING_LEMMAS and token.pos_ == "VERB":
                    item = self._put_at(token, blocked)
                elif lemma in STANCE_ADJECTIVES and token.pos_ == "ADJ" and token.dep_ == "acomp":
                    item = self._attitude(token, blocked)
                elif lemma in AGENT_NOUNS and token.pos_ == "NOUN" and token.dep_ in ("attr", "appos"):
                    item = self._agent(token, blocked)
                elif (lemma in CUE_NOUNS or lemma in STANCE_NOUNS or lemma in REPORT_NOUNS) and token.pos_ == "NOUN":
                    item = self._noun_cue(token, blocked)
                elif lemma == "accord" and token.i + 1 < sent.end and token.doc[token.i + 1].lower_ == "to":
                    if any(_reports(t) for t in sent if t.i != token.i and not token.is_ancestor(t)):
                        continue  # "According to the Gazette, the mayor said ...": the mayor's, relayed
                    item = self._according(token, sent, blocked)
                elif token.lower_ == "in" and token.dep_ == "prep" and token.head.dep_ == "ROOT":
                    item = self._in_source(token, sent, blocked)
                else:
                    continue
                if item is not None:
                    out.append(item)
                    blocked.append((item.start, item.end))
                    if item.tail is not None:
                        out.append(item.tail)
                        blocked.append((item.tail.start, item.tail.end))
        for item in out:
            for partial in [p for p in marked if p.kind == "partial"]:
                if item.start <= partial.start < item.end:  # the clause holds the partial quote
                    marked.remove(partial)
                    item.end = max(item.end, partial.end)
        return out

    def _put_at(self, verb: Any, blocked: list[tuple[int, int]]) -> _Pending | None:
        """"Health officials put the death toll at 40": an estimate, whose it is and its figure."""
        figure = next((c for c in verb.children if c.dep_ == "dobj" and _lemma(c) in FIGURE_NOUNS), None)
        at = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at" and figure is not None
                   and c.i > figure.i and any(o.dep_ == "pobj" for o in c.children)), None)
        subject = _subject_of_own(verb)
        if figure is None or at is None or not _holds_views(subject):
            return None
        last = max(t.i for t in at.subtree)
        start, end = self._clip(verb.idx, figure.left_edge.idx, verb.doc[last].idx + len(verb.doc[last].text))
        if end - start < 8 or _overlaps(start, end, blocked):
            return None
        return _Pending(start, end, "indirect", cue=verb, subject=subject, cue_text=verb.text,
                        cue_span=_cue_span(verb), date=self._statement_date(verb))

    def _widen_to_clause(self, item: _Pending, marked: list[_Pending]) -> None:
        """A quote inside a "that"-clause of its own cue, which the clause goes on past, is the
        clause: an indirect statement that quotes some of its words."""
        cue = item.cue
        if cue is None or item.kind == "partial" or item.follows is not None:
            return
        clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i and _same_line(c, cue)
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is None:
            return
        tokens = list(clause.subtree)
        mark = next(m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that")
        start, end = self._clip(cue.idx, min(mark.idx, tokens[0].idx), tokens[-1].idx + len(tokens[-1].text))
        if not (start <= item.start and item.end <= end) or (end - item.end < 15 and item.start - start < 15):
            return
        if any(other is not item and start <= other.start < end for other in marked):
            return
        item.start, item.end, item.kind = start, end, "indirect"

    def _speaks(self, verb: Any) -> bool:
        """Any verb taking a "that"-clause whose subject is a person ("Clinton quipped that ...")."""
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        subject = _subject_of_own(verb)
        if clause is None or subject is None:
            return False
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) or _noun_owner(clause):
            return False
        return subject.ent_type_ in ("PERSON", "ORG") or subject.lower_ in ("he", "she", "they")

    def _parenthetical(self, cue: Any, blocked: list[tuple[int, int]]) -> _Pending | None:
        """"Officials, he said, should be vigilant": the cue hangs off the reported clause."""
        if cue.dep_ not in ("parataxis", "advcl"):
            return None
        if any(c.dep_ in ("mark", "advmod") and c.lower_ in SUBORDINATORS and c.i < cue.i for c in cue.children):
            return None  # "... when he said that ...": a clause about the time, not a parenthetical
        if any(c.tag_ in ("WP", "WDT", "WRB") and c.i < cue.i for c in cue.children):
            return None  # "Flooding in the valley — what we know": a heading's free relative, not an aside
        hung_off_subject = cue.head.pos_ in ("NOUN", "PROPN") and (cue.dep_ == "parataxis" or any(
            c.dep_ == "mark" and c.lower_ == "as" for c in cue.children))  # "the levy, as she put it, is"
        if cue.head.pos_ not in ("VERB", "AUX") and not hung_off_subject:
            return None  # "The difference now, he told me, is ...": the parse hung the cue off the subject
        addressee = cue.lemma_.lower() in ADDRESSEE_LEMMAS
        for child in cue.children:
            said_it = child.lower_ == "it" and _as_put_it(cue)  # "as the mayor put it"
            if child.dep_ == "xcomp" or (child.dep_ == "dobj" and not (addressee and child.pos_ == "PRON")
                                         and not said_it):
                return None  # "..., he told me, ..." is still a parenthetical; "told her to go" is not
            if child.dep_ == "prep" and not _circumstance(child):
                return None
        subject = _subject_of_own(cue)
        if subject is None:
            return None
        own = list(cue.subtree)
        c_start = own[0].idx
        c_end = own[-1].idx + len(own[-1].text)
        sent = cue.sent
        before = self._clip(cue.idx, *_trim(self.text, sent.start_char, c_start))
        after = self._clip(cue.idx, *_trim(self.text, c_end, sent.end_char, strip=" \t\n,;:.—–"))
        if any(s <= cue.idx < e for s, e in blocked):
            return None
        # "The levy, as she put it, is …", "The levy, she added, could not be collected": the subject counts
        subject_before = any(c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i for c in cue.head.children)
        least = 3 if hung_off_subject or subject_before else 12
        if self._another_report(sent, *after):
            after = (after[0], after[0])  # "…, the service said, but it warned that …": a report of its own
        parts = [(a, b) for (a, b), shortest in ((before, least), (after, 12))
                 if b - a >= shortest and not _overlaps(a, b, blocked)]
        if not parts:
            return None
        if len(parts) == 2 and self.text[c_end:after[0]].strip(" ,") != "":
            parts = [max(parts, key=lambda x: x[1] - x[0])]  # "..., she said. Then ...": one side only
        items = [_Pending(a, b, "indirect", cue=cue, subject=subject, cue_text=cue.text,
                          cue_span=_cue_span(cue), date=self._statement_date(cue)) for a, b in parts]
        if len(items) == 2:  # "Lenox was a juggernaut, Clarke said, until it went bankrupt": both sides
            items[1].follows = items[0]
            items[0].tail = items[1]
        return items[0]

    @staticmethod
    def _another_report(sent: Any, start: int, end: int) -> bool:
        """Whether the words at start..end open with a conjunction and hold a verb of saying with
        a subject of its own ("but it warned that …")."""
        words = [t for t in sent if start <= t.idx < end]
        return bool(words) and words[0].lower_ in ("but", "yet", "and", "while", "although", "though") and any(
            _lemma(t) in SPEECH_LEMMAS and t.pos_ in ("VERB", "AUX") and _subject_of_own(t) is not None
            for t in words)

    def _stance(self, cue: Any, blocked: list[tuple[int, int]]) -> _Pending | None:
        """"X pledged to build", "X called for a ceasefire": a position attributed to someone."""
        subject = _subject_of_own(cue) or _inherited_subject(cue)
        partitive = subject is not None and subject.pos_ == "NUM" and any(  # "one of the doctors"
            c.dep_ == "prep" and c.lower_ == "of" for c in subject.children)
        if subject is None or (subject.pos_ not in ("PROPN", "PRON", "NOUN") and not partitive):
            return None
        if _word(subject) in ("i", "we", "you", "it", "this") and not _body_it(subject) and not (
                subject.lower_ == "it" and subject.i == subject.sent.start and _lemma(cue) not in SPEECH_LEMMAS):
            return None  # "It plans to …" opening a sentence stays only if "it" takes back a body (resolve)
        if subject.lower_ == "that" and cue.dep_ != "relcl":
            return None
        addressee = cue.lemma_.lower() in ADDRESSEE_LEMMAS  # "told reporters to wait": not content
        parts = [c for c in cue.children if c.i > cue.i and _complement(c, addressee)
                 and not (c.dep_ == "ccomp" and _reports(c) and not any(m.dep_ == "mark" for m in c.children))
                 and not _for_saying(c)]
        if not parts:
            return None
        tokens = [t for part in parts for t in _own_content(part)]
        head = parts[0]
        told = {t.i for c in cue.children if c.dep_ in ("dobj", "dative") and c not in parts for t in c.subtree}
        if any(t.is_punct and t.i not in told for t in cue.doc[cue.i + 1:min(t.i for t in tokens)]):
            return None  # "..., the officials said, the largest in years": not the verb's object
        if len(tokens) < 2 and (head.pos_ != "PROPN" or len(parts) > 1) and not (
                _lemma(cue) in ESTIMATING_LEMMAS and head.like_num):  # "the UN estimates 28,000"
            return None
        if len(parts) == 1 and head.lower_ in CONTENT_PRONOUNS:
            return None
        if head.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL", "PERCENT") and _lemma(cue) not in ESTIMATING_LEMMAS:
            return None  # "raised $100 million", "approved $20 million for schools": an amount, not what was said
        if cue.lemma_.lower() == "raise" and head.lemma_.lower() not in RAISED_NOUNS:
            return None  # "raised questions about", not "raised taxes"
        if cue.lemma_.lower() == "continue" and head.dep_ != "ccomp":
            return None  # '"...," he continued', not "continued their attacks"
        if cue.lemma_.lower() in ("tie", "link") and not any(c.dep_ == "prep" and c.lower_ in ("to", "with")
                                                             for c in cue.children):
            return None  # "linked cybersecurity to her emails", not "the candidates are tied"
        start, end = self._clip(cue.idx, min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens))
        if end <= start or end <= cue.idx or _overlaps(start, end, blocked):
            return None
        if any(s <= cue.idx < e for s, e in blocked):
            return None
        if subject.dep_ == "nsubjpass" and subject.head.i == cue.i:
            subject = None  # "terrorists are revealed as ...": what is revealed; who reveals it is unsaid
        return _Pending(start, end, "indirect", cue=cue, subject=subject, cue_text=cue.text,
                        cue_span=_cue_span(cue), date=self._statement_date(cue))

    def _attitude(self, adjective: Any, blocked: list[tuple[int, int]]) -> _Pending | None:
        """"The union is critical of the plan", "she was confident that ...": an attitude held."""
        verb = adjective.head
        subject = _subject_of_own(verb) or _inherited_subject(verb)
        if not _holds_views(subject):
            return None
        parts = [c for c in adjective.children if c.i > adjective.i and (c.dep_ in ("xcomp", "ccomp") or (
            c.dep_ == "prep" and any(o.dep_ in ("pobj", "pcomp") for o in c.children)))]
        if not parts:  # "is bearish on loans", "weren't sure if ...": the parse hung it off the copula
            parts = [c for c in verb.children if c.i > adjective.i and (
                (c.dep_ == "prep" and not _circumstance(c) and any(o.dep_ in ("pobj", "pcomp") for o in c.children))
                or (c.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ in ("if", "whether", "that")
                                                          for m in c.children)))]
        if not parts:
            return None
        part = parts[0]
        tokens = list(part.subtree)
        if part.dep_ == "prep":  # "critical of the plan": the preposition is part of the cue
            tokens = tokens[1:]
        return self._statement(adjective, subject, tokens, blocked) if tokens else None

    def _agent(self, noun: Any, blocked: list[tuple[int, int]]) -> _Pending | None:
        """"She has been an outspoken supporter of NATO", "Ruiz, a critic of the levy,": a stance
        held as a description of the holder."""
        subject = _subject_of_own(noun.head) if noun.dep_ == "attr" else noun.head
        if not _holds_views(subject):
            return None
        objects = [o for c in noun.children if c.dep_ == "prep" and c.i > noun.i and c.lower_ in ("of", "for")
                   for o in c.children if o.dep_ in ("pobj", "pcomp")]
        return self._statement(noun, subject, list(objects[0].subtree), blocked) if objects else None

    def _statement(self, cue: Any, subject: Any, tokens: list[Any], blocked: list[tuple[int, int]]) -> _Pending | None:
        """The statement of ``cue`` over ``tokens`` (kept to the cue's line), unless it is shorter
        than three characters or overlaps, or its cue lies in, one already found."""
        start, end = self._clip(cue.idx, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
        if end - start < 3 or _overlaps(start, end, blocked) or any(s <= cue.idx < e for s, e in blocked):
            return None
        return _Pending(start, end, "indirect", cue=cue, subject=subject, cue_text=cue.text,
                        cue_span=_cue_span(cue), date=self._statement_date(cue))

    def _passive(self, cue: Any, blocked: list[tuple[int, int]]) -> _Pending | None:
        """"The plan was backed by the union": the agent holds the position about the subject."""
        patient = next((c for c in cue.children if c.dep_ == "nsubjpass" and c.i < cue.i), None)
        agent = next((c for c in cue.children if c.dep_ == "agent" and c.i > cue.i), None)
        holder = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if patient is None or holder is None or patient.lower_ in CONTENT_PRONOUNS:
            return None
        if not (holder.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or holder.pos_ in ("NOUN", "PROPN")):
            return None
        tokens = list(patient.subtree)
        start, end = _trim(self.text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
        if end <= start or _overlaps(start, end, blocked) or any(s <= cue.idx < e for s, e in blocked):
            return None
        return _Pending(start, end, "indirect", cue=cue, subject=holder, cue_text=cue.text,
                        cue_span=_cue_span(cue), date=self._statement_date(cue))

    def _colon_paragraph(self, cue: Any, blocked: list[tuple[int, int]]) -> _Pending | None:
        """A cue line ending in a colon introduces the next paragraph (a statement not in marks)."""
        line_end = self.text.find("\n", cue.idx)
        if line_end == -1 or not self.text[:line_end].rstrip().endswith(":"):
            return None
        colon = len(self.text[:line_end].rstrip()) - 1
        after_cue = self.text[cue.idx + len(cue.text):colon]
        if len(after_cue.split()) > 6 or re.search(r"[.;!?\"“”]", after_cue):
            return None  # the colon closes some other clause, not this cue's
        if _subject(cue) is None:
            return None
        body = re.match(r"\s*\n\s*", self.text[line_end:])
        start = line_end + (body.end() if body else 0)
        stop = self.text.find("\n", start)
        start, end = _trim(self.text, start, len(self.text) if stop == -1 else stop)
        if end - start < 12 or _overlaps(start, end, blocked) or self._in_quote(start):
            return None
        return _Pending(start, end, "indirect", cue=cue, subject=_subject(cue), cue_text=cue.text,
                        cue_span=_cue_span(cue), date=self._statement_date(cue))

    def _noun_cue(self, cue: Any, blocked: list[tuple[int, int]]) -> _Pending | None:
        """"Smith's claim that ...", "a pledge by the council to ...": a noun cue with its holder.

        Only nouns whose holder is written (a possessive, or "by"/"from" someone) and whose
        content is a clause ("that ...", "to ...") count; "the claim" alone says nothing.
        """
        holder = next((c for c in cue.children if c.dep_ == "poss"), None)
        if holder is None:
            preps = [c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")]
            holders = [o for p in preps for o in p.children if o.dep_ == "pobj"
                       and (o.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or o.lemma_.lower() in SOURCE_NOUNS)]
            holder = holders[0] if holders else None
        if holder is None and _lemma(cue) in REPORT_NOUNS:  # "a Valley Herald report that …": its publisher
            holder = next((c for c in cue.children if c.dep_ in ("compound", "nmod") and c.i < cue.i
                           and c.ent_type_ in ("ORG", "PERSON")), None)
        if holder is None and cue.dep_ == "ROOT" and cue.tag_ == "NNS" and cue.i > 0:
            # "Trump charges that …" read as a noun phrase: the name before the "noun" is its subject
            left = cue.doc[cue.i - 1]
            if left.dep_ == "compound" and left.head.i == cue.i and (left.pos_ == "PROPN" or left.is_title):
                holder = left
        if holder is None or holder.lower_ in ("my", "our", "your", "its"):
            return None
        clause = next((c for c in cue.children if c.i > cue.i and c.dep_ in ("acl", "ccomp", "relcl")
                       and any(m.dep_ in ("mark", "aux") and m.lower_ in ("that", "to") and m.i < c.i
                               for m in c.children)), None)
        if clause is None:  # the parse hung the clause on the verb: "seized on a Gazette report that …"
            verb = next((a for a in cue.ancestors if a.pos_ in ("VERB", "AUX")), None)
            clause = None if verb is None else next(
                (c for c in verb.children if c.dep_ == "ccomp" and _noun_owner(c) == cue), None)
        if clause is None and holder.dep_ == "poss" and cue.lemma_.lower() in STANCE_NOUNS:
            # "his criticism of the plan", "Smith's support for the levy": what the stance is about
            clause = next((o for p in cue.children if p.dep_ == "prep" and p.i > cue.i
                           and p.lower_ in CONTENT_PREPOSITIONS | {"with", "to", "toward", "towards"}
                           for o in p.children if o.dep_ in ("pobj", "pcomp")), None)
        if clause is None:
            return None
        tokens = list(clause.subtree)
        marks = [c for c in clause.children if c.dep_ == "mark"]
        first = min([tokens[0], *marks], key=lambda t: t.i)
        if first.i <= cue.i:
            return None
        start, end = self._clip(cue.idx, first.idx, tokens[-1].idx + len(tokens[-1].text))
        if end - start < 8 or len(tokens) < 3 or _overlaps(start, end, blocked):
            return None
        if any(s <= cue.idx < e for s, e in blocked):
            return None
        return _Pending(start, end, "indirect", cue=cue, subject=holder, cue_text=cue.text,
                        cue_span=_cue_span(cue), date=self._statement_date(cue))

    def _clausal(self, cue: Any, blocked: list[tuple[int, int]]) -> _Pending | None:
        trailing = _trailing_clause(cue)
        if trailing is not None:
            return self._statement(cue, _subject(cue), list(cue.doc[trailing[0].i:trailing[1].i + 1]), blocked)
        clauses = [c for c in cue.children if c.dep_ == "ccomp" and _same_line(c, cue)]
        if not clauses and _lemma(cue) in SPEECH_LEMMAS:
            # "Trump said after the convention he would not …": the parse read the clause as adverbial
            clauses = [c for c in cue.children if c.dep_ == "advcl" and c.i > cue.i and _same_line(c, cue)
                       and any(s.dep_ == "nsubj" and s.i > cue.i for s in c.children)
                       and not any(m.dep_ in ("mark", "advmod") and m.i < c.i and (
                           m.dep_ == "mark" or m.lower_ in SUBORDINATORS) for m in c.children)]
        if not clauses:  # "said in a statement that ...": the parse hung the clause off "statement"
            clauses = [a for p in cue.children if p.dep_ == "prep" and _circumstance(p)
                       for o in p.children if o.dep_ == "pobj"
                       for a in o.children if a.dep_ in ("acl", "relcl") and a.i > o.i and _same_line(a, cue)
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in a.children)]
        clauses = [c for c in clauses if _noun_owner(c) is None]  # "seized on a Gazette report that …"
        if not clauses:
            return None
        if any(c.i > cue.i for c in clauses):
            # "Should the company fail, environmentalists worry that …", "(her campaign disclosed that …)":
            # the clause the cue introduces, not one the parse hung on it from before
            clauses = [c for c in clauses if c.i > cue.i]
        clause = clauses[0]
        tokens = list(clause.subtree)
        if clause.i > cue.i and tokens[0].i < cue.i and tokens[0].lower_ in ("that", "which", "who"):
            # "a levy that the council says will raise $40 million": the relative pronoun stands
            # for the levy, so what the council says is the rest of the clause
            tokens = [t for t in tokens if t.i > cue.i]
        if clause.i > cue.i:  # "says strikes hit | a yearly high": words the parse left unattached
            tokens += [t for c in cue.children if c.dep_ == "dep" and c.i > tokens[-1].i for t in c.subtree]
        if clause.i < cue.i:  # "A told police ..., but B overruled it, the source added": all of it
            tokens = sorted({t for c in clauses if c.i < cue.i for t in c.subtree}, key=lambda t: t.i)
        else:  # "…would raise $40 million, a figure the council disputes": the writer's aside
            aside = _summary_aside(tokens)
            tokens = [t for t in tokens if t.i not in aside]
        marks = [c for c in clause.children if c.dep_ == "mark"]
        if not marks and clause.i > cue.i and _reports(clause) and cue.lemma_.lower() not in ("say", "tell"):
            # "after officials declared victory, an assessment said ...": a misparse that hangs
            # a report off another verb; the inner report is read on its own
            return None
        first = min([tokens[0], *marks], key=lambda t: t.i)
        start, end = self._clip(cue.idx, first.idx, tokens[-1].idx + len(tokens[-1].text))
        inner = [s for s, _ in blocked if start < s < end and self.text[s - 1] in "\"“‘'"]
        if inner and not _overlaps(start, min(inner), blocked):
            # 'X said Y was right when he said that, "…"': X's words up to the quote Y's report holds
            start, end = _trim(self.text, start, min(inner), strip=" \t\n,;:—–“\"‘'")
        if end - start < 8 or len(tokens) < 3 or _overlaps(start, end, blocked):
            return None
        if any(s <= cue.idx < e for s, e in blocked):
            return None
        subject = _subject(cue)
        if subject is None or start <= subject.idx < end:
            return None
        passive = subject.dep_ == "nsubjpass" and subject.head.i == cue.i
        if _word(subject) in ("i", "we", "you") and cue.lemma_.lower() in ("think", "believe", "know", "hope"):
            return None  # "I think", "we know": opinion markers, not attributions
        if cue.head.lemma_ == "let" and cue.head.i < cue.i:
            return None  # "let's say you think …": a supposition, not a report
        relay = self._relay(cue)
        reported_by = relay.name if relay is not None else self._told_outlet(cue)
        return _Pending(start, end, "indirect", cue=cue, subject=None if passive else subject, cue_text=cue.text,
                        cue_span=_cue_span(cue), reported_by=reported_by, date=self._statement_date(cue),
                        relay=relay)

    def _relay(self, cue: Any) -> Relay | None:
        """The outlet or source that passes on the statement of ``cue``: "according to X" in the
        same sentence outside the statement, or "X reported" (an organisation) after it."""
        words = [t for t in self._relay_words.get(self._sentence_of[cue.i], []) if t.i != cue.i]
        for token in words:
            if token.lemma_ == "accord":
                if any(c.dep_ in CONTENT_DEPS and c.is_ancestor(token) for c in cue.children):
                    continue  # "said that, according to X, ...": X is part of what was said
                holder = next((c for c in token.nbor().children if c.dep_ == "pobj"), None)
                if holder is not None:
                    return self._relay_of(holder, token, token.nbor())
            elif not cue.is_ancestor(token):
                other = _subject(token)
                if other is not None and other.ent_type_ == "ORG":
                    return self._relay_of(other, token, token)
        return None

    def _relay_of(self, holder: Any, first: Any, last: Any) -> Relay:
        """The relay named by ``holder``'s phrase, its cue running from ``first`` to ``last``."""
        phrase = list(holder.subtree)
        span = _trim(self.text, phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
        return Relay(_strip_the(_phrase_text(holder)), span, (first.idx, last.idx + len(last.text)))

    def _according(self, token: Any, sent: Any, blocked: list[tuple[int, int]]) -> _Pending | None:
        to = token.doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if not objects:  # "according to show insiders": the parse read "show" as a verb
            objects = [last for c in to.children if c.dep_ == "pcomp"
                       for last in [list(c.subtree)[-1]] if last.pos_ in ("NOUN", "PROPN")]
        if not objects:
            return None
        phrase = [*token.subtree, *to.subtree]
        p_start = min(t.idx for t in phrase)
        p_end = max(t.idx + len(t.text) for t in phrase)
        aside = APPOSITION_AFTER.match(self.text, p_end, sent.end_char)
        if aside is not None:  # "According to the Observatory, a Britain-based monitor, 12 were killed"
            words = self.parsed.char_span(aside.start(1), aside.end(1), alignment_mode="expand")
            root = words.root if words is not None else None
            apposed = root is not None and (
                (root.dep_ == "appos" and root.head.i in {t.i for t in to.subtree})  # hung on the source
                or (root.dep_ in ("nsubj", "nsubjpass") and any(  # or a second subject the parse gave the verb
                    c.dep_ in ("nsubj", "nsubjpass") and c.i >= words.end for c in root.head.children)))
            if apposed and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in words):
                p_end = aside.end(1)
        before = _trim(self.text, sent.start_char, p_start)
        after = _trim(self.text, p_end, sent.end_char)
        start, end = max((before, after), key=lambda s: s[1] - s[0])
        start, end = self._clip(token.idx, start, end)
        start, end = _trim(self.text, start, end, strip=" \t\n,;:.—–-")
        if end - start < 8 or _overlaps(start, end, blocked):
            return None
        return _Pending(start, end, "indirect", cue=token, subject=objects[0], cue_text="according to",
                        cue_span=_cue_span(token))

    def _headline(self, blocked: list[tuple[int, int]]) -> _Pending | None:
        """A headline "Sanders: Clinton must ..." or "Poll: ..." states what the named source says."""
        match = HEADLINE_SPEAKER.match(self.text)
        if match is None or len(match.group("what").split()) < 3:
            return None
        if match.group("what").split()[0].lower().strip(".,") in DOCUMENT_NOUNS | {"fact", "press", "joint"}:
            return None  # "Ministry of Reconstruction: statement on ...": a document's title, not its words
        who = self.parsed.char_span(match.start("who"), match.end("who"), alignment_mode="contract")
        colon = self.parsed.char_span(match.end("who"), match.end("who") + 1)
        if who is None or colon is None or len(who) > 8:
            return None
        labels = {e.label_ for e in who.ents if e.start <= who.root.i < e.end}
        span = (who.start_char, who.end_char)
        people = [(e.start_char, e.end_char) for e in who.ents if e.label_ == "PERSON"]
        titled = self._titled_name(list(who)) if not people else None
        if titled is not None:  # "Mayor Ines Calloway", a titled name the tagger missed
            people = [(titled[0], titled[1])]
        quoted = match.group("what").lstrip()[:1] in "\"“‘'"
        if (len(who) > 4 or "PERSON" not in labels) and quoted and len(people) == 1:
            # "Warren Hammers Wells Fargo CEO: 'You Should Be ...'", "A lesson from Loretta Lynch:
            # 'Be the voice ...'": a longer lead-in names its speaker once, before a quotation
            who = self.parsed.char_span(*people[0], alignment_mode="expand")
            span = (who.start_char, who.end_char)
            labels = {"PERSON"}
        elif len(who) > 4:
            return None
        if "PERSON" in labels:
            name = self._full_name(who.text, span[0])
            speaker = Speaker(name=name, entity=self._entity_id(name, *span))
        elif "ORG" in labels:
            name = _strip_the(who.text)
            speaker = Speaker(name=name, entity=self._entity_id(name, *span))
        elif len(who) == 1 and who.root.lemma_.lower() in ("poll", "survey", "study"):  # not "Analysis:"
            speaker = Speaker(role=who.root.lemma_.lower(), description=who.text)
        else:
            return None
        start, end = _trim(self.text, match.start("what"), match.end("what"), strip=" \t\n.")
        if _overlaps(start, end, blocked):
            return None
        self._remember(span[0], speaker, None)
        return _Pending(start, end, "indirect", cue=colon[0], cue_text=":",
                        cue_span=(colon.start_char, colon.end_char), signature=(speaker, span))

    def _in_source(self, token: Any, sent: Any, blocked: list[tuple[int, int]]) -> _Pending | None:
        """"In the latest poll, Clinton leads by 5 points": the finding is the poll's statement."""
        verb = token.head
        objects = [c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in SOURCE_DOCUMENTS]
        if not objects or token.i > verb.i or verb.lemma_.lower() in SPEECH_LEMMAS:
            return None
        if _subject_of_own(verb) is None:
            return None
        p_end = max(t.idx + len(t.text) for t in token.subtree)
        start, end = self._clip(token.idx, *_trim(self.text, p_end, sent.end_char))
        start, end = _trim(self.text, start, end, strip=" \t\n,;:.—–-")
        if end - start < 8 or _overlaps(start, end, blocked):
            return None
        return _Pending(start, end, "indirect", cue=token, subject=objects[0], cue_text="in",
                        cue_span=_cue_span(token))

    # 6. speakers ---------------------------------------------------------------------------------------
    def _speaker_of(self, subject: Any, cue: Any) -> tuple[Speaker, tuple[int, int] | None]:
        """The Speaker a subject phrase names, and the phrase's span."""
        if cue.i != subject.i and subject.is_ancestor(cue):  # "a tweet attacking X": the tweet, not X
            inside = {t.i for t in cue.subtree}
            tokens = [t for t in subject.subtree if t.i not in inside and t.i < cue.i]
        else:
            tokens = [t for t in subject.subtree if not (cue.idx <= t.idx < cue.idx + len(cue.text))]
        tokens = _source_phrase(subject, tokens)
        breaks = [k for k, t in enumerate(tokens) if "\n" in t.text or "\n" in t.whitespace_]
        before_head = [k for k in breaks if tokens[k].i < subject.i]
        if before_head:  # a parse that runs over a paragraph break: keep the speaker's paragraph
            tokens = tokens[before_head[-1] + 1:]
        tokens = [t for t in tokens if t.i <= subject.i or "\n" not in t.text] if tokens else tokens
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "case") and (
                not _closes_bracket(tokens)):
            tokens.pop()  # "the union's", but "Sen. Jo Ruiz (D-Ore.)" keeps its bracket
        while tokens and (tokens[0].is_punct or tokens[0].is_space):
            tokens.pop(0)
        if not tokens:
            return Speaker(), None
        span = (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
        phrase = self.text[span[0]:span[1]]
        lower = _word(subject)
        if lower in ("who", "that", "which") and subject.head.dep_ == "relcl" and subject.head.head.i < subject.i:
            # "Greve, who said ...", "rules that promise ...": the noun the pronoun stands for
            named = subject.head.head
            if named.pos_ in ("PROPN", "NOUN") and named.i != cue.i:
                return self._speaker_of(named, cue)[0], span
        of = next((o for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                   for o in c.children if o.dep_ == "pobj"), None) if subject.pos_ == "NUM" and not any(
            c.dep_ == "appos" for c in subject.children) else None  # "one of its attorneys, Jo Ruiz," is Ruiz
        if of is not None:  # "one of the officials", "two of Mr. Obama's advisers": the group they are of
            member = self._speaker_of(of, cue)[0]
            return replace(member, description=" ".join(phrase.split())), span
        if (subject.pos_ == "PRON" or lower in PRONOUN_GENDER) and not _acronym(subject):  # "WHO warned"
            if lower in ("it", "its"):  # "the weather service said …, but it warned that …": the body named before
                body = self._body_before(span[0])
                main = _main_subject(subject)  # "The coalition … now counts 80, according to its website"
                if body == Speaker() and main is not None and main.i < subject.i and (
                        _lemma(main) in BODY_WORDS or main.ent_type_ == "ORG"):
                    body = self._speaker_of(main, cue)[0]
                return body, span
            if lower in ("i", "we", "you", "who", "that", "this", "which", "one"):
                return Speaker(), span
            if lower in INDEFINITE_PRONOUNS:  # "not everyone agrees": nobody in particular, not the last group
                return Speaker(description=" ".join(phrase.split())), span
            return self._resolve_pronoun(lower, span[0]), span
        core = _without_clauses(subject, tokens)
        with_whom = _companions(subject)
        if with_whom:  # "Calder and her aides said": Calder speaks, with people the phrase describes
            core = [t for t in core if t.i not in with_whom]
        if subject.pos_ == "NOUN":  # "critics of the plan, like Senator Grassley": examples do not speak
            examples = {t.i for c in subject.subtree if c.dep_ == "prep" and c.head.i == subject.i
                        and c.lower_ in EXAMPLE_PREPOSITIONS for t in c.subtree}
            core = [t for t in core if t.i not in examples]
        holder = _evidence_holder(subject)
        # "figures released by the task force": the task force says so ("reports from Tell Amar": no one)
        if holder is not None and not self._located(holder):
            held, _ = self._speaker_of(holder, cue)
            if held != Speaker():
                return replace(held, description=" ".join(phrase.split())), span
        group = self._people_together(subject)
        if group is not None:  # "McConnell and Ryan said": both speak, neither is the other's role
            name, members = group
            speaker = Speaker(name=name, members=members, description=" ".join(phrase.split()))
            self._remember(span[0], speaker, "plural")
            return speaker, span
        person = self._person_in(core, span, subject)
        apposed = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")), None)
        if (person is None and apposed is not None and subject.pos_ == "NOUN" and not subject.ent_type_
                and apposed.doc[apposed.left_edge.i - 1].text != "("):  # "colleges (private ones)" are colleges
            # "victory, a United Nations assessment seen by ..., said": the apposition is who speaks
            return self._speaker_of(apposed, cue)
        description = " ".join(phrase.split())
        anonymous = self._is_anonymous(subject, phrase)
        written = self._author_of(subject, person, cue)
        if written is not None:  # "his tweets said", "a study by professor Levitt found": the author
            speaker = replace(written, description=description)
            self._remember(span[0], speaker, self._gender_hint([], speaker.name or ""))
            return speaker, span
        if person is not None and self._names_whose(subject, person):
            # "Clinton aides said", "a Cruz spokeswoman said": people around the person, not the person
            role = " ".join(t.text for t in core if t.dep_ not in ("det", "punct", "case")) or None
            speaker = Speaker(role=role, description=description)
            self._remember(span[0], speaker, "plural" if subject.tag_ in ("NNS", "NNPS") else None)
            return speaker, span
        if person is not None:
            p_start, p_end, name = person
            role = self._role_of(core, p_start, p_end)
            full = self._full_name(name, p_start, _title_gender(core))
            speaker = Speaker(name=full, role=role, entity=self._entity_id(full, p_start, p_end),
                              description=description if with_whom else None)
            if role is None:
                speaker = self._merge_known(speaker)
            gender = self._gender_hint(core, full)
            self._remember(span[0], speaker, gender)
            return speaker, span
        if anonymous:
            speaker = Speaker(anonymous=True, description=description, role=subject.lemma_.lower())
            self._remember(span[0], speaker, "plural" if subject.tag_ in ("NNS", "NNPS") else None)
            return speaker, span
        org = self._organisation_in(core, subject)
        if org is not None:
            name = _strip_the(org)
            work = subject.pos_ == "NOUN" and _lemma(subject) in PUBLISHED_NOUNS
            speaker = Speaker(name=name, entity=self._entity_id(name, span[0], span[1]),
                              description=description if work else None)  # "a Gazette report": the Gazette
            self._remember(span[0], speaker, None)
            return speaker, span
        determiner = [t.lower_ for t in core if t.dep_ in ("det", "poss")]
        if ("this" in determiner or "our" in determiner) and subject.lemma_.lower() in SELF_NOUNS:
            # "this newsletter said", "our analysis found": the document's own publisher
            return Speaker(name=self.doc.publisher or self.doc.author, description=description), span
        common = subject.pos_ == "NOUN" or (subject.pos_ == "PROPN" and subject.is_lower)  # "the task force"
        if common and "the" in determiner and _lemma(subject) in WORK_NOUNS:
            issued = self._issuer_of_work(_lemma(subject), span[0])
            if issued is not None:  # "the militia said in a statement … the statement read": the militia
                return replace(issued, description=description), span
        if common and ("the" in determiner or "this" in determiner):
            modifiers = [t.lower_ for t in core if t.pos_ in ("ADJ", "NOUN", "PROPN") and t.i != subject.i]
            found = self._resolve_role(subject.lemma_.lower(), span[0], modifiers) or self._named_body(
                subject, modifiers, span[0], description)
            if found is not None:
                return found, span
        bare = [t for t in core if not t.is_punct]
        if (subject.pos_ == "PROPN" and not subject.ent_type_ and 0 < len(bare) <= 3
                and all(t.pos_ == "PROPN" and (t.is_title or (t.is_upper and len(t.text) > 1))
                        and not is_role_word(t.text) for t in bare)):
            # "Ruiz said": a name the entity tagger missed is still a name, not a role
            name = _clean_name(" ".join(t.text for t in bare))
            full = self._full_name(name, span[0])
            self._learn_person(span[0], span[1], full)
            speaker = Speaker(name=full, entity=self._entity_id(full, span[0], span[1]),
                              description=description if with_whom else None)
            self._remember(span[0], speaker, given_name_gender(full))
            return speaker, span
        if subject.pos_ in ("NOUN", "PROPN") or (subject.pos_ == "ADJ" and is_role_word(subject.text)):
            # (a title the parse took for an adjective: '"…," says general')
            owners = {o.i for t in core if _possessive(t) and t.i != subject.i for o in t.subtree}
            owners |= {o.i for t in core if t.dep_ == "appos" and t.head.i == subject.i
                       and t.doc[t.left_edge.i - 1].text == "(" for o in t.head.subtree if o.i > subject.i}
            worded = [t for t in core if t.dep_ not in ("det", "punct", "poss", "case") or t.text == "-"
                      or (t.dep_ == "poss" and not _possessive(t)) or t.i == subject.i]  # "ex-wife": no possessor
            role = _as_written([t for t in worded if t.i not in owners or t.i == subject.i]) or None
            speaker = Speaker(role=role, description=description)
            self._remember(span[0], speaker, "plural" if subject.tag_ in ("NNS", "NNPS") else None)
            return speaker, span
        return Speaker(), span

    def _person_in(self, tokens: list[Any], span: tuple[int, int], head: Any = None) -> tuple[int, int, str] | None:
        """The person a subject phrase names; the one holding the phrase's head first ("Clinton
        spokesman Jesse Lehrich" is Lehrich)."""
        indices = {t.i for t in tokens}
        ents = sorted(self._ents_between(tokens), key=lambda e: not (head is not None and e.start <= head.i < e.end))
        for ent in ents:
            holds_head = head is not None and ent.start <= head.i < ent.end
            if (_possessor(ent.doc, ent.end) or _possessor(ent.doc, ent.end - 1)) and not holds_head:
                continue  # "Trump's spokesman", "Scott's niece": not the one who speaks
            if ent.label_ == "PERSON" and ent.start in indices and ent.end - 1 in indices:
                name = split_role(ent.text).name  # "Spokeswoman Ilse Varga" tagged whole: the role is not the name
                if not _clean_name(name) or all(is_role_word(w) for w in ent.text.split()):
                    continue  # "Maj." tagged as a person on its own: a title, the name comes after it
                offset = ent.text.rfind(name) if name and name in ent.text else 0
                return ent.start_char + offset, ent.end_char, _clean_name(ent.text[offset:])
        for entity in self._entities_within(*span):
            if entity.label == "PERSON" and not re.match(
                    r"['’]s?\b", self.text[entity.end:entity.end + 2]) and not entity.text.endswith(("'s", "’s")):
                return entity.start, entity.end, _clean_name(entity.text)
        return self._titled_name(tokens) or self._known_surname(tokens, head)

    def _author_of(self, subject: Any, person: tuple[int, int, str] | None, cue: Any) -> Speaker | None:
        """Who wrote the work a subject names, when it speaks for its author: "a study by Justin
        Levitt", and for what a person writes in their own name (``WORK_NOUNS``) "his tweets",
        "Calder's letter", "a Trump tweet"; None otherwise."""
        if subject.pos_ != "NOUN":
            return None
        by = next((o for c in subject.children if c.dep_ == "prep" and c.lower_ == "by"
                   for o in c.children if o.dep_ == "pobj" and o.ent_type_ == "PERSON"), None)
        own = subject.lemma_.lower() in WORK_NOUNS
        author = by or (next((c for c in subject.children if c.dep_ == "poss"), None) if own else None)
        if author is None and own:  # "a statement posted on its website": whose website
            author = next((w for a in subject.children if a.dep_ == "acl" and _lemma(a) in ISSUING_LEMMAS
                           for p in a.children if p.dep_ == "prep" and p.lower_ in ("on", "to")
                           for o in p.children if o.dep_ == "pobj"
                           for w in o.children if w.dep_ == "poss"), None)
        if author is not None:
            written = self._speaker_of(author, cue)[0]
            body = author.lower_ in ("its", "their") and written.role is not None  # "its website": the body
            return written if written.name is not None or body else None
        if own and person is not None and self._names_whose(subject, person):  # "a Trump tweet"
            full = self._full_name(person[2], person[0])
            return Speaker(name=full, entity=self._entity_id(full, person[0], person[1]))
        return None

    def _names_whose(self, subject: Any, person: tuple[int, int, str]) -> bool:
        """Whether the person only says whose the subject is: a name modifying a common noun
        ("Clinton aides", "the Trump campaign", "a Cruz tweet"), not the name of who speaks."""
        if subject.pos_ != "NOUN":
            return False
        inside = [t for t in subject.subtree if person[0] <= t.idx < person[1]]
        roots = [t for t in inside if not person[0] <= t.head.idx < person[1]]
        if len(roots) != 1:
            return False
        root = roots[0]
        if root.i == subject.i or (root.dep_ == "appos" and root.head.i == subject.i):
            return False  # "the union's president, Jo Ruiz,": the apposition names who speaks
        if root.dep_ == "pobj" and root.head.lower_ == "by":
            return False  # "an analysis by Lily Batchelder found": the author speaks
        if root.dep_ in ("compound", "nmod", "amod") and root.head.i == subject.i:
            return not is_role_word(subject.text)  # "Clinton aides", "the Trump campaign"; not "Senator Ruiz"
        # deeper in the phrase: "a spokeswoman for Hillary Clinton", "advisers to Mr. Obama", "a
        # document on the Trump campaign's website"
        return root.dep_ in ("pobj", "compound", "nmod", "poss", "amod")

    def _title_gender_before(self, start: int) -> str | None:
        """The gender a courtesy title right before a name gives ("Mrs. Clinton")."""
        words = self.text[max(0, start - 8):start].lower().split()
        if not words or words[-1] == "miss":  # "Miss Universe" is a title, not a woman's name
            return None
        return TITLE_GENDER.get(words[-1])

    def _people_together(self, subject: Any) -> tuple[str, tuple[str, ...]] | None:
        """"Mitch McConnell and Paul Ryan": the full names of two or more people joined as one
        subject, written "A, B and C", and the entity ids of those the entity stage knows (in
        the order named, each once); None unless every part is a person."""
        # from the subject on: a parse can hang the names on an earlier noun ("In Kellmar, Holt and Adler both said")
        parts = [subject, *(c for c in subject.conjuncts if c.i > subject.i)]
        if len(parts) < 2:
            return None
        found: list[tuple[str, int, int]] = []  # (full name, start, end of the name as written)
        for part in sorted(parts, key=lambda t: t.i):
            ent = self._ent_at(part)
            surname = self._known_surname([part])  # a surname the tagger missed or called an organisation
            if ent is not None and ent.label_ == "PERSON" and not _possessor(ent.doc, ent.end):
                name = split_role(_clean_name(ent.text)).name or _clean_name(ent.text)
                found.append((self._full_name(name, ent.start_char), ent.start_char, ent.end_char))
            elif surname is not None:
                found.append((self._full_name(surname[2], surname[0]), surname[0], surname[1]))
            elif _bare_name(part):  # "Ines Calloway and Tom Okafor": names the tagger missed
                words = [t for t in part.subtree if t.dep_ == "compound" or t.i == part.i]
                name = _clean_name(" ".join(t.text for t in words))
                found.append((self._full_name(name, part.idx), words[0].idx, part.idx + len(part.text)))
            else:
                return None
        names = [name for name, _, _ in found]
        members = (self._entity_id(name, start, end) for name, start, end in found)
        return ", ".join(names[:-1]) + " and " + names[-1], tuple(dict.fromkeys(m for m in members if m))

    def _known_surname(self, tokens: list[Any], head: Any = None) -> tuple[int, int, str] | None:
        """"said Mattis, who ..." when the tagger missed the name: a proper noun of the subject
        that is the surname of a person the document names in full."""
        for token in tokens:
            # a lone "Calder" the tagger called an organisation is still the Calder named in full. The
            # entity stage relabels such words only when no company bears the name ("Trump" beside
            # "the Trump Organization" stays ORG there); as the subject of a report it is the person
            last = token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I"
            lone = token.ent_iob_ == "B" and last
            lone_org = token.ent_type_ in ("ORG", "GPE") and lone  # "Okafor" tagged as a place, too
            named = lone_org or token.ent_type_ not in ("ORG", "GPE", "LOC", "FAC")
            if token.pos_ in ("PROPN", "NOUN") and token.is_title and named and token.text in self.surnames \
                    and (token is head or not _possessor(token.doc, token.i + 1)):
                return token.idx, token.idx + len(token.text), token.text
        return None

    def _titled_name(self, tokens: list[Any]) -> tuple[int, int, str] | None:
        """"Mayor Ana Ruiz": proper nouns after a role word name a person the tagger missed."""
        for k, token in enumerate(tokens):
            if not is_role_word(token.text) or not token.is_title:
                continue
            name: list[Any] = []
            for following in tokens[k + 1:]:
                # "Spokeswoman Ilse Varga" tagged as one ORG: the role word is inside it, the name is a
                # person; so is an ORG right after a short title ("Sgt. Ivo Marsh")
                mistagged = following.ent_type_ == "ORG" and (
                    (token.ent_type_ == "ORG" and following.ent_iob_ == "I")
                    or is_short_title(token.text))
                if following.pos_ != "PROPN" or (following.ent_type_ in ("ORG", "GPE", "NORP") and not mistagged):
                    break
                if is_role_word(following.text):
                    name = []
                    continue
                name.append(following)
            if len(name) >= 2 and not _possessor(token.doc, name[-1].i + 1):
                start, end = name[0].idx, name[-1].idx + len(name[-1].text)
                return start, end, _clean_name(self.text[start:end])
        return None

    def _organisation_in(self, tokens: list[Any], head_token: Any = None) -> str | None:
        indices = {t.i for t in tokens}
        for ent in self._ents_between(tokens):
            end = ent.end - 1 if ent.end - ent.start > 1 and ent.doc[ent.end - 1].dep_ == "case" else ent.end
            if ent.label_ in ("ORG", "GPE", "NORP") and ent.start in indices and end - 1 in indices:
                head = ent.root
                published = _lemma(head.head) in PUBLISHED_NOUNS
                published = published or (head.dep_ == "nmod" and any(_lemma(t) in PUBLISHED_NOUNS for t in tokens))
                if head.dep_ in ("compound", "poss", "amod", "nmod") and head.head.i in indices and not published:
                    # "Pentagon spokesman", "the Varda regional government": the name only qualifies
                    # the speaker ("the latest Reuters Ipsos poll" is still Reuters's)
                    continue
                if end < ent.end:  # "The Valley Herald's": the name without its possessive
                    return str(ent.doc[ent.start:end].text)
                if (head.dep_ == "pobj" and head.head.lower_ in ("for", "to", "of", "at", "with")
                        and head.head.head.pos_ == "NOUN" and head.head.head.i in indices
                        and head.head.head.ent_type_ not in ("ORG", "GPE", "NORP")):
                    continue  # "an attorney for Mills", "a spokesman for the Pentagon": whose, not who
                if _located(head, ent.label_) and head.head.head.i in indices:
                    continue  # "reports from Mosul": where they come from, not who makes them
                return str(ent.text)
        if head_token is not None and tokens:  # the entity stage's reading ("Islamic State", which the
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)  # tagger cut to "Islamic")
            for entity in self._entities_within(start, end):
                if entity.label in ("ORG", "NORP", "GPE") and entity.start <= head_token.idx < entity.end:
                    return entity.text
        return None

    def _role_of(self, tokens: list[Any], p_start: int, p_end: int) -> str | None:
        """The words that describe the person: "Pentagon spokesman", "Defense Secretary"."""
        owners = {o.i for t in tokens if t.dep_ == "poss" and t.pos_ == "PROPN" for o in t.subtree}
        asides = {o.i for t in tokens if t.dep_ == "prep" and t.lower_ in EXAMPLE_PREPOSITIONS | {"during"}
                  for o in t.subtree}  # "Clinton, like Obama,": a comparison, not her role
        owners |= asides
        person_heads = [t for t in tokens if p_start <= t.idx < p_end and not p_start <= t.head.idx < p_end]
        for head in person_heads:  # "Donna Rawlings, 59, of Ashton, Md.,": her age and home, not her role
            for child in head.children:
                age = child.dep_ in ("appos", "npadvmod", "amod") and child.text.isdigit()  # not "one of …"
                home = (child.dep_ == "prep" and child.lower_ in ("of", "from")
                        and any(o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC") for o in child.children))
                if age or home:
                    owners |= {o.i for o in child.subtree}
        owners |= {o.i for t in tokens if t.dep_ == "conj" and t.head in tokens and t.head.idx <= p_start < p_end
                   <= t.head.idx + len(t.head.text) + 1 for o in t.subtree}  # "Cruz and his aides": not his role
        words = [t for t in tokens if not (p_start <= t.idx < p_end) and t.i not in owners
                 and t.dep_ not in ("det", "punct", "cc", "poss", "case")
                 and t.lower_ not in HONORIFICS and t.pos_ in ("NOUN", "PROPN", "ADJ", "ADP", "NUM")]
        while words and words[-1].pos_ == "ADP":
            words.pop()
        while words and words[0].pos_ == "ADP":
            words.pop(0)
        before = _as_written([t for t in words if t.idx < p_start], commas=True)
        after = _as_written([t for t in words if t.idx >= p_end], commas=True)
        # "Colonel Dana Whitfield, the task force spokesperson": title and appositive both describe her
        role = ", ".join(part for part in (before, after) if part)
        role = PARTITIVE.sub("", role)  # "one of the family's lawyers, Tom Okafor": a lawyer, "lawyers"
        return role or None

    def _is_anonymous(self, subject: Any, phrase: str) -> bool:
        lowered = phrase.lower()
        if any(marker in lowered for marker in ANONYMITY_MARKERS):
            return True
        if subject.lemma_.lower() not in SOURCE_NOUNS or subject.pos_ != "NOUN":
            return False
        determiners = [c.lower_ for c in subject.children if c.dep_ in ("det", "nummod", "amod", "quantmod")]
        definite = any(d in ("the", "this", "that", "these", "those") for d in determiners)
        has_possessor = any(c.dep_ == "poss" for c in subject.children)
        return not definite and not has_possessor

    def _gender_hint(self, tokens: list[Any], name: str) -> str | None:
        titled = _title_gender(tokens)
        if titled is not None:
            self.genders[name] = titled
        return self.genders.get(name) or given_name_gender(name)

    def _learn_person(self, start: int, end: int, name: str) -> None:
        """A full name the entity tagger missed ("Ines Calloway said"), kept so that a later
        surname ("Calloway and Okafor") finds it."""
        if " " in name and (start, end, name) not in self._learned:
            self._learned.add((start, end, name))
            bisect.insort(self.people, (start, end, name), key=lambda p: p[0])
            self.surnames.add(name.rsplit(maxsplit=1)[-1])

    def _remember(self, position: int, speaker: Speaker, gender: str | None) -> None:
        if speaker.name is not None or speaker.anonymous or speaker.description:
            bisect.insort(self.mentions, _Mention(position, speaker, gender), key=lambda m: m.position)

    def _in_said(self, position: int) -> bool:
        """Whether ``position`` lies inside the content of a statement whose speaker is resolved."""
        index = bisect.bisect_right(self._said, (position, len(self.text)))
        return any(s <= position < e for s, e in self._said[max(0, index - 3):index])

    def _issuer_of_work(self, noun: str, position: int) -> Speaker | None:
        """Who issued the work "the statement" takes back: the speaker named just before the
        latest earlier "a statement" / "its statement" ("The militia said in a statement posted
        on its channel …"), within the paragraphs before; None when no such work was named."""
        window = max(0, position - ISSUED_WORK_REACH)
        named = list(re.finditer(rf"\b(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+)?{re.escape(noun)}s?\b",
                                 self.text[window:position], re.IGNORECASE))
        if not named:
            return None
        at = window + named[-1].start()
        issuers = [m.speaker for m in self._before(at) if at - m.position <= ISSUER_GAP
                   and (m.speaker.name or m.speaker.role) and not m.speaker.anonymous]
        return issuers[-1] if issuers else None

    def _before(self, position: int, limit: int = 200) -> list[_Mention]:
        """The (at most ``limit``) latest mentions before ``position``, nearest last."""
        index = bisect.bisect_left(self.mentions, position, key=lambda m: m.position)
        return self.mentions[max(0, index - limit):index]

    def _resolve_pronoun(self, pronoun: str, position: int) -> Speaker:
        """The nearest earlier person speaker that the pronoun can refer to; unknown otherwise."""
        gender = PRONOUN_GENDER.get(pronoun)
        if gender is None:  # "they": the nearest earlier speaker that is not one named person
            for mention in reversed(self._before(position)):
                if mention.gender == "plural":
                    return mention.speaker
            return Speaker()
        candidates: list[tuple[int, Speaker, str | None]] = [
            (m.position, m.speaker, m.gender) for m in self._before(position)
        ]
        window_start = max(0, position - 1500)
        first = bisect.bisect_left(self.people, window_start, key=lambda p: p[0])
        for s, _e, name in self.people[first:]:
            if s >= position:
                break
            if self._in_quote(s) or self._in_said(s):
                # '"My adviser, John Holdren, …," he said': a name inside a quote is not "he"; nor is
                # one inside what someone was just reported saying ("Calder said fighters remained
                # east of Tell Amar. … she said": Calder)
                continue
            # "Mr. Obama immersed himself …; "…," he said': a surname counts once it has a full name
            titled = self._title_gender_before(s)
            full = self._full_name(_clean_name(name), s, titled)
            if " " in full or titled is not None:  # "Mr. Obama" is a person even with no full name
                candidates.append((s, Speaker(name=full, entity=self._entity_id(full, s, _e)),
                                   self.genders.get(full) or titled))
        candidates.sort(key=lambda c: c[0])
        for where, speaker, hint in reversed(candidates):
            if where < window_start and speaker.name is None:
                continue
            if speaker.anonymous or speaker.name is None:
                if hint is None and speaker.anonymous:
                    return speaker  # "a senior official ... he said"
                continue
            known = hint or self.genders.get(speaker.name) or given_name_gender(speaker.name)
            if known is not None and known != gender:
                continue
            if self._is_organisation(speaker.name):
                continue
            self.genders.setdefault(speaker.name, gender)
            return self._merge_known(speaker)
        return Speaker()

    def _body_before(self, position: int) -> Speaker:
        """What "it" says: the nearest earlier speaker in the same paragraph, at most
        ``BODY_PRONOUN_REACH`` characters back, that is an organisation or an unnamed body ("the
        national weather service"); people in between are passed over. Unknown otherwise."""
        floor = max(self.text.rfind("\n\n", 0, position), position - BODY_PRONOUN_REACH)
        for mention in reversed(self._before(position, 20)):
            if mention.position < floor:
                break
            speaker = mention.speaker
            if mention.gender in ("m", "f", "plural") or speaker.anonymous:
                continue
            if self._named_organisation(speaker):
                return speaker
            words = (speaker.role or "").lower().split()
            if speaker.name is None and words and words[-1] in BODY_WORDS:
                return speaker
        return Speaker()

    def _named_organisation(self, speaker: Speaker) -> bool:
        """Whether the speaker is named, and the name is an organisation's."""
        return speaker.name is not None and (speaker.entity in self._organisation_ids
                                             or self._is_organisation(speaker.name))

    @functools.cached_property
    def _organisation_ids(self) -> frozenset[str]:
        return frozenset(e.entity for e in self.entities if e.entity and e.label == "ORG")

    def _merge_known(self, speaker: Speaker) -> Speaker:
        """The fullest earlier form of the same named speaker (with role and entity id)."""
        for mention in reversed(self.mentions[-300:]):
            if mention.speaker.name == speaker.name and mention.speaker.role is not None:
                return replace(mention.speaker, entity=mention.speaker.entity or speaker.entity)
        return speaker

    def _is_organisation(self, name: str) -> bool:
        if name not in self._organisations:
            self._organisations[name] = any(text.endswith(name) for text in self._org_texts)
        return self._organisations[name]

    def _resolve_role(self, head: str, position: int, modifiers: Sequence[str] = ()) -> Speaker | None:
        """"the official", "the spokesman": the nearest earlier speaker described that way, with
        every modifier too ("the Republican nominee" is not the Democratic one)."""
        short = title_short_forms()
        body = head in BODY_WORDS  # "the coalition" is not the coalition's spokesman
        for mention in reversed(self._before(position)):
            if body and (mention.gender in ("m", "f") or (
                    mention.speaker.name is not None and not self._named_organisation(mention.speaker))):
                continue
            described = " ".join(filter(None, (mention.speaker.role, mention.speaker.description))).lower()
            words = {w.strip(".,") for w in described.split()}
            words |= {short[w] for w in words if w in short}  # "Sen." is a senator
            if (head in words or head in described) and all(m in words for m in modifiers):
                return mention.speaker
        return None

    def _named_body(self, head: Any, modifiers: Sequence[str], position: int, description: str) -> Speaker | None:
        """"the task force" after "Joint Task Force Steadfast Lantern", "the ministry" after "the
        Ministry of Water": the nearest organisation named earlier whose name holds the noun and
        every modifier; None when there is none (or the noun is one that names places too)."""
        noun = head.lemma_.lower()
        if noun in AMBIGUOUS_BODY_NOUNS or is_role_word(head.text):
            return None
        index = bisect.bisect_left(self._ent_starts, head.i)
        for ent in reversed(self.ents[max(0, index - NAMED_BODY_LOOKBACK):index]):  # bounded: hostile input
            if ent.label_ != "ORG" or ent.end_char > position or len(ent) < 2:  # "Bank executives": no name
                continue
            if _names_body(ent.text, noun, modifiers):
                name = _strip_the(ent.text)
                return Speaker(name=name, entity=self._entity_id(name, ent.start_char, ent.end_char),
                               description=description)
        # "the relief cell" in an update the Relief Coordination Cell issues or publishes
        for body in (self._issuer, self.doc.publisher, self.doc.author):
            if body and len(body.split()) >= 2 and _names_body(body, noun, modifiers):
                return Speaker(name=body, entity=self._entity_named(body), description=description)
        return None

    def _full_name(self, name: str, position: int, gender: str | None = None) -> str:
        """"Kirby" after "John Kirby" is John Kirby (the latest earlier full mention ending so);
        "Mrs. Clinton" is the latest earlier Clinton whose given name is not a man's."""
        if " " in name:
            return name
        counts: dict[str, int] = {}
        latest: dict[str, int] = {}
        for s, _e, other in self.people:
            cleaned = _clean_name(other)
            if s >= position:
                break
            if " " in cleaned and cleaned.split()[-1] == name:
                if gender is not None and given_name_gender(cleaned) not in (None, gender):
                    continue
                counts[cleaned] = counts.get(cleaned, 0) + 1
                latest[cleaned] = s
        if not counts:
            return name
        # two people of one surname ("Ted Cruz", "Heidi Cruz"): the one the text names most, then
        # the latest named
        return max(counts, key=lambda n: (counts[n], latest[n]))

    def _entity_id(self, name: str | None, start: int, end: int) -> str | None:
        """The entity id of the mention of ``name`` at start..end, else of any mention so named."""
        if not name:
            return None
        low = bisect.bisect_left(self._entity_starts, start - MAX_ENTITY_CHARS)
        high = bisect.bisect_left(self._entity_starts, end)
        for entity in self.entities[low:high]:
            overlaps = start < entity.end and entity.entity
            if overlaps and (name.split()[-1] in entity.text or (entity.canonical and name in entity.canonical)):
                return entity.entity
        return self._entity_named(name)

    def _entity_named(self, name: str) -> str | None:
        """The entity id of a mention whose canonical name or text is ``name``, wherever it is."""
        return self._entity_ids_by_name.get(name)

    @functools.cached_property
    def _entity_ids_by_name(self) -> dict[str, str]:
        ids: dict[str, str] = {}
        for entity in self.entities:
            if entity.entity:
                for key in (entity.canonical, entity.text):
                    if key:
                        ids.setdefault(key, entity.entity)
        return ids

    def _entities_within(self, start: int, end: int) -> list[Entity]:
        """The entity stage's mentions that lie inside start..end (found by bisection)."""
        low = bisect.bisect_left(self._entity_starts, start)
        high = bisect.bisect_left(self._entity_starts, end)
        return [e for e in self.entities[low:high] if e.end <= end]

    def _statement_date(self, cue: Any) -> str | None:
        """When the statement was made: a date phrase attached to the cue, or to the occasion it
        was said at ("said at a council meeting on Monday"), outside any quote."""
        near = [*cue.children, *(g for c in cue.children if c.dep_ == "prep" for g in c.children)]
        near += [date for occasion in near if occasion.dep_ == "pobj" and _lemma(occasion) in OCCASION_NOUNS
                 for prep in occasion.children if prep.dep_ == "prep" for date in prep.children]
        for token in sorted(near, key=lambda t: t.i):  # the roots of date phrases hung on the cue
            if token.ent_type_ != "DATE":
                continue
            ent = self._ent_at(token)
            if ent is None or ent.root.i != token.i or self._in_quote(ent.start_char):
                continue
            value = resolve_date(ent.text, self.anchor)
            if value is not None:
                return value
        return None


# -- helpers -------------------------------------------------------------------------------------------
# where a statement is made, whose date is the statement's ("at a council meeting on Monday")
OCCASION_NOUNS = frozenset({
    "meeting", "briefing", "conference", "rally", "hearing", "session", "summit", "debate", "event",
    "speech", "address", "interview", "ceremony", "gathering", "forum", "sitting", "assembly",
    "vigil", "visit", "appearance", "broadcast", "podcast", "show", "congress", "convention",
    # and what it was written in: "in a second post on Monday he wrote", "in a statement on Friday"
    "post", "tweet", "statement", "letter", "email", "message", "video", "remarks", "article", "column",
})
TITLE_SMALL_WORDS = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Content spans between quotation marks, joined across paragraphs when a paragraph re-opens.

    A quote left open at a paragraph's end continues only when the next paragraph starts with an
    opening mark (the news convention); otherwise it is dropped as unbalanced. Spans exclude marks.
    """
    original = text
    # typewriter quotes (``...'' and ''...'') become one mark plus a filler, offsets unchanged
    text = text.replace("''", '"\u2060').replace("``", '"\u2060')
    spans: list[tuple[int, int]] = []
    first_start: int | None = None  # where the whole (possibly multi-paragraph) quote begins
    position = 0
    for paragraph in text.split("\n"):
        begin = position
        position += len(paragraph) + 1
        index = 0
        if first_start is not None:
            if not paragraph.strip():
                continue
            lead = len(paragraph) - len(paragraph.lstrip())
            if paragraph[lead] in '"' + OPEN_MARKS:
                index = lead + 1  # the quote goes on in this paragraph
            else:
                first_start = None  # unbalanced: never invent where it ended
        is_open = first_start is not None
        while index < len(paragraph):
            char = paragraph[index]
            absolute = begin + index
            index += 1
            if char not in '"' + OPEN_MARKS + CLOSE_MARKS:
                continue
            if not is_open:
                # a closing mark written where a quote opens ('said ”We ...') opens it too
                if char in OPEN_MARKS or (char in '"”' and _opens(paragraph, absolute - begin)):
                    first_start, is_open = absolute + 1, True
                continue
            closing = char in CLOSE_MARKS or (char in '"“' and _closes(paragraph, absolute - begin))
            if not closing:
                if char in OPEN_MARKS or char == '"':
                    first_start = absolute + 1  # a stray opener: restart from the later one
                continue
            if first_start is not None and absolute > first_start:
                spans.append((first_start + (text[first_start] == "\u2060"), absolute))
            first_start, is_open = None, False
    return [s for s in spans if s[0] < s[1] and original[s[0]:s[1]].strip()]


def _opens(paragraph: str, index: int) -> bool:
    before = paragraph[index - 1] if index > 0 else " "
    after = paragraph[index + 1] if index + 1 < len(paragraph) else " "
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


def _closes(paragraph: str, index: int) -> bool:
    before = paragraph[index - 1] if index > 0 else " "
    after = paragraph[index + 1] if index + 1 < len(paragraph) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def _complement(child: Any, addressee: bool) -> bool:
    """Whether ``child`` (right of its verb) is part of what the verb reports."""
    if child.dep_ in ("dobj", "dative") and addressee:
        # "urged voters to wait": the people urged; but "urged restraint": what is urged
        thing = (child.dep_ == "dobj" and child.tag_ == "NN" and not child.ent_type_
                 and child.head.lemma_.lower() in ("urge", "encourage")
                 and not any(c.dep_ in ("xcomp", "ccomp") for c in child.head.children))
        return thing
    if child.dep_ in CONTENT_DEPS:
        return True
    preposition = child.lower_
    reported = preposition in CONTENT_PREPOSITIONS or preposition in VERB_PREPOSITIONS.get(
        child.head.lemma_.lower(), ())
    return child.dep_ == "prep" and reported and not _circumstance(child) and any(
        c.dep_ in ("pobj", "pcomp") for c in child.children)


def _circumstance(prep: Any) -> bool:
    """"on Friday", "in an interview", "at a rally": when or where something was said."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in SETTING_NOUNS
                                 for o in objects)


def _own_content(head: Any) -> list[Any]:
    """The tokens of a content phrase without a verb the parse joined on to its noun: in
    "explored the changes and discussed the risks" the object stops before "and discussed" (a
    verb phrase joined to a verb, "promised to lift X and open Y", stays whole)."""
    cut: set[int] = set()
    for child in head.children if head.pos_ in ("NOUN", "PROPN", "PRON") else ():
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):  # a clause joined to a noun: misparse
            cut.update(t.i for t in child.subtree)
    cut |= _aside(head)
    for token in head.subtree:  # "vote on a levy that the council says will raise …": the council's report
        if token.dep_ == "relcl" and _reports(token) and token.i > head.i and any(
                s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ("that", "which", "who") and s.i < token.i
                for c in token.children if c.dep_ == "ccomp" for s in c.children):
            cut.update(t.i for t in token.subtree)
    kept = [t for t in head.subtree if t.i not in cut]
    while len(kept) > 1 and (kept[-1].is_punct or kept[-1].dep_ in ("cc", "prep", "mark")):
        kept.pop()  # "... Easter Island and": the joint left behind
    return kept


def _aside(head: Any) -> set[int]:
    """The tokens of a relative clause set off by a comma at the end of the phrase ("..., which
    brought momentum"): the writer's aside, not what was said."""
    last = max(t.i for t in head.subtree)
    for token in head.subtree:
        if token.dep_ != "relcl" or token.i <= head.i:
            continue
        own = sorted(t.i for t in token.subtree)
        if own[-1] == last and own[0] > 0 and token.doc[own[0] - 1].text == "," and \
                token.doc[own[0]].lower_ in ("which", "who"):
            return set(own)
    return set()


def _closing_cue(token: Any) -> bool:
    """"…, a source said.": a main speech verb after the clause it reports is read before the
    verbs inside that clause, so the clause is the source's ("reported" keeps relaying instead)."""
    lemma = _lemma(token)
    if lemma not in SPEECH_LEMMAS or lemma in REPORT_LEMMAS or lemma in WEAK_LEMMAS:
        return False
    return ((token.dep_ == "ROOT" and any(c.dep_ == "ccomp" and c.i < token.i for c in token.children))
            or _trailing_clause(token) is not None)


def _trailing_clause(cue: Any) -> tuple[Any, Any] | None:
    """(first, last) token of the clause a sentence-final "…, the source added." reports when the
    parse made the cue a conjunct of that clause's verb ("A told police …, but B overruled it, the
    source added"); None for any other shape."""
    if cue.dep_ != "conj" or cue.head.i > cue.i or cue.head.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if subject is None or any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > cue.i for c in cue.children):
        return None
    comma = cue.doc[subject.left_edge.i - 1] if subject.left_edge.i > cue.sent.start else None
    if comma is None or comma.text != ",":
        return None
    tail = cue.doc[cue.i + 1:cue.sent.end]
    if any(t.pos_ in ("VERB", "AUX") for t in tail) or any(t.is_punct and t.text in ",;:" for t in tail):
        return None  # "…, she added, and …": the sentence goes on
    first = cue.doc[cue.sent.start]
    while (first.is_space or first.is_punct) and first.i < comma.i:
        first = cue.doc[first.i + 1]
    if comma.i - first.i < 4:
        return None
    return first, cue.doc[comma.i - 1]


def _lemma(token: Any) -> str:
    """The token's lemma, with the tagger's known slips mended ("hopes" is not "hop"); "point
    out" is read as "note", "as she put it" as "say"."""
    lemma = str(token.lemma_).lower()
    if lemma == "hop" and token.lower_.startswith("hope"):
        return "hope"
    if lemma.endswith("tweete"):  # "retweeted" -> "retweete"
        return lemma[:-1]
    if lemma == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
        return "note"
    if lemma == "learn" and _newsroom_finding(token):
        return "disclose"
    if lemma == "put" and _as_put_it(token):
        return "say"
    return lemma


def _as_put_it(token: Any) -> bool:
    """"The levy, as the mayor put it, is a tax": "put it" after "as" is a way of saying."""
    return any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children) and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in token.children)


def _person_like(name: str) -> bool:
    """A post's author that reads as a person's name ("Dana Whitfield"), not a body ("U.S. Central
    Command", "Harbor Gazette"): two or three capitalised words, none a role or a body's word."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(
        w[:1].isupper() and w.replace(".", "").replace("-", "").replace("'", "").isalpha()
        and not is_role_word(w) and w.lower() not in ISSUER_TAIL and w.lower() not in MEDIA_WORDS for w in words)


def _names_body(name: str, noun: str, modifiers: Sequence[str]) -> bool:
    """Whether an organisation's name holds the noun and every modifier of "the <modifiers> <noun>"
    ("Joint Task Force Steadfast Lantern" for "the task force"), plurals aside."""
    words = {w.lower().rstrip(".,").removesuffix("s") for w in name.split()}
    return noun.removesuffix("s") in words and all(m.removesuffix("s") in words for m in modifiers)


def _bare_name(token: Any) -> bool:
    """A proper noun the entity tagger left untagged, with only proper nouns compounded on it,
    none of them a role word ("Calloway", "Ines Calloway"; not "Mayor" or "Senate")."""
    words = [t for t in token.subtree if t.dep_ == "compound" or t.i == token.i]
    return (token.pos_ == "PROPN" and not token.ent_type_ and len(words) <= 3
            and all(t.pos_ == "PROPN" and t.is_title and not is_role_word(t.text) for t in words))


def _companions(subject: Any) -> set[int]:
    """The tokens of "and her aides" in "Calder and her aides": people joined to a named subject
    by a possessive that points back to it; empty for any other subject."""
    if subject.pos_ != "PROPN":
        return set()
    for child in subject.children:
        if child.dep_ == "conj" and child.pos_ == "NOUN" and any(
                c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their") for c in child.children):
            joints = {c.i for c in subject.children if c.dep_ == "cc" and c.i < child.i}
            return {t.i for t in child.subtree} | joints
    return set()


def _asks_anonymity(cue: Any) -> bool:
    """"who asked not to be named", "requested anonymity": how the source is described, not what
    the source said."""
    if _lemma(cue) not in ("ask", "request", "insist"):
        return False
    return any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in ("name", "identify", "quote", "use")
               and any(a.dep_ == "auxpass" for a in c.children) for c in cue.children)


def _not_free_to_speak(cue: Any) -> bool:
    """"because he was not authorized to discuss troop numbers", "not allowed to comment": why a
    source is anonymous, not something the source said."""
    return cue.dep_ == "xcomp" and _lemma(cue.head) in ("authorize", "allow", "permit", "clear", "empower")


# what a source is asked for and did not give: "did not respond to a request for comment"
REQUEST_NOUNS = frozenset({"request", "inquiry", "enquiry", "query", "message", "call", "email", "e-mail",
                           "question", "comment"})
ANSWERING_LEMMAS = frozenset({"respond", "reply", "answer", "return", "comment"})


def _no_comment(cue: Any) -> bool:
    """"Ruiz did not respond to a request for comment", "declined to say when talks might begin",
    "could not confirm the report": a note that a source said nothing, not a statement (nor a
    position) of the source."""
    lemma = _lemma(cue)
    if lemma in ("confirm", "verify", "corroborate") and any(c.dep_ == "neg" for c in cue.children):
        return True  # "The Gazette could not independently confirm the report": nothing confirmed
    if cue.dep_ == "xcomp" and _lemma(cue.head) in ("decline", "refuse"):
        return True  # "declined to say when …": the saying is what was declined
    if lemma in ("decline", "refuse"):
        return any(c.dep_ == "xcomp" and _lemma(c) in SPEECH_LEMMAS | ANSWERING_LEMMAS | {"discuss", "elaborate"}
                   for c in cue.children)
    if lemma not in ANSWERING_LEMMAS:
        return False
    negated = any(c.dep_ == "neg" for c in cue.children)
    asked = any(_lemma(t) in REQUEST_NOUNS for c in cue.children if c.dep_ in ("prep", "dobj") for t in c.subtree)
    return negated or asked


def _names_its_sources(cue: Any) -> bool:
    """"…, Harbour Wire reported, citing two officials familiar with the plan": who a report
    relies on, not a statement of its own."""
    return _lemma(cue) == "cite" and any(c.dep_ == "dobj" and _lemma(c) in SOURCE_NOUNS for c in cue.children)


def _withdrawn(cue: Any, text: str) -> bool:
    """"An earlier version of this article said …", "we incorrectly reported …": what a correction
    notice withdraws is no statement of anyone now (``text`` is the document's: ``Doc.text`` joins
    every token on each call)."""
    end = cue.idx + len(cue)
    start = max(0, end - WITHDRAWN_REACH)  # a window, not ``cue.sent`` (which walks the document)
    stop = max(text.rfind(". ", start, cue.idx), text.rfind("\n", start, cue.idx))
    return WITHDRAWN.search(text, stop + 1 if stop >= 0 else start, end) is not None


def _put_to_speaker(cue: Any) -> bool:
    """"Asked whether troops would leave, Varga said", "Told that the port had closed, Ruiz said":
    a participle before the main verb, with no subject of its own, is what was put to the speaker."""
    return (cue.tag_ in ("VBN", "VBD") and cue.dep_ == "advcl" and _subject_of_own(cue) is None
            and cue.i < cue.head.i and not any(c.dep_ == "agent" for c in cue.children))


def _for_saying(prep: Any) -> bool:
    """"(criticized Ruiz) for saying that …": a reason that is itself a statement, read on its own."""
    return prep.dep_ == "prep" and prep.lower_ == "for" and any(
        c.dep_ == "pcomp" and _lemma(c) in SPEECH_LEMMAS and any(g.dep_ == "ccomp" for g in c.children)
        for c in prep.children)


def _summary_aside(tokens: list[Any]) -> set[int]:
    """The indices of a closing apposition that sums up what came before with a clause of its own
    ("…, a figure the council disputes", "…, a move critics called reckless"): the writer's
    comment on the statement, not part of it. Empty when there is none."""
    if len(tokens) < 6:
        return set()
    last = tokens[-1].i
    for token in tokens:
        if token.dep_ != "appos" or _lemma(token) not in SUMMARY_NOUNS or token.i < 3:
            continue
        own = sorted(t.i for t in token.subtree)
        comma = token.doc[own[0] - 1]
        clause = any(c.dep_ in ("relcl", "acl", "appos") and c.i > token.i for c in token.children)
        if comma.text == "," and clause and own[-1] >= last - 1:
            return {t.i for t in tokens if t.i >= comma.i}
    return set()


def _possessive(token: Any) -> bool:
    """A real possessor ("his", "the union's"), not a word the parse took for one ("ex" in
    "ex-wife")."""
    return token.dep_ == "poss" and (token.tag_ in ("PRP$", "WP$") or any(c.dep_ == "case" for c in token.children))


def _as_written(tokens: list[Any], commas: bool = False) -> str:
    """Some tokens of a phrase as the text writes them: neighbours keep their spacing ("ex-wife",
    not "ex - wife"), a left-out hyphen still joins ("D-Ore."), and a gap is one space, or, with
    ``commas``, a comma where the text has one ("press secretary, Maj. Gen.")."""
    out = ""
    for k, token in enumerate(tokens):
        if k:
            gap = [t.text for t in token.doc[tokens[k - 1].i + 1:token.i]]
            if not gap:
                out += tokens[k - 1].whitespace_
            elif gap == ["-"] and not tokens[k - 1].whitespace_ and not token.doc[token.i - 1].whitespace_:
                out += "-"
            else:
                out += ", " if commas and "," in gap else " "
        out += token.text
    return " ".join(out.split())


def _noun_owner(clause: Any) -> Any:
    """The cue noun a "that"-clause follows ("a Gazette report that …", "her claim that …"),
    which the clause belongs to even when the parse hung it on the verb; None otherwise."""
    first = clause.left_edge
    if first.i == 0 or first.lower_ != "that" or first.dep_ != "mark" or first.head.i != clause.i:
        return None
    noun = clause.doc[first.i - 1]
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during", "at", "via", "through"):
        return None  # "said in a statement that …": where it was said; the clause is the verb's
    if noun.pos_ == "NOUN" and _lemma(noun) in CUE_NOUNS | REPORT_NOUNS and noun.i < clause.i:
        return noun
    return None


def _newsroom_finding(token: Any) -> bool:
    """"…, The Post has learned": an organisation that "has learned" something is a newsroom
    reporting what it found, not a person coming to know it ("Ruiz has learned that …" is not)."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return (subject is not None and any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)
            and (subject.ent_type_ == "ORG" or (subject.pos_ == "PROPN" and (
                subject.ent_type_ not in ("PERSON", "NORP") or any(c.lower_ == "the" for c in subject.children)))))


def _reports(clause: Any) -> bool:
    """Whether a clause is itself a report: a speech verb with its own subject and clause."""
    lemma = clause.lemma_.lower()
    return (lemma in SPEECH_LEMMAS and lemma not in WEAK_LEMMAS and _subject_of_own(clause) is not None
            and any(c.dep_ == "ccomp" for c in clause.children))


def _evidence_holder(noun: Any) -> Any:
    """Whose figures or documents these are: "figures released by the task force", "data from
    the ministry", "the ministry's figures"; None when the phrase names no one."""
    if noun.lemma_.lower() not in EVIDENCE_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            found = next((o for o in child.children if o.dep_ == "pobj" and o.pos_ in ("PROPN", "NOUN")), None)
            if found is not None and found.lemma_.lower() not in EVIDENCE_NOUNS and not _located(found):
                return found
        if child.dep_ == "acl" and child.lemma_.lower() in PUBLISHING_LEMMAS:  # "released by", not "seen by"
            agent = next((a for a in child.children if a.dep_ == "agent"), None)
            found = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None
            if found is not None:
                return found
    return None


def _body_it(token: Any) -> bool:
    """"The WFP said it had distributed food, and it plans to …": an "it" after an organisation or a
    body named earlier in its sentence, which can hold a position."""
    return token.lower_ == "it" and any(
        t.ent_type_ == "ORG" or (t.pos_ in ("NOUN", "PROPN") and _lemma(t) in BODY_WORDS)
        for t in token.doc[token.sent.start:token.i])


def _acronym(token: Any) -> bool:
    """A word in capitals the tagger read as a pronoun: "WHO warned", "US officials"."""
    return token.text.isupper() and len(token.text) > 1 and token.text.lower() in ("who", "us", "it")


def _main_subject(token: Any) -> Any:
    """The subject of the main clause of the token's sentence, if it has one."""
    root = token.sent.root
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _located(place: Any, label: str | None = None) -> bool:
    """"Reports from Mosul", "footage from Kharkiv": a place a report comes from, not its maker
    (``label``: the place's entity label where the entity stage corrected the tagger's)."""
    return ((label or place.ent_type_) in ("GPE", "LOC", "FAC") and place.dep_ == "pobj" and place.head.lower_ == "from"
            and _lemma(place.head.head) in LOCATED_NOUNS)


def _inherited_subject(verb: Any) -> Any:
    """Who does what a subjectless verb says: "..., citing safety", "she left and urged calm",
    "declined to comment", "asked Holt to check" (the asked), "by emphasizing", "a tweet attacking"."""
    head = verb.head
    if verb.dep_ == "xcomp" and verb.tag_ == "VB":
        told = [c for c in head.children if c.dep_ == "dobj" and c.i < verb.i]
        if told and head.lemma_.lower() not in ADDRESSEE_LEMMAS:  # "led Ivans to fear": Ivans fears
            return told[0]
        return _subject(verb)
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.tag_ in ("VBG", "VBD", "VBZ", "VBP", "VB"):
        return _subject(verb)
    if (verb.dep_ == "conj" and verb.tag_ == "VBN" and head.tag_ in ("VBD", "VBZ", "VBP")
            and not any(c.dep_ in ("auxpass", "aux") for c in verb.children)):
        return _subject(verb)  # "denied the report and accused …": a past tense the tagger read as a participle
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG":
        return _subject(verb)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        if _lemma(head) in ISSUED_NOUNS and head.dep_ == "dobj" and _lemma(head.head) in ISSUING_LEMMAS:
            issuer = _subject(head.head)  # "the union released a statement calling …": the union calls
            if issuer is not None and _word(issuer) not in CONTENT_PRONOUNS:  # "it issued" is no speaker
                return issuer
        return head  # "a Donald Trump tweet attacking ...": the tweet attacks
    return None


def _subject_of_own(token: Any) -> Any:
    """The token's own subject (not inherited from the clause it hangs off); of two, the nearer
    one before the verb ("The Latest: Trump urges ..." parses both as subjects)."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    before = [c for c in subjects if c.i < token.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def _same_line(a: Any, b: Any) -> bool:
    low, high = sorted((a.i, b.i))
    return not any("\n" in t.text or "\n" in t.whitespace_ for t in a.doc[low:high])


def _left_neighbour(token: Any) -> Any:
    """"Mayor Ana Ruiz said" when the parse ran over a line break and lost the subject."""
    if token.i == 0:
        return None
    left = token.doc[token.i - 1]
    if left.pos_ in ("PROPN", "NOUN", "PRON") and _same_line(left, token) and left.ent_type_ not in NOT_SPEAKER_ENTS:
        return left  # not "this week" in "experts I spoke to this week said", which the parse left subjectless
    return None


def _source_phrase(subject: Any, tokens: list[Any]) -> list[Any]:
    """The subject's tokens without what is not its name or description: a relative clause that
    is itself a statement ("Mr. Obama, who understood that ..."), a participle after a name
    ("Trump, speaking to veterans in Virginia, said"), a dateline ("BRUSSELS - leaders said")."""
    cut: set[int] = set()
    for head in [subject, *(c for c in subject.children if c.dep_ == "appos")]:
        for child in head.children:
            if child.i < subject.i:
                continue
            reports = _lemma(child) in REPORTING_LEMMAS and any(
                c.dep_ in ("ccomp", "xcomp") for c in child.children)
            statement = child.dep_ == "relcl" and (reports or _sends_a_work(child))
            aside = (child.dep_ in ("acl", "advcl") and child.tag_ in ("VBG", "VBN") and head.pos_ == "PROPN"
                     and child.i > 0 and child.doc[child.i - 1].text == ",")
            when = child.dep_ == "npadvmod" and child.ent_type_ in ("DATE", "TIME")  # "Trump this week said"
            if statement or aside or when:
                cut.update(t.i for t in child.subtree)
    kept = [t for t in tokens if t.i not in cut]
    dash = next((k for k, t in enumerate(kept[:6]) if t.text in ("-", "--", "—", "–", "―") and k > 0
                 and all(u.is_upper for u in kept[:k] if u.is_alpha)), None)  # "WASHINGTON (AP) --"
    return kept[dash + 1:] if dash is not None else kept


def _sends_a_work(clause: Any) -> bool:
    """", who sent Xi a letter with a proposal", ", which unearthed a 1995 story": a clause set off
    by a comma whose verb has a piece of writing as its object tells what the speaker published,
    which is a statement of its own, not a description of who speaks."""
    return clause.doc[clause.left_edge.i - 1].text == "," and any(
        c.dep_ == "dobj" and _lemma(c) in PUBLISHED_NOUNS | DOCUMENT_NOUNS for c in clause.children)


def _holds_views(subject: Any) -> bool:
    """Whether a subject can hold an attitude or a stance: a person, a body, a group, a source,
    a pronoun for one ("the union is critical of", "she is a critic of"); not "it" or "there"."""
    if subject is None or subject.pos_ not in ("PROPN", "PRON", "NOUN"):
        return False
    if _word(subject) in ("i", "we", "you", "it", "this", "that", "there"):
        return False
    return (subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or subject.lower_ in PRONOUN_GENDER
            or subject.lower_ == "they" or subject.lemma_.lower() in SOURCE_NOUNS | GROUP_NOUNS
            or (subject.pos_ == "PROPN" and not subject.ent_type_))


def _closes_bracket(tokens: list[Any]) -> bool:
    """The last token is the ")" of a "(" the phrase opened."""
    texts = [t.text for t in tokens]
    return texts[-1] == ")" and texts.count("(") >= texts.count(")")


def _title_gender(tokens: Sequence[Any]) -> str | None:
    """The gender the last courtesy title among ``tokens`` gives ("Mrs. Calder" -> "f")."""
    return next((TITLE_GENDER[t.lower_] for t in reversed(tokens) if t.lower_ in TITLE_GENDER), None)


def _without_clauses(subject: Any, tokens: list[Any]) -> list[Any]:
    """The tokens outside the relative and participle clauses of the subject's phrase ("the
    official who briefed reporters" keeps "the official"); one walk down from the subject."""
    kept: set[int] = set()
    stack = [subject]
    while stack:
        token = stack.pop()
        kept.add(token.i)
        stack.extend(c for c in token.children if c.dep_ not in ("relcl", "acl"))
    inside = {t.i for t in subject.subtree}
    return [t for t in tokens if t.dep_ not in ("relcl", "acl") and (t.i in kept or t.i not in inside)]


def _word(token: Any) -> str:
    """The token in lower case, a contracted pronoun spelled out ("let's": "'s" is "we")."""
    if token.pos_ == "PRON" and token.lower_ in ("'s", "’s"):
        return "we"
    return str(token.lower_)


def _possessor(doc: Any, after: int) -> bool:
    """Whether the token at ``after`` is the possessive "'s" of the words before it."""
    return after < len(doc) and doc[after].dep_ == "case" and doc[after].lower_ in ("'s", "’s", "'", "’")


def _quoted(token: Any) -> bool:
    """The token stands inside quotation marks opened in its sentence, at most 60 tokens before
    it ("on Fox's “Fox and Friends”")."""
    for left in reversed(token.doc[max(0, token.i - 60):token.i]):
        if left.tag_ == "``" or left.text in ("“", "‘"):
            return True
        if left.tag_ == "''" or left.text in ("”", "’") or left.is_sent_start:
            return False
    return False


def _after_closing_quote(cue: Any) -> Any:
    """The noun phrase between a closing quotation mark and its cue ('…,” Flynn, a top
    surrogate, said'), when the parse hung it inside the quote: the phrase's one nominal head."""
    stretch = []
    for left in reversed(cue.doc[max(0, cue.i - 31):cue.i]):
        if left.tag_ == "''" or left.text == "”":
            break
        if left.is_sent_start:
            return None
        stretch.append(left)
    else:
        return None  # no closing mark within 30 tokens
    inside = {t.i for t in stretch}
    heads = [t for t in stretch if not t.is_punct and (t.head.i not in inside or t.head.i == t.i)]
    if len(heads) != 1:
        return None
    if heads[0].pos_ not in ("PROPN", "NOUN", "PRON") and not any(t.ent_type_ in ("PERSON", "ORG") for t in stretch):
        return None  # '”, Tulsa police Chief Chuck Jordan said': a name the tagger read as a verb still speaks
    return heads[0]


def _subject(token: Any) -> Any:
    # a dash the parse read as a subject is none; of two subjects the one nearest the verb
    # ("THE BORROWING Back when he wrote, Mr. McKinley said": a glued heading is the other one)
    subjects = sorted((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")
                       and any(ch.isalnum() for ch in c.text)),
                      key=lambda c: (_quoted(c), abs(token.i - c.i)))
    if subjects and _quoted(subjects[0]):
        inverted = _after_closing_quote(token)
        if inverted is not None:  # '"…," Flynn, a surrogate, said on “Fox and Friends.”'
            return inverted
    for child in subjects:  # a quoted title the parse made a second subject is not the speaker
        if child.lower_ in FLOATING_QUANTIFIERS and child.pos_ == "PRON":
            named = _floated_over(child)
            if named is not None:  # "General Sara Holt and Minister Ruben Adler both said"
                return named
        if child.dep_ == "nsubjpass":  # "it was reported by Reuters that ...": the agent speaks
            agent = next((o for a in token.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)
            if agent is not None:
                return agent
        return child if _same_line(child, token) else _left_neighbour(token)
    if token.tag_ == "VBG" and token.i > 0 and token.dep_ in ("acl", "pcomp", "xcomp"):
        before = token.doc[token.i - 1]  # "footage of Calder saying", "a clip of him saying"
        if before.dep_ == "pobj" and before.head.lower_ == "of" and before.pos_ in ("PROPN", "PRON"):
            return before
    if token.dep_ == "xcomp" and _lemma(token.head) not in SUBJECT_CONTROL:
        # "left many nations feeling that ...", "urged Pell to say ...": the object does it
        controller = next((c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i), None)
        if controller is not None:
            return controller
    if token.dep_ == "acl" and token.head.lemma_.lower() in EVENT_NOUNS and token.head.dep_ == "pobj" \
            and token.head.head.head.pos_ in ("VERB", "AUX") and token.head.head.head.i != token.head.i:
        return _subject(token.head.head.head)  # "said at a news conference announcing that ...": she announced
    if (token.dep_ == "advcl" and token.tag_ == "VBG" and token.i > 0 and token.doc[token.i - 1].text == ","
            and token.head.dep_ == "relcl"):
        # "… paying an architect who said he was stiffed, saying, “…”": the participle after the
        # relative clause goes with the main clause, not with the relative's "who"
        outer = next((a for a in token.head.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if outer is not None:
            return _subject(outer)
    if token.dep_ in ("conj", "xcomp", "advcl") and token.head.i != token.i:
        return _subject(token.head)
    if (token.dep_ == "pcomp" and token.head.lower_ == "for"
            and token.head.head.pos_ in ("VERB", "AUX") and token.head.head.i != token.head.i):
        # "was criticized for saying …", "praised Ruiz for saying …": who is blamed or praised said it
        verb = token.head.head
        blamed = next((c for c in verb.children if c.dep_ == "dobj" and c.i < token.i
                       and c.pos_ in ("NOUN", "PROPN", "PRON")
                       and c.ent_type_ not in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT", "DATE")), None)
        return blamed if blamed is not None else _subject(verb)
    if (token.dep_ == "pcomp" and token.head.lower_ in GERUND_PREPOSITIONS
            and token.head.head.pos_ in ("VERB", "AUX") and token.head.head.i != token.head.i):
        return _subject(token.head.head)  # "opened the meeting by saying ...": the opener says it
    for child in token.children:  # passive "it was reported by X"
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if token.dep_ == "ROOT":
        return _hung_on_the_opening_phrase(token) or _named_after(token) or _left_neighbour(token)
    return None


FLOATING_QUANTIFIERS = frozenset({"both", "all", "each"})


def _floated_over(quantifier: Any) -> Any:
    """The names a floating "both" follows, when the parse hung them elsewhere ("In Kellmar,
    General Sara Holt and Minister Ruben Adler both said": the names as a conjunct of "Kellmar"):
    the first of the coordinated names right before it."""
    doc = quantifier.doc
    if quantifier.i == 0:
        return None
    named = doc[quantifier.i - 1]
    if named.pos_ not in ("PROPN", "NOUN") or named.dep_ == "nsubj":
        return None
    while named.dep_ == "conj" and named.head.i < named.i and named.head.ent_type_ == named.ent_type_ \
            and named.head.pos_ == named.pos_:
        named = named.head
    return named


def _named_after(cue: Any) -> Any:
    """'"We will not retreat," says general': the word after a cue that follows a closing quote
    names the speaker, however the parse hung it (a headline has no subject before its verb)."""
    doc = cue.doc
    if cue.i < 2 or cue.i + 1 >= len(doc) or doc[cue.i - 1].text[-1:] not in '"\'’' + CLOSE_MARKS:
        return None
    after = doc[cue.i + 1]
    if "\n" in cue.whitespace_ or not (after.pos_ in ("NOUN", "PROPN") or is_role_word(after.text)):
        return None
    return after


def _hung_on_the_opening_phrase(cue: Any) -> Any:
    """"In a post on X, its commander, Dara Kell, wrote …": the parse made the subject an apposition
    of the opening phrase's last noun; the apposition that ends at the comma before the verb speaks."""
    if cue.i < 4 or cue.doc[cue.i - 1].text != ",":
        return None
    opening = next((c for c in cue.children if c.dep_ == "prep" and c.i < cue.i), None)
    if opening is None:
        return None
    for token in opening.subtree:
        if token.dep_ != "appos" or token.head.dep_ != "pobj" or token.pos_ not in ("NOUN", "PROPN"):
            continue
        own = sorted(t.i for t in token.subtree)
        if own[-1] >= cue.i - 2 and cue.doc[own[0] - 1].text == ",":
            return token
    return None


def _phrase_text(token: Any) -> str:
    tokens = list(token.subtree)
    return " ".join(t.text for t in tokens if not t.is_punct) or str(token.text)


def _strip_the(name: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", name.strip())


def _clean_name(name: str) -> str:
    words = [w for w in name.replace("’s", "").replace("'s", "").split() if w.lower() not in HONORIFICS]
    return " ".join(words) or name


# a live page's time stamp before an entry: "14:05 — ", "9.30am - ", "Update 14:05 GMT: "
TIME_STAMP = re.compile(
    r"(?:(?:update[d]?|breaking)\s*)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|gmt|utc|bst|cet|cest|e[sd]?t|p[sd]?t|"
    r"local(?: time)?)?\s*(?:[—–-]+|:)\s+",
    re.IGNORECASE,
)


def after_time_stamp(text: str, start: int, end: int) -> int:
    """Where the words begin after a live page's time stamp or a dateline ("MERIDIAN — ") at
    ``start`` (``start`` if none)."""
    match = TIME_STAMP.match(text, start, end)
    if match is None and (start == 0 or text[start - 1] == "\n"):
        match = DATELINE.match(text, start, end)
    return match.end() if match else start


TRIM_CHARS = " \t\n,;:—–"
TURN_PART_STRIP = TRIM_CHARS + ".!?"  # the start of a turn's part after a statement taken out


def _trim(text: str, start: int, end: int, strip: str = TRIM_CHARS) -> tuple[int, int]:
    while start < end and text[start] in strip:
        start += 1
    start = after_time_stamp(text, start, end)
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def _cue_span(token: Any) -> tuple[int, int]:
    if token.lemma_ == "accord" and token.i + 1 < len(token.doc):
        following = token.doc[token.i + 1]
        return token.idx, following.idx + len(following.text)
    return token.idx, token.idx + len(token.text)


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _overlaps_any(start: int, end: int, items: Sequence[Attribution]) -> bool:
    return any(start < a.end and a.start < end for a in items)


def _anchor_date(doc: Document) -> dt.date | None:
    value = DateValue.from_iso(doc.published.date) if doc.published.date else None
    return value.last_day if value is not None and value.precision == "day" else None


def resolve_date(phrase: str, anchor: dt.date | None) -> str | None:
    """An ISO prefix for a statement date: explicit dates, "in September", "on Tuesday", "yesterday".

    Relative forms need the document's day of publication; without it they stay unknown.
    """
    explicit = find_dates(phrase)
    if explicit:
        return explicit[0].value.iso
    lowered = phrase.lower().strip()
    if anchor is None:
        return None
    if lowered in ("today", "this morning", "tonight", "this afternoon", "this evening"):
        return anchor.isoformat()
    if lowered in ("yesterday", "last night"):
        return (anchor - dt.timedelta(days=1)).isoformat()
    for word in re.findall(r"[a-z]+", lowered):
        if word in WEEKDAYS and ("last" in lowered or "on" in lowered or lowered == word):
            # "said on Wednesday" in a story dated a Wednesday is that day, as the time extractor
            # reads it; "last Wednesday" is the week before
            return weekday_before(anchor, WEEKDAYS[word], inclusive="last" not in lowered).isoformat()
        if (word in MONTHS and len(word) > 3) or word in ("may", "june", "july"):
            month = MONTHS[word]
            year = anchor.year if month <= anchor.month else anchor.year - 1
            return f"{year:04d}-{month:02d}"
    return None
