"""Places, stage 2: the mention finder, its three passes in one object (``find_places`` runs them:
anchored, parents, bare, parents again)."""
from __future__ import annotations

from .anchored import AnchoredPass
from .bare import BarePass
from .mentions import Mention, levels_for_type
from .parents import ParentsPass

__all__ = ["Finder", "Mention", "levels_for_type"]


class Finder(AnchoredPass, ParentsPass, BarePass):
    """Finds every place mention of one article (``mentions``), pass by pass."""
