"""What the advocacy pages share: where a record lives (its scope), one form page, one delete confirmation."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ovoz.advocacy import access

PER_PAGE = 25


def token(programme, partnership) -> str:
    return f"part-{partnership.pk}" if partnership else f"prog-{programme.pk}"


def label(programme, partnership) -> str:
    if partnership:
        return f"{partnership.organisation} ({partnership.get_country_display()})"
    return _("%(programme)s — the programme's own") % {"programme": programme}


def parse(value: str) -> tuple[str, int] | None:
    kind, _sep, pk = (value or "").partition("-")
    if kind in ("part", "prog") and pk.isdigit():
        return kind, int(pk)
    return None


def scope_or_404(user, value: str, *, write: bool):
    parsed = parse(value)
    if parsed is None:
        raise Http404
    kind, pk = parsed
    if kind == "part":
        return access.scope_from(user, None, pk, write=write)
    return access.scope_from(user, pk, None, write=write)


def filter_by_scope(request, qs, prefix: str = ""):
    """Lists filtered by ``?scope=``; the choices are the scopes she may read."""
    scopes = access.scopes_for(request.user)
    choices = [(token(*s), label(*s)) for s in scopes]
    selected = request.GET.get("scope", "")
    parsed = parse(selected)
    if parsed and selected in dict(choices):
        kind, pk = parsed
        if kind == "part":
            qs = qs.filter(**{f"{prefix}partnership_id": pk})
        else:
            qs = qs.filter(**{f"{prefix}programme_id": pk, f"{prefix}partnership__isnull": True})
    else:
        selected = ""
    writable = {token(*s) for s in access.scopes_for(request.user, write=True)}
    return qs, {"scope_choices": choices, "scope": selected, "can_create": bool(writable),
                "create_scope": selected if selected in writable else ""}


def query_without_page(request) -> str:
    return urlencode({k: v for k, v in request.GET.items() if k != "page" and v})


def pick_scope(request, *, title: str, url_name: str):
    """Before a create form: where the new record goes (a partnership, or the programme's own)."""
    scopes = [(token(*s), label(*s)) for s in access.scopes_for(request.user, write=True)]
    if not scopes:
        raise Http404
    return render(request, "advocacy/pick_scope.html", {"title": title, "scopes": scopes, "url_name": url_name})


def form_page(request, *, form, title: str, back: str, save, heading_note: str = "", done: str = "",
              delete_url: str = ""):
    """Show and handle one form; ``save(cleaned_data)`` calls the service and answers where to go next."""
    if request.method == "POST" and form.is_valid():
        try:
            url = save(form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, done or _("Saved."))
            return redirect(url)
    return render(request, "advocacy/form.html",
                  {"form": form, "title": title, "back": back, "heading_note": heading_note,
                   "delete_url": delete_url})


def confirm_delete(request, *, obj, what: str, back: str, delete, done_url: str, consequences: str = ""):
    if request.method == "POST":
        delete()
        messages.success(request, _("Deleted."))
        return redirect(done_url)
    return render(request, "advocacy/confirm_delete.html",
                  {"obj": obj, "what": what, "back": back, "consequences": consequences})
