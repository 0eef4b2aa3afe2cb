"""Which originals something still holds: an item of any case (withdrawn or not), or a row of an
app above evidence that keeps originals too (a driver's records). Found through the relations
to Blob, so evidence needs no import of those apps; an original held by any row is never deleted.
"""

from __future__ import annotations

from collections.abc import Iterable

from reinstate.evidence.models import Blob


def held_originals(blob_ids: Iterable[int]) -> set[int]:
    """The ids among `blob_ids` that a row of any model still points at."""
    wanted = list(blob_ids)
    held: set[int] = set()
    if not wanted:
        return held
    for relation in Blob._meta.related_objects:
        field = relation.field
        # The base manager: withdrawn evidence items hold their original too.
        rows = relation.related_model._base_manager.filter(**{f"{field.name}__in": wanted})
        held.update(rows.values_list(field.attname, flat=True))
    return held
