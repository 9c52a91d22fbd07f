from django.http import Http404

from ovoz.mechanisms import access


def member_or_404(user) -> None:
    if not access.is_member(user):
        raise Http404


def editor_or_404(user) -> None:
    if not access.can_edit_registry(user):
        raise Http404


def clean_choice(value: str, allowed) -> str:
    return value if value in allowed else ""
