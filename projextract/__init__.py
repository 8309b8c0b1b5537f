"""projextract: investment-project facts from Chinese government and business news."""

from .api import ParseError, decode, parse, parse_many
from .article import Article, Event, Official, Span
from .pipeline import load

__all__ = ["Article", "Event", "Official", "ParseError", "Span", "decode", "load", "parse", "parse_many"]
__version__ = "0.1.0"
