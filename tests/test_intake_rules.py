"""The reading rules of text intake, one at a time, on short pieces of text."""

from __future__ import annotations

from datetime import date

import pytest

from planner_gui.exchange.intake.cleanup import clean_lines, squeeze_spaces, undouble
from planner_gui.exchange.intake.deadlines import find_deadlines
from planner_gui.exchange.intake.fields import extract_fields
from planner_gui.exchange.intake.indicators import find_indicators
from planner_gui.exchange.intake.parse import declared_totals, plan_year_from, propose_plan
from planner_gui.exchange.intake.sentences import split_sentences
from planner_gui.exchange.intake.structure import outline


def test_ocr_spaces_go_but_latin_words_keep_theirs():
    assert squeeze_spaces("本报讯（记 者 王蕾 蕾）2 0 2 4 年 春 节") == "本报讯（记者王蕾蕾）2024年春节"
    assert squeeze_spaces("营业收入751 .49万元") == "营业收入751.49万元"
    assert squeeze_spaces("Open Office 文档") == "Open Office 文档"


def test_a_line_printed_twice_is_read_once():
    assert undouble("丰台区召开大会丰台区召开大会") == "丰台区召开大会"
    assert undouble("丰台龙年春节消费迎来丰台龙年春节消费迎来开门红开门红") == "丰台龙年春节消费迎来开门红"
    assert undouble("加快推进重点项目建设") == "加快推进重点项目建设"


def test_broken_lines_are_joined_and_captions_marks_and_bylines_dropped():
    text = (
        "本报讯（记 者 张 明）3月5日，全县召开推进会，部署今\n\n年重点工作。\n"
        "（上接01版）\n"
        "图为项目建设现场。刘 洋 摄图为项目建设现场。刘 洋 摄\n"
        "一、总体要求\n坚持稳中求进。\n"
    )
    assert clean_lines(text) == ["3月5日，全县召开推进会，部署今年重点工作。", "一、总体要求", "坚持稳中求进。"]


def test_sentences_split_at_full_stops_and_semicolons_but_not_inside_quotes_or_brackets():
    text = "持续深化“倍增追赶；合作发展”，推进河道（云岗路；王佐路）治理；年内完成屋顶设计优化。主要包括：甲；乙；丙。"
    assert split_sentences(text) == [
        "持续深化“倍增追赶；合作发展”，推进河道（云岗路；王佐路）治理；",
        "年内完成屋顶设计优化。",
        "主要包括：甲；乙；丙。",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新引进企业不少于50家", [(">=", 50, "家")]),
        ("落地“高精尖”企业20家以上", [(">=", 20, "家")]),
        ("入驻企业总数超过1200家", [(">", 1200, "家")]),
        ("发展伙伴累计达600家", [(">=", 600, "家")]),
        ("学前教育公办率提升至50%", [(">=", 50, "%")]),
        ("城镇调查失业率控制在5.5%以内", [("<=", 5.5, "%")]),
        ("地区生产总值增长6%左右", [("approx", 6, "%")]),
        ("投资200亿元以上", [(">=", 200, "亿元")]),
        ("完成人工造林1.2万亩", [(">=", 1.2, "万亩")]),
        ("新增床位五百张", [(">=", 500, "张")]),
        ("评选10家贡献突出链长单位", [("=", 10, "家")]),
        ("完成河道治理工程、26个桥体垂直绿化、6处绿化提升", [(">=", 26, "个"), (">=", 6, "处")]),
        ("解决率、满意率均不低于92%", [(">=", 92, "%"), (">=", 92, "%")]),
        ("PM2.5年均浓度控制在35微克/立方米以内", [("<=", 35, "微克/立方米")]),
        ("企业开办时间压缩至1个工作日", [("<=", 1, "个工作日")]),
        ("开展志愿服务活动100余场次", [(">", 100, "场次")]),
        ("新增就业岗位1.2万个", [(">=", 1.2, "万个")]),
        ("新增公共停车泊位2万个", [(">=", 2, "万个")]),
        ("惠及居民1.2万户", [(">=", 1.2, "万户")]),
        ("新增岗位两万个", [(">=", 2, "万个")]),
        ("年度完成投资1.5万亿元", [(">=", 1.5, "万亿元")]),
        ("粮食总产量达到720亿斤以上", [(">=", 720, "亿斤")]),
        ("建设“15分钟便民生活圈”10个", [(">=", 10, "个")]),
        ("实施市级重点项目150个", [(">=", 150, "个")]),
        ("年度计划投资180亿元", [("=", 180, "亿元")]),
        ("新培育家庭农场500家，农民合作社示范社300家", [(">=", 500, "家"), (">=", 300, "家")]),
        ("改造二次供水设施80处", [(">=", 80, "处")]),
        ("食品安全抽检不少于4000批次", [(">=", 4000, "批次")]),
    ],
)
def test_indicators_with_their_comparator_target_and_unit(text, expected):
    found = [(f.indicator.comparator, f.indicator.target, f.indicator.unit) for f in find_indicators(text)]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    ["举办第二届合作发展大会", "10个方面42项重点任务", "遴选吸纳新一批发展伙伴", "新增幼儿园2—3岁托位",
     "全面实施三年行动计划", "落实“两个确立”", "完成滨江生态廊道二期建设", "成立75周年"],
)
def test_numbers_that_are_not_targets(text):
    assert find_indicators(text) == []


