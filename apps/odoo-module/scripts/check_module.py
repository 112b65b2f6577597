"""Static checks of the Odoo module that need no Odoo: Python syntax, manifest, data files, XML, CSV, translations.

    python3 apps/odoo-module/scripts/check_module.py [module_dir]   # prints a JSON report; exit 1 on problems
"""

import ast
import csv
import json
import os
import re
import sys
import xml.etree.ElementTree as ElementTree

REQUIRED_KEYS = ("name", "version", "license", "depends", "data", "installable", "summary", "author", "category")
LICENSES = {"LGPL-3", "GPL-3", "AGPL-3", "OPL-1", "OEEL-1", "Other OSI approved licence", "Other proprietary"}
VERSION = re.compile(r"^(17|18)\.0\.\d+\.\d+\.\d+$")
LANGUAGES = ("es", "pt_BR")
ACCESS_HEADER = ["id", "name", "model_id:id", "group_id:id", "perm_read", "perm_write", "perm_create", "perm_unlink"]


def check(module_dir):
    problems = []
    counts = {"python": 0, "xml": 0, "po": 0}
    name = os.path.basename(os.path.normpath(module_dir))

    for path in walk(module_dir, (".py",)):
        counts["python"] += 1
        try:
            with open(path, "rb") as handle:
                compile(handle.read(), path, "exec", dont_inherit=True)
        except SyntaxError as error:
            problems.append("%s: syntax error line %s: %s" % (rel(path, module_dir), error.lineno, error.msg))

    manifest_path = os.path.join(module_dir, "__manifest__.py")
    try:
        with open(manifest_path, encoding="utf-8") as handle:
            manifest = ast.literal_eval(handle.read())
    except (OSError, ValueError, SyntaxError) as error:
        return {"ok": False, "problems": ["__manifest__.py: not a Python literal dict (%s)" % error], "counts": counts}
    for key in REQUIRED_KEYS:
        if key not in manifest:
            problems.append("__manifest__.py: missing key %r" % key)
    if not VERSION.match(str(manifest.get("version", ""))):
        problems.append("__manifest__.py: version %r is not 17.0.x.y.z or 18.0.x.y.z" % manifest.get("version"))
    if manifest.get("license") not in LICENSES:
        problems.append("__manifest__.py: license %r is not one Odoo knows" % manifest.get("license"))
    for data_file in manifest.get("data", []) + manifest.get("demo", []):
        if not os.path.isfile(os.path.join(module_dir, data_file)):
            problems.append("__manifest__.py: data file %s does not exist" % data_file)
    for bundle, files in manifest.get("assets", {}).items():
        for asset in files:
            asset_path = asset if isinstance(asset, str) else asset[-1]
            if not asset_path.startswith(name + "/"):
                continue  # another module's asset (or an operation on one)
            if not os.path.isfile(os.path.join(os.path.dirname(os.path.normpath(module_dir)), asset_path)):
                problems.append("__manifest__.py: asset %s (%s) does not exist" % (asset_path, bundle))

    for path in walk(module_dir, (".xml",)):
        counts["xml"] += 1
        try:
            ElementTree.parse(path)
        except ElementTree.ParseError as error:
            problems.append("%s: XML does not parse: %s" % (rel(path, module_dir), error))

    access = os.path.join(module_dir, "security", "ir.model.access.csv")
    if os.path.isfile(access):
        with open(access, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        if not rows or rows[0] != ACCESS_HEADER:
            problems.append("security/ir.model.access.csv: header must be %s" % ",".join(ACCESS_HEADER))
        for number, row in enumerate(rows[1:], start=2):
            if len(row) != len(ACCESS_HEADER):
                problems.append("security/ir.model.access.csv line %d: %d columns, expected %d" % (number, len(row), len(ACCESS_HEADER)))

    for sub in ("models", "controllers", "tests"):
        init = os.path.join(module_dir, sub, "__init__.py")
        if not os.path.isfile(init):
            continue
        with open(init, encoding="utf-8") as handle:
            imported = set(re.findall(r"\b(\w+)\b", handle.read()))
        for entry in sorted(os.listdir(os.path.join(module_dir, sub))):
            stem, ext = os.path.splitext(entry)
            if ext == ".py" and stem not in ("__init__", "common") and stem not in imported:
                problems.append("%s/%s is not imported by %s/__init__.py" % (sub, entry, sub))

    i18n = os.path.join(module_dir, "i18n")
    pot = os.path.join(i18n, name + ".pot")
    msgids = set(po_entries(pot, problems, module_dir)) if os.path.isfile(pot) else set()
    if not msgids:
        problems.append("i18n/%s.pot: missing or empty" % name)
    for lang in LANGUAGES:
        path = os.path.join(i18n, lang + ".po")
        if not os.path.isfile(path):
            problems.append("i18n/%s.po: missing" % lang)
            continue
        counts["po"] += 1
        entries = po_entries(path, problems, module_dir)
        untranslated = sorted(m for m, s in entries.items() if m and not s)
        if untranslated:
            problems.append("i18n/%s.po: %d untranslated, e.g. %r" % (lang, len(untranslated), untranslated[0]))
        missing = sorted(msgids - set(entries))
        if missing:
            problems.append("i18n/%s.po: %d strings of the .pot missing, e.g. %r" % (lang, len(missing), missing[0]))
    return {"ok": not problems, "problems": problems, "counts": counts, "version": manifest.get("version")}


def po_entries(path, problems, module_dir):
    """msgid → msgstr of a .po/.pot file (enough of the format for a completeness check)."""
    entries, msgid, msgstr, current = {}, None, None, None
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().splitlines() + [""]
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if line.startswith("msgid "):
            if msgid is not None:
                entries[msgid] = msgstr
            msgid, msgstr, current = unquote(line[6:]), "", "id"
        elif line.startswith("msgstr "):
            msgstr, current = unquote(line[7:]), "str"
        elif line.startswith('"') and current:
            if current == "id":
                msgid += unquote(line)
            else:
                msgstr += unquote(line)
        elif not line or line.startswith("#"):
            current = None if not line else current
    if msgid is not None:
        entries[msgid] = msgstr
    if not entries:
        problems.append("%s: no entries" % rel(path, module_dir))
    return entries


def unquote(text):
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text.strip('"')


def walk(root, extensions):
    for directory, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in ("__pycache__", "node_modules")]
        for file in sorted(files):
            if file.endswith(extensions):
                yield os.path.join(directory, file)


def rel(path, root):
    return os.path.relpath(path, root)


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "mcp_crew_connector")
    report = check(os.path.abspath(target))
    print(json.dumps(report, indent=2, ensure_ascii=False))
    sys.exit(0 if report["ok"] else 1)
