from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def compile_catalogs(verbose: bool = False) -> int:
    """Compile every .po catalog of Ovoz to .mo with polib (no GNU gettext needed)."""
    count = 0
    for locale_dir in settings.LOCALE_PATHS:
        for po_path in Path(locale_dir).glob("*/LC_MESSAGES/*.po"):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            count += 1
            if verbose:
                print(f"compiled {po_path.parent.parent.name}/{po_path.name}")
    return count


class Command(BaseCommand):
    help = "Compile the interface translations (.po to .mo)."

    def handle(self, *args, **options):
        n = compile_catalogs(verbose=options["verbosity"] > 1)
        self.stdout.write(f"{n} catalog(s) compiled.")
