"""Advocacy moments and campaigns: messages per language, materials, and the reach recorded."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ovoz.advocacy.models import Campaign, CampaignMaterial, Channel, Message, Moment, Reach
from ovoz.advocacy.services import common

MOMENT_FIELDS = ["title", "kind", "level", "starts_on", "ends_on", "description", "url"]
CAMPAIGN_FIELDS = ["title", "moment", "plan", "starts_on", "ends_on", "objective", "channels"]
MESSAGE_FIELDS = ["language", "audience", "text"]
MATERIAL_FIELDS = ["title", "kind", "language", "url"]
REACH_FIELDS = ["channel", "recorded_on", "people", "note"]


def _user(actor):
    return actor if getattr(actor, "pk", None) else None


@transaction.atomic
def moment_create(*, actor, programme, partnership, title: str, starts_on, ends_on=None, **values) -> Moment:
    values = common.only(values, MOMENT_FIELDS)
    moment = Moment(programme=programme, partnership=partnership, title=title.strip(), starts_on=starts_on,
                    ends_on=ends_on or starts_on, created_by=_user(actor), **values)
    return common.create(actor=actor, obj=moment, fields=MOMENT_FIELDS, action="moment.create", owner=moment)


@transaction.atomic
def moment_update(*, actor, moment: Moment, **values) -> Moment:
    return common.update(actor=actor, obj=moment, fields=MOMENT_FIELDS, values=values, action="moment.update",
                         owner=moment)


@transaction.atomic
def moment_delete(*, actor, moment: Moment) -> None:
    common.delete(actor=actor, obj=moment, action="moment.delete", owner=moment, fields=MOMENT_FIELDS)


def _check_campaign(campaign: Campaign) -> None:
    bad = [c for c in campaign.channels if c not in Channel.values]
    if bad:
        raise ValidationError(_("Unknown channel: %(names)s") % {"names": ", ".join(map(str, bad))})
    for linked, what in ((campaign.moment, _("advocacy moment")), (campaign.plan, _("advocacy plan"))):
        if linked is not None:
            common.same_scope(campaign, [linked], what)


@transaction.atomic
def campaign_create(*, actor, programme, partnership, title: str, starts_on, ends_on, **values) -> Campaign:
    values = common.only(values, CAMPAIGN_FIELDS)
    campaign = Campaign(programme=programme, partnership=partnership, title=title.strip(), starts_on=starts_on,
                        ends_on=ends_on, created_by=_user(actor), **values)
    campaign.channels = list(dict.fromkeys(campaign.channels or []))
    _check_campaign(campaign)
    return common.create(actor=actor, obj=campaign, fields=CAMPAIGN_FIELDS, action="campaign.create",
                         owner=campaign)


@transaction.atomic
def campaign_update(*, actor, campaign: Campaign, **values) -> Campaign:
    values = common.only(values, CAMPAIGN_FIELDS)
    if "channels" in values:
        values["channels"] = list(dict.fromkeys(values["channels"] or []))
    probe = Campaign(programme_id=campaign.programme_id, partnership_id=campaign.partnership_id,
                     channels=values.get("channels", campaign.channels), moment=values.get("moment", campaign.moment),
                     plan=values.get("plan", campaign.plan))
    _check_campaign(probe)
    return common.update(actor=actor, obj=campaign, fields=CAMPAIGN_FIELDS, values=values, action="campaign.update",
                         owner=campaign)


@transaction.atomic
def campaign_delete(*, actor, campaign: Campaign) -> None:
    common.delete(actor=actor, obj=campaign, action="campaign.delete", owner=campaign, fields=CAMPAIGN_FIELDS)


@transaction.atomic
def message_add(*, actor, campaign: Campaign, language: str, text: str, audience: str = "") -> Message:
    message = Message(campaign=campaign, language=language, text=text.strip(), audience=audience.strip())
    return common.create(actor=actor, obj=message, fields=MESSAGE_FIELDS, action="campaign.message_add",
                         owner=campaign)


@transaction.atomic
def message_update(*, actor, message: Message, **values) -> Message:
    return common.update(actor=actor, obj=message, fields=MESSAGE_FIELDS, values=values,
                         action="campaign.message_update", owner=message.campaign)


@transaction.atomic
def message_delete(*, actor, message: Message) -> None:
    common.delete(actor=actor, obj=message, action="campaign.message_delete", owner=message.campaign,
                  fields=MESSAGE_FIELDS)


@transaction.atomic
def material_add(*, actor, campaign: Campaign, title: str, **values) -> CampaignMaterial:
    values = common.only(values, MATERIAL_FIELDS)
    material = CampaignMaterial(campaign=campaign, title=title.strip(), **values)
    return common.create(actor=actor, obj=material, fields=MATERIAL_FIELDS, action="campaign.material_add",
                         owner=campaign)


@transaction.atomic
def material_delete(*, actor, material: CampaignMaterial) -> None:
    common.delete(actor=actor, obj=material, action="campaign.material_delete", owner=material.campaign,
                  fields=MATERIAL_FIELDS)


@transaction.atomic
def reach_record(*, actor, campaign: Campaign, channel: str, people: int, **values) -> Reach:
    values = common.only(values, REACH_FIELDS)
    reach = Reach(campaign=campaign, channel=channel, people=people, recorded_by=_user(actor), **values)
    return common.create(actor=actor, obj=reach, fields=REACH_FIELDS, action="campaign.reach_record",
                         owner=campaign)


@transaction.atomic
def reach_delete(*, actor, reach: Reach) -> None:
    common.delete(actor=actor, obj=reach, action="campaign.reach_delete", owner=reach.campaign, fields=REACH_FIELDS)
