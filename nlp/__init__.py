"""partyfacts.nlp: Vietnamese party and government news → persons, roles, places, organizations,
figures and dates with character spans (the contract in docs/FACTS.md). A pure library."""
from .extract import PIPELINE_VERSION, extract
from .types import (AdminUnitRef, DateMention, Extraction, Figure, Organization, Person, Place,
                    Role)

__all__ = ["extract", "PIPELINE_VERSION", "Extraction", "Person", "Role", "Place", "AdminUnitRef",
           "Organization", "Figure", "DateMention"]
