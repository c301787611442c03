"""Split a paragraph into sentences (。！？；) and sentences into clauses (，).

A split never falls inside quotes (“倍增追赶、合作发展”), book titles (《…》)
or brackets (（云岗路—王佐中环路）), and a list introduced by a colon and
written as short items separated by ； stays in one sentence.
"""

from __future__ import annotations

OPENERS = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "「": "」", "【": "】", "〔": "〕"}
CLOSERS = {v: k for k, v in OPENERS.items()}
SENTENCE_ENDS = "。！？!?；;"
CLAUSE_ENDS = SENTENCE_ENDS + "，,：:"
# a ；-separated piece shorter than this cannot stand as a task: it is a list item
_MIN_ITEM = 8


def _split(text: str, ends: str) -> list[str]:
    """Split after each character of ``ends`` that is outside quotes and brackets."""
    parts: list[str] = []
    depth: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in OPENERS and not (ch == "“" and depth and depth[-1] == "“"):
            depth.append(ch)
        elif ch in CLOSERS and depth and depth[-1] == CLOSERS[ch]:
            depth.pop()
        elif ch in ends and not depth:
            parts.append(text[start : i + 1])
            start = i + 1
    parts.append(text[start:])
    # an unbalanced quote (OCR dropped the closing mark) must not swallow the rest:
    # fall back to splitting everywhere
    if depth and len(parts) == 1 and len(text) > 200:
        return _split_plain(text, ends)
    return [p.strip() for p in parts if p.strip()]


def _split_plain(text: str, ends: str) -> list[str]:
    parts, start = [], 0
    for i, ch in enumerate(text):
        if ch in ends:
            parts.append(text[start : i + 1])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, with their closing punctuation."""
    pieces = _split(paragraph, SENTENCE_ENDS)
    sentences: list[str] = []
    for piece in pieces:
        core = piece.rstrip(SENTENCE_ENDS)
        joins_list = sentences and sentences[-1].endswith(("；", ";")) and (
            len(core) < _MIN_ITEM or "：" in sentences[-1] and len(core) < 2 * _MIN_ITEM
        )
        if joins_list:
            sentences[-1] += piece
        else:
            sentences.append(piece)
    return sentences


def split_clauses(sentence: str) -> list[str]:
    """Clauses of a sentence (split at ，；： outside quotes and brackets)."""
    return _split(sentence, CLAUSE_ENDS)


def strip_end(text: str) -> str:
    return text.strip().rstrip(CLAUSE_ENDS + "、 ")