def test_a_count_without_a_comparator_word_is_marked_as_a_guess():
    (found,) = find_indicators("评选10家贡献突出链长单位")
    assert found.confidence < 0.6
    assert any("exactly" in note for note in found.notes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("国家自然博物馆将于今年6月实现开工建设", [date(2024, 6, 30)]),
        ("年内完成屋顶设计优化，2025年8月完工", [date(2024, 12, 31), date(2025, 8, 31)]),
        ("二季度末实现主体完工", [date(2024, 6, 30)]),
        ("力争明年5月底前全面完工", [date(2025, 5, 31)]),
        ("今年9月1日投入使用", [date(2024, 9, 1)]),
        ("丰台区召开2024年度重点工作任务部署会", []),
        ("区政府部署全年工作", []),
        ("2月10日—17日共接待游客", []),
    ],
)
def test_deadlines_in_words(text, expected):
    assert [d.due for d in find_deadlines(text, 2024)] == expected


def test_field_lines_and_bracketed_fields():
    fields, rest = extract_fields("推进某工程（牵头单位：县发改局、县财政局；完成时限：6月底前）。")
    assert (fields.lead_unit, fields.co_units, fields.deadline) == ("县发改局", ["县财政局"], "6月底前")
    assert rest == "推进某工程。"
    fields, _ = extract_fields("责任单位：县科技局、县财政局")
    assert (fields.lead_unit, fields.co_units) == ("县科技局", ["县财政局"])
    fields, rest = extract_fields("推进某工程（责任单位：县财政局、县发改局（牵头）；完成时限：年底）")
    assert (fields.lead_unit, fields.co_units, rest) == ("县发改局", ["县财政局"], "推进某工程")
    fields, _ = extract_fields("牵头县领导：王海涛")
    assert fields.leader == "王海涛"


def test_year_and_totals_come_from_planning_words_not_from_a_look_back():
    text = "一、2023年工作回顾\n全年增长5%。\n二、2024年工作安排\n重点抓好以下五个方面工作"
    assert plan_year_from(text) == 2024
    assert declared_totals("涵盖10个方面42项重点工作任务") == (10, 42)
    assert declared_totals("重点抓好以下五个方面工作") == (5, None)


def test_framing_sections_hold_no_tasks_and_containers_hold_the_areas():
    text = (
        "一、总体要求\n坚持完成全年目标。\n二、重点任务\n（一）扩大有效投资\n"
        "1．完成投资150亿元。\n牵头单位：县发改局\n（二）办好民生实事\n2．新增学位1200个。\n"
        "三、保障措施\n（一）加强组织领导。各单位要于每月25日前报送进展。\n"
    )
    shape = outline(text)
    assert [a.name for a in shape.areas] == ["扩大有效投资", "办好民生实事"]
    assert shape.areas[0].units[0].field_lines == ["牵头单位：县发改局"]


