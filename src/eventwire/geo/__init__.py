"""Offline geocoding: a compiled gazetteer and a resolver that picks the place a name means."""
from eventwire.geo.gazetteer import Candidate, Gazetteer, load_gazetteer
from eventwire.geo.resolve import PlaceMention, PlaceResolver, best_specific, resolve_places

__all__ = ["Candidate", "Gazetteer", "load_gazetteer", "PlaceMention", "PlaceResolver",
           "best_specific", "resolve_places"]
