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
    RectangleObject,
)


class Jpeg(NamedTuple):
    data: bytes  # a whole JPEG file: PDF readers decode it (DCTDecode) as it is
    width: int  # pixels
    height: int
    gray: bool


Rect = tuple[float, float, float, float]  # left, bottom, right, top, in points

# The page a box that says nothing sensible stands for (zero size, no box at all): US Letter,
# where most content streams draw.
DEFAULT_BOX: Rect = (0.0, 0.0, 612.0, 792.0)
# A page narrower or shorter than this has no room for the exhibit stamp (top right), the
# footer and the page number (bottom): it is set on a larger canvas, the labels beside it.
ROOMY = (320.0, 200.0)
CANVAS_WIDTH = 420.0  # the narrowest canvas a small page is set on
BAND = 60.0  # the strip above and below a small page for the labels (a footer may wrap)


def fit_for_labels(writer: PdfWriter, page: PageObject, *, grow: bool = True) -> None:
    """Make `page` (a page of `writer`) one the overlay's labels show on, whatever its boxes.

    What a reader shows is the crop box within the media box; the overlay is drawn over the
    media box. So the media box becomes the visible box (a crop box outside the media box, or
    of no size, is ignored; a media box of no size or turned inside out is read sensibly), and
    the other boxes go. A page too small for the labels (a 50 pt square, a till receipt) gets
    a larger canvas: its drawing stays where it is, at its own size, in the middle, clipped to
    the page as before and framed by a hairline, and the stamp, footer and page number fall
    in the margins around it rather than off the page. The page's own drawing is never
    rewritten. With `grow` False, only the boxes are made sane (before a turn, set_upright)."""
    media = _sane(page.get("/MediaBox")) or DEFAULT_BOX
    visible = media
    crop = _sane(page.get("/CropBox"))
    if crop is not None:
        visible = _intersect(crop, media) or media
    left, bottom, right, top = visible
    width, height = right - left, top - bottom
    if grow and (width < ROOMY[0] or height < ROOMY[1]):
        # What was outside the page stays unseen (clipped to it), and a hairline shows where
        # the page ends on the canvas.
        frame = f"{left:g} {bottom:g} {width:g} {height:g} re"
        page[NameObject("/Contents")] = ArrayObject(
            [
                _stream(writer, f"q {frame} W n\n".encode()),
                *_content_refs(page),
                _stream(writer, f"\nQ\nq 0.6 G 0.5 w {frame} S Q\n".encode()),
            ]
        )
        grow_x = max(0.0, CANVAS_WIDTH - width) / 2
        left, right = left - grow_x, right + grow_x
        bottom, top = bottom - BAND, top + BAND
    box = RectangleObject((left, bottom, right, top))
    page[NameObject("/MediaBox")] = box
    page[NameObject("/CropBox")] = RectangleObject((left, bottom, right, top))
    for other in ("/TrimBox", "/BleedBox", "/ArtBox"):
        if other in page:
            del page[NameObject(other)]


def set_upright(page: PageObject) -> None:
    """Turn a rotated page's drawing upright, so the overlay lands as the page is seen. A
    /Rotate that is not a quarter turn (45, a name, garbage) is one no reader applies: it goes."""
    raw = page.get("/Rotate")
    if raw is None:
        return
    value = raw.get_object()
    turn = int(value) % 360 if isinstance(value, int | float) and not value % 90 else 0
    if not turn:
        del page[NameObject("/Rotate")]
        return
    page[NameObject("/Rotate")] = NumberObject(turn)  # -90 is 270
    page.transfer_rotation_to_content()


def _sane(raw: PdfObject | None) -> Rect | None:
    """A box as (left, bottom, right, top) with left < right and bottom < top, or None for
    one that is missing, malformed or of no size."""
    if raw is None:
        return None
    found = raw.get_object()
    if not isinstance(found, ArrayObject):
        return None
    try:
        values = [float(v) for v in found]
    except (TypeError, ValueError, AttributeError):
        return None
    if len(values) != 4 or any(v != v or abs(v) > 14_400 * 100 for v in values):  # NaN, absurd
        return None
    x0, y0, x1, y1 = values
    left, right, bottom, top = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
    if right - left < 1 or top - bottom < 1:
        return None
    return (left, bottom, right, top)


def _intersect(a: Rect, b: Rect) -> Rect | None:
    left, bottom = max(a[0], b[0]), max(a[1], b[1])
    right, top = min(a[2], b[2]), min(a[3], b[3])
    if right - left < 1 or top - bottom < 1:
        return None
    return (left, bottom, right, top)


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
