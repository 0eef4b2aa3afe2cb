"""A page presenter's dataclass as the context a template reads."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


def page_context(page: DataclassInstance) -> dict[str, object]:
    """One template name per field, so the template reads `{{ case }}`, not `{{ page.case }}`.

    Shallow on purpose: dataclasses.asdict would deep-copy the model instances inside and turn
    nested dataclasses into dicts."""
    return {field.name: getattr(page, field.name) for field in fields(page)}
