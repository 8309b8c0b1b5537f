"""Where things are in the article: its sentences, clauses and paragraphs, the lead, the triggers and the
projects named or referred back to; every later rule reads these, never the raw text's layout.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .context import _Index, _Mention, _Trigger
from .tables import KINDS


class _Structure:
    """A part of `_Extractor` (extractor.py); its `__init__` sets the article state read here."""

    def sentence_of(self, position: int) -> tuple[int, int]:
        index = max(0, bisect_right(self.sentence_starts, position) - 1)
        return self.sentences[index] if self.sentences else (0, 0)

    def clause_of(self, position: int) -> tuple[int, int]:
        index = max(0, bisect_right(self.clause_starts, position) - 1)
        return self.clauses[index] if self.clauses else (0, 0)

    def paragraph_of(self, position: int) -> tuple[int, int]:
        index = max(0, bisect_right(self.paragraph_starts, position) - 1)
        return self.paragraphs[index] if self.paragraphs else (0, 0)

    def clauses_in(self, start: int, end: int) -> list[tuple[int, int]]:
        return self.clauses[bisect_left(self.clause_starts, start):bisect_left(self.clause_starts, end)]

    def _find_lead(self) -> tuple[int, tuple[int, int]]:
        """The body starts at the first paragraph of full sentences (a 。, 30 characters or more); a long line of
        clauses without one (a subtitle) does only when no such paragraph comes. The lead is the body's first
        sentence, or the one after it when the first sets a scene (龙年开春，项目建设热潮涌动。2月20日…)."""
        fallback = None
        for start, end in self.paragraphs:
            stripped = "".join(ch for i, ch in enumerate(self.text[start:end], start)
                               if not self.c._furniture_at[i] and not ch.isspace())
            if len(stripped) >= 30 and "。" in stripped:
                return start, self._lead_sentence(start, end)
            if fallback is None and len(stripped) >= 60 and re.search(r"[，,；]", stripped):
                fallback = (start, end)
        if fallback is not None:
            return fallback[0], self._lead_sentence(*fallback)
        return 0, (0, 0)

    def _lead_sentence(self, start: int, end: int) -> tuple[int, int]:
        sentences = [(s, e) for s, e in self.sentences[bisect_left(self.sentence_starts, start):bisect_left(
            self.sentence_starts, end)] if not self.c.in_furniture(s, e) and len(self.text[s:e].strip()) > 4]
        if not sentences:
            return start, end
        first = sentences[0]
        if len(sentences) > 1 and not self.c.date_index.between(*first) and not self.zones.between(*first) \
                and len(self.text[first[0]:first[1]].strip()) < 30:
            return sentences[1]
        return first

    # ---- triggers
    def _triggers(self) -> list[_Trigger]:
        text, found = self.text, []
        contract_words, contract_objects = self.r.contract
        for match in self.r.trigger_pattern.finditer(text):
            start, end, word = match.start(), match.end(), match.group()
            if self.c.in_furniture(start, end) or self.c.inside_entity(start):
                continue
            if self.r.exclusion_before.search(text, max(0, start - 8), start):
                continue
            if self.r.exclusion_after.match(text, end):
                continue
            clause = self.clause_of(start)
            if word in contract_words and not contract_objects.search(text, end, clause[1]):
                continue
            found.append(_Trigger(start, end, self.r.type_of[word], word, self.sentence_of(start), clause))
        return found

    # ---- projects
    def _venue(self) -> tuple[str | None, list[str]]:
        """The project at the ceremony's main venue and the ceremony's type(s); every venue project is kept
        in `self.venues` (分会场设在…A现场, 在A设分会场)."""
        cue_pattern, site = self.r.venue
        start = self.body_start
        end = self.paragraphs[bisect_right(self.paragraph_starts, start) - 1][1] if self.paragraphs else 0
        end = max(end, min(len(self.text), start + 600))
        head = self.text[:end]
        kinds = [kind for kind in KINDS if self.r.ceremony[kind].search(head)]
        if len(kinds) > 1:
            kinds = ["groundbreaking"] if re.search(r"宣布[^，。]{0,4}开工", head) else []
        self.venues: list[tuple[str, list[str]]] = []
        main = None
        for cue in cue_pattern.finditer(self.text):
            clause = self.clause_of(cue.start())
            projects = [p for p in self.projects.between(cue.end(), clause[1]) if p.end <= clause[1]]
            if not projects or self.c.in_furniture(cue.start(), cue.end()):
                continue
            project = projects[0]
            own = ["groundbreaking"] if site.search(self.text, project.end, min(clause[1], project.end + 8)) else kinds
            self.venues.append((project.text, own[:1]))
            if main is None and cue.group().startswith("主"):
                main = (project.text, own[:1])
        for cue in self.r.venue_after.finditer(self.text):
            project = self.projects.last_before(cue.start(), max(0, cue.start() - 4))
            if project is not None and project.end >= cue.start() - 2 and not self.c.in_furniture(cue.start(), cue.end()):
                self.venues.append((project.text, kinds[:1]))
        return main if main else (None, [])

    def _mentions(self) -> list[_Mention]:
        mentions = [_Mention(p.start, p.end, p.text, True) for p in self.projects.items
                    if not self.c.in_furniture(p.start, p.end)]
        index = _Index(mentions)
        for clause_start, clause_end in self.clauses:
            head = self.text[clause_start:clause_end].lstrip()
            offset = clause_start + (clause_end - clause_start - len(head))
            match = self.r.anaphor.match(self.text, offset, clause_end)
            if not match or self.c.inside_entity(offset) or self.c.in_furniture(offset, match.end()):
                continue
            if match.group("venue"):
                if self.venue_project:
                    mentions.append(_Mention(offset, match.end(), self.venue_project, False))
                continue
            paragraph = self.paragraph_of(offset)
            previous = self.paragraphs[max(0, bisect_right(self.paragraph_starts, offset) - 2)]
            topic = index.last_before(offset, min(previous[0], paragraph[0]))
            if topic is None:
                continue
            head_word = match.group("head") or match.group("bare")
            if match.group("bare") and head_word not in self.r.bare_anaphors and not topic.project.endswith(head_word):
                continue
            # a bare head followed by more name (项目建设, 工程机械) is not a reference; nor a clause naming its own
            if match.group("bare") and self.projects.between(offset, clause_end):
                continue
            mentions.append(_Mention(offset, match.end(), topic.project, False))
        return mentions
