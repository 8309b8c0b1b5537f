"""Zone attributes (components/attributes.py ZoneAttributes, zone_suffixes.json)."""

import spacy


def zones(nlp, text, spans):
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(text.index(s), text.index(s) + len(s), label="ZONE") for s in spans]
    return {e.text: e._.zone for e in nlp.get_pipe("projextract_zones")(doc).ents}


def test_canonical_type_parent_and_stem():
    nlp = spacy.blank("zh")
    nlp.add_pipe("projextract_zones")
    found = zones(nlp, "分会场设在临汾经济开发区甘亭工业园区，惠州大亚湾经济技术开发区",
                  ["临汾经济开发区", "甘亭工业园区", "惠州大亚湾经济技术开发区"])
    assert found["甘亭工业园区"] == {"canonical": "甘亭工业园区", "type": "industrial_park", "parent": "临汾经济开发区",
                                 "stem": "甘亭"}
    assert found["临汾经济开发区"]["parent"] is None
    assert found["惠州大亚湾经济技术开发区"]["type"] == "economic_technological_development_zone"
    assert found["惠州大亚湾经济技术开发区"]["stem"] == "惠州大亚湾"


def test_adding_a_zone_suffix_is_a_one_line_data_change():
    nlp = spacy.blank("zh")
    pipe = nlp.add_pipe("projextract_zones")
    assert zones(nlp, "海口江东数字港", ["海口江东数字港"])["海口江东数字港"]["type"] is None
    pipe.tables["zone_suffixes"]["suffixes"]["数字港"] = "digital_port"
    pipe._compile()
    assert zones(nlp, "海口江东数字港", ["海口江东数字港"])["海口江东数字港"]["type"] == "digital_port"


def test_zone_names_need_a_place_prefix_without_generic_words():
    from projextract.rules.zones_projects import ZoneRules

    rules = ZoneRules()
    assert rules.is_zone_name("临汾经济开发区") and rules.is_zone_name("经开北区")
    assert rules.is_zone_name("中国（云南）自由贸易试验区红河片区")
    for generic in ("开发区", "各开发区", "国家级高新区", "县域产业园区", "——杨凌示范区", "推动开发区"):
        assert not rules.is_zone_name(generic), generic
