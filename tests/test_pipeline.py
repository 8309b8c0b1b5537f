import subprocess
import sys

import spacy
from spacy.training import Example

import projextract
from projextract.evaluate import score_records

TEXT = ("4月9日上午，祁县经济开发区昌源工业园区晋融新材料年产3万吨特种玻璃纤维项目开工。市委常委、常务副市长范志刚出席，"
        "县委书记郭建伟致辞。此次活动共签约项目12个，总投资86.3亿元。记者 任晓燕 摄")


def _result(nlp):
    doc = nlp(TEXT)
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents], doc._.events, doc._.officials


def test_components_run_on_a_blank_chinese_pipeline():
    nlp = spacy.blank("zh")
    for name in ("projextract_entity_rules", "projextract_money", "projextract_zones", "projextract_officials",
                 "projextract_dates", "projextract_events"):
        nlp.add_pipe(name)
    doc = nlp(TEXT)
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("86.3亿元", "MONEY") in labels and ("范志刚", "OFFICIAL") in labels
    assert ("祁县经济开发区", "ZONE") in labels and ("昌源工业园区", "ZONE") in labels
    money = next(e for e in doc.ents if e.label_ == "MONEY")
    assert money._.money["value"] == 8630000000 and money._.money["role"] == "total"
    assert {"name": "范志刚", "titles": ["市委常委", "常务副市长"]} in [
        {"name": o["name"], "titles": o["titles"]} for o in doc._.officials]
    assert "任晓燕" not in {o["name"] for o in doc._.officials}


def test_whole_pipeline_round_trips_to_disk_and_bytes(nlp, tmp_path):
    nlp.to_disk(tmp_path / "model")
    reloaded = spacy.load(tmp_path / "model")
    assert _result(reloaded) == _result(nlp)
    fresh = spacy.blank("zh", config=nlp.config)
    fresh.from_bytes(nlp.to_bytes())
    assert _result(fresh) == _result(nlp)


def test_saved_pipeline_loads_in_a_fresh_process_through_entry_points(nlp, tmp_path):
    nlp.to_disk(tmp_path / "model")
    code = (f"import spacy; nlp = spacy.load({str(tmp_path / 'model')!r}); "
            "doc = nlp('县委书记郭建伟出席。'); print([e.text for e in doc.ents])")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "郭建伟" in output


def test_adding_a_trigger_word_is_a_data_change_that_travels_with_the_model(tmp_path):
    nlp = spacy.blank("zh")
    nlp.add_pipe("projextract_entity_rules")
    nlp.add_pipe("projextract_money")
    nlp.add_pipe("projextract_dates")
    events = nlp.add_pipe("projextract_events")
    text = "当天共揭牌5个项目，总投资12亿元。"
    assert nlp(text)._.events == []
    events.add_entries("triggers", "groundbreaking", ["揭牌"])
    assert nlp(text)._.events[0]["count"] == 5
    nlp.to_disk(tmp_path / "model")
    assert spacy.load(tmp_path / "model")(text)._.events[0]["type"] == "groundbreaking"


def test_adding_a_title_is_a_data_change():
    nlp = spacy.blank("zh")
    nlp.add_pipe("projextract_entity_rules")
    officials = nlp.add_pipe("projextract_officials")
    text = "市总河长王建国出席。"
    officials.add_entries("titles", "positions", ["总河长"])
    nlp.get_pipe("projextract_entity_rules").add_entries("titles", "positions", ["总河长"])
    assert nlp(text)._.officials[0]["titles"] == ["市总河长"]


def test_component_scores_use_reference_annotations(nlp):
    doc = nlp(TEXT)
    reference = nlp.make_doc(TEXT)
    reference.ents = [reference.char_span(s, e, label=lbl) for s, e, lbl in
                      [(e.start_char, e.end_char, e.label_) for e in doc.ents]]
    reference.user_data["gold"] = {"events": doc._.events, "officials": doc._.officials}
    example = Example(doc, reference)
    assert nlp.get_pipe("projextract_entity_rules").score([example])["ents_f"] == 1.0
    assert nlp.get_pipe("projextract_events").score([example])["events_f"] == 1.0
    assert nlp.get_pipe("projextract_officials").score([example])["officials_f"] == 1.0


def test_evaluate_scores_the_worked_examples(examples):
    predicted = [projextract.parse(r["text"], published=r["meta"]["published"]).to_dict() for r in examples]
    scores = score_records(examples, predicted)
    assert scores["articles"] == 3
    assert scores["spans"]["MONEY"]["f"] == 1.0
    perfect = score_records(examples, examples)
    assert perfect["spans"]["micro"]["f"] == 1.0 and perfect["events"]["f"] == 1.0
    assert perfect["events"]["arguments"] == {"zone": 1.0, "investment": 1.0, "date": 1.0}
    assert perfect["officials"]["title_accuracy"] == 1.0


def test_zone_forms_that_score_as_the_same_zone():
    from projextract.evaluate import same_zone

    assert same_zone("宣城经开区", "宣城经济技术开发区")
    assert same_zone("贵安新区", "贵州贵安新区")
    assert same_zone("梧州高新區", "梧州高新技术产业开发区")
    assert not same_zone("新区", "贵州贵安新区")
    assert not same_zone("临汾经济开发区", "侯马经济开发区")
    assert same_zone(None, None) and not same_zone("临汾经济开发区", None)


def test_fast_entity_and_text_access_agree_with_spacy(nlp, seeds):
    from projextract.entities import entity_spans
    from projextract.tokenizer import doc_text

    for doc in nlp.pipe(list(seeds.values())):
        assert [(e.start, e.end, e.label_) for e in entity_spans(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
        assert doc_text(doc) == doc.text
    blank = spacy.blank("zh")("没有归一化状态的文本")
    assert doc_text(blank) == blank.text and entity_spans(blank) == []
