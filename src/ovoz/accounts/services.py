"""Every change to users, organisations and API tokens, each with its audit row."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.accounts.models import ApiToken, Organisation, User
from ovoz.audit.models import AuditEntry
from ovoz.audit.services import audit_write, audited_update, diff, snapshot

USER_FIELDS = ["username", "email", "full_name", "organisation", "language", "is_active", "is_superuser"]
ORG_FIELDS = ["name", "short_name", "kind", "country", "women_led", "migrant_led"]


@transaction.atomic
def user_create(
    *,
    actor,
    username: str,
    password: str | None,
    email: str = "",
    full_name: str = "",
    organisation: Organisation | None = None,
    language: str = "",
    is_superuser: bool = False,
    is_fictional: bool = False,
    validate: bool = True,
) -> User:
    username = username.strip()
    if not username:
        raise ValidationError(_("A username is required."))
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(_("The username %(username)s is already taken.") % {"username": username})
    user = User(
        username=username,
        email=email.strip(),
        full_name=full_name.strip(),
        organisation=organisation,
        language=language,
        is_superuser=is_superuser,
        is_staff=False,
        is_fictional=is_fictional,
    )
    if password:
        if validate:
            validate_password(password, user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    audit_write(
        actor=actor,
        action="user.create",
        obj=user,
        object_repr=user.username,
        changes=diff({}, snapshot(user, USER_FIELDS)),
    )
    return user


@transaction.atomic
def user_update(*, actor, user: User, **values) -> User:
    return audited_update(
        actor=actor, instance=user, fields=USER_FIELDS, values=values, action="user.update", clean=False,
        object_repr=user.username,
    )


@transaction.atomic
def user_set_password(*, actor, user: User, password: str, validate: bool = True) -> User:
    if validate:
        validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_write(
        actor=actor,
        action="user.set_password",
        obj=user,
        object_repr=user.username,
        kind=AuditEntry.Kind.AUTH,
    )
    return user


@transaction.atomic
def organisation_create(*, actor, name: str, **values) -> Organisation:
    name = name.strip()
    if not name:
        raise ValidationError(_("An organisation needs a name."))
    if Organisation.objects.filter(name__iexact=name).exists():
        raise ValidationError(_("An organisation named %(name)s already exists.") % {"name": name})
    org = Organisation(name=name, **values)
    org.full_clean()
    org.save()
    audit_write(actor=actor, action="organisation.create", obj=org, changes=diff({}, snapshot(org, ORG_FIELDS)))
    return org


@transaction.atomic
def organisation_update(*, actor, organisation: Organisation, **values) -> Organisation:
    return audited_update(
        actor=actor, instance=organisation, fields=ORG_FIELDS, values=values, action="organisation.update"
    )


@transaction.atomic
def api_token_create(*, actor, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token and return it with its secret, which is never stored or shown again."""
    name = name.strip() or _("API token")
    secret = ApiToken.generate()
    token = ApiToken.objects.create(user=user, name=name[:100], prefix=secret[:12], digest=ApiToken.hash(secret))
    audit_write(actor=actor, action="api_token.create", obj=token, kind=AuditEntry.Kind.AUTH)
    return token, secret


@transaction.atomic
def api_token_revoke(*, actor, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_write(actor=actor, action="api_token.revoke", obj=token, kind=AuditEntry.Kind.AUTH)
    return token
