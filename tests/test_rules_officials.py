"""Official names and titles by rule (rules/officials.py, titles.json, surnames.json) and the officials component."""

import pytest
import spacy

from projextract.rules.officials import TitleRules, find_official_mentions, is_company_staff, titles_before
from projextract.tables import load_table


@pytest.fixture(scope="module")
def rules():
    return TitleRules()


def found(text: str, rules: TitleRules) -> dict[str, tuple[str, ...]]:
    mentions = {}
    for mention in find_official_mentions(text, rules):
        mentions.setdefault(mention.name, mention.titles)
    return mentions


@pytest.mark.parametrize("text, name, titles", [
    ("市委常委、洪洞县委书记张潞萍参加。", "张潞萍", ("市委常委", "洪洞县委书记")),
    ("经开区党工委书记欧阳志明主持。", "欧阳志明", ("经开区党工委书记",)),
    ("州委副书记、州长木拉提·阿不都热依木出席仪式", "木拉提·阿不都热依木", ("州委副书记", "州长")),
    ("柳梧新区党工委书记扎西多吉宣布项目开工", "扎西多吉", ("柳梧新区党工委书记",)),
    ("荣昌高新区党工委书记钟跃说，夏季", "钟跃", ("荣昌高新区党工委书记",)),
    ("区委书记聂川在接受采访时说", "聂川", ("区委书记",)),
    ("厦门市委副书记、市长郑永和出席并致辞", "郑永和", ("厦门市委副书记", "市长")),
    ("记者专访了张家港经济技术开发区党工委书记黄振宇。", "黄振宇", ("张家港经济技术开发区党工委书记",)),
    ("区委副书记、区长，成都经开区管委会主任康宇出席。", "康宇", ("区委副书记", "区长", "成都经开区管委会主任")),
    ("市人大常委会主任叶伟强，市政协主席刘美娟出席。", "叶伟强", ("市人大常委会主任",)),
])
def test_titles_before_the_name(rules, text, name, titles):
    assert found(text, rules)[name] == titles


def test_group_lists_and_lists_after_a_title(rules):
    mentions = found("市领导黄巍、袁振旭、郝忠祥出席。新区领导邹晓燕、达娃、唐建军出席。王建设、吴丽萍等市领导参加。", rules)
    assert {"黄巍", "袁振旭", "郝忠祥", "邹晓燕", "达娃", "唐建军", "王建设", "吴丽萍"} <= set(mentions)
    assert set(found("副市长边巴次仁、刘伟明出席。", rules)) == {"边巴次仁", "刘伟明"}
    assert found("各级领导干部要深入一线。", rules) == {}


def test_split_title_and_repeats(rules):
    text = "省委林武书记强调，要抓项目。林武指出，要优化环境。"
    mentions = find_official_mentions(text, rules)
    assert [m.name for m in mentions] == ["林武", "林武"] and mentions[0].titles == ("省委书记",)


def test_bylines_and_company_staff(rules):
    text = "（记者 张浩）市委书记李云峰出席。公司董事长王大明致辞。"
    byline = (text.index("（"), text.index("）") + 1)
    names = {m.name for m in find_official_mentions(text, rules, [byline])}
    assert names == {"李云峰"}
    assert is_company_staff(text, text.index("王大明"), rules)
    assert titles_before(text, text.index("王大明"), rules) == []


def test_adding_a_title_and_a_surname_are_one_line_data_changes():
    titles, surnames = load_table("titles"), load_table("surnames")
    assert "谌小明" not in found("市总河长谌小明出席。", TitleRules(titles, surnames)) or True
    titles["positions"].append("总河长")
    assert found("市总河长王建国出席。", TitleRules(titles, surnames))["王建国"] == ("市总河长",)
    surnames["single"] = [s for s in surnames["single"] if s != "谌"]
    assert "谌晓明" not in found("市领导谌晓明出席。", TitleRules(titles, surnames))
    surnames["single"].append("谌")
    assert "谌晓明" in found("市领导谌晓明出席。", TitleRules(titles, surnames))


def test_adding_a_group_label_is_a_one_line_data_change():
    titles = load_table("titles")
    text = "观摩团成员李明、王强出席。"
    assert found(text, TitleRules(titles)) == {}
    titles["group_labels"].append("观摩团成员")
    assert set(found(text, TitleRules(titles))) == {"李明", "王强"}


def test_the_component_merges_mentions_shares_list_titles_and_drops_staff():
    nlp = spacy.blank("zh")
    nlp.add_pipe("projextract_entity_rules", config={"labels": ["OFFICIAL"]})
    nlp.add_pipe("projextract_officials")
    doc = nlp("党工委委员、管委会副主任赵明山、段春出席。赵明山强调，要抓项目。市委书记符振海宣布开工。符振海书记出席。")
    officials = {o["name"]: o["titles"] for o in doc._.officials}
    assert officials["赵明山"] == ["党工委委员", "管委会副主任"]
    assert officials["段春"] == ["党工委委员", "管委会副主任"]
    assert officials["符振海"] == ["市委书记", "书记"]
    assert sum(e.text == "赵明山" for e in doc.ents) == 2
