"""The driver's records: the list, the add form, one record and its files, and the offer to a
case. Thin: parse, look up through queries (404 for anyone but the driver), act, render."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.cases.models import Case
from reinstate.cases.queries import get_own_case_for_user
from reinstate.comms.actions import Upload
from reinstate.evidence.actions import size_text
from reinstate.evidence.blobstore import default_store
from reinstate.evidence.uploads import EvidenceLimitHandler, request_limit
from reinstate.lib.page_context import page_context
from reinstate.lib.tz import typed_in
from reinstate.records import queries
from reinstate.records.actions import RecordInputError, do_add_record, do_add_records_to_case
from reinstate.records.forms import OfferForm, RecordForm
from reinstate.records.models import Record
from reinstate.records.presenters import OfferView, RecordsPage, record_view

FILE_POLICY = "default-src 'none'; sandbox"


@require_GET
@login_required
def record_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    records = list(queries.records_of(request.user).prefetch_related("uses"))
    page = RecordsPage(records=[record_view(r, list(r.uses.all())) for r in records])
    return render(request, "records/list.html", page_context(page))


@csrf_exempt
@require_http_methods(["GET", "POST"])
@login_required
def add(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The form; its POST is checked for size before Django reads the body, as evidence is."""
    if request.method == "GET":
        return _form_page(request, RecordForm(initial={"at": _now_in(request.user.time_zone)}))
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > request_limit():
        message = _(
            "That upload is %(size)s, more than the %(limit)s one upload can carry. Nothing was "
            "kept. Send fewer or smaller files at once."
        ) % {"size": size_text(declared), "limit": size_text(request_limit())}
        messages.error(request, message)
        return redirect("records:add")
    limiter = EvidenceLimitHandler(request)
    request.upload_handlers.insert(0, limiter)
    return _add(request, limiter)


@csrf_protect
def _add(request: AuthenticatedHttpRequest, limiter: EvidenceLimitHandler) -> HttpResponse:
    form = RecordForm(request.POST, request.FILES)
    if limiter.refused:
        # A file too large never reached the form: say so, and keep what was typed.
        form.is_valid()
        for refused in limiter.refused:
            form.add_error("photos", refused)
        return _form_page(request, form, status=400)
    if not form.is_valid():
        return _form_page(request, form, status=400)
    data = form.cleaned_data
    zone = ZoneInfo(request.user.time_zone)
    try:
        record = do_add_record(
            owner=request.user,
            at=typed_in(data["at"], zone),
            kind=data["kind"],
            note=data["note"],
            who=data["who"],
            files=[Upload(name=f.name or "", source=f) for f in data["photos"]],
            time_zone=zone.key,
        )
    except RecordInputError as error:
        form.add_error(None, str(error))
        return _form_page(request, form, status=400)
    messages.success(request, _("Saved in your records."))
    return redirect(reverse("records:list") + f"#record-{record.pk}")


def _form_page(
    request: AuthenticatedHttpRequest, form: RecordForm, *, status: int = 200
) -> HttpResponse:
    return render(request, "records/add.html", {"form": form}, status=status)


def _now_in(zone: str) -> datetime:
    return timezone.now().astimezone(ZoneInfo(zone)).replace(second=0, microsecond=0)


@require_GET
@login_required
def detail(request: AuthenticatedHttpRequest, record_id: int) -> HttpResponse:
    record = queries.get_record_for_user(request.user, record_id)
    uses = queries.uses_of(record)
    return render(request, "records/detail.html", {"view": record_view(record, uses), "uses": uses})


@require_GET
@login_required
def preview(
    request: AuthenticatedHttpRequest, record_id: int, file_id: int, size: str
) -> HttpResponseBase:
    """A rendition (a JPEG the app made), shown in the page."""
    file = queries.get_file_for_user(request.user, record_id, file_id)
    if size not in ("page", "thumb") or not file.blob.has_renditions:
        raise Http404("No preview")
    try:
        handle = default_store().open_rendition(file.blob.sha256, size)
    except FileNotFoundError:
        raise Http404("No preview: run `reinstate verify`.") from None
    response = FileResponse(handle, content_type="image/jpeg")
    response["Content-Disposition"] = "inline"
    return _guarded(response, cache="private, max-age=86400")


@require_GET
@login_required
def download(request: AuthenticatedHttpRequest, record_id: int, file_id: int) -> HttpResponseBase:
    """The original, byte for byte, always as an attachment."""
    file = queries.get_file_for_user(request.user, record_id, file_id)
    try:
        handle = default_store().open(file.blob.sha256)
    except FileNotFoundError:
        raise Http404("The stored original is missing: run `reinstate verify`.") from None
    response = FileResponse(
        handle, as_attachment=True, filename=file.filename, content_type=file.blob.media_type
    )
    return _guarded(response, cache="private, no-store")


def _guarded(response: FileResponse, *, cache: str) -> FileResponse:
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_POLICY
    response["Cache-Control"] = cache
    return response


def offer_view(case: Case, offered: list[Record]) -> OfferView:
    since, until = queries.offer_window(case)
    return OfferView(
        case_id=case.pk,
        records=[record_view(r) for r in offered],
        since=since.astimezone(case.tz),
        until=(until - timedelta(minutes=1)).astimezone(case.tz),
    )


@require_http_methods(["GET", "POST"])
@login_required
def offer(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    """The records from the days before the case's notice: the driver ticks which to add."""
    case = get_own_case_for_user(request.user, case_id)
    offered = queries.offered(case)
    form = OfferForm(
        request.POST if request.method == "POST" else None,
        offered=[r.pk for r in offered],
    )
    if request.method == "POST" and form.is_valid():
        chosen = queries.offered(case, records=form.cleaned_data["records"])
        try:
            result = do_add_records_to_case(case=case, actor=request.user, records=chosen)
        except RecordInputError as error:
            form.add_error(None, str(error))
        else:
            count = len(result.records)
            messages.success(
                request,
                ngettext(
                    "%(count)s record was added to this case: its files are in your evidence, "
                    "a call or chat in your support log.",
                    "%(count)s records were added to this case: their files are in your "
                    "evidence, calls and chats in your support log.",
                    count,
                )
                % {"count": count},
            )
            return redirect("cases:detail", case_id=case.pk)
    # What the driver ticked stays ticked when the page comes back; at first, every record.
    posted = request.POST.getlist("records")
    ticked = [int(v) for v in posted if v.isdigit()] if form.is_bound else [r.pk for r in offered]
    context = page_context(offer_view(case, offered)) | {
        "case": case,
        "form": form,
        "ticked": ticked,
    }
    status = 400 if form.errors else 200
    return render(request, "records/offer.html", context, status=status)
