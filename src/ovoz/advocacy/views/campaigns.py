"""The calendar of advocacy moments (with the plans' activities and the campaigns beside them) and campaigns:
messages per language, materials, channels and the reach recorded."""

import copy
import datetime
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import Q, Sum
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.advocacy import access
from ovoz.advocacy.forms import CampaignForm, MaterialForm, MessageForm, MomentForm, ReachForm
from ovoz.advocacy.models import CampaignMaterial, Channel, Level, Message, Reach
from ovoz.advocacy.services.campaigns import (
    campaign_create,
    campaign_delete,
    campaign_update,
    material_add,
    material_delete,
    message_add,
    message_delete,
    message_update,
    moment_create,
    moment_delete,
    moment_update,
    reach_delete,
    reach_record,
)
from ovoz.advocacy.views.common import (
    PER_PAGE,
    confirm_delete,
    filter_by_scope,
    form_page,
    label,
    pick_scope,
    query_without_page,
    scope_or_404,
)
from ovoz.web.pagination import paginate


@dataclass
class Entry:
    kind: str
    kind_label: str
    title: str
    starts_on: datetime.date
    ends_on: datetime.date
    level: str
    scope: str
    url: str
    edit_url: str = ""


@login_required
def calendar_view(request):
    """Advocacy moments, activities and campaigns by date, filtered by scope, level and time."""
    user = request.user
    moments, ctx = filter_by_scope(request, access.moments_visible_to(user))
    activities, _ctx = filter_by_scope(request, access.activities_visible_to(user), prefix="plan__")
    campaigns, _ctx = filter_by_scope(request, access.campaigns_visible_to(user))
    level = request.GET.get("level", "")
    if level in Level.values:
        moments, activities = moments.filter(level=level), activities.filter(level=level)
        campaigns = campaigns.none()
    else:
        level = ""
    when = request.GET.get("when", "")
    today = timezone.localdate()
    year = request.GET.get("year", "")
    if when == "upcoming":
        moments, activities, campaigns = (qs.filter(ends_on__gte=today) for qs in (moments, activities, campaigns))
    elif when == "past":
        moments, activities, campaigns = (qs.filter(ends_on__lt=today) for qs in (moments, activities, campaigns))
    else:
        when = ""
    if year.isdigit():
        moments, activities, campaigns = (qs.filter(starts_on__year=int(year))
                                          for qs in (moments, activities, campaigns))
    else:
        year = ""
    writable = {(p.pk, s.pk if s else None) for p, s in access.scopes_for(user, write=True)}
    entries = [
        Entry("moment", str(m.get_kind_display()), m.title, m.starts_on, m.ends_on, m.level,
              label(m.programme, m.partnership), m.url or "",
              reverse("advocacy:moment_edit", args=[m.pk]) if (m.programme_id, m.partnership_id) in writable else "")
        for m in moments
    ]
    entries += [
        Entry("activity", _("Activity"), a.title, a.starts_on, a.ends_on, a.level,
              label(a.plan.programme, a.plan.partnership), reverse("advocacy:plan_detail", args=[a.plan_id]))
        for a in activities
    ]
    entries += [
        Entry("campaign", _("Campaign"), c.title, c.starts_on, c.ends_on, "",
              label(c.programme, c.partnership), reverse("advocacy:campaign_detail", args=[c.pk]))
        for c in campaigns
    ]
    entries.sort(key=lambda e: (e.starts_on, e.kind, e.title), reverse=(when == "past"))
    page = paginate(request, entries, per_page=PER_PAGE * 2)
    years = sorted({d.year for d in access.moments_visible_to(user).dates("starts_on", "year")}
                   | {d.year for d in access.activities_visible_to(user).dates("starts_on", "year")}, reverse=True)
    return render(request, "advocacy/calendar.html", {
        **ctx, "page": page, "level": level, "levels": Level.choices, "when": when, "year": year, "years": years,
        "query": query_without_page(request), "levels_by_value": dict(Level.choices),
    })


