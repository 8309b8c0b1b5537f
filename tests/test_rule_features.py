"""projextract_rule_features: zone candidates and project heads as TAG features, on the normalized text."""

import spacy

from projextract.components.rule_features import RuleFeatures


def _nlp():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "projextract.NormalizingTokenizer.v1"}}})
    nlp.add_pipe("projextract_rule_features")
    return nlp


def _tags(doc) -> str:
    return "".join({"": ".", "ZB": "B", "ZI": "I", "ZE": "E", "PH": "H"}[t.tag_] for t in doc)


def test_marks_zone_candidates_and_project_heads():
    doc = _nlp()("5日，甘肃兰州新区举行年产5万吨材料项目开工仪式")
    assert _tags(doc) == "...BIIIIE" + "." * 9 + "HH" + "...."


def test_features_follow_the_normalized_text():
    doc = _nlp()("蘭(lán)州新區(qū)的項目")
    assert doc.text == "兰州新区的项目"
    assert _tags(doc) == "BIIE.HH"


def test_empty_doc_and_table_round_trip():
    nlp = _nlp()
    assert len(nlp("")) == 0
    features = nlp.get_pipe("projextract_rule_features")
    features.add_entries("project_heads", "heads", ["枢纽"])
    restored = RuleFeatures(nlp, "copy").from_bytes(features.to_bytes())
    marks = restored.features("物流枢纽")
    assert list(marks[:4]) == [0, 0, 4, 4]
