"""Event rules on small inline fixtures: entities are given (`[[P:…]]` markup), the rule components run on them."""

import re

import pytest
import spacy

RULE_COMPONENTS = ("projextract_money", "projextract_zones", "projextract_officials", "projextract_dates",
                   "projextract_events")
LABELS = {"M": "MONEY", "P": "PROJECT", "Z": "ZONE", "O": "OFFICIAL"}


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("zh")
    for name in RULE_COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def run(nlp, marked: str, published: str | None = "2025-02-07"):
    """Events of `marked` (entities as [[P:…]] / [[Z:…]] / [[M:…]] / [[O:…]]) published on `published`."""
    text, spans, position = "", [], 0
    for match in re.finditer(r"\[\[([MPZO]):(.+?)\]\]", marked):
        text += marked[position:match.start()]
        spans.append((len(text), len(text) + len(match.group(2)), LABELS[match.group(1)]))
        text += match.group(2)
        position = match.end()
    text += marked[position:]
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(a, b, label=label) for a, b, label in spans]
    doc._.published = published
    for name in RULE_COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    return doc._.events


def named(events, kind=None):
    return {e["project"]: e for e in events if e["project"] and (kind is None or e["type"] == kind)}


def batches(events):
    return {(e["type"], e["count"]): e for e in events if e["project"] is None}


def test_counted_batch_with_its_total_investment(nlp):
    events = run(nlp, "2月6日，全市“三个一批”活动举行。集中签约项目18个，总投资[[M:99.96亿元]]；集中开工项目16个，"
                      "总投资[[M:59.01亿元]]，年度计划投资[[M:20亿元]]。")
    assert batches(events)[("signing", 18)]["investment"] == 9996000000
    started = batches(events)[("groundbreaking", 16)]
    assert started["investment"] == 5901000000 and started["date"] == "2025-02-06" and not started["planned"]


def test_listed_projects_give_one_event_each(nlp):
    events = run(nlp, "3月1日，[[P:年产5000吨酥梨饮品项目]]、[[P:智慧冷链物流园]]和[[P:污水处理厂扩建工程]]等项目集中开工。")
    assert set(named(events, "groundbreaking")) == {"年产5000吨酥梨饮品项目", "智慧冷链物流园", "污水处理厂扩建工程"}


def test_signed_and_started_the_same_day_gives_two_events(nlp):
    events = run(nlp, "2月6日，[[P:高纯氧化铝新材料生产线]]总投资[[M:8.6亿元]]，当天签约、当天开工。")
    assert named(events, "signing")["高纯氧化铝新材料生产线"]["investment"] == 860000000
    assert named(events, "groundbreaking")["高纯氧化铝新材料生产线"]["date"] == "2025-02-06"


def test_exhortations_goals_and_planning_are_not_events(nlp):
    text = "要确保项目早开工，力争开复工率达到90%。全市谋划项目1031个，储备项目开工一批。力争新签约项目100个以上。"
    assert run(nlp, text) == []


def test_a_total_over_several_types_gives_no_batch(nlp):
    assert run(nlp, "本次签约、开工、投产项目41个，总投资[[M:156.8亿元]]。") == []


def test_planned_event_with_a_future_date(nlp):
    events = run(nlp, "[[P:恒力年产2万台精密减速机生产线]]总投资[[M:3.6亿元]]，一期计划明年3月开工。")
    event = named(events, "groundbreaking")["恒力年产2万台精密减速机生产线"]
    assert event["planned"] and event["date"] == "2026-03" and event["investment"] == 360000000


def test_output_value_is_not_investment(nlp):
    events = run(nlp, "4月9日，[[P:晋融新材料项目]]开工，达产后年产值[[M:20亿元]]。")
    assert named(events)["晋融新材料项目"]["investment"] is None


