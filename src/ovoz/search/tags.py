"""Tags: words only the index holds (they start with "_", which no searched word can contain), naming an
entry's partnership, whether it is shared with its programme, its language, kind and country.

The text match asks for them, so the full-text engine itself narrows a search to what the person may see and
the filters she chose (it intersects them with the words, which is far cheaper than checking every match
afterwards). They only narrow: the access rules and the filters are applied again, in SQL, on the entries.
"""

import re

from ovoz.search.access import SearchScope

_SAFE = re.compile(r"[^a-z0-9_]")


def _clean(value) -> str:
    return _SAFE.sub("", str(value).lower())


def base_language(language: str) -> str:
    """``uz-Cyrl`` and ``uz`` are both Uzbek."""
    return _clean((language or "").split("-")[0])


def entry_tags(doc) -> list[str]:
    tags = [f"_p{doc.partnership_id}", f"_k{_clean(doc.kind)}"]
    if doc.shared:
        tags.append(f"_g{doc.programme_id}s")
    if doc.language:
        tags.append(f"_l{base_language(doc.language)}")
    if doc.country:
        tags.append(f"_c{_clean(doc.country)}")
    return tags


def scope_tags(scope: SearchScope) -> list[str]:
    """Any of these: the partnerships of her team, the shared material of the programmes she coordinates."""
    return [f"_p{p}" for p in sorted(scope.team_partnership_ids)] + [
        f"_g{p}s" for p in sorted(scope.coordinated_programme_ids)
    ]


def filter_tags(filters) -> list[list[str]]:
    """One group per filter that has a tag; an entry must have a tag of every group."""
    groups = []
    if filters.partnership:
        groups.append([f"_p{int(filters.partnership)}"])
    if filters.language:
        groups.append([f"_l{base_language(filters.language)}"])
    if filters.kind:
        groups.append([f"_k{_clean(filters.kind)}"])
    if filters.country:
        groups.append([f"_c{_clean(filters.country)}"])
    return groups
