"""The line-classification cascade that turns a copied web page into article text.

Stages, in order (each line ends with one role and, when dropped, the name of the rule):

    1. rules         every line is matched against the named rules of :mod:`.rules`
    2. timeline      a bare date line below the first paragraph stays in the body
    3. known caps    body lines repeating a caption the page marked up (figcaption, alt) go
    4. sections      short link-like lines after a "Related Stories" heading are dropped
    5. menu blocks   runs of three or more very short lines above the first or below the last
                     paragraph, at least one of them already dropped as chrome, are menus
                     (above the first paragraph, four short lines are a menu on their own)
    6. captions      a credit line turns the line above it into a caption (never reported
                     speech); both leave the body
    7. posts         a signature line (or an X post card: name, @handle, text, time line)
                     closes an embedded post: the post text is kept once (the copy quoted in
                     prose is preferred), the signature gives author, handle, date
    8. assemble      kept lines are joined (a blank line where the input had a break) and every
                     kept character maps back to the raw input through segments

Nothing here guesses content: a line is either kept verbatim or dropped with a reason.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from claimledger.clean import rules
from claimledger.clean.lines import SourceLine
from claimledger.model import Caption, Post, Segment
from claimledger.values.dates import parse_date

_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")
_QUOTED = re.compile(r"[\"“]([^\"“”]{12,2000})[\"”]")
_WORDS = re.compile(r"\w+")
_LINKISH = re.compile(r"\s*(?:https?://\S+|pic\.twitter\.com/\S+|t\.co/\S+)\s*")
_CREDIT_IN_PARENS = re.compile(r"\s*[(\[]([^()\[\]]{2,160})[)\]]\.?\s*$")
_CREDIT_AFTER_LABEL = re.compile(
    r"\s+((?:Photo|Image|Picture|Credit|Photograph|Video)(?: by| credit)?\s*:\s*[^.!?]{2,80})$"
)
_CREDIT_AGENCY = re.compile(r"\s+([A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\s*/\s*[A-Z][\w .-]{1,40})$")
_CAPTION_PREFIX = re.compile(
    r"^(?:image caption|caption|file photo|pictured|above|top|in this (?:handout )?photo|image|photo|picture)"
    r"\s*[,:-]\s*",
    re.IGNORECASE,
)
_BYLINE_PREFIX = re.compile(r"^(?:by|author|written by|story by|reporting by|words by)\s*:?\s+", re.IGNORECASE)
_TIMESTAMP_KEYWORD = re.compile(
    r"\s*(?:last )?(?:updated|published|posted|modified|released|release date|date|dated|created|first published)\b",
    re.IGNORECASE,
)
# Reported speech and quotation marks belong to the article, never to a photo caption.
_REPORTED = re.compile(r"[\"“”]|\b(?:said|says|told|according to|added|stated)\b")
_BYLINE_TAIL = re.compile(r"\s*[,|].*$")
_BYLINE_DATE = re.compile(rf"[,|·]\s*{rules.DATE_TEXT}")
# Credits that stand above their caption (the BBC order): they never pull the line above.
_CREDIT_FIRST = re.compile(r"^(?:image source|image copyright|picture source)\b", re.IGNORECASE)

POST_FUZZY_MIN_WORDS = 6
POST_FUZZY_RATIO = 0.9
MAX_POST_LINES = 4
MAX_POST_CHARS = 1200
MENU_RUN = 3
HEAD_MENU_RUN = 4  # above the first paragraph, four short lines in a row are a menu by themselves
MENU_WORDS = 4


@dataclass(frozen=True, slots=True)
class Dropped:
    """A line left out of the text and the rule that explains it."""

    rule: str
    text: str


@dataclass(frozen=True, slots=True)
class CleanText:
    """The output of the cascade: text, its map to raw, and what was set aside."""

    text: str
    segments: tuple[Segment, ...] = ()
    captions: tuple[Caption, ...] = ()
    posts: tuple[Post, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    bylines: tuple[str, ...] = ()
    timestamps: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()


@dataclass(slots=True)
class _Line:
    source: SourceLine
    role: str = "body"  # body/blank/drop/caption/credit/byline/timestamp/signature/post
    rule: str | None = None


@dataclass(slots=True)
class _PostPlan:
    lines: list[int]
    signature: rules.Signature
    quote: tuple[int, int, int] | None = None  # (line index, start, end) of the prose copy


@dataclass(slots=True)
class _CaptionEntry:
    text: str
    credits: list[str] = field(default_factory=list)
    credit_first: bool = False  # a credit waiting for the caption below it


@dataclass(slots=True)
class _Captions:
    items: list[_CaptionEntry] = field(default_factory=list)


def clean_lines(lines: Sequence[SourceLine], *, extra_captions: Sequence[str] = ()) -> CleanText:
    """Run the cascade over the lines of one document."""
    work = [_Line(line, "blank" if line.blank else "body") for line in lines]
    _apply_rules(work)
    _keep_timeline_dates(work)
    _mark_known_captions(work, extra_captions)
    _drop_sections(work)
    _drop_menu_blocks(work)
    captions = _captions(work)
    plans = _posts(work)
    return _assemble(work, captions, plans, extra_captions)


# 1-3. rules, timeline dates, known captions ---------------------------------------------------

def _apply_rules(work: list[_Line]) -> None:
    for item in work:
        if item.role == "blank":
            continue
        signature = rules.post_signature(item.source.text)
        if signature is not None:
            item.role, item.rule = "signature", signature.rule
            continue
        if item.source.heading:  # a Markdown heading is a heading, unless it is chrome
            found = rules.classify(item.source.text)
            if found is not None and found.role in ("chrome", "section"):
                item.role, item.rule = ("drop" if found.role == "chrome" else "section"), found.name
            continue
        found = rules.classify(item.source.text)
        if found is None:
            continue
        item.rule = found.name
        item.role = {"chrome": "drop"}.get(found.role, found.role)


def _keep_timeline_dates(work: list[_Line]) -> None:
    """A bare date line below the first paragraph heads a timeline entry: it stays in the body.
    Only keyword timestamps ("Updated ...") and bare dates above the article are set aside."""
    seen_paragraph = False
    for item in work:
        if item.role == "body" and _is_paragraph(item.source.text):
            seen_paragraph = True
        elif item.role == "timestamp" and seen_paragraph and not _TIMESTAMP_KEYWORD.match(item.source.text):
            item.role, item.rule = "body", None


def _mark_known_captions(work: list[_Line], captions: Sequence[str]) -> None:
    """Body lines that repeat a caption the page marked up (figcaption, image alt) leave the body."""
    known = {" ".join(_words(c)) for c in captions if len(c) >= 12}
    if not known:
        return
    longest = max(len(c) for c in captions) * 2
    for item in work:
        if len(item.source.text) > longest:
            continue
        if item.role == "body" and " ".join(_words(item.source.text)) in known:
            item.role, item.rule = "drop", "known_caption"


# 4. sections -------------------------------------------------------------------------------

def _is_linkish(text: str) -> bool:
    """A short line without sentence punctuation: a headline in a link list."""
    return len(text) <= 120 and not _SENTENCE_END.search(text)


def _drop_sections(work: list[_Line]) -> None:
    for index, item in enumerate(work):
        if item.role != "section":
            continue
        item.role = "drop"
        taken = 0
        for follower in work[index + 1 :]:
            if follower.role == "blank":
                continue
            if follower.role == "body" and _is_linkish(follower.source.text) and taken < 12:
                follower.role, follower.rule = "drop", item.rule
                taken += 1
                continue
            if follower.role in ("drop", "credit", "caption", "timestamp", "byline"):
                continue
            break


# 5. menu blocks ----------------------------------------------------------------------------

def _is_paragraph(text: str) -> bool:
    return len(text) >= 60 and bool(_SENTENCE_END.search(text)) and len(text.split()) >= 10


def _drop_menu_blocks(work: list[_Line]) -> None:
    paragraphs = [i for i, item in enumerate(work) if item.role == "body" and _is_paragraph(item.source.text)]
    if not paragraphs:
        return
    first, last = paragraphs[0], paragraphs[-1]
    for region in (range(first), range(last + 1, len(work))):
        for run in _menu_runs(work, region):
            chrome = sum(1 for j in run if work[j].role == "drop")
            head_menu = region.start == 0 and len(run) - chrome >= HEAD_MENU_RUN
            if (chrome or head_menu) and len(run) - chrome and len(run) >= MENU_RUN:
                for j in run:
                    if work[j].role == "body":
                        work[j].role, work[j].rule = "drop", "menu_block"


def _menu_runs(work: list[_Line], region: range) -> list[list[int]]:
    """Runs of menu-like lines (short body lines and lines already dropped as chrome)."""
    runs: list[list[int]] = [[]]
    for i in region:
        item = work[i]
        if item.role == "blank":
            continue
        if (item.role == "body" and not item.source.heading and _is_menu_item(item.source.text)) or item.role == "drop":
            runs[-1].append(i)
        else:
            runs.append([])
    return [run for run in runs if run]


def _is_menu_item(text: str) -> bool:
    """A menu entry: a few words, no sentence punctuation, no figures (table rows have them)."""
    return (
        len(text.split()) <= MENU_WORDS
        and len(text) <= 40
        and not _SENTENCE_END.search(text)
        and not any(ch.isdigit() for ch in text)
    )


# 6. captions -------------------------------------------------------------------------------

def _captions(work: list[_Line]) -> _Captions:
    found = _Captions()
    by_line: dict[int, _CaptionEntry] = {}
    for index, item in enumerate(work):
        target = _previous_nonblank(work, index)
        above = by_line.get(target) if target is not None else None
        if item.role == "caption":
            text, credit = split_caption(item.source.text, item.rule)
            if above is not None and above.credit_first and not above.text:
                above.text, above.credit_first = text, False  # "Image copyright X" then the caption
                above.credits.extend([credit] if credit else [])
                by_line[index] = above
                continue
            by_line[index] = _CaptionEntry(text, [credit] if credit else [])
            found.items.append(by_line[index])
        elif item.role == "credit":
            if above is not None and not above.credit_first:  # a further credit line (VIRIN)
                above.credits.append(item.source.text)
                by_line[index] = above
            elif _CREDIT_FIRST.match(item.source.text):
                by_line[index] = _CaptionEntry("", [item.source.text], credit_first=True)
                found.items.append(by_line[index])
            elif target is not None and _caption_candidate(work[target]):
                work[target].role, work[target].rule = "caption", "caption_above_credit"
                by_line[target] = by_line[index] = _CaptionEntry(work[target].source.text, [item.source.text])
                found.items.append(by_line[index])
            else:
                by_line[index] = _CaptionEntry("", [item.source.text])
                found.items.append(by_line[index])
    return found


def _previous_nonblank(work: list[_Line], index: int) -> int | None:
    for j in range(index - 1, max(-1, index - 4), -1):
        if work[j].role != "blank":
            return j
    return None


def _caption_candidate(item: _Line) -> bool:
    """A line that may be the caption above a credit: short, and not reported speech."""
    text = item.source.text
    return (
        item.role == "body"
        and not item.source.heading
        and 12 <= len(text) <= 600
        and not _REPORTED.search(text)
    )


def split_caption(text: str, rule: str | None) -> tuple[str, str | None]:
    """Caption text and credit from a caption line that carries its own credit."""
    for pattern in (_CREDIT_IN_PARENS, _CREDIT_AFTER_LABEL, _CREDIT_AGENCY):
        match = pattern.search(text)
        if match and match.start() > 0:
            return text[: match.start()].rstrip(), match.group(1).strip()
    if rule in ("caption_prefix", "caption_label"):
        return _CAPTION_PREFIX.sub("", text).strip(), None
    return text, None


# 7. posts ----------------------------------------------------------------------------------

def _words(text: str) -> list[str]:
    return _WORDS.findall(_LINKISH.sub(" ", text).lower())


def _posts(work: list[_Line]) -> list[_PostPlan]:
    plans: list[_PostPlan] = []
    uses_blank_paragraphs = any(item.role == "blank" for item in work)
    for index, item in enumerate(work):
        if item.role != "signature":
            continue
        signature = rules.post_signature(item.source.text)
        if signature is None:
            continue
        block = (uses_blank_paragraphs and _header_block(work, index)) or _post_block(
            work, index, uses_blank_paragraphs)
        if not block:
            item.role = "drop"
            continue
        for j in block:
            work[j].role, work[j].rule = "post", signature.rule
        plan = _PostPlan(block, signature)
        _fold_duplicate(work, plan)
        plans.append(plan)
    plans.extend(_x_cards(work))
    return sorted(plans, key=lambda plan: plan.lines[0])


def _x_cards(work: list[_Line]) -> list[_PostPlan]:
    """Posts copied from their own page: a name line, an @handle line, the text, a time line."""
    plans: list[_PostPlan] = []
    for index, item in enumerate(work):
        if item.role not in ("body", "timestamp"):
            continue
        time_match = rules.X_CARD_TIME.fullmatch(item.source.text.strip())
        if time_match is None:
            continue
        nonblank = [j for j in range(index - 1, max(-1, index - 12), -1) if work[j].role != "blank"]
        handle_at = next(
            (k for k, j in enumerate(nonblank) if rules.X_CARD_HANDLE.fullmatch(work[j].source.text.strip())), None
        )
        if handle_at is None or handle_at == 0:
            continue
        post_lines = [j for j in reversed(nonblank[:handle_at]) if work[j].role == "body"]
        if not post_lines:
            continue
        handle_line = nonblank[handle_at]
        handle_match = rules.X_CARD_HANDLE.fullmatch(work[handle_line].source.text.strip())
        author = None
        if handle_at + 1 < len(nonblank):
            name_line = nonblank[handle_at + 1]
            name = work[name_line].source.text.strip()
            if work[name_line].role == "body" and len(name) <= 60 and not _SENTENCE_END.search(name):
                author = name
                work[name_line].role, work[name_line].rule = "signature", "x_card"
        for j in (handle_line, index):
            work[j].role, work[j].rule = "signature", "x_card"
        for j in post_lines:
            work[j].role, work[j].rule = "post", "x_card"
        handle = handle_match.group("handle") if handle_match else None
        plan = _PostPlan(post_lines, rules.Signature("x_card", author, handle, time_match.group("date"), None))
        _fold_duplicate(work, plan)
        plans.append(plan)
    return plans


def _header_block(work: list[_Line], index: int) -> list[int]:
    """The post's text lines right below its signature when the signature heads the post, as a
    timeline shows it ("Ana Ruiz @MayorAnaRuiz · May 11, 2031" / text): the text touches the line
    below it and a blank line parts it from the paragraph above. Empty otherwise."""
    above_blank = index == 0 or work[index - 1].role == "blank"
    if not above_blank or index + 1 >= len(work) or work[index + 1].role != "body":
        return []
    block: list[int] = []
    chars = 0
    j = index + 1
    while j < len(work) and work[j].role == "body" and len(block) < MAX_POST_LINES:
        chars += len(work[j].source.text)
        if chars > MAX_POST_CHARS:
            return []  # a long run of prose under the line: an article, not a post
        block.append(j)
        j += 1
    return block


def _post_block(work: list[_Line], index: int, paragraphs: bool) -> list[int]:
    """Indexes of the post's text lines just above its signature."""
    block: list[int] = []
    j = index - 1
    while j >= 0 and work[j].role in ("blank", "drop"):
        if work[j].role == "drop" and work[j].rule not in ("media_clock", "gallery", "read_more"):
            break
        j -= 1
    chars = 0
    while j >= 0 and work[j].role == "body" and len(block) < MAX_POST_LINES:
        chars += len(work[j].source.text)
        if chars > MAX_POST_CHARS:
            break
        block.insert(0, j)
        if not paragraphs:
            break
        j -= 1
    return block


