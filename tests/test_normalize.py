import opencc
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from projextract.alignment import Alignment, EditBuilder
from projextract.mojibake import find_repairs
from projextract.normalize import normalize


def test_gloss_removed_and_span_ending_on_glossed_character_includes_gloss():
    raw = "臨汾經(jīng)濟開發(fā)區(qū)舉行"
    result = normalize(raw)
    assert result.text == "临汾经济开发区举行"
    start, end = result.to_raw(0, 7)
    assert raw[start:end] == "臨汾經(jīng)濟開發(fā)區(qū)"


def test_raw_span_maps_back_to_the_same_normalized_characters():
    raw = "韋衛(wèi)寧(níng)出席"
    result = normalize(raw)
    assert result.alignment.to_normalized(0, raw.index("出")) == (0, 3)


def test_doubled_and_stray_punctuation_collapse():
    assert normalize("發展,,促進").text == "发展，促进"
    assert normalize("堵點,、痛點").text == "堵点、痛点"
    assert normalize("完成,。下一步").text == "完成。下一步"


def test_full_width_digits_fold_to_ascii_without_moving_offsets():
    raw = "总投资１２亿元"
    result = normalize(raw)
    assert result.text == "总投资12亿元"
    assert result.to_raw(3, 7) == (3, 7)


def test_line_breaks_between_marks_are_kept():
    assert normalize("第一段。\n。第二段").text.count("\n") == 1


def test_mojibake_runs_are_repaired_and_reported():
    raw = "“三個一批”活動?;顒右砸曨l連線方式舉行"
    result = normalize(raw)
    assert "活动以视频连线" in result.text
    assert result.repairs[0].garbled == "?;顒右砸曨l"
    assert raw[result.repairs[0].start:result.repairs[0].end] == "?;顒右砸曨l"
    raw2 = "辦理工作,確??⒐ね懂a(chǎn)"
    repaired = normalize(raw2)
    assert "工投产" in repaired.text
    # the repaired 產 carries its gloss: its raw range ends after (chǎn)
    position = repaired.text.index("产")
    start, end = repaired.to_raw(position, position + 1)
    assert raw2[start:end] == "懂a(chǎn)"


def test_unrecoverable_orphan_becomes_unknown_characters():
    result = normalize("的項目??h級層面要立足")
    assert "\ufffd" in result.text and "级层面" in result.text


def test_plain_question_marks_are_not_repaired():
    assert find_repairs("這是什麼?") == []
    assert find_repairs("請問?好的") == []


def test_bylines_and_editor_lines_are_furniture():
    result = normalize("本报讯（记者 任晓燕 通讯员 冯亮）4月9日上午，活动举行。\n责任编辑：吴佳琪")
    kinds = {result.text[f.start:f.end]: f.kind for f in result.furniture}
    assert any("任晓燕" in text and kind == "byline" for text, kind in kinds.items())
    assert any("吴佳琪" in text for text in kinds)


def test_edit_builder_deletion_at_start_joins_next_character():
    builder = EditBuilder("(x)中文")
    builder.delete(0, 3)
    text, alignment = builder.finish()
    assert text == "中文" and alignment.to_raw(0, 1) == (0, 4)


def test_alignment_compose_chains_two_edits():
    outer = Alignment((0, 2), (2, 3), 3)  # "ab" <- "aXb" with X joined to a
    inner = Alignment((0,), (2,), 2)  # "c" <- "ab"
    assert outer.compose(inner).to_raw(0, 1) == (0, 3)


# --- property: random clean text + random noise; every span maps back to its own raw characters ---
_S2T = opencc.OpenCC("s2t")
HANZI = "项目开工签约投产经济开发区临汾市委书记总投资亿元建设新能源产业园区发展会议举行"
PUNCT = "，。、；"


@st.composite
def noisy_article(draw):
    clean = draw(st.lists(st.sampled_from(HANZI + PUNCT), min_size=1, max_size=60))
    raw_parts, ranges, position = [], [], 0
    previous = ""
    for ch in clean:
        if ch in PUNCT and (not previous or previous in PUNCT):
            continue  # keep the clean text free of doubled marks: doubling is the noise
        piece = ch
        if ch in HANZI and draw(st.booleans()):
            piece = _S2T.convert(ch) if len(_S2T.convert(ch)) == 1 else ch
        if ch in HANZI and draw(st.integers(0, 3)) == 0:
            piece += "(" + draw(st.sampled_from(["xiàng", "mù", "kāi", "gōng", "qū"])) + ")"
        if ch in "，、" and draw(st.integers(0, 3)) == 0:
            piece += ","
        raw_parts.append(piece)
        ranges.append((position, position + len(piece)))
        position += len(piece)
        previous = ch
    return "".join(raw_parts), ranges, clean


@settings(max_examples=150, deadline=None)
@given(noisy_article(), st.data())
def test_property_every_span_maps_to_its_raw_characters(article, data):
    raw, ranges, _ = article
    assume(ranges)
    result = normalize(raw)
    assert len(result.text) == len(ranges)
    starts, ends = result.alignment.starts, result.alignment.ends
    assert list(starts) == sorted(starts) and list(ends) == sorted(ends)
    i = data.draw(st.integers(0, len(ranges) - 1))
    j = data.draw(st.integers(i + 1, len(ranges)))
    start, end = result.to_raw(i, j)
    assert raw[start:end] == raw[ranges[i][0]:ranges[j - 1][1]]