def test_every_guess_is_noted_for_the_user():
    proposal = propose_plan("在“加强生态环境建设”方面，将建成点位80处；评选10家示范单位。", year=2024)
    (area,) = proposal.plan.areas
    assert proposal.notes(area.id)
    for task in area.tasks:
        assert proposal.notes(task.id)
        for indicator in task.indicators:
            assert proposal.notes(indicator.id)
    exact = area.tasks[1].indicators[0]
    assert exact.comparator == "=" and proposal.confidence(exact.id) < 0.6


def test_text_without_any_plan_gives_no_areas():
    proposal = propose_plan("春节期间，全区接待游客57万人次，同比增长95%。据了解，营业收入2300万元。")
    assert proposal.plan.areas == []


def test_a_table_copied_from_word_becomes_items_with_fields():
    text = (
        "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t新建污水管网40公里\t县水务局\t各乡镇\t6月底前\n"
        "2\t完成造林1.2万亩\t县林业局\t\t年底\n"
    )
    proposal = propose_plan(text, year=2025)
    (area,) = proposal.plan.areas
    first, second = area.tasks
    assert (first.lead_unit, first.co_units, first.due) == ("县水务局", ["各乡镇"], date(2025, 6, 30))
    assert (second.lead_unit, second.co_units, second.due) == ("县林业局", [], date(2025, 12, 31))
    assert (second.indicators[0].target, second.indicators[0].unit) == (1.2, "万亩")


def test_a_signature_and_lone_date_are_not_tasks():
    text = "一、扩大有效投资\n完成投资150亿元。\n\n清河县人民政府办公室\n2025年2月26日\n"
    (area,) = propose_plan(text).plan.areas
    assert [t.title for t in area.tasks] == ["完成投资150亿元"]


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("第一部分 产业发展\n新引进企业不少于50家。\n第二部分 城市建设\n新建道路12公里。", ["产业发展", "城市建设"]),
        ("会议要求抓好落实。在产业发展方面，新引进企业不少于50家。在城市建设方面，新建道路12公里。",
         ["产业发展", "城市建设"]),
        ("一、产业发展：新引进企业不少于50家。\n二、城市建设：新建道路12公里。", ["产业发展", "城市建设"]),
        ("部署全年工作。产业发展方面，新引进企业不少于50家。\n城市建设方面：新建道路12公里。另一方面，要加强宣传。",
         ["产业发展", "城市建设"]),
        ("| 序号 | 类别 | 重点任务 | 牵头单位 |\n|---|---|---|---|\n| 1 | 产业发展 | 新引进企业50家 | 局 |\n"
         "| 2 | 城市建设 | 新建道路12公里 | 委 |", ["产业发展", "城市建设"]),
        ("1.产业发展\n（1）新引进企业不少于50家。\n（2）落地项目20个以上。\n2.城市建设\n（1）新建道路12公里。",
         ["产业发展", "城市建设"]),
    ],
)
def test_other_area_heading_styles(text, areas):
    plan = propose_plan(text, year=2024).plan
    assert [a.name for a in plan.areas] == areas
    assert all(a.tasks for a in plan.areas)


def test_a_headline_after_the_areas_starts_another_article_even_without_a_byline():
    from pathlib import Path

    seed = (Path(__file__).parent / "intake" / "docs" / "seed_fengtai.txt").read_text(encoding="utf-8")
    proposal = propose_plan(seed.replace("文/记者 王蕾蕾", ""))
    texts = [t.description for t in proposal.plan.walk_tasks()]
    assert len(proposal.plan.areas) == 8
    assert not [t for t in texts for word in ("春节", "游客", "同比") if word in t]
    assert any("another article" in w for w in proposal.warnings)


