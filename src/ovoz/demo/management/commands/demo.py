from django.core.management import call_command
from django.core.management.base import BaseCommand

from ovoz.demo import data
from ovoz.demo.load import demo_load


class Command(BaseCommand):
    help = "Load the demo programme (fictional people, real public programme facts). Safe to run again."

    def handle(self, *args, **options):
        call_command("init", verbosity=0)
        logins = demo_load()
        self.stdout.write(self.style.SUCCESS("The demo programme is loaded. Demo logins (all fictional):"))
        width = max(len(u) for u, _ in logins)
        for username, role in logins:
            self.stdout.write(f"  {username:<{width}}  {role}")
        self.stdout.write(f"Password for every demo login: {data.PASSWORD}")
