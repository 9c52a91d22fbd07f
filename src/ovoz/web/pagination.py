from django.core.paginator import Paginator


def paginate(request, queryset, per_page: int = 50):
    """One page of a list; out-of-range or malformed page numbers fall back to the nearest page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
