"""What the API answers and accepts. Names of people are shown only where the access rules allow."""

import datetime

from ninja import Field, Schema


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in plain words")


class MembershipBrief(Schema):
    programme_id: int
    partnership_id: int | None
    role: str


class MeOut(Schema):
    id: int
    username: str
    display_name: str
    is_superuser: bool
    roles: list[str] = Field(description="The distinct roles she holds anywhere, sorted")
    memberships: list[MembershipBrief]


class OrganisationOut(Schema):
    id: int
    name: str
    short_name: str
    country: str


class ProgrammeOut(Schema):
    id: int
    title: str
    short_title: str
    focus: str
    starts_on: datetime.date
    ends_on: datetime.date
    lead_organisation: OrganisationOut
    is_fictional: bool


class PartnershipOut(Schema):
    id: int
    programme_id: int
    organisation: OrganisationOut
    country: str
    research_topic: str
    briefer_title: str


class MemberOut(Schema):
    id: int = Field(description="The membership's id")
    user_id: int
    username: str
    display_name: str
    role: str
    programme_id: int
    partnership_id: int | None

    @staticmethod
    def resolve_username(obj) -> str:
        return obj.user.username

    @staticmethod
    def resolve_display_name(obj) -> str:
        return obj.user.display_name


class MemberIn(Schema):
    username: str = Field(description="An existing account's username (not case-sensitive)")
    role: str = Field(description="coordinator, viewer, mentor, researcher or co_researcher")
    partnership_id: int | None = Field(
        None, description="Required for mentor, researcher and co_researcher; omitted for coordinator and viewer"
    )


class AuditOut(Schema):
    id: int
    at: datetime.datetime
    actor_label: str
    kind: str
    action: str
    object_type: str
    object_id: str
    object_repr: str
    changes: dict
    programme_id: int | None
    partnership_id: int | None