@login_required
def moment_create_view(request):
    if not request.GET.get("scope"):
        return pick_scope(request, title=_("New advocacy moment"), url_name="advocacy:moment_create")
    programme, partnership = scope_or_404(request.user, request.GET["scope"], write=True)
    back = reverse("advocacy:calendar") + "?scope=" + request.GET["scope"]

    def save(data):
        moment_create(actor=request.user, programme=programme, partnership=partnership, **data)
        return back

    return form_page(request, form=MomentForm(request.POST or None), title=_("New advocacy moment"), back=back,
                     save=save, heading_note=label(programme, partnership))


@login_required
def moment_edit_view(request, pk: int):
    moment = access.get_moment_for_user(request.user, pk, write=True)
    back = reverse("advocacy:calendar")

    def save(data):
        moment_update(actor=request.user, moment=moment, **data)
        return back

    return form_page(request, form=MomentForm(request.POST or None, instance=copy.copy(moment)),
                     title=_("Edit an advocacy moment"), back=back, save=save,
                     heading_note=label(moment.programme, moment.partnership),
                     delete_url=reverse("advocacy:moment_delete", args=[moment.pk]))


@login_required
def moment_delete_view(request, pk: int):
    moment = access.get_moment_for_user(request.user, pk, write=True)
    back = reverse("advocacy:calendar")
    return confirm_delete(request, obj=moment, what=_("advocacy moment"), back=back, done_url=back,
                          delete=lambda: moment_delete(actor=request.user, moment=moment),
                          consequences=_("Campaigns for this moment stay, without it."))


@login_required
def campaign_list_view(request):
    qs, ctx = filter_by_scope(request, access.campaigns_visible_to(request.user))
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(objective__icontains=q) | Q(messages__text__icontains=q)).distinct()
    qs = qs.annotate(reached=Sum("reach__people")).order_by("-starts_on", "pk")
    page = paginate(request, qs, per_page=PER_PAGE)
    return render(request, "advocacy/campaign_list.html",
                  {**ctx, "page": page, "q": q, "query": query_without_page(request)})


def _campaign_choices(user, programme, partnership):
    moments = access.moments_visible_to(user).filter(programme=programme).filter(
        Q(partnership=partnership) | Q(partnership__isnull=True))
    plans = access.plans_visible_to(user).filter(programme=programme).filter(
        Q(partnership=partnership) | Q(partnership__isnull=True))
    return {"moments": moments, "plans": plans}


@login_required
def campaign_create_view(request):
    if not request.GET.get("scope"):
        return pick_scope(request, title=_("New campaign"), url_name="advocacy:campaign_create")
    programme, partnership = scope_or_404(request.user, request.GET["scope"], write=True)

    def save(data):
        campaign = campaign_create(actor=request.user, programme=programme, partnership=partnership, **data)
        return reverse("advocacy:campaign_detail", args=[campaign.pk])

    form = CampaignForm(request.POST or None, **_campaign_choices(request.user, programme, partnership))
    return form_page(request, form=form, title=_("New campaign"), back=reverse("advocacy:campaign_list"), save=save,
                     heading_note=label(programme, partnership))


@login_required
def campaign_detail_view(request, pk: int):
    campaign = access.get_campaign_for_user(request.user, pk)
    reach = list(campaign.reach.all())
    by_channel: dict[str, int] = {}
    for r in reach:
        by_channel[r.get_channel_display()] = by_channel.get(r.get_channel_display(), 0) + r.people
    return render(request, "advocacy/campaign_detail.html", {
        "campaign": campaign, "can_edit": access.can_edit(request.user, campaign),
        "messages_by_language": campaign.messages.all(), "materials": campaign.materials.all(), "reach": reach,
        "by_channel": sorted(by_channel.items()), "reach_total": sum(r.people for r in reach),
    })


