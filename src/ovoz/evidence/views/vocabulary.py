"""Controlled vocabularies of a programme: the team reads them, the coordinator extends and edits them."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.accounts.security import reauth_redirect
from ovoz.evidence.forms.vocabulary import TermForm
from ovoz.evidence.models import Term, Vocabulary
from ovoz.evidence.services import vocabulary as vocab
from ovoz.programmes.models import COUNTRIES
from ovoz.web.pagination import paginate

PER_PAGE = 60
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def _list_url(programme, vocabulary: str, **params) -> str:
    query = {"vocabulary": vocabulary, **{k: v for k, v in params.items() if v}}
    return reverse("evidence:vocabulary_list", args=[programme.pk]) + "?" + urlencode(query)


def _back(request, programme, term: Term) -> str:
    """Back to the list the person came from (same vocabulary, search and page), never off the site."""
    back = request.POST.get("next") or request.GET.get("next") or ""
    if back.startswith(reverse("evidence:vocabulary_list", args=[programme.pk])):
        return back
    return _list_url(programme, term.vocabulary)


def _vocabulary(value: str) -> str:
    if value not in Vocabulary.values:
        raise Http404
    return value


def _error_messages(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _parents(programme, vocabulary: str, term: Term | None):
    """Top-level terms a term may be placed under: shared ones, and the programme's own unless it is shared."""
    qs = vocab.terms_for(vocabulary, programme).filter(parent__isnull=True)
    shared = term.programme_id is None if term is not None else False
    if shared:
        qs = qs.filter(programme__isnull=True)
    return vocab.as_tree(qs)


@login_required
def vocabulary_list_view(request, programme_id: int):
    """One vocabulary at a time, as a tree, with search across the five languages."""
    programme = vocab.get_programme_for_vocabularies(request.user, programme_id)
    vocabulary = request.GET.get("vocabulary") or Vocabulary.MIGRANT_STATUS
    if vocabulary not in Vocabulary.values:
        vocabulary = Vocabulary.MIGRANT_STATUS
    q = request.GET.get("q", "").strip()[:100]
    show_retired = request.GET.get("retired") == "1"
    country = request.GET.get("country", "")
    terms = vocab.terms_for(vocabulary, programme, include_retired=show_retired).select_related("programme")
    if vocabulary == Vocabulary.REGION and country:
        terms = terms.filter(country=country)
    rows = vocab.search_terms(vocab.as_tree(terms), q) if q else vocab.as_tree(terms)
    page = paginate(request, rows, per_page=PER_PAGE)
    for t in page:
        t.can_edit = vocab.can_edit_term(request.user, t)
        t.missing_names = [str(LANGUAGE_NAMES[code]) for code in vocab.missing_languages(t)]
    query = urlencode({k: v for k, v in {"vocabulary": vocabulary, "q": q, "country": country,
                                         "retired": "1" if show_retired else ""}.items() if v})
    return render(request, "evidence/vocabulary_list.html", {
        "programme": programme,
        "vocabularies": Vocabulary.choices,
        "vocabulary": vocabulary,
        "vocabulary_label": Vocabulary(vocabulary).label,
        "page": page,
        "q": q,
        "country": country,
        "countries": COUNTRIES,
        "show_retired": show_retired,
        "query": query,
        "here": request.get_full_path(),
        "can_add": vocab.can_add_terms(request.user, programme),
        "searching": bool(q),
    })


@login_required
def term_create_view(request, programme_id: int, vocabulary: str):
    programme = vocab.get_programme_for_vocabularies(request.user, programme_id, write=True)
    vocabulary = _vocabulary(vocabulary)
    allow_shared = bool(request.user.is_superuser)
    form = TermForm(request.POST or None, vocabulary=vocabulary, parents=_parents(programme, vocabulary, None),
                    allow_shared=allow_shared)
    if request.method == "POST" and form.is_valid():
        shared = allow_shared and form.cleaned_data.get("shared")
        try:
            term = vocab.term_create(actor=request.user, vocabulary=vocabulary,
                                     programme=None if shared else programme, **form.values())
        except ValidationError as exc:
            _error_messages(request, exc)
        else:
            messages.success(request, _("The term “%(term)s” is added.") % {"term": term.label()})
            return redirect(_list_url(programme, vocabulary))
    return render(request, "evidence/vocabulary_term_form.html", {
        "programme": programme, "form": form, "vocabulary": vocabulary,
        "vocabulary_label": Vocabulary(vocabulary).label, "term": None,
        "back": _list_url(programme, vocabulary),
    })


