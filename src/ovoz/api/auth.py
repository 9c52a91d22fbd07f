from django.utils import timezone
from ninja.security import HttpBearer

from ovoz.accounts.models import ApiToken

# Tokens are "ovz_" and 43 URL-safe characters; anything much longer is not one of ours.
MAX_TOKEN_LENGTH = 200


class TokenAuth(HttpBearer):
    """Bearer tokens made on the account page.

    Only the SHA-256 digest of a token is stored, so a token is found by hashing what was sent.
    Unknown, revoked and deactivated-account tokens are refused alike (401). A session cookie is
    never accepted here, so the API needs no CSRF protection.
    """

    def authenticate(self, request, token):
        token = (token or "").strip()
        if not token.startswith("ovz_") or len(token) > MAX_TOKEN_LENGTH:
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