@login_required
def campaign_edit_view(request, pk: int):
    campaign = access.get_campaign_for_user(request.user, pk, write=True)
    back = reverse("advocacy:campaign_detail", args=[campaign.pk])

    def save(data):
        campaign_update(actor=request.user, campaign=campaign, **data)
        return back

    form = CampaignForm(request.POST or None, instance=copy.copy(campaign),
                        **_campaign_choices(request.user, campaign.programme, campaign.partnership))
    return form_page(request, form=form, title=_("Edit the campaign"), back=back, save=save,
                     delete_url=reverse("advocacy:campaign_delete", args=[campaign.pk]))


@login_required
def campaign_delete_view(request, pk: int):
    campaign = access.get_campaign_for_user(request.user, pk, write=True)
    return confirm_delete(
        request, obj=campaign, what=_("campaign"), back=reverse("advocacy:campaign_detail", args=[campaign.pk]),
        delete=lambda: campaign_delete(actor=request.user, campaign=campaign),
        done_url=reverse("advocacy:campaign_list"),
        consequences=_("Its messages, materials and reach records are deleted with it."),
    )


def _campaign_part(request, *, campaign, form, title, save, delete_url=""):
    back = reverse("advocacy:campaign_detail", args=[campaign.pk])

    def go(data):
        save(data)
        return back

    return form_page(request, form=form, title=title, back=back, save=go, heading_note=campaign.title,
                     delete_url=delete_url)


@login_required
def message_create_view(request, pk: int):
    campaign = access.get_campaign_for_user(request.user, pk, write=True)
    return _campaign_part(request, campaign=campaign, form=MessageForm(request.POST or None),
                          title=_("Add a message"),
                          save=lambda data: message_add(actor=request.user, campaign=campaign, **data))


@login_required
def message_edit_view(request, pk: int):
    message = access.get_child_for_user(request.user, Message, pk, "campaign", write=True)
    return _campaign_part(request, campaign=message.campaign, title=_("Edit a message"),
                          form=MessageForm(request.POST or None, instance=copy.copy(message)),
                          save=lambda data: message_update(actor=request.user, message=message, **data),
                          delete_url=reverse("advocacy:message_delete", args=[message.pk]))


@login_required
def message_delete_view(request, pk: int):
    message = access.get_child_for_user(request.user, Message, pk, "campaign", write=True)
    back = reverse("advocacy:campaign_detail", args=[message.campaign_id])
    return confirm_delete(request, obj=message, what=_("message"), back=back, done_url=back,
                          delete=lambda: message_delete(actor=request.user, message=message))


@login_required
def material_create_view(request, pk: int):
    campaign = access.get_campaign_for_user(request.user, pk, write=True)
    return _campaign_part(request, campaign=campaign, form=MaterialForm(request.POST or None),
                          title=_("Add material"),
                          save=lambda data: material_add(actor=request.user, campaign=campaign, **data))


@login_required
def material_delete_view(request, pk: int):
    material = access.get_child_for_user(request.user, CampaignMaterial, pk, "campaign", write=True)
    back = reverse("advocacy:campaign_detail", args=[material.campaign_id])
    return confirm_delete(request, obj=material, what=_("material"), back=back, done_url=back,
                          delete=lambda: material_delete(actor=request.user, material=material))


@login_required
def reach_create_view(request, pk: int):
    campaign = access.get_campaign_for_user(request.user, pk, write=True)
    initial = {"channel": campaign.channels[0] if campaign.channels else Channel.SOCIAL,
               "recorded_on": timezone.localdate()}
    return _campaign_part(request, campaign=campaign, form=ReachForm(request.POST or None, initial=initial),
                          title=_("Record reach"),
                          save=lambda data: reach_record(actor=request.user, campaign=campaign, **data))


@login_required
def reach_delete_view(request, pk: int):
    reach = access.get_child_for_user(request.user, Reach, pk, "campaign", write=True)
    back = reverse("advocacy:campaign_detail", args=[reach.campaign_id])
    return confirm_delete(request, obj=reach, what=_("reach record"), back=back, done_url=back,
                          delete=lambda: reach_delete(actor=request.user, reach=reach))

