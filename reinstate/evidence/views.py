"""Evidence pages and files. Thin: parse, look up through queries, act through actions, render.

Every view starts from get_case_for_user, so an outsider gets 404 for the list, every item,
preview, download and search. Files are served with nosniff and a sandboxing policy; an
original is always an attachment, byte for byte.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotFound, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.cases.queries import get_case_for_user
from reinstate.evidence import queries
from reinstate.evidence.actions import (
    do_add_evidence,
    do_describe_evidence,
    do_move_evidence,
    do_restore_evidence,
    do_set_incident_day,
    do_withdraw_evidence,
    kept_until,
    size_text,
)
from reinstate.evidence.blobstore import default_store
from reinstate.evidence.forms import AddEvidenceForm, DescribeEvidenceForm, IncidentDayForm
from reinstate.evidence.presenters import item_views, locker_page
from reinstate.evidence.sniff import EvidenceFileError
from reinstate.evidence.uploads import EvidenceLimitHandler, request_limit
from reinstate.lib.dates import when
from reinstate.lib.page_context import page_context
from reinstate.rules.appeal.next_step import EVIDENCE, TOTAL_STEPS

FILE_POLICY = "default-src 'none'; sandbox"


def _locker(
    request: AuthenticatedHttpRequest, case_id: int, *, form: AddEvidenceForm | None = None
) -> HttpResponse:
    """The locker page; `form` is an add that was refused, shown with its errors."""
    case = get_case_for_user(request.user, case_id)
    checklist = queries.checklist_of(case)
    day = queries.incident_day(case)
    just_withdrawn = request.GET.get("withdrawn", "")
    page = locker_page(
        case,
        list(queries.items_of(case)),
        checklist=checklist,
        day=day.day if day else None,
        tile_url=settings.EVIDENCE_MAP_TILES,
        withdrawn=list(queries.withdrawn_of(case)),
        just_withdrawn=int(just_withdrawn) if just_withdrawn.isdigit() else None,
    )
    if form is None:
        form = AddEvidenceForm(checklist=checklist)
    context = page_context(page) | {
        "keep_days": settings.WITHDRAWN_KEEP_DAYS,
        "form": form,
        "checklist": checklist,
        "recommended": sum(1 for c in checklist if not c.required),
        "day_form": IncidentDayForm(initial={"day": page.day}),
        # The locker is one step of the guided path: "Step 5 of 11" at its top.
        "step": EVIDENCE,
        "total_steps": TOTAL_STEPS,
    }
    status = 400 if form.errors else 200
    return render(request, "evidence/locker.html", context, status=status)


@require_GET
@login_required
def locker(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    return _locker(request, case_id)


@csrf_exempt
@require_POST
@login_required
def add(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    """Upload files. The size check comes before Django reads the body: a 2 GB upload is
    refused from its Content-Length, and one that hides its size is cut off at the limit."""
    get_case_for_user(request.user, case_id)  # 404 for an outsider before any byte is read
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > request_limit():
        message = _(
            "That upload is %(size)s, more than the %(limit)s one upload can carry. Nothing was "
            "added. Send fewer or smaller files at once."
        ) % {"size": size_text(declared), "limit": size_text(request_limit())}
        return _refused(request, case_id, message, status=413)
    limiter = EvidenceLimitHandler(request)
    request.upload_handlers.insert(0, limiter)
    return _add(request, case_id, limiter)


@csrf_protect
def _add(
    request: AuthenticatedHttpRequest, case_id: int, limiter: EvidenceLimitHandler
) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    form = AddEvidenceForm(request.POST, request.FILES, checklist=queries.checklist_of(case))
    # A file refused for its size never reaches the form: its "missing" error is replaced
    # by the reason it was refused.
    only_refused = bool(limiter.refused) and set(form.errors) <= {"evidence_files"}
    if not form.is_valid() and not only_refused:
        if _wants_json(request):
            errors = [str(e) for errors in form.errors.values() for e in errors]
            return _json([], errors, status=400)
        return _locker(request, case_id, form=form)
    data = form.cleaned_data
    added, problems = [], list(limiter.refused)
    for upload in data.get("evidence_files", []):
        try:
            result = do_add_evidence(
                case=case,
                actor=request.user,
                source=upload,
                filename=upload.name or "",
                kind=data.get("kind") or None,
                description=data.get("description", ""),
                proves=data.get("proves", ""),
                satisfies=list(data.get("satisfies", [])),
            )
        except EvidenceFileError as error:
            problems.append(_("“%(name)s”: %(error)s") % {"name": upload.name, "error": error})
        else:
            item = result.item
            names = {"name": item.filename, "exhibit": item.exhibit}
            if result.duplicate:
                text = _("“%(name)s” is already exhibit %(exhibit)s (the same file).") % names
            elif result.restored:
                text = (
                    _("“%(name)s” had been withdrawn: it is back as exhibit %(exhibit)s.") % names
                )
            else:
                text = _("Added “%(name)s” as exhibit %(exhibit)s.") % names
            added.append(text)
    for text in added:
        messages.success(request, text)
    if _wants_json(request):
        # The script shows each file's outcome itself, then reloads the page (which shows
        # what was added, from the messages above).
        return _json(added, problems, status=200 if not problems else 400)
    for text in problems:
        messages.error(request, text)
    return redirect("evidence:locker", case_id=case_id)


def _wants_json(request: AuthenticatedHttpRequest) -> bool:
    return request.headers.get("Accept", "").startswith("application/json")


def _json(added: list[str], problems: list[str], *, status: int) -> JsonResponse:
    return JsonResponse({"added": added, "problems": problems}, status=status)


def _refused(
    request: AuthenticatedHttpRequest, case_id: int, message: str, *, status: int
) -> HttpResponse:
    if _wants_json(request):
        return _json([], [message], status=status)
    messages.error(request, message)
    response = _locker(request, case_id)
    response.status_code = status
    return response


@require_http_methods(["GET", "POST"])
@login_required
def item(request: AuthenticatedHttpRequest, case_id: int, item_id: int) -> HttpResponse:
    evidence = queries.get_item_for_user(request.user, case_id, item_id)
    case = evidence.case
    checklist = queries.checklist_of(case)
    initial = {
        "kind": evidence.kind,
        "description": evidence.description,
        "proves": evidence.proves,
        "note": evidence.note,
        "satisfies": list(evidence.satisfies.all()),
    }
    form = DescribeEvidenceForm(request.POST or None, initial=initial, checklist=checklist)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        do_describe_evidence(
            item=evidence,
            actor=request.user,
            kind=data["kind"],
            description=data["description"],
            proves=data["proves"],
            note=data["note"],
            satisfies=list(data["satisfies"]),
        )
        messages.success(
            request, _("Exhibit %(exhibit)s is saved.") % {"exhibit": evidence.exhibit}
        )
        return redirect("evidence:locker", case_id=case_id)
    day = queries.incident_day(case)
    everything = list(queries.items_of(case))
    views = item_views(everything, tz=case.tz, day=day.day if day else None)
    view = next(v for v in views if v.item.pk == evidence.pk)
    return render(
        request,
        "evidence/item.html",
        {
            "case": case,
            "view": view,
            "form": form,
            "checklist": checklist,
            "keep_days": settings.WITHDRAWN_KEEP_DAYS,
        },
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def withdraw(request: AuthenticatedHttpRequest, case_id: int, item_id: int) -> HttpResponse:
    evidence = queries.get_item_for_user(request.user, case_id, item_id)
    label, name = evidence.exhibit, evidence.filename
    withdrawn = do_withdraw_evidence(item=evidence, actor=request.user)
    assert withdrawn.withdrawn_at is not None
    until = kept_until(withdrawn.withdrawn_at).astimezone(evidence.case.tz)
    messages.success(
        request,
        _(
            "Exhibit %(exhibit)s (“%(name)s”) was withdrawn from this case. You can put it back "
            "until %(until)s; after that it is deleted for good. The case history keeps that it "
            "was added, and its fingerprint (SHA-256)."
        )
        % {"exhibit": label, "name": name, "until": when(until.date(), "date_long")},
    )
    # The locker offers Undo for this item (under "Withdrawn recently" it stays on offer).
    return redirect(reverse("evidence:locker", args=[case_id]) + f"?withdrawn={evidence.pk}")


@require_POST
@login_required
def put_back(request: AuthenticatedHttpRequest, case_id: int, item_id: int) -> HttpResponse:
    """Undo a withdrawal: the item returns to its old place in the case."""
    evidence = queries.get_withdrawn_item_for_user(request.user, case_id, item_id)
    name = evidence.filename
    back = do_restore_evidence(item=evidence, actor=request.user)
    if back is None:
        messages.error(
            request,
            _("“%(name)s” was deleted for good. Add the file again if you still have it.")
            % {"name": name},
        )
        return redirect("evidence:locker", case_id=case_id)
    names = {"name": name, "exhibit": back.exhibit}
    if evidence.withdrawn_at is None:
        messages.success(
            request, _("“%(name)s” is already in this case, as exhibit %(exhibit)s.") % names
        )
    else:
        messages.success(
            request, _("“%(name)s” is back in this case, as exhibit %(exhibit)s.") % names
        )
    return redirect(reverse("evidence:locker", args=[case_id]) + f"#item-{back.pk}")


@require_POST
@login_required
def move(request: AuthenticatedHttpRequest, case_id: int, item_id: int) -> HttpResponse:
    evidence = queries.get_item_for_user(request.user, case_id, item_id)
    step = -1 if request.POST.get("direction") == "up" else 1
    do_move_evidence(item=evidence, actor=request.user, step=step)
    return redirect(reverse("evidence:locker", args=[case_id]) + f"#item-{evidence.pk}")


@require_POST
@login_required
def incident_day(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    form = IncidentDayForm(request.POST)
    if form.is_valid():
        do_set_incident_day(case=case, actor=request.user, day=form.cleaned_data["day"])
    else:
        messages.error(request, _("Enter the day as a date, e.g. 2026-11-02."))
    # The fragment is inside the folded "When and where" section: the browser opens it there.
    return redirect(reverse("evidence:locker", args=[case_id]) + "#day-form")


@require_GET
@login_required
def search(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    words = request.GET.get("q", "").strip()[:200]
    found = queries.search_items(case, words) if words else []
    day = queries.incident_day(case)
    context = {
        "case": case,
        "q": words,
        "results": item_views(found, tz=case.tz, day=day.day if day else None),
    }
    template = "evidence/partials/_results.html" if request.htmx else "evidence/search.html"
    return render(request, template, context)


@require_GET
@login_required
def preview(
    request: AuthenticatedHttpRequest, case_id: int, item_id: int, size: str
) -> HttpResponseBase:
    """A rendition (JPEG we made ourselves), shown in the page; rebuilt if it went missing.
    Before its queued job has made it, a plain 404 that says so (the pages show a placeholder
    then, never this address)."""
    evidence = queries.get_item_for_user(request.user, case_id, item_id)
    blob = evidence.blob
    if size in ("page", "thumb") and blob.preview_pending and not blob.has_renditions:
        return HttpResponseNotFound(
            _("Preview on its way: reload the page in a moment."),
            content_type="text/plain; charset=utf-8",
        )
    if size not in ("page", "thumb") or not blob.has_renditions:
        raise Http404("No preview")
    store = default_store()
    try:
        handle = store.open_rendition(blob.sha256, size)
    except FileNotFoundError:
        try:
            store.ensure_renditions(blob.sha256, blob.media_type)
            handle = store.open_rendition(blob.sha256, size)
        except (EvidenceFileError, FileNotFoundError):  # a damaged picture, or a lost original
            raise Http404("No preview: run `reinstate verify`.") from None
        finally:
            store.close()
    response = FileResponse(handle, content_type="image/jpeg")
    response["Content-Disposition"] = "inline"
    return _guarded(response, cache="private, max-age=86400")


@require_GET
@login_required
def download(request: AuthenticatedHttpRequest, case_id: int, item_id: int) -> HttpResponseBase:
    """The original, byte for byte, always as an attachment (never opened by the browser)."""
    evidence = queries.get_item_for_user(request.user, case_id, item_id)
    blob = evidence.blob
    try:
        handle = default_store().open(blob.sha256)
    except FileNotFoundError:
        raise Http404("The stored original is missing: run `reinstate verify`.") from None
    response = FileResponse(
        handle, as_attachment=True, filename=evidence.filename, content_type=blob.media_type
    )
    return _guarded(response, cache="private, no-store")


def _guarded(response: FileResponse, *, cache: str) -> FileResponse:
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_POLICY
    response["Cache-Control"] = cache
    return response
