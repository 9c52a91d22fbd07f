import getpass
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ovoz.accounts.models import User
from ovoz.accounts.roles import Role
from ovoz.accounts.services import user_create, user_set_password
from ovoz.audit.models import AuditEntry
from ovoz.audit.services import audit_write
from ovoz.programmes.models import Membership, Partnership, Programme
from ovoz.programmes.services import membership_grant, membership_revoke


class Command(BaseCommand):
    help = "Manage people: create, list, set-role, remove-role, set-password, reset-2fa."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        c = sub.add_parser("create", help="Create an account.")
        c.add_argument("username")
        c.add_argument("--email", default="")
        c.add_argument("--full-name", default="")
        c.add_argument("--language", default="")
        c.add_argument("--superuser", action="store_true", help="A site administrator (all programmes).")
        c.add_argument("--password-stdin", action="store_true", help="Read the password from standard input.")
        sub.add_parser("list", help="List accounts and their roles.")
        r = sub.add_parser("set-role", help="Give a person a role in a programme or a partnership.")
        r.add_argument("username")
        r.add_argument("--programme", type=int, required=True, help="Programme id (see `ovoz user list`).")
        r.add_argument("--role", required=True, choices=Role.values)
        r.add_argument("--partnership", type=int, help="Partnership id, for mentor, researcher, co-researcher.")
        rr = sub.add_parser("remove-role", help="Take a role away.")
        rr.add_argument("username")
        rr.add_argument("--programme", type=int, required=True)
        rr.add_argument("--partnership", type=int)
        p = sub.add_parser("set-password", help="Set a new password (read from standard input or asked).")
        p.add_argument("username")
        p.add_argument("--password-stdin", action="store_true")
        t = sub.add_parser("reset-2fa", help="Remove a person's authenticator and recovery codes (lost phone).")
        t.add_argument("username")

    def _user(self, username) -> User:
        try:
            return User.objects.get(username__iexact=username)
        except User.DoesNotExist:
            raise CommandError(f"There is no account named {username!r}.") from None

    def _password(self, from_stdin: bool) -> str:
        if from_stdin:
            return sys.stdin.readline().rstrip("\n")
        if not sys.stdin.isatty():
            raise CommandError("Give the password with --password-stdin when not at a terminal.")
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ.")
        return first

    def handle(self, *args, action, **o):
        try:
            getattr(self, "do_" + action.replace("-", "_"))(**o)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc

    def do_create(self, username, email, full_name, language, superuser, password_stdin, **_):
        password = self._password(password_stdin)
        user = user_create(
            actor=None,
            username=username,
            password=password,
            email=email,
            full_name=full_name,
            language=language,
            is_superuser=superuser,
        )
        self.stdout.write(self.style.SUCCESS(f"Created {user.username} (id {user.pk})."))

    def do_list(self, **_):
        users = User.objects.order_by("username").prefetch_related(
            "memberships__programme", "memberships__partnership__organisation"
        )
        for u in users:
            roles = "; ".join(f"{m.role} @ {self._where(m)}" for m in u.memberships.all())
            flags = " [admin]" if u.is_superuser else ""
            flags += "" if u.is_active else " [inactive]"
            self.stdout.write(f"{u.pk:>4}  {u.username:<24}{flags}  {roles or '-'}")
        self.stdout.write("")
        for pr in Programme.objects.all():
            self.stdout.write(f"programme {pr.pk}: {pr}")
            for pa in pr.partnerships.select_related("organisation"):
                self.stdout.write(f"  partnership {pa.pk}: {pa}")

    @staticmethod
    def _where(m) -> str:
        if m.partnership_id:
            return f"partnership {m.partnership_id} {m.partnership.organisation.name}"
        return f"programme {m.programme_id}"

    def do_set_role(self, username, programme, role, partnership, **_):
        user = self._user(username)
        prog = Programme.objects.filter(pk=programme).first()
        if prog is None:
            raise CommandError(f"There is no programme {programme}.")
        part = None
        if partnership is not None:
            part = Partnership.objects.filter(pk=partnership, programme=prog).first()
            if part is None:
                raise CommandError(f"There is no partnership {partnership} in programme {programme}.")
        m = membership_grant(actor=None, user=user, programme=prog, role=role, partnership=part)
        self.stdout.write(self.style.SUCCESS(f"{user.username} is now {m.get_role_display()} in {part or prog}."))

    def do_remove_role(self, username, programme, partnership, **_):
        user = self._user(username)
        m = Membership.objects.filter(user=user, programme_id=programme, partnership_id=partnership).first()
        if m is None:
            raise CommandError("That person has no role there.")
        membership_revoke(actor=None, membership=m)
        self.stdout.write(self.style.SUCCESS("Role removed."))

    def do_set_password(self, username, password_stdin, **_):
        user = self._user(username)
        user_set_password(actor=None, user=user, password=self._password(password_stdin))
        self.stdout.write(self.style.SUCCESS("Password set."))

    @transaction.atomic
    def do_reset_2fa(self, username, **_):
        user = self._user(username)
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        audit_write(
            actor=None,
            action="auth.second_factor_reset",
            kind=AuditEntry.Kind.AUTH,
            object_repr=user.username,
        )
        self.stdout.write(self.style.SUCCESS(f"{user.username} will set up a new second factor at next sign-in."))