def test_a_heading_without_words_still_gives_an_area_the_json_format_accepts():
    # found by the fuzz test: 一、 with nothing after it made an area with an empty name
    from planner_gui.exchange import json_format
    from planner_gui.exchange.intake.parse import UNNAMED_AREA, propose_plan

    proposal = propose_plan("一、。”方面，在“")
    assert [a.name for a in proposal.plan.areas] == [UNNAMED_AREA]
    json_format.plan_from_dict(json_format.plan_to_dict(proposal.plan))


# --- layouts of issue 19: fields on one line, tasks under 一、 with field lines, prose units ---


def _tasks(text: str, year: int = 2025):
    proposal = propose_plan(text, year=year)
    return proposal, [(a.name, t) for a in proposal.plan.areas for t in a.tasks]


def test_several_fields_on_one_line_separated_by_single_spaces():
    _, tasks = _tasks(
        "一、扩大开放\n1. 新设外资企业不少于30家。\n"
        "牵头领导：王副市长 牵头单位：市商务局 配合单位：海关、市税务局 完成时限：11月底前\n"
    )
    ((area, task),) = tasks
    assert (task.leader, task.lead_unit, task.co_units) == ("王副市长", "市商务局", ["海关", "市税务局"])
    assert task.due.isoformat() == "2025-11-30" and task.title == "新设外资企业不少于30家"


def test_tasks_in_brackets_with_field_lines_belong_to_the_area_above():
    _, tasks = _tasks(
        "一、做强县域经济\n（一）实施工业强县行动。新增规上工业企业20家。\n责任领导：周海\n牵头单位：县工信局\n"
        "（二）壮大特色产业。新建高标准农田3万亩。\n责任领导：吴春来\n牵头单位：县农业农村局\n"
        "二、增进民生福祉\n（三）稳定就业。城镇新增就业3500人以上。\n责任领导：何丽\n牵头单位：县人社局\n"
    )
    assert [(a, t.title, t.leader, t.lead_unit) for a, t in tasks] == [
        ("做强县域经济", "实施工业强县行动", "周海", "县工信局"),
        ("做强县域经济", "壮大特色产业", "吴春来", "县农业农村局"),
        ("增进民生福祉", "稳定就业", "何丽", "县人社局"),
    ]
    assert [(i.target, i.unit) for _, t in tasks for i in t.indicators] == [(20, "家"), (3, "万亩"), (3500, "人")]


def test_inline_fields_of_consecutive_items_stay_with_their_item():
    proposal, tasks = _tasks(
        "二、城市管理\n1. 完成背街小巷整治120条，责任单位：区城管委，完成时限：10月底前。\n"
        "2. 新增停车位2万个，牵头单位：区交通局。\n"
        "3、整治老旧小区15个，责任单位：区住建委，新建口袋公园6个，完成时限：9月底前。\n"
    )
    first, second, third = (t for _, t in tasks)
    assert (first.lead_unit, first.due.isoformat()) == ("区城管委", "2025-10-31")
    assert (second.lead_unit, second.due) == ("区交通局", None)
    # the unit field ran into task text: the text stays in the task, and the task is flagged
    assert third.lead_unit == "区住建委" and third.co_units == []
    assert [(i.target, i.unit) for i in third.indicators] == [(15, "个"), (6, "个")]
    assert proposal.confidence(third.id) < 0.5
    assert any("read as task text" in note for note in proposal.notes(third.id))


def test_units_named_in_prose_and_fields_after_a_paragraph():
    _, tasks = _tasks(
        "在工业经济方面，规上工业企业达到260家，由县工信局牵头，年底前完成。\n"
        "在城乡建设方面，县住建局牵头实施棚户区改造，9月底前完成征收1200户。\n"
    )
    assert [t.lead_unit for _, t in tasks] == ["县工信局", "县住建局"]
    _, tasks = _tasks("一、扩大优质教育资源\n　　新建中小学8所，新增学位4800个。牵头单位：区教育局。\n")
    assert [t.lead_unit for _, t in tasks] == ["区教育局"]


