from django import template

from ovoz.impact.report_data import evidence_of_change

register = template.Library()


@register.inclusion_tag("impact/_evidence_panel.html")
def evidence_of_change_panel(programme):
    """The coordinator's dashboard panel: which outcomes have evidence of change (a few queries, no per-row ones)."""
    return {"programme": programme, "concerns": evidence_of_change(programme)}