def test_zone_written_before_the_project_and_the_article_zone(nlp):
    text = ("[[Z:长春新区]]举行“三个一批”活动\n4月11日上午，[[Z:长春新区]]2023年第二季度活动举行。"
            "[[Z:长春北湖科技开发区]][[P:激光芯片产业化基地]]开工。与其同日开工的还有[[P:冷链物流园(一期)]]等项目。"
            "本次活动共签约项目21个，总投资[[M:168.4亿元]]。")
    events = run(nlp, text, published="2023-04-12")
    assert named(events)["激光芯片产业化基地"]["zone"] == "长春北湖科技开发区"
    assert named(events)["冷链物流园(一期)"]["zone"] == "长春新区"
    assert batches(events)[("signing", 21)]["zone"] == "长春新区"


def test_a_venue_gives_no_zone(nlp):
    text = "3月21日上午，霸州市集中开工仪式在[[Z:霸州经济开发区]]举行。此次集中开工项目12个，总投资[[M:46.8亿元]]。"
    assert batches(run(nlp, text, published="2024-03-22"))[("groundbreaking", 12)]["zone"] is None


def test_section_head_gives_its_type_to_the_projects_after_it(nlp):
    text = "5月19日，活动举行。签约项目中，[[P:环保装备产业园(三期)]]总投资[[M:15亿元]]；[[P:智能装备基地]]总投资[[M:8亿元]]。"
    events = run(nlp, text, published="2021-05-20")
    assert named(events, "signing")["智能装备基地"]["investment"] == 800000000


def test_dates_of_a_review_article(nlp):
    text = ("2024年，开发区全年签约招商引资项目48个。[[P:塔河乙烯项目]]于5月开工，总投资[[M:98亿元]]。"
            "去年签约的41个项目中，今年已有29个开工。")
    events = run(nlp, text, published="2025-01-08")
    assert named(events)["塔河乙烯项目"]["date"] == "2024-05" and not named(events)["塔河乙烯项目"]["planned"]
    assert batches(events)[("signing", 41)]["date"] == "2024"
    assert batches(events)[("groundbreaking", 29)]["date"] == "2025"


def test_anaphora_carries_the_project(nlp):
    text = "记者走进[[P:绿源氢能装备产业园]]。该项目去年11月签约，今年1月开工，总投资[[M:22亿元]]。"
    events = run(nlp, text, published="2025-05-16")
    assert named(events, "signing")["绿源氢能装备产业园"]["date"] == "2024-11"
    assert named(events, "groundbreaking")["绿源氢能装备产业园"]["investment"] == 2200000000


def test_adding_a_trigger_word_is_a_one_line_data_change(nlp):
    text = "6月1日，[[P:大数据中心]]揭牌运营。"
    assert run(nlp, text) == []
    events_pipe = nlp.get_pipe("projextract_events")
    events_pipe.add_entries("triggers", "commissioning", ["揭牌运营"])
    try:
        assert named(run(nlp, text), "commissioning")["大数据中心"]["date"] == "2025-06-01"
    finally:
        events_pipe.tables["triggers"]["commissioning"].remove("揭牌运营")
        events_pipe._compile()


def test_adding_a_planned_cue_is_a_one_line_data_change(nlp):
    text = "6月1日，[[P:大数据中心]]预定开工。"
    assert not named(run(nlp, text, published="2025-08-01"))["大数据中心"]["planned"]
    events_pipe = nlp.get_pipe("projextract_events")
    events_pipe.add_entries("planned_cues", "cues", ["预定"])
    try:
        assert named(run(nlp, text, published="2025-08-01"))["大数据中心"]["planned"]
    finally:
        events_pipe.tables["planned_cues"]["cues"].remove("预定")
        events_pipe._compile()


def test_a_long_article_stays_fast(nlp):
    import time

    text = "签约项目" * 20000 + "。" + "市领导王建国、" * 2000
    start = time.perf_counter()
    run(nlp, text)
    assert time.perf_counter() - start < 10
