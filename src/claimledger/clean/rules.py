"""Named line rules for copied web pages: site chrome, captions, credits, bylines, timestamps.

Each rule is a :class:`LineRule` with a name, the role it gives a line and a pattern matched
against the whole stripped line. The cascade in :mod:`claimledger.clean.text` tries the rules in
order and the first match wins, so a line is explained by one named rule (``why`` a line was
dropped is always recoverable). Rules that drop a line only match short, formulaic lines: a real
sentence that merely mentions "share" or "print" never matches a whole-line pattern.

Roles:
    chrome      site furniture; dropped from the text
    section     a heading that opens a block of links ("Related Stories"); it and the short
                link-like lines after it are dropped
    credit      a photo credit on its own line; the line before it becomes the caption text
    caption     a caption line that carries its own credit; kept out of the body
    byline      "By Name"; dropped from the text, the name is kept as author evidence
    timestamp   "Updated 3:45 PM ET, March 5, 2024"; dropped, kept as date evidence
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Role = Literal["chrome", "section", "credit", "caption", "byline", "timestamp"]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\.?"
_CLOCK = r"\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?|AM|PM)?(?:\s*(?:[ECMP][SD]?T|GMT|UTC|Z))?"
DATE_TEXT = (
    rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/\d{{4}})"
)
# A social network or sharing target named on its own (share bars are lists of these).
_SHARE_TARGET = (
    r"(?:Facebook|Twitter|X|LinkedIn|Reddit|WhatsApp|Telegram|Pinterest|Email|E-?mail|Print|"
    r"Copy(?: link| URL)?|Link|Share|Tweet|Messenger|Flipboard|Threads|Bluesky|Mastodon|SMS|Comments?|"
    r"Instagram|YouTube|TikTok|Snapchat|Tumblr|VK|Pocket)"
)


# Words after "By" that start a phrase, not a name ("By Then", "By The Numbers").
_NOT_A_NAME = r"(?:Then|Now|Contrast|Comparison|Law|Design|Far|The Numbers|The Way|All Means|Default|Night|Day)"


@dataclass(frozen=True, slots=True)
class LineRule:
    """One named, documented pattern over a whole stripped line."""

    name: str
    role: Role
    pattern: re.Pattern[str]
    doc: str


def _rule(name: str, role: Role, pattern: str, doc: str, *, case: bool = False) -> LineRule:
    flags = 0 if case else re.IGNORECASE
    return LineRule(name, role, re.compile(rf"(?:{pattern})", flags), doc)


RULES: tuple[LineRule, ...] = (
    # --- government-site banners -------------------------------------------------------
    _rule("gov_banner", "chrome",
          r"an official website of (?:the )?.{0,60}|here'?s how you know\.?|"
          r"official websites use \.(?:gov|mil)\.?|secure \.(?:gov|mil) websites use https\.?|"
          r"an? \.(?:gov|mil) website belongs to .{0,120}|"
          r"a lock \(.{0,40}\) or https:// means .{0,160}|"
          r"share sensitive information only on official,? secure websites\.?|"
          r"(?:an )?official (?:u\.s\. )?government (?:website|site)\.?",
          "U.S. government header banner and its 'Here's how you know' explainer"),
    # --- navigation and accessibility --------------------------------------------------
    _rule("skip_link", "chrome",
          r"skip (?:to|navigation|nav)(?: (?:main |primary )?(?:content|navigation|nav|menu|search|footer))?\.?|"
          r"jump to (?:main )?(?:content|navigation)|back to top|return to top|go to top",
          "skip links and back-to-top anchors"),
    _rule("accessibility", "chrome",
          r"accessibility(?: (?:statement|help|options|menu))?|text size|font size|"
          r"(?:increase|decrease|reset) (?:text|font) size|high contrast|screen reader(?: help)?|"
          r"(?:toggle|open|close|main|site) (?:navigation|menu|search)|menu|search(?: this site)?|"
          r"close|open|submit|go|enter search terms?|search query|clear search|home|"
          r"navigation|breadcrumbs?|you are here:?.{0,80}",
          "accessibility widgets, menu and search buttons, lone navigation words"),
    _rule("section_name", "chrome",
          r"(?:back to )?(?:main menu|all sections|more sections|sections|news|world(?: news)?|u\.?s\.?(?: news)?|"
          r"local|national|business|politics|opinion|sports?|entertainment|videos?|features|tech|technology|science|"
          r"health|travel|podcasts?|weather|obituaries|classifieds|jobs|real estate|cars|autos|markets|economy|"
          r"education|lifestyle|culture|arts|books|movies|music|food|style|newsletters|advertise(?: with us)?|"
          r"columnists|editorials|letters to the editor|e-edition|subscriptions|games|puzzles|crosswords?|"
          r"horoscopes?|comics|photos|galleries|shop|deals|coupons|events|calendar|magazine|archives?)",
          "a site-section name alone on a line (menus pasted one item per line)"),
    _rule("breadcrumb", "chrome",
          r"home\s*(?:[>»/|›:]\s*[\w .,'&-]{1,40}){1,6}|"
          r"[\w.,'&-][\w .,'&-]{0,39}(?:\s+[>»›]\s+[\w .,'&-]{1,40}){2,6}",
          "breadcrumb trails such as 'Home > News > Releases' or 'Department > Bureau > Fact Sheets'"),
    _rule("nav_list", "chrome",
          r"(?:[A-Z][\w&'.-]*(?: [A-Z&][\w&'.-]*){0,3}\s*[|•·]\s*){2,}[A-Z][\w&'.-]*(?: [A-Z&][\w&'.-]*){0,3}",
          "menus pasted as one line: 'News · Features · Video' (separated by bars, bullets or dots)", case=True),
    _rule("language_menu", "chrome",
          r"(?:English|Español|Français|Deutsch|Русский|العربية|中文|Українська|Português)"
          r"(?:\s*[|•/·]?\s*(?:English|Español|Français|Deutsch|Русский|العربية|中文|Українська|Português)){1,}",
          "language pickers", case=True),
    _rule("please_wait", "chrome",
          r"please wait\.{0,3}|loading\.{0,3}|please wait while .{0,60}|one moment,? please\.{0,3}|"
          r"javascript (?:is )?(?:required|disabled).{0,120}|"
          r"(?:please )?enable javascript.{0,120}|your browser (?:is out of date|does not support).{0,120}",
          "loading placeholders and browser warnings"),
    # --- media players -----------------------------------------------------------------
    _rule("media_player", "chrome",
          r"no media source currently available|the media could not be loaded.{0,120}|"
          r"video player is loading\.?|this is a modal window\.?|(?:beginning|end) of dialog window\.?|"
          r"(?:play|pause|mute|unmute|replay|fullscreen|full screen|exit fullscreen|"
          r"play video|watch video|watch live|listen|listen live|download(?: file| video| audio)?|"
          r"embed|direct link|captions?|subtitles(?: off)?|captions settings|audio track|"
          r"playback rate|chapters|descriptions off|quality levels?|auto|hd|live)\.?|"
          r"(?:current time|duration|remaining time|loaded|stream type|progress)\b.{0,30}|"
          r"(?:listen|watch|play)\s*[·•|-]?\s*(?:\d{1,2}:)?\d{1,2}:\d\d|transcript|show transcript|"
          r"the (?:code|url|link) has been copied to your clipboard\.?|"
          r"\d+p\s*\|\s*[\d.]+\s*[KMG]B|"
          r"(?:audio|video) (?:will|may) (?:begin|play|start) .{0,40}|"
          r"your browser does not support the (?:video|audio) (?:tag|element)\.?",
          "video/audio player controls and their labels"),
    _rule("media_clock", "chrome",
          r"(?:-?\d{1,2}:\d\d(?::\d\d)?\s*(?:/\s*)?){1,4}",
          "player clocks such as '0:00 0:03:34 0:00'"),
    # --- sharing, related stories, reading aids ----------------------------------------
    _rule("share_bar", "chrome",
          rf"(?:share|share this(?: (?:story|article|page|post))?|share on \w+|share via \w+|"
          rf"print(?: this (?:page|article|story))?|printer[- ]friendly(?: version)?|email this(?: page)?|"
          rf"copy (?:link|url)|link copied!?|tweet this|follow us(?: on \w+)?|connect with us|"
          rf"save(?: article| story)?|bookmark|gift (?:this )?article|listen to (?:this )?article)\s*:?|"
          rf"{_SHARE_TARGET}(?:\s*[|•·,/]?\s*{_SHARE_TARGET})*",
          "share/print buttons and lists of social networks"),
    _rule("read_more", "chrome",
          r"(?:read more|read the full (?:story|article|release)|continue reading|see more|show more|"
          r"view (?:more|all|gallery|full gallery)|more from .{1,40}|click here.{0,80}|learn more)\.?\s*(?:»|›|>)?|"
          r"(?:read more|related|also read|see also|watch|listen|more|recommended|trending)\s*:\s*.{0,200}",
          "read-more links and 'RELATED: headline' teasers", ),
    _rule("feedback", "chrome",
          r"was this (?:page|article|information|content) (?:helpful|useful)\??|yes|no|"
          r"did you find what you were looking for\??|rate this (?:page|article)|report an? (?:error|issue|problem)|"
          r"view original content(?: to download multimedia)?:?.{0,100}|"
          r"(?:view|see) (?:the )?(?:original|source) (?:content|release)",
          "page-feedback widgets and newswire 'View original content' links"),
    _rule("relative_time", "chrome",
          r"(?:updated |posted |published )?\d+\s*"
          r"(?:s|m|h|d|w|mins?|hrs?|seconds?|minutes?|hours?|days?|weeks?|months?)\.? ago(?: at .{1,20})?|"
          r"just now|yesterday(?: at .{1,20})?",
          "relative timestamps of teasers: '3h ago', '20 hours ago'"),
    _rule("archive_list", "chrome",
          r"(?:\w+\s+)?\(\d{1,5}\)|[^\w\s]{1,5}",
          "archive counters 'March (12)' and lines of bullets or separators only"),
    _rule("post_navigation", "chrome",
          r"(?:previous|next|older|newer) (?:post|article|story|page|entry)s?\s*[:»›>]?.{0,0}|"
          r"back to (?:gallery|article|story|list|results)|ad ?choices|[\d,.]+k? shares?|"
          r"created with sketch\.?|post was not sent - check your email addresses!?|"
          r"email check failed, please try again|sorry, your blog cannot share posts by email\.?|"
          r"(?:privacy|policy|polls|popular|ok|okay|dismiss|continue|x)",
          "previous/next-post links, share counters, blog-widget messages, lone button labels"),
    _rule("reading_time", "chrome",
          r"\d+\s*-?\s*min(?:ute)?s?\.? read|estimated reading time:? .{0,20}|\d+ views?",
          "reading-time and view counters"),
    _rule("comment_count", "chrome",
          r"\d[\d,]*\s+comments?|comments?\s*\(\d+\)|(?:view|show|hide|load|post|add|leave) (?:a |all |\d+ )?comments?|"
          r"comments?|join the (?:conversation|discussion)|conversation|(?:be the )?first to comment\.?",
          "comment counters and comment-section headers"),
    # --- advertising, cookies, newsletters, paywalls -------------------------------------
    _rule("advertisement", "chrome",
          r"advertisement|advertising|ad feedback|sponsored(?: content| post)?|paid (?:content|post)|"
          r"(?:story|article) continues (?:below|after) (?:the )?(?:advertisement|ad)|"
          r"scroll (?:down )?to continue(?: with content)?|continue reading (?:the )?(?:main )?story|"
          r"\(?ad\)?|promoted(?: stories)?|supported by",
          "advertising placeholders"),
    _rule("cookie_banner", "chrome",
          r"(?:this (?:site|website) uses|we use|we and our partners use) cookies.{0,300}|"
          r"(?:accept|reject|allow|manage)(?: all)? cookies|cookie (?:settings|preferences|policy|notice)|"
          r"(?:manage|privacy) preferences|accept all|reject all|got it!?|i agree|"
          r"by (?:continuing to use|using) (?:this|our) (?:site|website).{0,200}",
          "cookie consent banners and their buttons"),
    _rule("newsletter", "chrome",
          r"(?:sign up|subscribe)(?: (?:now|today|here|free))?(?: (?:for|to) (?:our|the|free|a free)?\s*"
          r"[^.]{0,40}(?:newsletters?|alerts|e-?mails?|updates|briefings?|digest|mailing list))?[.!]?|"
          r"(?:get|receive) (?:the latest|our|breaking).{0,80}(?:inbox|email|newsletter).{0,40}|"
          r"enter your e-?mail(?: address)?.{0,40}|(?:e-?mail|email address)\*?|"
          r"thank you for (?:signing up|subscribing).{0,80}|"
          r"by (?:signing up|subscribing|clicking).{0,60}(?:agree|terms|privacy).{0,120}|"
          r"already (?:a subscriber|have an account)\??.{0,30}|(?:log|sign) ?in|(?:log|sign) ?out|register|"
          r"create (?:a )?(?:free )?account|support (?:our|independent) journalism.{0,80}|"
          r"(?:you have|you've) (?:reached|read) .{0,40}(?:free )?articles?.{0,80}|subscriber exclusive",
          "newsletter sign-ups, log-in and paywall prompts"),
    # --- footers and legal ---------------------------------------------------------------
    _rule("footer", "chrome",
          r"(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}.{0,160}|all rights reserved\.?|"
          r"(?:privacy (?:policy|notice|program)|terms (?:of (?:use|service))?|terms and conditions|"
          r"contact(?: us)?|about(?: us)?|site ?map|foia|no fear act(?: data)?|usa\.gov|"
          r"inspector general|accessibility statement|vulnerability disclosure(?: policy)?|"
          r"external link disclaimer|plain writing(?: act)?|link disclaimer|careers|help|faqs?|"
          r"(?:do not|don't) sell(?: or share)? my personal information|your privacy choices|"
          r"rss(?: feeds?)?|newsroom|press releases?|news releases?)\.?",
          "footers, legal links and copyright notices"),
    _rule("external_link_notice", "chrome",
          r"(?:this (?:is an )?)?external link.{0,120}|(?:opens|open) in (?:a )?new (?:window|tab)\.?|"
          r"you are (?:now )?leaving .{0,120}",
          "external-link disclaimers"),
    _rule("tags", "chrome",
          r"(?:tags?|topics?|filed under|categories|keywords|more on)\s*:.{0,200}",
          "tag and topic lists"),
    _rule("gallery", "chrome",
          r"(?:photo|image|slide|picture)?\s*\d+\s+(?:of|/)\s+\d+|enlarge this image|toggle caption|"
          r"hide caption|show caption|expand(?: image)?|(?:view|open) (?:image|photo|slideshow|gallery)|"
          r"\d+ (?:photos|images)|(?:photos|images|gallery|slideshow)\s*:?|image|photo|video|audio",
          "photo-gallery counters and caption toggles"),
    # --- section openers (drop the heading and the link list after it) -----------------
    _rule("related_section", "section",
          r"(?:related(?: (?:stories|articles|content|coverage|news|links|topics|posts|reading|video))?|"
          r"more (?:stories|news|on this|to read|from (?:this|our) .{1,30}|coverage)|you (?:may|might) (?:also )?like|"
          r"recommended(?: (?:for you|stories|reading))?|most (?:read|popular|viewed|shared)|"
          r"trending(?: (?:now|stories))?|top stories|latest(?: (?:news|stories|headlines))?|"
          r"what to read next|read next|up next|don'?t miss|editor'?s picks|in other news|"
          r"popular (?:now|stories)|from around the web|around the web)\s*:?",
          "headings of link lists ('Related Stories', 'Most Read')"),
    # --- photo captions and credits ------------------------------------------------------
    _rule("caption_inline_credit", "caption",
          r".{8,600}?\s*[(\[]\s*(?:(?:AP|AFP|Reuters|Getty|EPA|UPI|Xinhua|Bloomberg|pool|file|courtesy|"
          r"U\.S\. [\w .]{2,30}?|DOD|DoD|DVIDS|NASA|State Department|White House)[^)\]]{0,60}"
          r"(?:photo|image|picture|handout|video)|photo (?:by|courtesy|credit)[^)\]]{1,80}|"
          r"[\w.&' -]{1,30}\s(?:photo|image|picture)\s*/[^)\]]{1,60}|"
          r"(?:photo|image|picture|credit)\s*:[^)\]]{1,80})[^)\]]{0,80}[)\]]\.?",
          "a caption ending in a parenthesised credit: '... (AP Photo/Jane Doe)'"),
    _rule("caption_trailing_credit", "caption",
          r".{8,600}?[.!?)\]]\s+(?:Photo|Image|Picture|Credit|Photograph|Video)(?: by| credit)?\s*:\s*[^.!?]{2,80}|"
          r".{8,600}?[.!?)\]]\s+[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\s*/\s*(?:AP|AFP|Reuters|Getty Images|EPA(?:-EFE)?|"
          r"Shutterstock|Bloomberg|Sipa USA|NurPhoto|Anadolu(?: Agency)?|SOPA Images|ZUMA(?: Press)?|"
          r"LightRocket|TASS|Xinhua|Pool|The New York Times|The Washington Post)(?: via Getty Images)?",
          "a caption with its credit after it: '... Photo: Jane Doe/Reuters'", case=True),
    _rule("agency_signoff", "chrome",
          r"\(?(?:AP|AFP|Reuters|Associated Press|Agence France-Presse|dpa|Xinhua|UPI|Bloomberg|CNN|BBC)\)?\.?|"
          r"\(?(?:additional )?(?:reporting|editing|edited|writing|compiled) by (?-i:[A-Z])[\w.'’ -]{1,40}"
          r"(?:(?:;|,| and | in )[\w.'’ ;,-]{1,100})?\)?\.?|"
          r"our standards:? .{0,80}",
          "agency sign-offs and 'Reporting by ...; Editing by ...' lines at the end of wire copy"),
    _rule("caption_label", "caption",
          r"(?:image|photo|picture|pictured)\s*:\s*(?!.*(?:/|getty|reuters|\bap\b|afp|shutterstock))(?:\S+\s+){5,}\S.{0,600}",
          "a caption introduced by a label: 'Image: The minister arrives at ...' (a label with a name is a credit)"),
    _rule("credit_line", "credit",
          r"(?:(?:u\.s\. )?(?:army|navy|air force|marine corps|space force|coast guard|national guard|"
          r"dod|department of (?:defense|state)|state department|white house|nasa|dvids|courtesy|file|"
          r"official|handout|staff|pool)\s+(?:photo|image|video|graphic|illustration)s?"
          r"(?: (?:by|courtesy of)\s+.{2,100})?|"
          r"(?:photo|image|picture|video|graphic|illustration|photograph)s?"
          r"\s*(?:by|credit|courtesy(?: of)?)\s*:?\s*.{2,100}|"
          r"(?:photo|image|picture|credit|image source|image copyright|copyright)\s*[:,]\s*.{2,100}|"
          r"(?:image source|image copyright|photo credit|picture credit|picture source)\s+.{2,100}|"
          r"getty images.{0,60}|.{2,60}\s*/\s*(?:getty images|afp|ap|reuters|epa|shutterstock|afp via getty images)|"
          r"(?:ap|afp|reuters|getty|epa|shutterstock) photo|"
          r"(?:photo|image|video) by:?\s*.{2,80}|"
          r"(?:virin|VIRIN)\s*:?\s*[\w.-]{6,40}|credit\s*(?:\.{2,}|…)\s*.{2,100}|"
          r"\(?(?:[\w .]{2,40} photo (?:by|courtesy of) .{2,80}|[\w .]{2,40} Photo/.{2,60})\)?)\.?",
          "photo credit lines, including DoD 'Photo By: ...' and 'VIRIN: 240305-F-AB123-1001'"),
    _rule("caption_prefix", "caption",
          r"(?:image caption|caption|file photo|file|pictured|above|top|in this (?:handout )?photo)\s*[,:-]\s*.{8,600}|"
          r"FILE\s*[-–—]\s*.{8,600}",
          "lines that announce themselves as captions ('Image caption, ...', 'FILE - ...')", ),
    # --- bylines and timestamps (dropped, kept as evidence) -------------------------------
    _rule("timestamp", "timestamp",
          r"(?:[A-Z][\w.&'’-]*(?: [\w.&'’-]+){0,6}\s*[|·]\s*(?=(?i:last updated|updated|published|posted)))?"
          rf"(?:(?:last )?(?:updated|published|posted|modified|released|release date|date|dated|created|"
          rf"first published|updated on|published on|posted on)\s*:?\s*(?:on\s+)?)"
          rf"(?:{_CLOCK}\s*,?\s*)?"
          rf"(?:{DATE_TEXT}|{_WEEKDAY}\s+{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|{_CLOCK}|\d+ (?:hours?|minutes?|days?) ago)"
          rf"(?:\s*(?:,|at|\|)?\s*{_CLOCK})?(?:\s*(?:updated|published)\s*:?.{{0,60}})?\.?|"
          rf"{DATE_TEXT}(?:\s*(?:,|at|\||·)?\s*{_CLOCK})?(?:\s*(?:,|\||·)\s*(?:updated|published).{{0,60}})?\.?|"
          rf"{_MONTH}\s+\d{{4}}|\d{{4}}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?",
          "timestamps: 'Updated 3:45 PM ET', 'Published March 5, 2024', a lone date line, "
          "'Harbour Wire live team | Updated 6 March 2031, 14:05'"),
    _rule("byline", "byline",
          rf"[Bb][Yy]\s+(?!{_WEEKDAY}\b|{_MONTH}\b|{_NOT_A_NAME}\b)"
          r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|al|bin|and|&))*"
          r"\s*(?:[,|]\s*[A-Z][\w .&'’-]{0,50}(?<![.!?]))?(?:\s*\([^()\n]{1,60}\))?"
          rf"(?:\s*[,|·]\s*{DATE_TEXT}(?:\s*[,|·]?\s*{_CLOCK})?)?|"  # "By Jo Roe | Meridian Times | 12 May 2031"
          r"(?:author|written by|story by|reporting by|words by)\s*:?\s*[A-Z].{1,80}|"
          r"[A-Z][\w.'-]+ [A-Z][\w.'-]+(?: [A-Z][\w.'-]+)?\s*[|,]\s*(?i:staff writer|correspondent|reporter|editor|"
          r"senior .{1,30}|contributor|associated press|reuters|afp)",
          "bylines: 'By Jane Doe and John Roe, Associated Press', 'By Jane Doe (Reuters)'", case=True),
)

MAX_RULE_LINE = 1000
RULE_NAMES = tuple(rule.name for rule in RULES)
_BY_NAME = {rule.name: rule for rule in RULES}


def rule(name: str) -> LineRule:
    """The rule called ``name`` (KeyError when there is none)."""
    return _BY_NAME[name]


def classify(line: str) -> LineRule | None:
    """The first rule whose pattern matches the whole stripped line, or None for body text."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_RULE_LINE:  # a long line is always body text
        return None
    for candidate in RULES:
        if candidate.role == "byline" and len(stripped) > 120:
            continue
        if candidate.pattern.fullmatch(stripped):
            return candidate
    return None


