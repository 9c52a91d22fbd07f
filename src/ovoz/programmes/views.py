"""Programme structure: programmes, partnerships and who has which role."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.accounts.models import Organisation, User
from ovoz.accounts.roles import Role
from ovoz.accounts.security import reauth_redirect
from ovoz.accounts.services import organisation_create, user_create
from ovoz.programmes import access
from ovoz.programmes.forms import MemberAddForm, PartnershipForm, RoleChangeForm
from ovoz.programmes.services import membership_grant, membership_revoke, partnership_create
from ovoz.web.pagination import paginate


@login_required
def programme_list_view(request):
    programmes = access.programmes_visible_to(request.user).annotate(n_partnerships=Count("partnerships"))
    return render(request, "programmes/programme_list.html", {"programmes": programmes})


@login_required
def programme_detail_view(request, pk: int):
    programme = access.get_programme_for_user(request.user, pk)
    partnerships = access.partnerships_visible_to(request.user).filter(programme=programme)
    is_coordinator = access.is_coordinator_of(request.user, programme.pk)
    coordinators = []
    if is_coordinator or access.memberships_of(request.user):
        coordinators = [m.user for m in programme.memberships.filter(role=Role.COORDINATOR).select_related("user")]
    return render(
        request,
        "programmes/programme_detail.html",
        {
            "programme": programme,
            "partnerships": partnerships,
            "is_coordinator": is_coordinator,
            # Members of a partnership team in this programme reach its grants, events and vocabularies.
            "is_team": any(
                m.programme_id == programme.pk and m.partnership_id for m in access.memberships_of(request.user)
            ),
            # Mentors and researchers (not co-researchers) write findings and briefers from their evidence.
            "is_research_team": any(
                m.programme_id == programme.pk and m.partnership_id and Role(m.role).can_see_partnership_evidence()
                for m in access.memberships_of(request.user)
            ),
            "coordinators": coordinators,
            "partnership_form": PartnershipForm() if is_coordinator else None,
        },
    )


@login_required
@require_POST
def partnership_create_view(request, pk: int):
    programme = access.get_programme_for_user(request.user, pk, write=True)
    form = PartnershipForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            with transaction.atomic():
                org = Organisation.objects.filter(name__iexact=d["organisation"].strip()).first()
                if org is None:
                    org = organisation_create(actor=request.user, name=d["organisation"], country=d["country"])
                partnership_create(
                    actor=request.user,
                    programme=programme,
                    organisation=org,
                    country=d["country"],
                    research_topic=d["research_topic"],
                    briefer_title=d["briefer_title"],
                )
        except ValidationError as exc:
            for msg in exc.messages:
                messages.error(request, msg)
        else:
            messages.success(request, _("The partnership is created."))
    else:
        messages.error(request, _("The partnership could not be created: check the fields."))
    return redirect("programmes:detail", pk=programme.pk)


@login_required
def partnership_detail_view(request, pk: int):
    partnership = access.get_partnership_for_user(request.user, pk)
    team = []
    if access.can_see_team(request.user, partnership):
        team = partnership.memberships.select_related("user").order_by("role", "user__username")
    return render(
        request,
        "programmes/partnership_detail.html",
        {
            "partnership": partnership,
            "team": team,
            "my_role": access.partnership_role(request.user, partnership),
            "can_see_evidence": access.can_see_evidence(request.user, partnership),
            "is_coordinator": access.is_coordinator_of(request.user, partnership.programme_id),
        },
    )


@login_required
def people_view(request, pk: int):
    """The coordinator's list of everyone in her programme, with search and role filter."""
    programme = access.get_programme_for_user(request.user, pk, write=True)
    partnerships = list(access.partnerships_visible_to(request.user).filter(programme=programme))
    qs = access.memberships_visible_to(request.user).filter(programme=programme).order_by("partnership_id", "role")
    role = request.GET.get("role", "")
    if role in Role.values:
        qs = qs.filter(role=role)
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(user__username__icontains=q) | qs.filter(user__email__icontains=q)
    page = paginate(request, qs, per_page=50)
    return render(
        request,
        "programmes/people.html",
        {
            "programme": programme,
            "page": page,
            "form": MemberAddForm(partnerships=partnerships),
            "roles": Role.choices,
            "role": role,
            "q": q,
        },
    )


@login_required
@require_POST
def member_add_view(request, pk: int):
    programme = access.get_programme_for_user(request.user, pk, write=True)
    partnerships = list(access.partnerships_visible_to(request.user).filter(programme=programme))
    form = MemberAddForm(request.POST, partnerships=partnerships)
    if not form.is_valid():
        for field, errors in form.errors.items():
            for e in errors:
                messages.error(request, f"{form.fields[field].label if field in form.fields else ''} {e}".strip())
        return redirect("programmes:people", pk=programme.pk)
    d = form.cleaned_data
    temp_password = None
    try:
        with transaction.atomic():
            user = User.objects.filter(username__iexact=d["username"].strip()).first()
            if user is None:
                temp_password = secrets.token_urlsafe(12)
                user = user_create(
                    actor=request.user,
                    username=d["username"],
                    password=temp_password,
                    email=d["email"],
                    full_name=d["full_name"],
                    validate=False,
                )
            membership_grant(
                actor=request.user,
                user=user,
                programme=programme,
                role=d["role"],
                partnership=d["partnership"],
            )
    except ValidationError as exc:
        for msg in exc.messages:
            messages.error(request, msg)
        return redirect("programmes:people", pk=programme.pk)
    if temp_password:
        messages.warning(
            request,
            _("Account %(username)s created. Give her this temporary password in person: %(password)s")
            % {"username": user.username, "password": temp_password},
        )
    else:
        messages.success(request, _("%(username)s now has this role.") % {"username": user.username})
    return redirect("programmes:people", pk=programme.pk)


@login_required
def member_role_view(request, pk: int):
    """Change a person's role: a dangerous act, so it asks for the password again."""
    membership = access.get_membership_for_user(request.user, pk, write=True)
    if confirm := reauth_redirect(request):
        return confirm
    form = RoleChangeForm(request.POST or None, initial={"role": membership.role})
    if request.method == "POST" and form.is_valid():
        new_role = Role(form.cleaned_data["role"])
        try:
            with transaction.atomic():
                if new_role.is_programme_wide() != Role(membership.role).is_programme_wide():
                    raise ValidationError(
                        _("That role belongs to a different level; remove and add the person instead.")
                    )
                membership_grant(
                    actor=request.user,
                    user=membership.user,
                    programme=membership.programme,
                    role=new_role,
                    partnership=membership.partnership,
                )
        except ValidationError as exc:
            for msg in exc.messages:
                messages.error(request, msg)
        else:
            messages.success(request, _("The role is changed."))
            return redirect("programmes:people", pk=membership.programme_id)
    return render(request, "programmes/member_role.html", {"membership": membership, "form": form})


@login_required
def member_remove_view(request, pk: int):
    membership = access.get_membership_for_user(request.user, pk, write=True)
    if confirm := reauth_redirect(request):
        return confirm
    if request.method == "POST":
        programme_id = membership.programme_id
        membership_revoke(actor=request.user, membership=membership)
        messages.success(request, _("The person no longer has that role."))
        return redirect("programmes:people", pk=programme_id)
    return render(request, "programmes/member_remove.html", {"membership": membership})
