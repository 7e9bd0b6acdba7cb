"""The lines of a document that say who speaks or who issues it, read from the text alone.

Three stages read them and must read them alike: attribution (a transcript's turns, the body a
header names), the entity stage (the people a transcript's labels name) and claims (who asserts
the document's own sentences, which header lines are no claims). So they live here, once:

- transcript turn labels: "COL. ANIKA VOSS: …", "MODERATOR: …" (``TURN_LABEL``,
  ``is_turn_label``; ``GENERIC_LABELS`` are parts, not names);
- the issuer a header names: "Relief Coordination Cell" on a line of its own, "Ministry of X:
  statement on …", "Issued by the Relief Coordination Cell, 6 March 2031" (``issuer``);
- a news dateline ("RAQQA, Syria (Reuters) — ", ``DATELINE``): the entity stage's place, no part
  of a statement or claim;
- what a document withdraws or denies: a correction notice ("An earlier version of this article
  said …", ``WITHDRAWN``: no statement, no claim), a rebuttal ("This is not true.", ``REBUTTAL``)
  and a denial of the report ("denied the report", ``DENIED_REPORT``), which the claim stage scores
  and the link stage contradicts with what they answer.

Bylines ("By Dana Kell, Harbour Wire") are the clean stage's: it takes them out of the text and
keeps the name as the author (``clean/rules.py``).
"""

from __future__ import annotations

import re

# -- transcripts ---------------------------------------------------------------------------------
TURN_LABEL = re.compile(
    r"^[\"“]?(?P<label>(?:[A-Z][A-Za-z.'’\-]*)(?: [A-Z][A-Za-z.'’\-]*){0,4}"
    r"|[A-Z][A-Z .'’\-]{1,40})(?: \((?P<aside>[^)\n]{1,60})\))?:[ \t]+(?P<body>\S[^\n]*)$",
    re.MULTILINE,
)
# the headings of a fact check's parts: the claim checked, the rating and the reasoning
FACT_CHECK_RUBRICS = frozenset({
    "claim", "the claim", "claimed", "what was claimed", "what was said", "who said it", "claim source",
    "verdict", "our verdict", "the verdict", "rating", "our rating", "ruling", "our ruling", "conclusion",
    "the facts", "facts", "fact", "the truth", "reality", "the reality", "context", "evidence",
    "what we found", "the bottom line", "bottom line", "assessment", "explanation", "methodology",
    "in short", "in brief", "key points", "why it matters", "clarification", "corrections", "editors' note",
})
# the words before a colon that are no speaker's turn ("Note:", "Update:", "Q:")
NOT_TURN_LABELS = frozenset({
    "note", "update", "updated", "editor's note", "photo", "source", "sources", "read more",
    "related", "warning", "correction", "disclaimer", "q", "a", "subject", "date", "from", "to",
    "tags", "topics", "share", "watch", "listen", "advertisement", "image", "video", "caption",
    "breaking", "exclusive", "live", "analysis", "opinion", "editorial", "poll", "fact check",
    "the latest", "latest", "transcript", "summary", "background", "media contact", "contact",
    # a fact check's rubrics ("CLAIM: …", "VERDICT: Mostly false.", "Our ruling: …")
    *FACT_CHECK_RUBRICS,
})
# turn labels that give a speaker's part in a transcript, not a name ("REPORTER:", "MODERATOR:")
GENERIC_LABELS = frozenset({
    "reporter", "reporters", "moderator", "host", "audience", "question", "answer", "unidentified",
    "interviewer", "participant", "caller", "anchor", "narrator", "speaker", "crowd",
})
# what a document calls itself ("Fact Sheet: …", "Humanitarian Update: …" are titles, not turns)
DOCUMENT_NOUNS = frozenset({
    "sheet", "update", "release", "report", "advisory", "statement", "summary", "briefing",
    "transcript", "bulletin", "newsletter", "alert", "notice", "factsheet", "memo", "timeline",
})


def is_turn_label(label: str) -> bool:
    """Whether the words before a line's colon can be a speaker's turn label: at most five words,
    not a rubric ("Update:") and not a document's own title ("Fact Sheet:")."""
    words = label.split()
    if not 0 < len(words) <= 5 or label.lower().strip() in NOT_TURN_LABELS:
        return False
    return words[-1].lower() not in DOCUMENT_NOUNS


# -- issuers ---------------------------------------------------------------------------------------
# the issuing body of a statement, release or fact sheet, named on a line of its own at the top
ISSUER_HEAD = re.compile(r"^(?:the )?(?:office|department|ministry|bureau|embassy|permanent mission|mission|"
                         r"headquarters|secretariat|presidency|press office|government) of\b", re.IGNORECASE)
ISSUER_TAIL = frozenset({
    "office", "cell", "command", "force", "department", "ministry", "agency", "council", "commission",
    "committee", "bureau", "secretariat", "mission", "embassy", "unit", "centre", "center", "authority",
    "service", "programme", "program", "organization", "organisation", "coalition", "government",
    "presidency", "headquarters", "spokesperson", "secretary", "directorate", "administration",
})
# the notice that opens a release ("For immediate release: …", "EMBARGOED until …")
RELEASE_NOTICE = re.compile(r"(?:for immediate release|embargoed|not for publication)\b", re.IGNORECASE)
RELEASE_HEADER = re.compile(r"^(?:press|news|media) release$|^(?:joint )?statement$|^fact sheet$", re.IGNORECASE)
HEADER_LINES = 12
STATEMENT_TITLE = re.compile(r"^#*\s*(?P<who>(?:[A-Z][\w'’.&-]*\s?(?:of |the |and |for )*){1,8}?):\s+"
                             r"(?:a |joint )?(?:statement|press release|news release|fact sheet)\b", re.IGNORECASE)