def _same_words(a: list[str], b: list[str]) -> bool:
    """The same words up to small differences (a hashtag, a dropped link, an ampersand)."""
    if a == b:
        return True
    if min(len(a), len(b)) < POST_FUZZY_MIN_WORDS:
        return False
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= POST_FUZZY_RATIO


def _fold_duplicate(work: list[_Line], plan: _PostPlan) -> None:
    """Keep one copy of a post's text: the prose quote when it holds the whole post."""
    post_words = _words(" ".join(work[j].source.text for j in plan.lines))
    if not post_words:
        return
    post_text = " ".join(post_words)
    start = plan.lines[0]
    looked = 0
    for j in range(start - 1, -1, -1):
        if work[j].role in ("blank", "drop") or (j == start - 1 and work[j].role == "signature"):
            continue  # (a signature heading the post is passed over)
        if work[j].role != "body" or looked >= 3:
            break
        looked += 1
        text = work[j].source.text
        if _same_words(_words(text), post_words):  # the post rendered twice: drop the plain copy
            work[j].role, work[j].rule = "drop", "post_duplicate"
            return
        for match in _QUOTED.finditer(text):
            quoted_words = _words(match.group(1))
            quoted = " ".join(quoted_words)
            if quoted and (post_text in quoted or _same_words(quoted_words, post_words)):
                for k in plan.lines:
                    work[k].role, work[k].rule = "drop", "post_duplicate"
                plan.quote = (j, match.start(1), match.end(1))
                return


