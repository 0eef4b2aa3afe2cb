"""Account health pages. Thin: parse, look up through queries, act through actions, render."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.cases.models import Case
from reinstate.cases.queries import get_own_case_for_user
from reinstate.health import actions, imports, presenters, queries
from reinstate.health.assess import assess, tracked_metrics
from reinstate.health.forms import (
    BlockForm,
    DocumentForm,
    MappingForm,
    PaymentChangeForm,
    ReadingForm,
    RenewForm,
    TargetForm,
    UploadForm,
    WatchLevelsForm,
    block_initial,
)
from reinstate.health.models import BlockImport, WatchLevel
from reinstate.rules.health.expiry import DOCUMENT_KINDS

PREVIEW_ROWS = 10


def _platform(request: AuthenticatedHttpRequest) -> str:
    return queries.platform_for(
        request.user, request.GET.get("platform") or request.POST.get("platform")
    )


def _tz(request: AuthenticatedHttpRequest) -> ZoneInfo:
    return ZoneInfo(request.user.time_zone)


def _overview(platform: str) -> str:
    return f"{reverse('health:overview')}?platform={platform}"


@require_GET
@login_required
def overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    now = timezone.now()
    platform = _platform(request)
    assessment = assess(request.user, platform, as_of=now)
    return render(
        request, "health/overview.html", presenters.health_page(request.user, assessment, now=now)
    )


@require_http_methods(["GET", "POST"])
@login_required
def block_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    platform = _platform(request)
    tz = _tz(request)
    last = queries.last_block(request.user, platform)
    initial = block_initial(last, tz=tz, today=timezone.now().astimezone(tz).date())
    form = BlockForm(request.POST or None, initial=initial, tz=tz)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_record_block(owner=request.user, platform=platform, record=form.record)
        except actions.HealthInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Block saved. Your standing below includes it.")
            return redirect(_overview(platform))
    return render(
        request,
        "health/block_form.html",
        {
            "form": form,
            "platform": platform,
            "platform_name": presenters.platform_name(platform),
            "from_last": last is not None,
        },
        status=400 if form.errors else 200,
    )


@require_GET
@login_required
def block_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    platform = _platform(request)
    return render(
        request,
        "health/blocks.html",
        {
            "platform": platform,
            "platform_name": presenters.platform_name(platform),
            "blocks": queries.recent_blocks(request.user, platform, limit=200),
            "total": queries.blocks_count(request.user, platform),
        },
    )


@require_POST
@login_required
def block_delete(request: AuthenticatedHttpRequest, block_id: int) -> HttpResponse:
    block = queries.get_block_for_user(request.user, block_id)
    actions.do_delete_block(block=block, actor=request.user)
    if request.htmx:
        return HttpResponse("")
    messages.success(request, "Block deleted.")
    return redirect(f"{reverse('health:blocks')}?platform={block.platform}")


@require_http_methods(["GET", "POST"])
@login_required
def import_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    initial = {"platform": _platform(request), "time_zone": request.user.time_zone}
    form = UploadForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            staged = imports.do_stage_import(
                owner=request.user,
                platform=form.cleaned_data["platform"],
                filename=upload.name or "",
                data=upload.read(),
                time_zone=form.cleaned_data["time_zone"],
            )
        except actions.HealthInputError as error:
            form.add_error("file", str(error))
        else:
            return redirect("health:import_detail", import_id=staged.pk)
    return render(
        request,
        "health/import_new.html",
        {"form": form, "imports": queries.imports(request.user)},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def import_detail(request: AuthenticatedHttpRequest, import_id: int) -> HttpResponse:
    staged = queries.get_import_for_user(request.user, import_id)
    if staged.status == BlockImport.Status.DONE:
        return render(
            request, "health/import_done.html", {"run": staged, "platform": staged.platform}
        )
    now = timezone.now()
    step = request.POST.get("step", "")
    if request.method == "POST" and step == "discard":
        imports.do_discard_import(staged=staged, actor=request.user)
        messages.success(request, "The file was discarded. Nothing was imported.")
        return redirect("health:import_new")
    try:
        preview = imports.preview_import(staged, now=now)
    except actions.HealthInputError as error:
        messages.error(request, str(error))
        preview = None
    if preview is None:
        return render(request, "health/import_preview.html", {"run": staged, "preview": None})
    form = MappingForm(request.POST if step == "map" else None, column_map=preview.column_map)
    if request.method == "POST" and step == "map" and form.is_valid():
        imports.do_set_import_mapping(staged=staged, mapping=form.mapping(), actor=request.user)
        return redirect("health:import_detail", import_id=staged.pk)
    if request.method == "POST" and step == "confirm":
        try:
            run = imports.do_confirm_import(staged=staged, actor=request.user, now=now)
        except actions.HealthInputError as error:
            messages.error(request, str(error))
        else:
            return render(
                request, "health/import_done.html", {"run": run, "platform": run.platform}
            )
    existing = queries.existing_starts(
        request.user, staged.platform, [row.record.block_start for row in preview.records]
    )
    return render(
        request,
        "health/import_preview.html",
        {
            "run": staged,
            "preview": preview,
            "form": form,
            "rows": presenters.preview_rows(preview, _tz(request), limit=PREVIEW_ROWS),
            "would_add": sum(
                1 for row in preview.records if row.record.block_start not in existing
            ),
            "already_kept": sum(1 for row in preview.records if row.record.block_start in existing),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def watch_levels(request: AuthenticatedHttpRequest) -> HttpResponse:
    platform = _platform(request)
    current = dict(
        WatchLevel.objects.filter(owner=request.user, platform=platform).values_list(
            "metric", "level"
        )
    )
    readings = tracked_metrics(platform)
    form = WatchLevelsForm(request.POST or None, current=current, readings=readings)
    if request.method == "POST" and form.is_valid():
        for metric, level in form.levels().items():
            if current.get(metric) != level:
                actions.do_set_watch_level(
                    owner=request.user, platform=platform, metric=metric, level=level
                )
        messages.success(request, "Your watch levels are saved.")
        return redirect(_overview(platform))
    return render(
        request,
        "health/levels.html",
        {"form": form, "platform": platform, "platform_name": presenters.platform_name(platform)},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def targets(request: AuthenticatedHttpRequest) -> HttpResponse:
    platform = _platform(request)
    form = TargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_add_target(
                owner=request.user,
                platform=platform,
                metric=form.cleaned_data["metric"],
                threshold=form.cleaned_data["level"],
                since=form.cleaned_data["since"],
                note=form.cleaned_data["note"],
            )
        except actions.HealthInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Target saved. The health page compares it with your blocks.")
            return redirect(_overview(platform))
    return render(
        request,
        "health/targets.html",
        {
            "form": form,
            "platform": platform,
            "platform_name": presenters.platform_name(platform),
            "rows": presenters.target_rows(request.user, platform, timezone.now()),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def plan_targets(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    """Keep watching your plan: the driver's own reinstated case only (advocates and anyone
    else get 404, as for every other health page: the numbers are the driver's)."""
    case = get_own_case_for_user(request.user, case_id)
    if case.outcome != Case.Outcome.REINSTATED or not case.platform:
        messages.info(
            request, "First say on the case page that your account was reinstated, and when."
        )
        return redirect("cases:detail", case_id=case.pk)
    today = timezone.now().astimezone(_tz(request)).date()
    form = presenters.plan_form(case, today=today, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            kept = actions.do_watch_plan(
                owner=request.user,
                case=case,
                targets=form.targets,
                since=form.cleaned_data["since"],
            )
        except actions.HealthInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"Watching {len(kept)} target{'s' if len(kept) != 1 else ''} of your plan. "
                "You are warned early if the old problem starts again.",
            )
            if request.POST.get("back") == "health":
                return redirect(_overview(case.platform))
            return redirect("cases:detail", case_id=case.pk)
    return render(
        request,
        "health/plan.html",
        {
            "case": case,
            "form": form,
            "platform": case.platform,
            "platform_name": presenters.platform_name(case.platform),
            "rows": presenters.target_rows(request.user, case.platform, timezone.now(), case=case),
            "back": request.GET.get("back") or request.POST.get("back") or "",
        },
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def target_delete(request: AuthenticatedHttpRequest, target_id: int) -> HttpResponse:
    target = queries.get_target_for_user(request.user, target_id)
    actions.do_delete_target(target=target, actor=request.user)
    messages.success(request, "Target removed.")
    return redirect(f"{reverse('health:targets')}?platform={target.platform}")


@require_http_methods(["GET", "POST"])
@login_required
def documents(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = DocumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.do_add_document(
            owner=request.user,
            kind=form.cleaned_data["kind"],
            title=form.cleaned_data["title"],
            expires_on=form.cleaned_data["expires_on"],
        )
        messages.success(request, "Document saved. You will be reminded 30, 7 and 1 days ahead.")
        return redirect("health:documents")
    today = timezone.now().astimezone(_tz(request)).date()
    return render(
        request,
        "health/documents.html",
        {
            "form": form,
            "rows": presenters.document_rows(queries.documents(request.user), today),
            "kinds": DOCUMENT_KINDS,
            "has_email": bool(request.user.email),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def document_renew(request: AuthenticatedHttpRequest, document_id: int) -> HttpResponse:
    document = queries.get_document_for_user(request.user, document_id)
    form = RenewForm(request.POST)
    if form.is_valid():
        actions.do_update_document(
            document=document, actor=request.user, expires_on=form.cleaned_data["expires_on"]
        )
        messages.success(request, f"{document.name}: new expiry date saved.")
    else:
        messages.error(request, "Enter the new expiry date.")
    return redirect("health:documents")


@require_POST
@login_required
def document_delete(request: AuthenticatedHttpRequest, document_id: int) -> HttpResponse:
    document = queries.get_document_for_user(request.user, document_id)
    actions.do_delete_document(document=document, actor=request.user)
    messages.success(request, f"{document.name} removed.")
    return redirect("health:documents")


@require_http_methods(["GET", "POST"])
@login_required
def reading_new(request: AuthenticatedHttpRequest, platform: str, metric: str) -> HttpResponse:
    found = next((m for m in tracked_metrics(platform) if m.key == metric), None)
    if found is None:
        raise Http404("No such measure")
    form = ReadingForm(request.POST or None, metric=found, initial={"observed_at": timezone.now()})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_record_reading(
                owner=request.user,
                platform=platform,
                metric=metric,
                value=form.value(),
                observed_at=form.cleaned_data["observed_at"],
                note=form.cleaned_data["note"],
            )
        except actions.HealthInputError as error:
            form.add_error("observed_at", str(error))
        else:
            messages.success(request, f"{found.title}: saved.")
            return redirect(_overview(platform))
    return render(
        request,
        "health/reading_form.html",
        {
            "form": form,
            "metric": found,
            "platform": platform,
            "platform_name": presenters.platform_name(platform),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def payment_change(request: AuthenticatedHttpRequest) -> HttpResponse:
    platform = _platform(request)
    form = PaymentChangeForm(request.POST or None, initial={"changed_at": timezone.now()})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_record_payment_change(
                owner=request.user,
                platform=platform,
                changed_at=form.cleaned_data["changed_at"],
                by_driver=form.cleaned_data["by_driver"],
                note=form.cleaned_data["note"],
            )
        except actions.HealthInputError as error:
            form.add_error("changed_at", str(error))
        else:
            messages.success(request, "Saved.")
            return redirect(_overview(platform))
    return render(
        request,
        "health/payment_change.html",
        {"form": form, "platform": platform, "platform_name": presenters.platform_name(platform)},
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def alert_dismiss(request: AuthenticatedHttpRequest, alert_id: int) -> HttpResponse:
    alert = queries.get_alert_for_user(request.user, alert_id)
    actions.do_dismiss_alert(alert=alert, actor=request.user)
    if request.htmx:
        return HttpResponse("")
    return redirect(_overview(alert.platform))


@require_GET
@login_required
def checkin(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request, "health/checkin.html", presenters.checkin(request.user, now=timezone.now())
    )
