"""An exhibit PDF's pages made inert before they go into a packet the platform and advocates
open: no script, no launching of programs, no files hidden inside, no actions when a page opens
or closes. What the page shows is kept; plain web links are kept."""

from __future__ import annotations

from pypdf import PageObject
from pypdf.generic import ArrayObject, DictionaryObject, NameObject

# Actions that run something, fetch something or reach outside the document.
_ACTIVE = {
    "/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE", "/Rendition",
    "/Sound", "/Movie", "/RichMediaExecute", "/ResetForm", "/Hide", "/SetOCGState",
}  # fmt: skip
# Annotations that carry a file, a sound, a film or active media.
_CARRIERS = {"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"}


def make_inert(page: PageObject) -> int:
    """Take the page's actions and active annotations out; returns how many were taken."""
    taken = 0
    if NameObject("/AA") in page:
        del page[NameObject("/AA")]
        taken += 1
    annotations = page.get("/Annots")
    if annotations is None:
        return taken
    kept = ArrayObject()
    for reference in annotations.get_object():
        annotation = reference.get_object()
        if not isinstance(annotation, DictionaryObject) or _is_active(annotation):
            taken += 1
            continue
        if NameObject("/AA") in annotation:
            del annotation[NameObject("/AA")]
            taken += 1
        kept.append(reference)
    page[NameObject("/Annots")] = kept
    return taken


def _is_active(annotation: DictionaryObject) -> bool:
    if annotation.get("/Subtype") in _CARRIERS:
        return True
    action = annotation.get("/A")
    while action is not None:  # an action may chain others through /Next
        action = action.get_object()
        if not isinstance(action, DictionaryObject) or action.get("/S") in _ACTIVE:
            return True
        action = action.get("/Next")
        if isinstance(action, ArrayObject):
            return any(
                isinstance(a.get_object(), DictionaryObject) and a.get_object().get("/S") in _ACTIVE
                for a in action
            )
    return False
