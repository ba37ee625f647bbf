"""partyfacts.nlp: Vietnamese party and government news → persons, roles, places, organizations,
figures and dates with character spans (the contract in docs/FACTS.md). A pure library: it reads
no environment variables; what it is told comes in as arguments.

    import partyfacts.nlp as nlp
    ex = nlp.extract(text)                              # the whole pipeline
    ex = nlp.extract(text, disable=["people.model"])    # without the learned person-name model
    ex = nlp.extract(text, max_chars=500_000)           # nlp.TextTooLong for a longer text
    nlp.component_names()                               # the pipeline's components, in run order
    nlp.PIPELINE_VERSION, nlp.pipeline_version(disable=["people.model"])
"""
from . import stages  # noqa: F401 (registers the standard pipeline's components)
from .extract import TextTooLong, extract
from .pipeline import component_names, components, pipeline_version
from .types import (AdminUnitRef, DateMention, Extraction, Figure, Organization, Person, Place,
                    Role)

__all__ = ["extract", "TextTooLong", "PIPELINE_VERSION", "pipeline_version", "components", "component_names",
           "Extraction", "Person", "Role", "Place", "AdminUnitRef", "Organization", "Figure",
           "DateMention"]


def __getattr__(name: str) -> str:
    if name == "PIPELINE_VERSION":   # the default pipeline's version: a digest, computed on first use
        return pipeline_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
