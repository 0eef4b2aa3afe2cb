"""Lay one page over another without re-reading either page's drawing.

pypdf's merge_page parses both content streams to rename resources; on a 64-page packet that
is most of the build. Here the overlay page becomes a Form XObject, and the page's contents
are wrapped: `q` + its own contents + `Q`, then the form drawn at the page's origin. The
page's own drawing is untouched, whatever state it leaves, and the overlay comes on top.
"""

from __future__ import annotations

from pypdf import PageObject, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    PdfObject,
)


def lay_over(writer: PdfWriter, page: PageObject, layer: PageObject, name: str) -> None:
    """Draw `layer` (a page of another document) over `page` (a page of `writer`)."""
    form = DecodedStreamObject()
    contents = layer.get_contents()
    form.set_data(contents.get_data() if contents is not None else b"")
    box = layer.mediabox
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(FloatObject(v) for v in (0, 0, box.width, box.height)),
            NameObject("/Resources"): layer["/Resources"].clone(writer),
        }
    )
    form_ref = writer._add_object(form)
    resources = _own_dict(page, "/Resources")
    xobjects = _own_dict(resources, "/XObject")
    xobjects[NameObject(name)] = form_ref
    left, bottom = float(page.mediabox.left), float(page.mediabox.bottom)
    before = _stream(writer, b"q\n")
    after = _stream(writer, f"\nQ\nq 1 0 0 1 {left:g} {bottom:g} cm {name} Do Q\n".encode())
    page[NameObject("/Contents")] = ArrayObject([before, *_content_refs(page), after])


def _own_dict(holder: DictionaryObject, key: str) -> DictionaryObject:
    """holder[key] as a dictionary of its own, made when missing."""
    value: PdfObject | None = holder.get(key)
    if value is None:
        created = DictionaryObject()
        holder[NameObject(key)] = created
        return created
    found = value.get_object()
    assert isinstance(found, DictionaryObject)
    return found


def _content_refs(page: PageObject) -> list[PdfObject]:
    raw = page.get(NameObject("/Contents"))
    if raw is None:
        return []
    found = raw.get_object() if isinstance(raw, IndirectObject) else raw
    return list(found) if isinstance(found, ArrayObject) else [raw]


def _stream(writer: PdfWriter, data: bytes) -> IndirectObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream)
