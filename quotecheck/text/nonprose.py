"""paragraph_roles(text, bounds, config) -> the role of each paragraph that is not prose, or None.

News copy carries lines nobody wrote as claims: bylines ("By Harriet Lowe, Political
Correspondent"), credits ("(Reporting by …; Editing by …)", "Compiled by …"), photo captions
("Photo: …", "Image caption …", "(Getty Images)", "REUTERS/Jane Doe"), media-contact blocks
("Media contact: …", "Tel …", an email address) and press-release boilerplate ("Notes to
editors", "About Acme", "ENDS"). Each is recognised by its shape, never by a guess about its
meaning: a byline or credit is a label followed by nothing but names; a block opened by
"Notes to editors" runs to the end of the text (a media-contact block only while its lines stay
contact-like). :func:`sentence_role` does the same for one sentence, for credits and photo
credits that close a paragraph of prose.
"""

from __future__ import annotations

import re
from typing import Final

import regex

from quotecheck.config import DEFAULT_CONFIG, AnalyzerConfig
from quotecheck.kinds import (
    ROLE_BOILERPLATE,
    ROLE_BYLINE,
    ROLE_CAPTION,
    ROLE_CONTACT,
    ROLE_CREDIT,
    ROLE_DATELINE,
    ROLE_SPEAKER,
)
from quotecheck.lexicons import load
from quotecheck.models import SentenceRole

__all__ = ["FORMAT_CHARACTERS", "NON_PROSE", "paragraph_roles", "sentence_role"]

NON_PROSE: Final = frozenset(
    {
        ROLE_BYLINE,
        ROLE_DATELINE,
        ROLE_CREDIT,
        ROLE_CAPTION,
        ROLE_CONTACT,
        ROLE_BOILERPLATE,
        ROLE_SPEAKER,
    }
)
"""Sentence roles of copy that is not prose: never a claim, never the content of a report."""

FORMAT_CHARACTERS: Final = "\ufeff\u200b\u200c\u200d\u2060"
"""Characters that may stand before a paragraph's first word without being part of it: a
byte-order mark, zero-width spaces and joiners (invisible, never prose)."""

# How many words a byline, credit or caption line may have, how long a caption before its photo
# credit may be, and how long a contact line, are AnalyzerConfig.nonprose_line_words,
# caption_before_credit_words and contact_line_chars.

