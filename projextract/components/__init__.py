"""Registers every projextract factory with spaCy (imported by the `spacy_factories` entry points)."""

from . import extensions  # noqa: F401  (Doc/Span attributes first)
from .attributes import MoneyValues, ZoneAttributes
from .entity_rules import EntityRules
from .events import Dates, Events
from .officials import Officials
from .rule_features import RuleFeatures

__all__ = ["Dates", "EntityRules", "Events", "MoneyValues", "Officials", "RuleFeatures", "ZoneAttributes"]
