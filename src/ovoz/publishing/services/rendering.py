"""Rendering a publication for people: the frozen published version when there is one, else the live draft."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write
from ovoz.publishing.document import build_document
from ovoz.publishing.models import Publication, PublishedVersion
from ovoz.publishing.render import render

LANGUAGES = ["en", "ru", "ky", "uz", "tg"]


def document_for(publication: Publication, language: str, *, draft: bool = False,
                 version: PublishedVersion | None = None) -> dict:
    if language not in LANGUAGES:
        raise ValidationError(_("Unknown language: %(lang)s") % {"lang": language})
    if not draft:
        version = version or publication.versions.filter(withdrawn_at__isnull=True).first()
        if version is not None:
            if language in version.documents:
                return version.documents[language]
            raise ValidationError(_("The published version exists in %(langs)s only.")
                                  % {"langs": ", ".join(sorted(version.documents))})
    return build_document(publication, language)


def publication_render(*, actor, publication: Publication, fmt: str, language: str, draft: bool = False,
                       version: PublishedVersion | None = None) -> bytes:
    """The bytes of the publication in ``fmt``; rendering a draft is audited (it shows testimony)."""
    document = document_for(publication, language, draft=draft, version=version)
    data = render(document, fmt)
    audit_write(actor=actor, action="publication.render", obj=publication, programme=publication.programme,
                partnership=publication.partnership,
                changes={"format": fmt, "language": language, "draft": draft or not publication.versions.exists()})
    return data
