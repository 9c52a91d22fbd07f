import datetime

from ninja import Schema


class MeOut(Schema):
    id: int
    username: str
    roles: list[str]


class OrganisationOut(Schema):
    id: int
    name: str
    country: str


class ProgrammeOut(Schema):
    id: int
    title: str
    short_title: str
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
    id: int
    username: str
    role: str
    partnership_id: int | None

    @staticmethod
    def resolve_username(obj) -> str:
        return obj["username"] if isinstance(obj, dict) else obj.user.username


class MemberIn(Schema):
    username: str
    role: str
    partnership_id: int | None = None


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


class ErrorOut(Schema):
    detail: str