def test_news_prose_keeps_every_target_and_drops_the_meeting():
    _, tasks = _tasks(
        "3月5日，某区召开2025年重点工作部署会。会上，区长对全年重点工作作出部署。\n"
        "在产业发展方面，固定资产投资较上年增长8%以上；签约项目40项以上，开工率达到70%以上。\n"
        "在民生方面，新建学校3所，年底前完成。\n"
    )
    found = sorted((i.target, i.unit, i.comparator) for _, t in tasks for i in t.indicators)
    assert found == [(3, "所", ">="), (8, "%", ">="), (40, "项", ">="), (70, "%", ">=")]
    assert not any("召开" in t.title or "部署" in t.title for _, t in tasks)
    assert [t.due.isoformat() for _, t in tasks if t.due] == ["2025-12-31"]


def test_yi_shi_lines_are_area_headings():
    _, tasks = _tasks("　　一是经济运行。新增企业60家。\n　　二是城市更新。年底前完成老旧小区改造46个。\n")
    assert [a for a, _ in tasks] == ["经济运行", "城市更新"]


def test_a_table_with_its_header_split_over_two_lines():
    text = "\n".join([
        "\t".join(["序号", "类别", "项目名称", "建设内容及规模", "计划投资", "责任单位", "完成"]),
        "\t".join(["", "", "", "", "（万元）", "", "时限"]),
        "\t".join(["1", "城市建设", "供水管网改造", "改造供水管网12公里，新建泵站2座", "450", "区水务局", "10月底前"]),
        "\t".join(["2", "", "公园提升", "新增绿地8万平方米", "3200", "区园林局", "9月底前"]),
    ])
    _, tasks = _tasks(text)
    assert [(a, t.lead_unit, t.due.isoformat()) for a, t in tasks] == [
        ("城市建设", "区水务局", "2025-10-31"), ("城市建设", "区园林局", "2025-09-30")]
    assert [(i.target, i.unit, i.comparator) for i in tasks[0][1].indicators] == [
        (12, "公里", ">="), (2, "座", ">="), (450, "万元", "=")]


def test_indicator_names_lose_deadline_words_not_their_first_characters():
    names = [f.indicator.name for f in find_indicators("一季度末前开工项目不少于40个，实际到位资金超过90亿元")]
    assert names == ["开工项目", "实际到位资金"]
    (found,) = find_indicators("举办“桃源夜市”主题活动不少于12场")
    assert found.indicator.name == "举办“桃源夜市”主题活动"


def test_absurd_numbers_are_refused_with_a_warning_not_a_traceback():
    proposal = propose_plan("在“产业”方面，完成" + "9" * 400 + "个项目，新建学校3所。" + "9" * 400 + "个方面", year=2025)
    assert proposal.plan.declared_areas is None
    assert [i.target for t in proposal.plan.walk_tasks() for i in t.indicators] == [3]
    assert any("400 characters" in w for w in proposal.warnings)


def test_read_indicators_is_the_shared_reading():
    from planner_gui.exchange.intake.indicators import read_indicators

    (indicator,) = read_indicators("新增公共停车泊位2万个")
    assert (indicator.name, indicator.target, indicator.unit, indicator.comparator) == ("新增公共停车泊位", 2, "万个", ">=")
    assert read_indicators("推进政务服务标准化") == []


def test_bracketed_fields_after_a_paragraph_and_a_speakers_demands():
    _, tasks = _tasks(
        "一、人居环境整治\n　　改造农村户厕500户，新建垃圾中转站1座。（责任单位：镇环卫所；完成时限：10月底前）\n"
        "二、养老\n　　新增养老床位1500张。\n　　陈静要求，各牵头单位要细化方案，确保年底前全部完成。\n"
    )
    assert [(a, t.lead_unit, t.due and t.due.isoformat()) for a, t in tasks] == [
        ("人居环境整治", "镇环卫所", "2025-10-31"), ("养老", "", None)]


