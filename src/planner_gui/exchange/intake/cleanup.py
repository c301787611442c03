"""Clean up the text of a scanned or copied document before reading its structure.

Real documents arrive as OCR output or text copied from a newspaper page:
spaces between characters (记 者 王蕾 蕾), line breaks in mid-sentence, a
headline printed twice in a row, page continuation marks (上接01版), photo
captions (…… 原梓峰 摄) and reporters' bylines. ``clean_lines`` removes that
noise and joins broken lines into logical paragraphs; headings and field lines
(牵头单位：…) stay on lines of their own.
"""

from __future__ import annotations

import re

CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_OR_DIGIT = rf"[{CJK}0-9０-９%％“”‘’（）《》「」、，。；：！？]"
# a space between two CJK characters or digits is OCR noise (记 者 -> 记者, 2 0 2 4 -> 2024)
_INNER_SPACE = re.compile(rf"(?<={_CJK_OR_DIGIT})[ \t\u3000\u00a0]+(?={_CJK_OR_DIGIT})")
_SPACED_DECIMAL = re.compile(r"(?<=\d)\s*\.\s*(?=\d)")
_PAGE_MARK = re.compile(r"[（(]\s*(?:上接|下转|紧接|转自|接)\s*[第]?\s*[0-9０-９A-Za-z]+\s*版\s*[)）]")
# 本报讯（记者 王蕾蕾）, 本报讯（记者 张明 通讯员 李华）: the opening of a news report
_OPENING_BYLINE = re.compile(r"^[^。，]{0,12}?(?:本报讯|讯|电)\s*[（(][^（）()]*?(?:记者|通讯员)[^（）()]*[)）]")
# 文/记者 王蕾蕾, （本报记者联合采写）, 责任编辑：李四: where a news article ends
_CLOSING_BYLINE = re.compile(
    r"(?:文\s*/\s*(?:本报)?记者\s*\S{2,12}"
    r"|[（(]\s*(?:本报)?(?:记者|通讯员)[^（）()]{0,20}[)）]\s*$"
    r"|责任编辑\s*[：:]\s*\S+"
    r"|[（(]\s*本报记者[^（）()]{0,12}[)）])"
)
# checked before spaces are squeezed: a caption ends with "name 摄" (原梓峰 摄), starts
# with 图为 or ▲, or credits a picture; editor lines (来源：, 编辑：) close online articles
_CAPTION = re.compile(
    rf"(?:^\s*图为|[{CJK}]{{2,4}}\s{{1,8}}摄\s*$|^\s*[（(]?图片?[/／]|摄影\s*[：:/]|^\s*[▲△]|[（(]资料图[)）]"
    r"|^\s*(?:[（(]\s*)?(?:本版|本期|本文)?(?:来源|编辑|责编|责任编辑|审核|校对|监制|供稿|作者|美编|值班)\s*[：:])"
)
# a subheading set off by brackets or a bullet: 【项目攻坚】, ▶城市更新
BRACKET_HEADING = re.compile(r"^\s*(?:[【〖\[]\s*([^】〗\]]{2,20}?)\s*[】〗\]]|[▶■●◆]\s*(\S[^，。；]{1,19}))\s*$")
# the colophon (版记) of an official document: nothing after it is part of the plan
_COLOPHON = re.compile(r"^(?:抄送|抄报|分送)\s*[：:]|\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发\s*$")
# the signature (落款) of an official document: the issuer on one line, the date on the next
_LONE_DATE = re.compile(r"^\s*20\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
_ISSUER = re.compile(r"^\s*\S{2,30}(?:人民政府|办公室|办公厅|委员会|办事处|工作委员会|领导小组|局|委)\s*$")
# page numbers of text taken from a PDF: — 3 —, - 3 -, 第3页, 3/12
_PAGE_NUMBER = re.compile(r"^\s*(?:[—\-－–~]+\s*\d{1,3}\s*[—\-－–~]+|第\s*\d{1,3}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3}\s*/\s*\d{1,3})\s*$")
_JUNK = re.compile("[\ufffd\u200b\ufeff\x00-\x08\x0b\x0c\x0e-\x1f]")
_TERMINAL = tuple("。！？；：…”」）)")

HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]"
    r"|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]"
    r"|第[一二三四五六七八九十0-9]{1,3}部分"
    r"|[0-9]{1,2}\s*[．.、](?![0-9])"
    r"|[（(][0-9]{1,2}[)）])"
)
FIELD_START = re.compile(
    r"^(?:(?:牵头|责任|分管|包联)[区县市镇]?领导|牵头单位|责任单位|主责单位|配合单位|协办单位|参与单位"
    r"|牵头部门|责任部门|配合部门|完成时限|完成时间|时间节点|责任人)\s*[：:]"
)


