"""Published briefers and reports for readers without an account: the frozen versions only."""

from django.http import Http404, HttpResponse
from django.shortcuts import render

from ovoz.publishing.access import published_versions
from ovoz.publishing.models import Publication
from ovoz.publishing.render import FORMATS, render_html
from ovoz.publishing.services.rendering import publication_render
from ovoz.web.pagination import paginate


def _latest():
    """The newest version of each published publication."""
    latest = {}
    for version in published_versions().order_by("publication_id", "-number"):
        latest.setdefault(version.publication_id, version)
    return sorted(latest.values(), key=lambda v: (v.publication.kind, v.publication.title))


def public_list(request):
    q = (request.GET.get("q") or "").strip().casefold()
    versions = [v for v in _latest() if not q or q in v.publication.title.casefold()
                or q in v.publication.title_local.casefold()]
    return render(request, "publishing/public_list.html", {"page": paginate(request, versions, per_page=20),
                                                           "q": request.GET.get("q", "")})


def _version(slug):
    for version in _latest():
        if version.publication.slug == slug:
            return version
    raise Http404


def public_detail(request, slug):
    version = _version(slug)
    language = request.GET.get("lang") or "en"
    if language not in version.documents:
        language = "en"
    links = {"slug": slug, "language": language, "languages": sorted(version.documents), "formats": list(FORMATS),
             "number": version.number, "published_at": version.published_at}
    return HttpResponse(render_html(version.documents[language], links=links))


def public_download(request, slug, fmt, language):
    version = _version(slug)
    if fmt not in FORMATS or language not in version.documents:
        raise Http404
    publication: Publication = version.publication
    data = publication_render(actor=None, publication=publication, fmt=fmt, language=language, version=version)
    content_type, extension = FORMATS[fmt]
    response = HttpResponse(data, content_type=content_type)
    name = f"{publication.slug}-v{version.number}-{language}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