# 8. assemble -------------------------------------------------------------------------------

def _assemble(
    work: list[_Line], captions: _Captions, plans: list[_PostPlan], extra_captions: Sequence[str]
) -> CleanText:
    parts: list[str] = []
    segments: list[Segment] = []
    line_start: dict[int, int] = {}
    length = 0
    gap = False
    for index, item in enumerate(work):
        if item.role not in ("body", "post"):
            if parts:
                gap = True
            continue
        if parts:
            sep = "\n\n" if gap else (" " if item.source.continuation else "\n")
            parts.append(sep)
            length += len(sep)
        gap = False
        line_start[index] = length
        offset = 0
        for raw_start, raw_end in item.source.pieces:
            size = raw_end - raw_start
            segments.append(Segment(length + offset, length + offset + size, raw_start, raw_end))
            offset += size
        parts.append(item.source.text)
        length += len(item.source.text)
    text = "".join(parts)

    posts: list[Post] = []
    for plan in plans:
        date = _iso(plan.signature.date_text)
        if plan.quote is not None:
            j, qs, qe = plan.quote
            if j not in line_start:
                continue
            start, end = line_start[j] + qs, line_start[j] + qe
        else:
            kept = [j for j in plan.lines if j in line_start]
            if not kept:
                continue
            start = line_start[kept[0]]
            end = line_start[kept[-1]] + len(work[kept[-1]].source.text)
        posts.append(Post(start, end, plan.signature.author, plan.signature.handle, date, plan.signature.url))

    caption_out = [
        Caption(entry.text, "; ".join(entry.credits) if entry.credits else None)
        for entry in captions.items
        if entry.text or entry.credits
    ]
    caption_out.extend(Caption(*split_caption(extra, None)) for extra in extra_captions)
    dropped = tuple(
        Dropped(item.rule or item.role, item.source.text)
        for item in work
        if item.role in ("drop", "signature", "byline", "timestamp", "caption", "credit")
    )
    bylines = tuple(
        _BYLINE_TAIL.sub("", _BYLINE_PREFIX.sub("", item.source.text)).strip()
        for item in work
        if item.role == "byline"
    )
    timestamps = tuple(item.source.text for item in work if item.role == "timestamp" or (
        item.role == "byline" and _BYLINE_DATE.search(item.source.text)))  # "By Jo Roe | 12 May 2031"
    headings = tuple(item.source.text for item in work if item.source.heading and item.role == "body")
    return CleanText(
        text, tuple(_merge(segments)), tuple(caption_out), tuple(posts), dropped, bylines, timestamps, headings
    )


def _merge(segments: list[Segment]) -> list[Segment]:
    """Join segments that continue each other in both texts."""
    out: list[Segment] = []
    for segment in segments:
        if out and out[-1].end == segment.start and out[-1].raw_end == segment.raw_start:
            last = out[-1]
            out[-1] = Segment(last.start, segment.end, last.raw_start, segment.raw_end)
        else:
            out.append(segment)
    return out


def _iso(date_text: str | None) -> str | None:
    if not date_text:
        return None
    value = parse_date(date_text)
    return value.iso if value is not None else None