def test_a_table_aligned_with_spaces_with_its_header_split_over_two_lines():
    text = "\n".join([
        "一、社会事业类",
        "序号   项目名称       建设内容                  总投资     牵头单位     完成",
        "                                               （亿元）                时间",
        "1      中医院迁建     新建业务用房4.2万平方米    6.5       区卫健委     2026年12月",
        "2      学校新建       新增学位1080个             2.8       区教育局     8月底前",
    ])
    _, tasks = _tasks(text, year=2026)
    assert [(t.lead_unit, t.due.isoformat()) for _, t in tasks] == [
        ("区卫健委", "2026-12-31"), ("区教育局", "2026-08-31")]
    assert [(i.target, i.unit, i.comparator) for i in tasks[0][1].indicators] == [
        (4.2, "万平方米", ">="), (6.5, "亿元", "=")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("引进亿元以上项目22个，其中10亿元以上项目3个", [(">=", 22, "个"), (">=", 3, "个")]),
        ("为1000户困难老年人家庭实施适老化改造", [(">=", 1000, "户")]),
    ],
)
def test_sizes_of_counted_things_and_beneficiaries(text, expected):
    assert [(f.indicator.comparator, f.indicator.target, f.indicator.unit) for f in find_indicators(text)] == expected


def test_spaces_in_a_field_line_separate_units_but_not_a_spaced_out_ocr_word():
    _, tasks = _tasks(
        "一、扩大开放\n1. 新设外资企业不少于30家。\n牵头领导：副市长 王强 牵头单位：市商务局 市财政局 完成时限：11月底前\n"
        "2. 新增外贸企业20家。\n牵 头 单 位 ： 市 商 务 局 完 成 时 限 ： 10月底前\n"
    )
    (_, first), (_, second) = tasks
    assert (first.leader, first.lead_unit, first.co_units) == ("副市长王强", "市商务局", ["市财政局"])
    assert (second.lead_unit, second.due.isoformat()) == ("市商务局", "2025-10-31")


def test_a_field_label_whose_value_swallows_the_sentence_keeps_the_words_and_is_flagged():
    proposal = propose_plan("在“产业”方面，责任领导：张三将于今年6月实现开工建设。", year=2025)
    (task,) = list(proposal.plan.walk_tasks())
    assert "开工建设" in task.title and proposal.confidence(task.id) < 0.5


def test_a_heading_about_the_years_plan_holds_the_areas():
    proposal = propose_plan(
        "二、2025年目标任务\n　　今年的主要预期目标是：地区生产总值增长5.5%左右，居民消费价格涨幅3%左右。\n"
        "　　（一）培育新质生产力。新增国家高新技术企业80家。\n　　（二）扩大国内需求。实施市级重点项目280个。\n"
    )
    assert [a.name for a in proposal.plan.areas] == ["主要预期目标", "培育新质生产力", "扩大国内需求"]


@pytest.mark.parametrize(
    "text",
    [
        ("1 " * 20000) + "月",                                     # digits spaced out: one 20000-digit number
        "在“产业”方面，新建" + "一" * 20000 + "个。",               # a Chinese numeral run (used to overflow)
        "序号   项目名称   建设内容   总投资   牵头单位\n" + " " * 50000 + "（亿元）\n",  # blanks in a table
        "\t".join(["序号", "项目名称", "建设内容", "责任单位"]) + "\n" + "\t" * 50000 + "时限\n",
        "记者" + " " * 50000 + "摄",
    ],
    ids=["spaced-digits", "numeral-run", "blank-run", "tab-run", "caption-blanks"],
)
def test_hostile_runs_are_read_in_linear_time_without_a_traceback(text):
    import time

    started = time.perf_counter()
    proposal = propose_plan(text, year=2025)
    # quadratic patterns took minutes on these; linear ones take milliseconds (generous bound for busy CI)
    assert time.perf_counter() - started < 5
    assert all(i.target is None or i.target < 1e12 for t in proposal.plan.walk_tasks() for i in t.indicators)