# --- embedded social posts -----------------------------------------------------------------

_PLATFORM = r"(?:X|Twitter|Facebook|Instagram|Truth Social|Threads|Bluesky|Telegram|Mastodon|TikTok|YouTube|Gettr|Gab)"
_URL = r"https?://\S+"

POST_SIGNATURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "— Jane Doe (@janedoe) March 3, 2024" (X/Twitter embed signature, date often a link;
    # the dash is sometimes lost in copying)
    ("x_signature", re.compile(
        rf"(?:[—–-]{{1,2}}\s*)?(?P<author>[^()@\n]{{1,80}}?)\s*\(@(?P<handle>[\w.]{{1,40}})\)\s*"
        rf"(?:on {_PLATFORM}\s*,?\s*)?(?P<url>{_URL}\s+)?(?P<date>{DATE_TEXT})\s*(?P<url2>{_URL})?\.?",
        re.IGNORECASE)),
    # "Jane Doe (@janedoe) · Mar 3, 2024" or "@janedoe · March 3, 2024" (Truth Social / Threads style)
    ("handle_dot_signature", re.compile(
        rf"(?:[—–-]{{1,2}}\s*)?(?:(?P<author>[^()@·\n]{{1,80}}?)\s*)?\(?@(?P<handle>[\w.]{{1,40}})\)?\s*"
        rf"(?:on {_PLATFORM}\s*)?[·•|,]\s*(?P<date>{DATE_TEXT})(?:\s*[·•|,]?\s*{_CLOCK})?\s*(?P<url>{_URL})?",
        re.IGNORECASE)),
    # "Posted by Jane Doe on Tuesday, March 5, 2024" (Facebook embed footer)
    ("posted_by_signature", re.compile(
        rf"(?:[—–-]{{1,2}}\s*)?posted by\s+(?P<author>[^\n]{{1,80}}?)\s+on\s+(?P<date>{DATE_TEXT})\s*(?P<url>{_URL})?",
        re.IGNORECASE)),
    # "A post shared by Jane Doe (@janedoe)" (Instagram embed footer; date optional)
    ("shared_by_signature", re.compile(
        rf"a (?:post|photo|video) shared by\s+(?P<author>[^()@\n]{{1,80}}?)\s*(?:\(@(?P<handle>[\w.]{{1,40}})\))?"
        rf"(?:\s+on\s+(?P<date>{DATE_TEXT}))?",
        re.IGNORECASE)),
)


# A post copied from its own page on X: "Name" / "@handle" / text / "10:15 AM · Mar 3, 2024 · 1.2M Views"
X_CARD_HANDLE = re.compile(r"@(?P<handle>[A-Za-z0-9_]{1,30})")
X_CARD_TIME = re.compile(
    rf"{_CLOCK}\s*·\s*(?P<date>{DATE_TEXT})(?:\s*·\s*[\d.,]+\s*[KMB]?\s+Views)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Signature:
    """A social-post signature line: who posted, under which handle, when, and where."""

    rule: str
    author: str | None
    handle: str | None
    date_text: str | None
    url: str | None


def post_signature(line: str) -> Signature | None:
    """The post signature a whole line is, or None."""
    stripped = line.strip()
    if len(stripped) > 300:
        return None
    for name, pattern in POST_SIGNATURES:
        match = pattern.fullmatch(stripped)
        if match is None:
            continue
        groups = match.groupdict()
        author = (groups.get("author") or "").strip(" ,·—–-") or None
        url = groups.get("url") or groups.get("url2")
        return Signature(name, author, groups.get("handle"), groups.get("date"), url.strip() if url else None)
    return None