# a header line naming who issues the document: "Issued by the Relief Coordination Cell, 6 March"
ISSUED_BY = re.compile(
    r"^(?i:issued|published|released|prepared|produced)\s+by\s+(?:the\s+)?"
    r"(?P<who>[A-Z][\w'’&-]*(?:\s+(?:of|for|and|the|&|[A-Z][\w'’&-]*)){0,8}?)\s*(?:[,(;|—-]|$)",
)


def issuer(text: str) -> str | None:
    """The body that issues a document with no publisher or author, from its header lines.

    "Office of the Governor of Nineveh", "Relief Coordination Cell", or the line under a "PRESS
    RELEASE" header: a short title-case line of its own among the first lines, before the body
    starts (the first long line); or the body an "Issued by …" line names. Navigation lines
    (with "|" or ">") are skipped.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()][:HEADER_LINES]
    after_header = False
    previous: str | None = None  # the last short title-case line seen
    for line in lines:
        if len(line) > 120:
            break
        if previous and RELEASE_NOTICE.match(line):
            return previous  # "Joint Task Force X" above "For immediate release: ..."
        if "|" in line or ">" in line:
            continue
        titled = STATEMENT_TITLE.match(line) if ":" in line else None  # "Ministry of X: statement on ..."
        if titled:
            return titled.group("who")
        issued = ISSUED_BY.match(line)  # "Issued by the Relief Coordination Cell, 6 March 2031"
        if issued:
            return issued.group("who")
        words = line.split()
        title_case = all(w[:1].isupper() or w.lower() in ("of", "the", "and", "for", "on", "in", "&")
                         for w in words)
        plain = 2 <= len(words) <= 10 and title_case and not re.search(r"[\d:;,.!?\"“”]", line)
        if plain and (after_header or ISSUER_HEAD.match(line) or words[-1].lower() in ISSUER_TAIL):
            return line
        after_header = bool(RELEASE_HEADER.match(line))
        previous = line if plain and not after_header else None
    return None


def issue_line(text: str) -> bool:
    """Whether a line only says who issued the document ("Issued by the Relief Coordination Cell,
    6 March 2031")."""
    return ISSUED_BY.match(text.strip()) is not None


# a news dateline opening a paragraph: "RAQQA, Syria (Reuters) — ", "MERIDIAN — " (a dash, since
# "NAME:" is a speaker's turn)
DATELINE = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Z.'’ -]{1,38}[A-Z.])"
    r"(?:,[ \t]*(?P<region>[A-Z][A-Za-z.]*(?:[ \t][A-Z][A-Za-z.]*){0,2}))?"
    r"[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:[—–]|--?)[ \t]",
    re.MULTILINE,
)


# -- corrections -----------------------------------------------------------------------------------
# a correction notice: what an earlier version of the document said is withdrawn by the document
# itself ("An earlier version of this article said the levy raised $2.4 million"), so it is
# nobody's statement now and no claim of the ledger (the corrected figure that follows is)
WITHDRAWN = re.compile(
    r"\b(?:an?\s+|the\s+)?(?:earlier|previous|prior|original)\s+versions?\s+of\s+(?:this|the)\s+"
    r"(?:article|story|report|post|piece|item|page|analysis|fact[- ]check|column|brief|graphic)\b"
    r"|\b(?:this|the)\s+(?:article|story|report|post|piece|fact[- ]check)\s+(?:has\s+been|was)\s+"
    r"(?:corrected|amended|updated)\s+to\b"
    # the newsroom's own words: a person who "incorrectly said" something still said it
    r"|\b(?:this|the)\s+(?:article|story|report|post|piece)\s+(?:incorrectly|wrongly|erroneously|mistakenly)\b"
    r"|\bwe\s+(?:incorrectly|wrongly|erroneously|mistakenly)\s+(?:said|stated|reported|gave|wrote)\b",
    re.IGNORECASE,
)


# -- rebuttals --------------------------------------------------------------------------------------
# a statement that only says the one it answers is false ("This is not true.", "That's a lie.",
# "False."): it contradicts the statement it replies to, whatever that says
REBUTTAL = re.compile(
    r"^\W*(?:(?:this|that|it|which|the (?:post|claim|statement|report|tweet))\s*(?:is|was|'s|’s)\s+"
    r"(?:simply\s+|just\s+|completely\s+|totally\s+|absolutely\s+)?"
    r"(?:not\s+true|untrue|false|wrong|incorrect|a\s+lie|a\s+(?:complete|total|blatant|outright)\s+lie|"
    r"not\s+(?:correct|accurate|the\s+case)|misleading|fake)"
    r"|(?:false|untrue|not\s+true|fake\s+news)"
    r")\W*$",
    re.IGNORECASE,
)


# "denied the report", "rejected these claims", "dismissed the allegations": a denial of what the
# story reports, whose subject the sentence does not repeat
DENIED_REPORT = re.compile(
    r"\b(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|refutes|disputed|disputes)\s+"
    r"(?:the|these|those|such|that|this)\s+(?:\w+\s+)?(?:report|reports|claim|claims|allegation|allegations|"
    r"story|stories|account|accounts)\b",
    re.IGNORECASE,
)