_BYLINE_HEAD_RE: Final = regex.compile(
    r"""
    (?: By | BY | (?:Reviewed|Written|Words|Interview|Interviews|Posted|Story|Text|Report)\ by )
    \s+ (?= \p{Lu} )                     # a name follows, capitalised
    """,
    regex.VERBOSE,
)
_CREDIT_HEAD_RE: Final = regex.compile(
    r"""
    [(\[]? \s*                                      # often in brackets at an article's end
    (?: (?: additional | further | extra | with | and ) \s+ )?
    (?: reporting | writing | editing | edited | research | compiled | produced | graphics
      | translation | translated | fact-checking | photography | production | contributing
      | contributors? | reported ) \s*
    (?: \s (?: and \s )? (?: writing | editing | reporting | research ) \s* )?
    (?: \s (?: by | from ) \s+ | : \s* )            # "by …", "from …" or "Contributing: …"
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_CAPTION_LABEL_RE: Final = regex.compile(
    r"""
    [(\[]? \s*
    (?: (?: file | main | top | lead | header | feature )\ )?
    (?: photo | photos | photograph | photographs | picture | pictures | pic | image | images
      | caption | illustration | graphic | video | credit | credits | pictured )
    (?: \ (?: credit | caption | source | illustration ) )?
    (?: \s* [:,|] \s* | \s+ (?: by | from | courtesy\ of ) \s+ )  # "Photo: …", "Photos from …"
    | courtesy (?: \ of )? \s+ (?= \p{Lu} )                          # "Courtesy of Magnolia …"
    | image\ caption \s+
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# A photo credit closing a caption: "… in Sydney. (Getty Images)", "….Credit: Getty Images",
# "… on Tuesday. Photo: Jane Doe". Searched from a paragraph's last characters only.
_CAPTION_TAIL_RE: Final = regex.compile(
    r"""
    (?: (?: photo | photograph | picture | image | credit ) s? \s* : \s* [^.!?:\n]{1,60}
      | \( [^()\n]{0,40} (?: getty | photo | shutterstock | alamy | istock | supplied
                            | handout | pool | afp | ap\ images ) [^()\n]{0,40} \) )
    \s* $
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# "REUTERS/Mike Blake/File Photo", "AFP/Getty Images", "AP Photo/Jane Doe": an agency credit.
_AGENCY_CREDIT_RE: Final = regex.compile(
    r"\(?(?:REUTERS|Reuters|AP(?:\ Photo)?|AFP|EPA|EFE|PA|AAP|ANI|PTI|Xinhua|Bloomberg"
    r"|Getty\ Images|Sportsfile|INPHO|Inpho)(?:/[\p{L}\p{N} .'’-]{2,40}){1,3}\)?"
)
# A copyright notice closing an article: "Copyright 2024 The Associated Press. All rights
# reserved.", "© Reuters 2024", "(c) 2024 Acme Ltd", "All rights reserved."
_COPYRIGHT_RE: Final = regex.compile(
    r"[(\[]?\s*(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})|all\s+rights\s+reserved\b)",
    regex.IGNORECASE,
)
_CONTACT_HEAD_RE: Final = regex.compile(
    r"""
    (?: (?: media | press | investor | pr | news | editorial ) \s+
        (?: contacts? | enquiries | inquiries | relations | office ) \b
      | for \s+ (?: further | more ) \s+ (?: information | details ) ,? \s+
        (?: please \s+ )? (?: contact | call | email | e-mail ) \b
      | contacts? \s* :
      | journalists? ,? \s+ (?: please \s+ )? contact \b )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_CONTACT_DETAIL_RE: Final = regex.compile(
    r"""
    [\w.+-]{1,64} @ [\w-]{1,63} (?: \. [\w-]{1,63} )+     # an email address
    | (?<![\w]) (?: tel | phone | mob | mobile | cell | fax | office | t | m ) \.? \s* :? \s*
      \+? [\d(] [\d ()./-]{6,20} \d                      # "Tel: +44 20 7946 0000"
    | \+ \d{1,3} [\d ()./-]{7,20} \d                     # "+1 (555) 010-0199"
    | (?: https?:// | www\. ) \S{3,100}                  # a web address
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_BOILERPLATE_BLOCK_RE: Final = regex.compile(
    r"""
    (?: notes? \s+ (?: to | for ) \s+ (?: the \s+ )? editors? \s* :?
      | editors? ['’]? s? \s+ notes \s* :?
      | - {0,2} \s* ends? \s* - {0,2} | \#{3} | -30-
      | forward [- ] looking \s+ statements? \s* :?
      | safe \s+ harbou?r \s+ statement \s* :?
      | cautionary \s+ (?: note | statement ) .{0,60} )
    \s* $
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_EDITORS_NOTE_RE: Final = regex.compile(r"(?:\(\s*)?Editor['’]?s? note\s*:", regex.IGNORECASE)
# "About Acme", "About the University of Leeds": a heading, confirmed by the paragraph after it.
_ABOUT_RE: Final = regex.compile(
    r"About\ (?:the\ )?(?P<name>\p{Lu}[\p{L}\p{N}&.'’-]*)(?:\ [\p{L}\p{N}&.,'’()-]+){0,7}\s*:?\s*"
)
_ABOUT_BODY_RE: Final = regex.compile(
    r"""
    (?: \S+ \s+ ){0,12}?
    (?: is | are | was | has\ been ) \s+ (?: a | an | the | one | Europe | America | Britain
                                          | Ireland | Canada | Australia | India | \p{Lu} )
    | (?: Founded | Established | Headquartered | Based ) \b
    """,
    regex.VERBOSE,
)
_WORD_RE: Final = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.&-]*")
_SENTENCE_STOP_RE: Final = regex.compile(r"[.!?](?:\s|$)")
# The first words of every line the tests below can recognise from its start (keep in step with
# the *_HEAD_RE, _CAPTION_LABEL_RE, _BOILERPLATE_BLOCK_RE, _ABOUT_RE and _AGENCY_CREDIT_RE
# patterns), one pattern each, matched case-insensitively: a paragraph opening otherwise
# ("The council …") needs only the cheap tail tests. Each begins with two ASCII letters.
_OPENER_WORDS: Final = (
    *(r"by\s", r"reviewed\sby\s", r"written\sby\s", r"words\sby\s", r"interviews?\sby\s"),
    *(r"posted\sby\s", r"story\sby\s", r"text\sby\s", r"report\sby\s"),
    *(r"additional\s", r"further\s", r"extra\s", r"with\s", r"and\s", "reporting", "writing"),
    *("editing", "edited", "research", "compiled", "produced", "graphics", "translat"),
    *("fact-checking", "photo", "production", "contribut", "reported", "file", "main", "top"),
    *("lead", "header", "feature", "pic", "image", "caption", "illustration", "graphic"),
    *("video", "credit", "courtesy", "media", "press", "investor", r"pr\s", "news", "editorial"),
    *(r"for\s", "contact", "journalist", "tel", "phone", "mob", "cell", "fax", "office"),
    *("email", "www", "http", r"notes?\s", "editor", r"ends?\b", "forward", "safe"),
    *("cautionary", r"about\s", "reuters", r"ap\b", "afp", r"epa", "efe", r"pa\b", "aap", "ani"),
    *("pti", "xinhua", "bloomberg", "getty", "sportsfile", "inpho", "copyright", r"all\srights"),
)
# The lines whose first characters are not letters: a bracket, digit, list mark, an email
# address ("press@acme.com"), "e-mail" or a copyright sign.
_OPENER_OTHERS: Final = (r"[(\[\d+#*-]", r"[\w.+-]+@", "e-mail", "©")
# The stdlib ``re`` fails an anchored alternation of literals in a few steps.
_OPENER_RE: Final = re.compile("|".join(_OPENER_OTHERS + _OPENER_WORDS), re.IGNORECASE)
_TAIL_HINT: Final = 60  # a photo credit closing a caption sits in its last characters


def paragraph_roles(
    text: str, bounds: list[tuple[int, int]], config: AnalyzerConfig = DEFAULT_CONFIG
) -> list[SentenceRole | None]:
    """The non-prose role of each paragraph (``bounds`` as segment found them), or None."""
    line_words, contact_chars = config.nonprose_line_words, config.contact_line_chars
    caption_words = config.caption_before_credit_words
    roles: list[SentenceRole | None] = []
    block: SentenceRole | None = None  # the block a header opened: contact or boilerplate
    for n, (start, end) in enumerate(bounds):
        if text[start].isspace() or text[start] in FORMAT_CHARACTERS or text[end - 1].isspace():
            start, end = _trimmed(text, start, end)
        if block is None and _plain(text, start, end, contact_chars):
            roles.append(None)
            continue
        role, block = _block_role(text, start, end, block, bounds, n, line_words)
        if (
            role is ROLE_CAPTION
            and _is_credit_line(text, start, end, line_words)
            and n
            and roles[-1] is None
        ):
            previous = _trimmed(text, *bounds[n - 1])
            if _caption_before_credit(text, *previous, caption_words):
                roles[-1] = ROLE_CAPTION
        roles.append(role)
        if (
            role is ROLE_CAPTION
            and _is_caption_label_only(text, start, end)
            and n + 1 < len(bounds)
        ):
            block = ROLE_CAPTION  # "Image caption," on its own line: the caption is the next one
    return roles


def _plain(text: str, start: int, end: int, contact_chars: int) -> bool:
    """True when no test can find a role in the paragraph: most prose is ruled out here (one
    of more than ``contact_chars`` characters has a role only when a label opens it or a
    credit closes it)."""
    if start == end or _opens_like_a_label(text, start, end):
        return False
    tail = max(start, end - _TAIL_HINT)
    if text[end - 1] == ")" or text.find(":", tail, end) >= 0:
        return False  # "… (Getty Images)", "….Credit: Getty Images"
    return end - start > contact_chars or (
        text.find("@", start, end) < 0 and text.find("+", start, end) < 0
    )


def _opens_like_a_label(text: str, start: int, end: int) -> bool:
    """True when _OPENER_RE matches at ``start``: the paragraph may open with a label."""
    return _OPENER_RE.match(text, start, end) is not None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without surrounding white space or format characters."""
    while start < end and (text[start].isspace() or text[start] in FORMAT_CHARACTERS):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _block_role(
    text: str,
    start: int,
    end: int,
    block: SentenceRole | None,
    bounds: list[tuple[int, int]],
    n: int,
    line_words: int,
) -> tuple[SentenceRole | None, SentenceRole | None]:
    """This paragraph's role and the block open after it."""
    if block is ROLE_CAPTION:
        return ROLE_CAPTION, None
    if block is ROLE_BOILERPLATE:
        if _CONTACT_HEAD_RE.match(text, start, end):
            return ROLE_CONTACT, ROLE_CONTACT
        return ROLE_BOILERPLATE, ROLE_BOILERPLATE
    if block is ROLE_CONTACT:
        if _opens_boilerplate(text, start, end, bounds, n):
            return ROLE_BOILERPLATE, ROLE_BOILERPLATE
        if _is_contact_line(text, start, end):
            return ROLE_CONTACT, ROLE_CONTACT
    # No label the tests below know opens the paragraph ("Q: Why?", "SMITH: Yes."): only the
    # tests of its tail or its contact details can find a role (on a transcript's turns the
    # label tests were about 16 k instructions a paragraph; tests/test_nonprose.py)
    opens = _OPENER_RE.match(text, start, end) is not None
    if opens and _opens_boilerplate(text, start, end, bounds, n):
        return ROLE_BOILERPLATE, ROLE_BOILERPLATE
    if opens and _CONTACT_HEAD_RE.match(text, start, end) and _short(text, start, end, 40):
        return ROLE_CONTACT, ROLE_CONTACT
    return _line_role(text, start, end, line_words, opens), None


def _line_role(
    text: str, start: int, end: int, line_words: int, opens: bool = True
) -> SentenceRole | None:
    """The role of one paragraph read alone: byline, credit, caption, contact, or None;
    ``opens`` False when _OPENER_RE found no label at its start (the label tests are skipped)."""
    if start == end or not _short(text, start, end, line_words * 2):
        return None
    if opens and _is_byline(text, start, end, line_words):
        return ROLE_BYLINE
    role = sentence_role(text, start, end, line_words) if opens else None
    if role is not None:
        return role
    tail = max(start, end - 110)
    if (
        _may_end_in_caption(text[tail:end])
        and _CAPTION_TAIL_RE.search(text, tail, end)
        and _not_quoted(text, start, end)
    ):
        return ROLE_CAPTION
    if opens and _EDITORS_NOTE_RE.match(text, start, end):
        return ROLE_BOILERPLATE
    # not behind ``opens``: _OPENER_RE's "all\srights" is narrower than this pattern's
    if _COPYRIGHT_RE.match(text, start, end) and _short(text, start, end, 25):
        return ROLE_BOILERPLATE  # "Copyright 2024 The Associated Press. All rights reserved."
    if (
        _short(text, start, end, 12)
        and _may_hold_contact(text[start:end])
        and _CONTACT_DETAIL_RE.search(text, start, end)
    ):
        return ROLE_CONTACT
    return None


# Prechecks of the two searches every short paragraph gets, cheap where the patterns are not
# (each ``regex`` search several thousand instructions; on Q/A turns they cut 4.9 % of
# analyze). On ASCII text each is True wherever its pattern can match (tests/test_nonprose.py);
# other text always goes to the pattern, whose case-insensitive letters and digits are Unicode's.
_CAPTION_WORDS: Final = ("photo", "picture", "image", "credit")  # _CAPTION_TAIL_RE's labels
_CONTACT_HINT_RE: Final = re.compile(r"[0-9@+]|http|www\.", re.IGNORECASE)


def _may_end_in_caption(piece: str) -> bool:
    """False only when _CAPTION_TAIL_RE cannot match in ``piece`` (ASCII, with no ")" and no
    caption label word)."""
    if not piece.isascii() or ")" in piece:
        return True
    lower = piece.lower()
    return any(word in lower for word in _CAPTION_WORDS)


def _may_hold_contact(piece: str) -> bool:
    """False only when _CONTACT_DETAIL_RE cannot match in ``piece`` (ASCII, with no digit,
    "@", "+" or web address)."""
    return not piece.isascii() or _CONTACT_HINT_RE.search(piece) is not None


def sentence_role(
    text: str, start: int, end: int, line_words: int = DEFAULT_CONFIG.nonprose_line_words
) -> SentenceRole | None:
    """The role of one sentence that is a credit or a photo credit on its own (of at most
    ``line_words`` words after its label), or None.

    >>> sentence_role("(Reporting by Jane Doe; Editing by John Roe)", 0, 44)
    <SentenceRole.credit: 'credit'>
    >>> sentence_role("Reporting by the BBC revealed the deal.", 0, 39) is None
    True
    """
    if not _opens_like_a_label(text, start, end):
        return None  # most sentences: no credit or caption label opens them
    head = _CREDIT_HEAD_RE.match(text, start, end)
    if head and _only_names(text, head.end(), end, "credit_words", line_words):
        return ROLE_CREDIT
    if _is_credit_line(text, start, end, line_words):
        return ROLE_CAPTION
    head = _CAPTION_LABEL_RE.match(text, start, end)
    if head and (head.end() == end or _short(text, head.end(), end, line_words)):
        return ROLE_CAPTION
    return None


def _is_credit_line(text: str, start: int, end: int, line_words: int) -> bool:
    """True for a photo credit alone: "Photo: Maxwells", "(Getty Images)", "REUTERS/Jane Doe"."""
    if _AGENCY_CREDIT_RE.fullmatch(text, start, end):
        return True
    head = _CAPTION_LABEL_RE.match(text, start, end)
    if head is None or head.end() == end:
        return False
    label = text[start : head.end()].lower()
    if "caption" in label:
        return False
    names = _only_names(text, head.end(), end, "credit_words", line_words)
    return names and _short(text, start, end, 10)


def _is_caption_label_only(text: str, start: int, end: int) -> bool:
    """True for an "Image caption," line with nothing after it: the caption follows."""
    head = _CAPTION_LABEL_RE.match(text, start, end)
    return head is not None and head.end() >= end and "caption" in text[start:end].lower()


def _caption_before_credit(text: str, start: int, end: int, most_words: int) -> bool:
    """True when the paragraph before a lone photo credit reads as that photo's caption."""
    if not _short(text, start, end, most_words) or not _not_quoted(text, start, end):
        return False
    stop = _SENTENCE_STOP_RE.search(text, start, end)
    return stop is None or stop.end() >= end - 1  # one sentence at most


def _is_byline(text: str, start: int, end: int, line_words: int) -> bool:
    """True for "By Jane Doe", "By Jane Doe and John Roe, Political Correspondents"."""
    head = _BYLINE_HEAD_RE.match(text, start, end)
    if head is None or (text[end - 1] in ".!?:;" and text[end - 2 : end] != "r."):
        return False
    return _only_names(text, head.end(), end, "byline_words", line_words)


def _only_names(text: str, start: int, end: int, lexicon: str, most_words: int) -> bool:
    """True when ``start:end`` holds only capitalised words, numbers and words of ``lexicon``,
    at most ``most_words`` of them."""
    allowed = load(lexicon)
    words = 0
    for match in _WORD_RE.finditer(text, start, end):
        word = match.group()
        words += 1
        if words > most_words:
            return False
        if not (word[0].isupper() or word[0].isdigit() or word.lower() in allowed):
            return False
    return words > 0


def _short(text: str, start: int, end: int, limit: int) -> bool:
    """True when ``start:end`` has at most ``limit`` words (counted no further)."""
    if end - start > limit * 20:
        return False
    return len(text[start:end].split(None, limit)) <= limit


def _not_quoted(text: str, start: int, end: int) -> bool:
    """True when the stretch has no double quote marks: a caption rarely quotes anyone."""
    piece = text[start:end]
    return not any(mark in piece for mark in '"“”«»„')


def _is_contact_line(text: str, start: int, end: int) -> bool:
    """True for a line of a contact block: a name, a title, a phone number, an address."""
    if _CONTACT_DETAIL_RE.search(text, start, end):
        return _short(text, start, end, 25)
    # A name or a title line: short, and no sentence ends in it (names carry no full stop).
    return _short(text, start, end, 10) and _SENTENCE_STOP_RE.search(text, start, end) is None


def _opens_boilerplate(
    text: str, start: int, end: int, bounds: list[tuple[int, int]], n: int
) -> bool:
    """True for "Notes to editors", an end marker, or an "About Acme" heading."""
    if start == end or not _short(text, start, end, 12):
        return False
    if _BOILERPLATE_BLOCK_RE.match(text, start, end):
        return True
    about = _ABOUT_RE.fullmatch(text, start, end)
    if about is None or n + 1 >= len(bounds):
        return False
    following = _trimmed(text, *bounds[n + 1])
    name = about.group("name")
    body = text[following[0] : following[1]]
    return body.startswith((name, "The " + name)) or bool(
        _ABOUT_BODY_RE.match(text, following[0], following[1])
    )
