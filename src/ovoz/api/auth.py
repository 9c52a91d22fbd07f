from django.utils import timezone
from ninja.security import HttpBearer

from ovoz.accounts.models import ApiToken


class TokenAuth(HttpBearer):
    """Bearer tokens made on the account page; a revoked or unknown token is refused alike."""

    def authenticate(self, request, token):
        if not token or not token.startswith("ovz_"):
            return None
        found = (
            ApiToken.objects.select_related("user")
            .filter(digest=ApiToken.hash(token), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if found is None:
            return None
        # Record use at most once a minute, not on every call.
        now = timezone.now()
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user
