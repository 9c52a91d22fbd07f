"""Urgent support contacts, and the emergency lock of a partnership's accounts."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ovoz.accounts.security import reauth_redirect
from ovoz.programmes.access import get_programme_for_user, is_coordinator_of, partnerships_visible_to
from ovoz.safety import access
from ovoz.safety.forms import ContactForm, LockForm
from ovoz.safety.lock import active_lock, partnership_lock, partnership_unlock, team_of
from ovoz.safety.models import SupportContact
from ovoz.safety.services import support_contact_create, support_contact_delete, support_contact_update
from ovoz.web.pagination import paginate


@login_required
def contact_list_view(request, programme_id: int):
    programme = get_programme_for_user(request.user, programme_id)
    if not access.can_see_programme_contacts(request.user, programme.pk):
        raise Http404  # viewers: as if the page did not exist
    qs = access.contacts_visible_to(request.user).filter(programme=programme)
    kind = request.GET.get("kind", "")
    if kind in SupportContact.Kind.values:
        qs = qs.filter(kind=kind)
    else:
        kind = ""
    own = [p for p in partnerships_visible_to(request.user).filter(programme=programme)
           if access.can_see_safety(request.user, p)]
    page = paginate(request, qs, per_page=50)
    return render(request, "safety/contacts.html", {
        "programme": programme, "page": page, "kind": kind,
        # Edit and delete only where she may (a programme-wide contact is the coordinators').
        "editable": {c.pk for c in page if access.can_edit_contact(request.user, c)},
        "kinds": SupportContact.Kind.choices, "query": f"kind={kind}" if kind else "",
        "can_add_programme": is_coordinator_of(request.user, programme.pk), "partnerships": own,
    })


@login_required
def contact_create_view(request, programme_id: int):
    programme = get_programme_for_user(request.user, programme_id)
    partnership = None
    wanted = request.GET.get("partnership") or request.POST.get("partnership")
    if wanted:
        partnership = access.get_safety_partnership_for_user(request.user, wanted)
        if partnership.programme_id != programme.pk:
            raise Http404
    elif not is_coordinator_of(request.user, programme.pk):
        raise Http404
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            support_contact_create(actor=request.user, programme=programme, partnership=partnership,
                                   **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The contact is saved."))
            return redirect("safety:contacts", programme_id=programme.pk)
    return render(request, "safety/form.html", {
        "form": form, "partnership": partnership, "programme": programme, "title": _("New urgent support contact"),
        "hidden": {"partnership": partnership.pk} if partnership else {},
    })


@login_required
def contact_edit_view(request, pk: int):
    contact = access.get_contact_for_user(request.user, pk, write=True)
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        try:
            support_contact_update(actor=request.user, contact=SupportContact.objects.get(pk=contact.pk),
                                   **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The contact is saved."))
            return redirect("safety:contacts", programme_id=contact.programme_id)
    return render(request, "safety/form.html", {"form": form, "partnership": contact.partnership,
                                                "programme": contact.programme, "title": _("Edit contact")})


@login_required
def contact_delete_view(request, pk: int):
    contact = access.get_contact_for_user(request.user, pk, write=True)
    if request.method == "POST":
        programme_id = contact.programme_id
        support_contact_delete(actor=request.user, contact=contact)
        messages.success(request, _("The contact is deleted."))
        return redirect("safety:contacts", programme_id=programme_id)
    return render(request, "safety/confirm.html", {
        "title": _("Delete this contact?"), "name": contact.name, "partnership": contact.partnership,
        "programme": contact.programme, "text": _("This cannot be undone."),
    })


# --- the emergency lock ------------------------------------------------------------------------------------------


@login_required
def lock_view(request, pk: int):
    """Confirm, then lock. No password is asked first: in an emergency every second counts, and locking only
    ever takes access away."""
    partnership = access.get_lockable_partnership_for_user(request.user, pk)
    lock = active_lock(partnership)
    form = LockForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and lock is None and form.is_valid():
        try:
            lock = partnership_lock(actor=request.user, partnership=partnership, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            if request.user.pk in {a.user_id for a in lock.accounts.all()}:
                logout(request)  # she locked her own partnership: her stored session is gone already
                return redirect("accounts:login")
            messages.success(request, _("The partnership's accounts are locked: sessions ended, tokens revoked."))
        return redirect("safety:partnership", pk=partnership.pk) if access.can_see_safety(
            request.user, partnership) else redirect("programmes:partnership_detail", pk=partnership.pk)
    return render(request, "safety/lock.html", {"partnership": partnership, "lock": lock,
                                                "team": team_of(partnership), "form": form})


@login_required
def unlock_view(request, pk: int):
    """Lifting gives access back, so it asks for the password again first."""
    partnership = access.get_lockable_partnership_for_user(request.user, pk)
    lock = active_lock(partnership)
    if lock is None:
        raise Http404
    if confirm := reauth_redirect(request):
        return confirm
    if request.method == "POST":
        partnership_unlock(actor=request.user, partnership=partnership)
        messages.success(request, _("The lock is lifted: the team can sign in again and make new API tokens."))
        return redirect("programmes:partnership_detail", pk=partnership.pk)
    return render(request, "safety/unlock.html", {"partnership": partnership, "lock": lock,
                                                  "accounts": lock.accounts.select_related("user")})
