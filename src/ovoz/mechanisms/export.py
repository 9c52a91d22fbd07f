"""The recommendations tracker as CSV or XLSX: one row per recommendation, every cell safe for spreadsheets."""

import csv
import io

from django.utils.translation import gettext as _

from ovoz.evidence.services.exports import render_xlsx, safe_cell


def header() -> list[str]:
    return [_("Id"), _("Recommendation"), _("Addressed to"), _("Kind of addressee"), _("Theme"), _("Origin"),
            _("Mechanism"), _("Document"), _("Reference"), _("Country"), _("Issued on"), _("Response (UPR)"),
            _("Recommending state"), _("SDG targets"), _("Articles"), _("Partnership"), _("Status"),
            _("Status since"), _("Status history")]


def rows(recommendations) -> list[list]:
    out = [header()]
    for rec in recommendations:
        history = "; ".join(f"{h.observed_on}: {h.get_status_display()}" for h in rec.history.all())
        out.append([safe_cell(v) for v in (
            rec.pk, rec.text, rec.addressee, rec.get_addressee_kind_display(), rec.theme, rec.get_origin_display(),
            rec.mechanism.short_name if rec.mechanism_id else "", rec.source_title, rec.reference,
            rec.get_country_display() if rec.country else "", rec.issued_on.isoformat() if rec.issued_on else "",
            rec.get_upr_response_display() if rec.upr_response else "", rec.recommending_state, rec.sdg_targets,
            ", ".join(str(a) for a in rec.articles.all()),
            rec.partnership.organisation.name if rec.partnership_id else "", rec.get_status_display(),
            rec.status_on.isoformat() if rec.status_on else "", history)])
    return out


def to_csv(table: list[list]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(table)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(table: list[list]) -> bytes:
    return render_xlsx(table, title=_("Recommendations"))
