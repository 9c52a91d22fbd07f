"""The session room: what the group reads together and the memos of its reading.

It shows the session's anonymised excerpts and nothing else of the evidence: no source title, no participant
code, no attribute. Excerpts whose source no longer allows analysis (a participant withdrew) are not shown, nor
the memos written on them. Invited co-researchers reach it once the session is open; the team at any time.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.analysis import access
from ovoz.analysis.forms.memos import MemoForm
from ovoz.analysis.services import sessions as services


@login_required
def session_room_view(request, pk: int):
    user = request.user
    session = access.get_session_for_user(user, pk)
    excerpts = list(services.session_excerpts(session).only("pk", "text", "order", "session_id"))
    memos = list(services.session_memos(session))
    by_excerpt: dict[int | None, list] = {}
    for memo in memos:
        by_excerpt.setdefault(memo.excerpt_id, []).append(memo)
    for excerpt in excerpts:
        excerpt.room_memos = by_excerpt.get(excerpt.pk, [])
    return render(request, "analysis/session_room.html", {
        "session": session, "excerpts": excerpts, "session_memos": by_excerpt.get(None, []),
        "can_write": services.can_write_in_room(user, session), "form": MemoForm(),
        "runs": access.can_run_session(user, session),
    })


@login_required
@require_POST
def session_room_memo_view(request, pk: int):
    user = request.user
    session = access.get_session_for_user(user, pk)
    excerpt = None
    if excerpt_id := request.POST.get("excerpt"):
        excerpt = services.session_excerpts(session).filter(pk=excerpt_id if str(excerpt_id).isdigit() else 0).first()
        if excerpt is None:
            messages.error(request, _("This excerpt is not in the session."))
            return redirect("analysis:session_room", pk=session.pk)
    form = MemoForm(request.POST)
    anchor = f"#excerpt-{excerpt.pk}" if excerpt else "#session-memos"
    if not form.is_valid():
        messages.error(request, _("A memo needs some text."))
    else:
        try:
            services.session_memo_create(actor=user, session=session, text=form.cleaned_data["text"],
                                         title=form.cleaned_data["title"], excerpt=excerpt)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The group's reading is recorded."))
    return redirect(reverse("analysis:session_room", args=[session.pk]) + anchor)
