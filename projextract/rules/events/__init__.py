"""Signing / groundbreaking / commissioning events from tagged text (ANNOTATION.md, Events).

Works on the normalized text with its entities (MONEY with `span._.money`, ZONE, PROJECT) and
resolved time expressions. Every word list is data (`triggers.json`, `planned_cues.json`); the
shapes of a batch (`签约项目18个`, `等6个项目投产`, `与3家企业签订`) and of the text (sentences,
clauses, paragraphs) are here.

The outline:
- triggers: trigger words that are not exhortations (`确保项目早开工`), rates (`开工率`) or
  conditions (`投产后`);
- batches: a trigger with a count in its clause (count >= 2; not a breakdown, not a goal, not a
  total over several types);
- named projects: the projects in a trigger's clause; else the project the sentence is about
  (named earlier in the sentence, or referred back to: `该项目…开工`, `基地计划…投产`, `主会场项目`);
  projects under a section head (`签约项目中，A…；B…`) or a list head (`计划新开工项目：` + `1.A…`);
  the project at the ceremony's main venue;
- arguments: a project's zone and investment are the project's own, wherever the article gives
  them; a batch's zone is its subject zone; otherwise the zone the article is about (a zone that
  holds the ceremony or meeting as its subject, never a venue); the date is the clause's date, else
  the date the paragraph is about (a date opening a clause frames what follows), else the lead's
  date; planned is a cue before the trigger or a date after the article's.

One job a module, so each rule can be read beside the few it depends on: `tables` (the compiled word
lists), `context` (entities and dates indexed by position), `structure` (segments, lead, triggers, mentions),
`dating` (date and planned), `arguments` (zones and investments), `batches` and `named` (the two kinds of
event), `extractor` (`extract_events`, which runs them in order). The extractor is one class made of the
modules' mixins, so every rule reads the one article's state without passing it around.
"""

from .context import Entity, EventContext
from .extractor import extract_events
from .tables import EventRules

__all__ = ["Entity", "EventContext", "EventRules", "extract_events"]