# 一是经济运行。… / 二是项目建设。… opening lines: headings written as 一是 (a news report of
# a responsibility-letter signing lists its areas so); read as 一、 when two or more lines do it
_SHI_HEADING = re.compile(r"^(\s*)([一二三四五六七八九十]{1,3})是\s*([^，。；：、,;:]{2,12})\s*([。：:])")


def _shi_headings(lines: list[str]) -> list[str]:
    if sum(1 for line in lines if _SHI_HEADING.match(line)) < 2:
        return lines
    return [_SHI_HEADING.sub(lambda m: f"{m[1]}{m[2]}、{m[3]}{m[4]}", line) for line in lines]


_LONG_BLANK = re.compile(r"([ \u3000\u00a0\t])\1{64,}")


def cap_blank_runs(text: str) -> str:
    """Runs of more than 64 spaces or tabs cut to 64: no layout needs more, and every
    pattern that scans blanks stays linear on hostile text."""
    return _LONG_BLANK.sub(lambda m: m.group(1) * 64, text)


def squeeze_spaces(text: str) -> str:
    """Remove the spaces OCR puts between characters, keeping spaces between Latin words."""
    text = _SPACED_DECIMAL.sub(".", text)
    return _INNER_SPACE.sub("", text).strip()


def undouble(line: str) -> str:
    """A line printed twice in a row (标题标题, 甲甲乙乙) once.

    Only short lines (headlines, captions) are doubled by page layout; the
    scan is linear per segment, so no input can make it slow.
    """
    if not 6 <= len(line) <= 400:
        return line
    pieces: list[str] = []
    i = 0
    while i < len(line):
        size = next(
            (n for n in range(2, (len(line) - i) // 2 + 1) if line[i : i + n] == line[i + n : i + 2 * n]),
            None,
        )
        if size is None:
            return line
        pieces.append(line[i : i + size])
        i += 2 * size
    return "".join(pieces)


def is_caption(line: str) -> bool:
    return bool(_CAPTION.search(line))


def is_short_title(line: str, limit: int = 20) -> bool:
    """A short line without punctuation: a headline or a subheading (小标题)."""
    return 2 <= len(line) <= limit and not re.search(r"[，。；：！？、,;:!?]", line)


def title_length_limit(lines: list[str]) -> int:
    """How long a headline may be: clearly shorter than the document's body lines.

    Newspaper columns are narrow, so a line of a broken sentence can be as
    short as a subheading in a wide document; compare with the median line.
    """
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if not lengths:
        return 20
    median = lengths[len(lengths) // 2]
    return min(20, max(8, int(median * 0.6)))


# a field label anywhere in a line: 牵头单位：市商务局 市财政局 完成时限：…
_FIELD_ANYWHERE = re.compile(
    r"(?:(?:牵头|责任|分管|包联)[区县市镇]?领导|牵头单位|责任单位|主责单位|配合单位|协办单位|参与单位"
    r"|牵头部门|责任部门|配合部门|完成时限|完成时间|时间节点|责任人)\s*[：:]"
)


def _squeeze_field_line(line: str) -> str:
    """Spaces in a line of fields separate values (市商务局 市财政局), unless OCR spaced each character.

    Each word is squeezed on its own and the words are joined by two spaces, which
    the field reader takes as a separator; a line of single characters (县 发 改 局)
    is OCR spacing and squeezed whole.
    """
    words = line.split()
    if len(words) < 2 or sum(len(w) >= 2 for w in words) < 0.8 * len(words):
        return squeeze_spaces(line)
    return "  ".join(squeeze_spaces(w) for w in words)


def clean_line(raw: str) -> str:
    line = _JUNK.sub("", raw).replace("\u3000", " ")
    line = _squeeze_field_line(line) if _FIELD_ANYWHERE.search(squeeze_spaces(line)) else squeeze_spaces(line)
    line = _PAGE_MARK.sub("", line).strip()
    line = _OPENING_BYLINE.sub("", line).strip()
    return undouble(line)


def clean_lines(text: str) -> list[str]:
    """The document as logical paragraphs: broken lines joined, noise removed.

    A line that starts a heading, a numbered item or a field (牵头单位：…)
    starts a new paragraph; a short line without punctuation between
    paragraphs (a headline or subheading) stays on its own.
    """
    paragraphs: list[str] = []
    buffer = ""

    def flush() -> None:
        nonlocal buffer
        if buffer:
            paragraphs.append(buffer)
        buffer = ""

    raw_lines = _drop_signatures(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    raw_lines = _shi_headings([line for line in raw_lines if not _PAGE_NUMBER.match(line)])
    limit = title_length_limit(raw_lines)
    wrap = wrap_width(raw_lines)
    for raw in raw_lines:
        line = clean_line(raw)
        if not line or is_caption(raw):
            continue
        if _COLOPHON.search(line):
            break
        if HEADING_START.match(line) or FIELD_START.match(line):
            flush()
            buffer = line
            if FIELD_START.match(line) or _is_bare_heading(line, wrap):
                flush()
            continue
        bracketed = BRACKET_HEADING.match(line)
        if bracketed:
            flush()
            paragraphs.append(bracketed.group(1) or bracketed.group(2))
            continue
        at_break = not buffer or buffer.endswith(_TERMINAL)
        if at_break and is_short_title(line, limit):
            flush()
            paragraphs.append(line)
            continue
        if at_break and line.startswith("在“"):
            flush()
        buffer += line
    flush()
    return paragraphs


def _drop_signatures(lines: list[str]) -> list[str]:
    """Without lone date lines and the issuer line just above one (落款)."""
    keep = [True] * len(lines)
    for i, line in enumerate(lines):
        if _LONE_DATE.match(line):
            keep[i] = False
            above = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
            if above is not None and _ISSUER.match(lines[above]):
                keep[above] = False
    return [line for line, kept in zip(lines, keep, strict=True) if kept]


def _is_bare_heading(line: str, wrap: int) -> bool:
    """一、总体要求 on a line of its own (no sentence after it).

    A line as long as the document's wrapped lines (text taken from a PDF)
    is a heading or item that goes on in the next line, not a bare heading.
    """
    return len(line) <= 30 and len(line) < wrap and not line.endswith(_TERMINAL) and "。" not in line


def wrap_width(lines: list[str]) -> int:
    """The length from which a line is taken to be hard-wrapped: 90% of the usual long line."""
    lengths = sorted(len(squeeze_spaces(line)) for line in lines if line.strip())
    if len(lengths) < 5:
        return 10_000
    usual = lengths[int(len(lengths) * 0.8)]
    return max(12, int(usual * 0.9))


def closing_byline_at(paragraph: str) -> int | None:
    """Where a news article's closing byline (文/记者 …) starts in a paragraph, if any."""
    match = _CLOSING_BYLINE.search(paragraph)
    return match.start() if match else None
