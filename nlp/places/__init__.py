"""Places: named countries, regions, provinces, districts, communes and villages in an article,
each resolved against the administrative-unit gazetteer (type, province, GSO code, 2025 successor).

How a place is found (rules of the language and the genre, not of particular articles):
1. A unit word and the capitalised name after it: "xã Thanh Trù", "TP. Buôn Ma Thuột", "Phường 5",
   "thôn Lô Lô Chải", also inside organisation names ("UBND xã Vũ Lễ", "Huyện ủy Tam Dương").
   Administrative names are cut to the longest name the gazetteer knows ("UBND xã Vũ Lễ Phạm Văn
   Thắng" → "Vũ Lễ"); village names (not in the gazetteer) stop before a person's name.
2. Lists after a unit word ("các xã Hoàng Đan, Hoàng Lâu", "xã như A, B và C") and bracketed
   parents ("xã Thanh Trù (Vĩnh Yên)").
3. Bare names: a name seen with a unit word elsewhere in the article, a province, a district of a
   province the article is about (or one found in a single province), a commune of a district the
   article names, a country, a region, a neighbouring country's province, unless the words around
   make it part of a person's name ("Nguyễn Thị Hà Giang", "bà Hà Giang", "Chủ tịch Hồ Chí Minh"),
   a byline or photo credit, a street ("phố Huế") or a school ("Trường THPT Trần Phú").
A place is resolved to gazetteer units by its level, its explicit parents (", huyện X, tỉnh Y",
"(tỉnh Y)"), the article's other places, the site/URL (host "vinhphuc.gov.vn"), and era markers
("(cũ)", "(mới)"); a name that stays ambiguous keeps an empty code rather than a guess.
All spans are in ``doc.norm`` coordinates. The word lists are data files in nlp/data/places/ (see its
README); nothing here calls underthesea, so an article takes about 2-3 ms.

Modules, by stage: ``lexicon`` (the word lists and gazetteer keys), ``tokens`` (the article's
tokens), ``mentions`` (the mention record and helpers the passes share), the passes ``anchored`` (1,
2), ``parents`` and ``bare`` (3), combined in ``finder.Finder``, and ``resolve`` (grouping and
gazetteer resolution, ``find_places``).
"""
from .lexicon import lexicon, wkey
from .resolve import find_places

__all__ = ["find_places", "lexicon", "wkey"]
