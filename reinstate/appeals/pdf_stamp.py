"""Drawing onto finished PDF pages without re-reading their drawing.

pypdf's merge_page parses both content streams to rename resources; on a 64-page packet that
is most of the build. Here an overlay page becomes a Form XObject, and the page's contents
are wrapped: `q` + its own contents + `Q`, then the form drawn at the page's origin. The
page's own drawing is untouched, whatever state it leaves, and the overlay comes on top.
A photo is drawn the same way, as an Image XObject holding its JPEG bytes unchanged.
"""

from __future__ import annotations

from typing import NamedTuple

from pypdf import PageObject, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
)


class Jpeg(NamedTuple):
    data: bytes  # a whole JPEG file: PDF readers decode it (DCTDecode) as it is
    width: int  # pixels
    height: int
    gray: bool


Rect = tuple[float, float, float, float]  # left, bottom, right, top, in points


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


def take_links(page: PageObject, prefix: str) -> list[tuple[str, Rect]]:
    """Remove the page's links whose address starts with `prefix`; return (the rest of the
    address, the link's rectangle) for each."""
    annots = page.get(NameObject("/Annots"))
    if annots is None:
        return []
    kept = ArrayObject()
    found = []
    for ref in annots.get_object():
        annot = ref.get_object()
        uri = annot.get("/A", DictionaryObject()).get_object().get("/URI", "")
        if annot.get("/Subtype") == "/Link" and str(uri).startswith(prefix):
            left, bottom, right, top = (float(v) for v in annot["/Rect"])
            found.append((str(uri)[len(prefix) :], (left, bottom, right, top)))
        else:
            kept.append(ref)
    if kept:
        page[NameObject("/Annots")] = kept
    else:
        del page[NameObject("/Annots")]
    return found


def draw_jpeg(writer: PdfWriter, page: PageObject, jpeg: Jpeg, rect: Rect, name: str) -> None:
    """Draw the JPEG filling `rect` on `page` (a page of `writer`), over what is there."""
    image = DecodedStreamObject()
    image.set_data(jpeg.data)
    image.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(jpeg.width),
            NameObject("/Height"): NumberObject(jpeg.height),
            NameObject("/ColorSpace"): NameObject("/DeviceGray" if jpeg.gray else "/DeviceRGB"),
            NameObject("/BitsPerComponent"): NumberObject(8),
            NameObject("/Filter"): NameObject("/DCTDecode"),
        }
    )
    resources = _own_dict(page, "/Resources")
    _own_dict(resources, "/XObject")[NameObject(name)] = writer._add_object(image)
    left, bottom, right, top = rect
    # The page's own drawing is wrapped in q ... Q, so whatever state it leaves, the photo
    # lands in the page's own coordinates.
    drawing = f"\nQ\nq {right - left:g} 0 0 {top - bottom:g} {left:g} {bottom:g} cm {name} Do Q\n"
    page[NameObject("/Contents")] = ArrayObject(
        [_stream(writer, b"q\n"), *_content_refs(page), _stream(writer, drawing.encode())]
    )
