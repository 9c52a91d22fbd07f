"""Reading a query from a query string, the same way for the pages and the API.

``?code=3&code=7&mode=all&not=9&subcodes=1&context=200&partnership=2&migrant_status=12&attr.children=2``:
codes are ids the person may see (others are ignored, as if they did not exist); attribute filters are named by
the attribute's key (``dimensions``).
"""

from ovoz.analysis.queries.dimensions import dimensions_for, filters_from
from ovoz.analysis.queries.retrieval import ALL, ANY, DEFAULT_CONTEXT, MAX_CONTEXT, SegmentQuery, attribute_keys


def _ids(values) -> list[int]:
    out = []
    for value in values:
        for part in str(value).split(","):
            part = part.strip()
            if part.isdigit() and int(part) not in out:
                out.append(int(part))
    return out


def _getlist(params, name):
    return params.getlist(name) if hasattr(params, "getlist") else ([params[name]] if name in params else [])


def segment_query_from(params, user, *, tree, dimensions=None) -> SegmentQuery:
    codes = tree[0]
    dimensions = dimensions if dimensions is not None else dimensions_for(user)
    try:
        context = int(params.get("context") or DEFAULT_CONTEXT)
    except ValueError:
        context = DEFAULT_CONTEXT
    return SegmentQuery(
        codes=[codes[pk] for pk in _ids(_getlist(params, "code")) if pk in codes],
        mode=ALL if params.get("mode") == ALL else ANY,
        exclude=[codes[pk] for pk in _ids(_getlist(params, "not")) if pk in codes],
        subcodes=params.get("subcodes") in ("1", "on", "true", "yes"),
        context=max(0, min(context, MAX_CONTEXT)),
        filters=filters_from(params, dimensions),
        attribute_keys=attribute_keys(dimensions),
    )
