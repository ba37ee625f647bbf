"""Persons, roles and organizations: the people stages of the pipeline.

    tokens.py   the people tokenizer ("people.tokens")
    model.py    the learned person-name classifier ("people.model"); train.py builds its weights
    names.py    personal-name mentions (rules, and the model where no cue decides)
    article.py  "people.names" (mentions grouped per person) and "people.roles" (positions, orgs)
    roles.py    title chains; orgs.py organization names; lexicon.py the people word lists
"""
from .article import find_names, find_people, find_roles
from .tokens import tokenize

__all__ = ["find_people", "find_names", "find_roles", "tokenize"]