@login_required
def term_edit_view(request, programme_id: int, pk: int):
    programme = vocab.get_programme_for_vocabularies(request.user, programme_id)
    term = vocab.get_term_for_user(request.user, programme, pk, write=True)
    initial = {name: getattr(term, name) for name in vocab.LABEL_FIELDS}
    initial.update(parent=term.parent_id, country=term.country, huridocs_code=term.huridocs_code,
                   description=term.description)
    form = TermForm(request.POST or None, initial=initial, vocabulary=term.vocabulary,
                    parents=_parents(programme, term.vocabulary, term), term=term)
    if request.method == "POST" and form.is_valid():
        try:
            vocab.term_update(actor=request.user, term=term, **form.values())
        except ValidationError as exc:
            _error_messages(request, exc)
            term.refresh_from_db()
        else:
            messages.success(request, _("The term is saved."))
            return redirect(_back(request, programme, term))
    return render(request, "evidence/vocabulary_term_form.html", {
        "programme": programme, "form": form, "vocabulary": term.vocabulary,
        "vocabulary_label": Vocabulary(term.vocabulary).label, "term": term, "usage": vocab.term_usage(term),
        "back": _back(request, programme, term), "next": request.GET.get("next", ""),
    })


@login_required
@require_POST
def term_retire_view(request, programme_id: int, pk: int):
    programme = vocab.get_programme_for_vocabularies(request.user, programme_id)
    term = vocab.get_term_for_user(request.user, programme, pk, write=True)
    retired = vocab.term_retire(actor=request.user, term=term)
    if len(retired) > 1:
        messages.success(request, _("“%(term)s” and the terms under it are retired: existing records keep them, "
                                    "new ones cannot choose them.") % {"term": term.label()})
    else:
        messages.success(request, _("“%(term)s” is retired: existing records keep it, new ones cannot choose it.")
                         % {"term": term.label()})
    return redirect(_back(request, programme, term))


@login_required
@require_POST
def term_restore_view(request, programme_id: int, pk: int):
    programme = vocab.get_programme_for_vocabularies(request.user, programme_id)
    term = vocab.get_term_for_user(request.user, programme, pk, write=True)
    try:
        vocab.term_restore(actor=request.user, term=term)
    except ValidationError as exc:
        _error_messages(request, exc)
    else:
        messages.success(request, _("“%(term)s” is in use again.") % {"term": term.label()})
    return redirect(_back(request, programme, term))


@login_required
@require_POST
def term_move_view(request, programme_id: int, pk: int):
    programme = vocab.get_programme_for_vocabularies(request.user, programme_id)
    term = vocab.get_term_for_user(request.user, programme, pk, write=True)
    try:
        vocab.term_move(actor=request.user, term=term, programme=programme, direction=request.POST.get("direction"))
    except ValidationError as exc:
        _error_messages(request, exc)
    return redirect(_back(request, programme, term))


@login_required
def term_delete_view(request, programme_id: int, pk: int):
    """Delete an unused term, after the password again and a confirmation; a term in use is refused."""
    programme = vocab.get_programme_for_vocabularies(request.user, programme_id)
    term = vocab.get_term_for_user(request.user, programme, pk, write=True)
    if confirm := reauth_redirect(request):
        return confirm
    usage = vocab.term_usage(term)
    if request.method == "POST":
        back = _list_url(programme, term.vocabulary)
        try:
            vocab.term_delete(actor=request.user, term=term)
        except ValidationError as exc:
            _error_messages(request, exc)
            return redirect("evidence:vocabulary_term_delete", programme_id=programme.pk, pk=term.pk)
        messages.success(request, _("The term is deleted."))
        return redirect(back)
    return render(request, "evidence/vocabulary_term_delete.html", {
        "programme": programme, "term": term, "usage": usage,
        "back": reverse("evidence:vocabulary_term_edit", args=[programme.pk, term.pk]),
    })
