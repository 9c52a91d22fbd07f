"""Reading ODK Central's "CSV zip" export: the form's main table and one table per repeat group.

Central (like ODK Briefcase before it) writes ``FORM.csv`` with one row per submission and a ``KEY`` column
(``uuid:…``), and ``FORM-REPEAT.csv`` for each repeat group, whose rows name their submission in
``PARENT_KEY`` (a repeat inside a repeat names the outer item, ``uuid:…/outer[1]``). Media files of the
submissions sit under ``media/`` and are left aside.

The zip is checked before anything is unpacked: its members' sizes (as declared, and again while reading, so a
zip that lies about them is stopped too), no other kind of file, one main table, repeat tables named after
it. Every message names the file it is about.
"""

import io
import posixpath
import zipfile

from django.utils.translation import gettext as _

from ovoz.imports.files import CSV_ZIP, MB, ImportFileError, SubmissionFile, Table, from_tables, read_csv

# Unpacked, the tables are read into memory: a limit well under the server's memory, and far above what
# 50 MB of JSON holds.
MAX_UNPACKED = 150 * MB
MAX_TABLES = 100
IGNORED = ("media/", "__MACOSX/")


def _tables_in(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    members = []
    for info in archive.infolist():
        name = info.filename
        if info.is_dir() or name.startswith(IGNORED) or "/media/" in name:
            continue
        if not name.lower().endswith(".csv"):
            raise ImportFileError(_(
                "The zip holds “%(name)s”, which is not a CSV table: upload the zip exactly as ODK Central gave it "
                "(Submissions → Download → CSV zip), or only its CSV files.") % {"name": name})
        if info.flag_bits & 0x1:
            raise ImportFileError(_("“%(name)s” in the zip is protected by a password: export it again without "
                                    "one.") % {"name": name})
        members.append(info)
    if not members:
        raise ImportFileError(_("The zip holds no CSV table: is it ODK Central's CSV export?"))
    if len(members) > MAX_TABLES:
        raise ImportFileError(_("The zip holds %(n)s tables; an export of one form holds far fewer.")
                              % {"n": len(members)})
    declared = sum(info.file_size for info in members)
    if declared > MAX_UNPACKED:
        raise ImportFileError(_("The zip unpacks to %(size)s MB; at most %(max)s MB are read. Export fewer "
                                "submissions at a time (for example by date).")
                              % {"size": round(declared / MB, 1), "max": MAX_UNPACKED // MB})
    return members


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """The member's bytes, never more than ``budget``: the sizes a zip declares may lie."""
    with archive.open(info) as fh:
        data = fh.read(budget + 1)
    if len(data) > budget:
        raise ImportFileError(_("The zip unpacks to more than %(max)s MB (more than it declares); it was not read.")
                              % {"max": MAX_UNPACKED // MB})
    return data


def read_csv_zip(content: bytes) -> SubmissionFile:
    """The submissions of an ODK Central CSV zip, with the items of their repeat groups."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError):
        raise ImportFileError(_("The zip is damaged: download it from ODK Central again.")) from None
    budget, tables, encodings = MAX_UNPACKED, [], set()
    with archive:
        for info in _tables_in(archive):
            name = posixpath.basename(info.filename)
            try:
                data = _read(archive, info, budget)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError):
                raise ImportFileError(_("“%(name)s” in the zip could not be unpacked: download the zip again.")
                                      % {"name": name}) from None
            budget -= len(data)
            try:
                table, encoding = read_csv(data)
            except ImportFileError as exc:
                raise ImportFileError(f"{name}: {' '.join(exc.messages)}") from None
            table.name = name[:-4]
            tables.append(table)
            encodings.add(encoding)
    main, repeats = _main_and_repeats(tables)
    _check_links(main, repeats)
    return from_tables([main, *repeats], CSV_ZIP, encodings.pop() if len(encodings) == 1 else "")


def _main_and_repeats(tables: list[Table]) -> tuple[Table, list[Table]]:
    mains = [t for t in tables if "PARENT_KEY" not in t.headers]
    if not mains:
        raise ImportFileError(_("The zip has no main table (the one named after the form, without PARENT_KEY): "
                                "only repeat groups' tables. Upload the whole export."))
    if len(mains) > 1:
        raise ImportFileError(_("The zip holds several main tables (%(names)s): export and import one form at a "
                                "time.") % {"names": ", ".join(f"{t.name}.csv" for t in mains)})
    main = mains[0]
    if "KEY" not in main.headers:
        raise ImportFileError(_("%(name)s.csv has no KEY column, which links the repeat groups' tables to their "
                                "submissions: is it ODK Central's export?") % {"name": main.name})
    repeats = []
    for table in tables:
        if table is main:
            continue
        if not table.name.startswith(main.name + "-") or "KEY" not in table.headers:
            raise ImportFileError(_("%(name)s.csv is not a repeat group of the form %(form)s (its tables are named "
                                    "%(form)s-GROUP.csv and have KEY and PARENT_KEY columns).")
                                  % {"name": table.name, "form": main.name})
        table.name = table.name[len(main.name) + 1:]
        repeats.append(table)
    return main, repeats


def _check_links(main: Table, repeats: list[Table]) -> None:
    """Every item belongs to a submission of the main table, or to an item of another repeat group."""
    keys = {values.get("KEY", "") for _row, values in main.rows}
    for table in repeats:
        keys.update(values.get("KEY", "") for _row, values in table.rows)
    for table in repeats:
        for row, values in table.rows:
            if values.get("PARENT_KEY", "") not in keys:
                raise ImportFileError(_(
                    "Row %(row)s of %(name)s belongs to %(parent)s, which is in none of the zip's tables: are the "
                    "files from one export?") % {"row": row, "name": f"{main.name}-{table.name}.csv",
                                                 "parent": values.get("PARENT_KEY") or "—"})


def pack(tables: list[tuple[str, bytes]]) -> bytes:
    """A main CSV and its repeat groups' CSVs, given as separate files, zipped as ODK Central would."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in tables:
            archive.writestr(posixpath.basename(name), content)
    return out.getvalue()
