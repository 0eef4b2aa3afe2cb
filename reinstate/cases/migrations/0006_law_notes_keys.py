"""A case keeps only which laws apply (their keys), not a copy of their notes.

The notes used to be written whole when a case opened, so a correction to the catalogue (a
summary, a source, a time limit) never reached an open case. They are now read from the
catalogue when shown; this turns each stored note into its law's key. Going back writes notes
that hold only the key: the pages of that older version showed the note's other fields, which
are blank until the deadline is worked out again.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations


def note_keys(notes: Any) -> list[str]:
    """The keys in a stored ``law_notes`` value: whole notes or keys, in their order, once."""
    keys: list[str] = []
    for item in notes if isinstance(notes, list) else []:
        key = item.get("key") if isinstance(item, dict) else item
        if isinstance(key, str) and key and key not in keys:
            keys.append(key)
    return keys


def notes_to_keys(apps: Any, schema_editor: Any) -> None:
    Case = apps.get_model("cases", "Case")
    for case in Case.objects.only("pk", "law_notes").iterator():
        keys = note_keys(case.law_notes)
        if keys != case.law_notes:
            Case.objects.filter(pk=case.pk).update(law_notes=keys)


def keys_to_notes(apps: Any, schema_editor: Any) -> None:
    Case = apps.get_model("cases", "Case")
    for case in Case.objects.only("pk", "law_notes").iterator():
        notes = [{"key": key} for key in note_keys(case.law_notes)]
        Case.objects.filter(pk=case.pk).update(law_notes=notes)


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_notice_copy_why")]

    operations = [migrations.RunPython(notes_to_keys, keys_to_notes, elidable=True)]
