"""Roles in a programme or partnership, with what each may do.

Checks elsewhere ask a role what it can do (``role.can_see_evidence()``) instead of comparing
strings, so that a new role or a changed rule is made in one place.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    MENTOR = "mentor", _("Mentor")
    RESEARCHER = "researcher", _("Researcher")
    CO_RESEARCHER = "co_researcher", _("Community co-researcher")
    VIEWER = "viewer", _("Viewer")

    def is_programme_wide(self) -> bool:
        """Coordinators and viewers belong to a programme; the others to one partnership."""
        return self in (Role.COORDINATOR, Role.VIEWER)

    def needs_partnership(self) -> bool:
        return self in (Role.MENTOR, Role.RESEARCHER, Role.CO_RESEARCHER)

    def can_manage_programme(self) -> bool:
        return self == Role.COORDINATOR

    def can_see_team(self) -> bool:
        return self != Role.VIEWER

    def can_see_partnership_evidence(self) -> bool:
        """All of a partnership's evidence (pseudonymised), as its own research team."""
        return self in (Role.MENTOR, Role.RESEARCHER)

    def can_edit_evidence(self) -> bool:
        return self in (Role.MENTOR, Role.RESEARCHER)

    def can_see_identities(self) -> bool:
        """Names and contacts of participants, after re-authentication; researchers only."""
        return self == Role.RESEARCHER

    def can_see_shared_evidence(self) -> bool:
        """Material a partnership explicitly shares (with the programme or a co-researcher)."""
        return self in (Role.COORDINATOR, Role.MENTOR, Role.RESEARCHER, Role.CO_RESEARCHER)

    def can_review_deliverables(self) -> bool:
        return self in (Role.COORDINATOR, Role.MENTOR)

    def can_publish(self) -> bool:
        return self == Role.COORDINATOR

    def requires_second_factor(self) -> bool:
        """Every role that can see any evidence must log in with a second factor."""
        return self.can_see_shared_evidence()
