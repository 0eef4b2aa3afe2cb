"""Support log pages. Thin: parse, look up through queries, act through actions, render.

Every page starts from the case through get_case_for_user: an outsider gets 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.cases.queries import get_case_for_user
from reinstate.comms import queries
from reinstate.comms.actions import CommsInputError, Upload, chat_key, do_add_contact
from reinstate.comms.drafts import draft_views
from reinstate.comms.forms import ChatForm, ContactForm, ImportForm, TimelineFilter
from reinstate.comms.import_queue import do_queue_import
from reinstate.comms.imports import chat_summary, do_stage_import, preview, read_chat
from reinstate.comms.mail import MailFilter
from reinstate.comms.models import Channel, Direction
from reinstate.comms.presenters import log_page
from reinstate.comms.timeline import TIMELINE_CONTACTS, timeline
from reinstate.core.worker import any_worker_alive
from reinstate.lib.page_context import page_context
from reinstate.lib.tz import typed_in
from reinstate.rules.appeal.tone import check_tone
from reinstate.rules.comms.chat import Turn


@require_GET
@login_required
def log(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    page = log_page(case, now=timezone.now(), page=request.GET.get("page"))
    return render(request, "comms/log.html", page_context(page))


@require_GET
@login_required
def contact(request: AuthenticatedHttpRequest, case_id: int, contact_id: int) -> HttpResponse:
    found = queries.get_contact_for_user(request.user, case_id, contact_id)
    return render(request, "comms/contact.html", {"case": found.case, "contact": found})


@require_http_methods(["GET", "POST"])
@login_required
def add(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    tz = case.tz
    form = ContactForm(request.POST or None, request.FILES or None)
    if request.method == "GET":
        form.initial["at"] = timezone.now().astimezone(tz).replace(second=0, microsecond=0)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            do_add_contact(
                case=case,
                actor=request.user,
                channel=data["channel"],
                direction=data["direction"],
                at=typed_in(data["at"], tz),
                summary=data["summary"],
                agent=data["agent"],
                tickets=data["tickets"],
                files=[Upload(f.name or "file", f) for f in data["screenshots"]],
            )
        except CommsInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved in your support log."))
            return redirect("comms:log", case_id=case.pk)
    status = 400 if form.errors else 200
    return render(request, "comms/add.html", {"case": case, "form": form}, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def chat(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    """Paste a chat: the first POST shows the turns as split; "save" keeps it."""
    case = get_case_for_user(request.user, case_id)
    tz = case.tz
    form = ChatForm(request.POST or None)
    if request.method == "GET":
        form.initial["at"] = timezone.now().astimezone(tz).replace(second=0, microsecond=0)
    turns: list[Turn] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            text, turns = read_chat(data["text"].encode())
            if request.POST.get("save") == "1":
                summary, agent = chat_summary(turns)
                do_add_contact(
                    case=case,
                    actor=request.user,
                    channel=Channel.IN_APP_CHAT,
                    direction=Direction.TO_PLATFORM,
                    at=typed_in(data["at"], tz),
                    summary=summary,
                    agent=agent,
                    body=text,
                    tickets=data["tickets"],
                    turns=turns,
                    source_key=chat_key(text),
                )
                messages.success(request, _("The chat is saved in your support log."))
                return redirect("comms:log", case_id=case.pk)
        except CommsInputError as error:
            form.add_error("text", str(error))
    context = {"case": case, "form": form, "turns": turns}
    if request.htmx and request.method == "POST":
        return render(request, "comms/partials/_turns.html", context)
    return render(request, "comms/chat.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@login_required
def import_mail(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    """Upload .eml/.mbox files and the filter; the preview lists what is about this case."""
    case = get_case_for_user(request.user, case_id)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        files = form.cleaned_data["mail_files"]
        pending = do_stage_import(
            case=case, actor=request.user, uploads=[(f.name or "upload", f) for f in files]
        )
        found = preview(pending, form.mail_filter())
        context = {"case": case, "pending": pending, "found": found}
        return render(request, "comms/import_preview.html", context)
    status = 400 if form.errors else 200
    return render(request, "comms/import.html", {"case": case, "form": form}, status=status)


@require_POST
@login_required
def import_finish(request: AuthenticatedHttpRequest, case_id: int, pending_id: int) -> HttpResponse:
    """Queue the import of the ticked messages; the progress page follows it."""
    pending = queries.get_pending_import_for_user(request.user, case_id, pending_id)
    if pending.status != pending.Status.STAGED:  # sent twice (a double tap): already queued
        return redirect("comms:import_progress", case_id=case_id, pending_id=pending.pk)
    try:
        do_queue_import(pending=pending, actor=request.user, keys=request.POST.getlist("message"))
    except CommsInputError as error:
        messages.error(request, str(error))
        found = preview(pending, MailFilter())
        context = {"case": pending.case, "pending": pending, "found": found}
        return render(request, "comms/import_preview.html", context, status=400)
    return redirect("comms:import_progress", case_id=case_id, pending_id=pending.pk)


@require_GET
@login_required
def import_progress(
    request: AuthenticatedHttpRequest, case_id: int, pending_id: int
) -> HttpResponse:
    """Reading your mail… (N of M), then done or failed; htmx polls the status part."""
    pending = queries.get_pending_import_for_user(request.user, case_id, pending_id)
    # A queued import with no worker alive waits for someone to start one: say so.
    no_worker = pending.status == pending.Status.QUEUED and not any_worker_alive()
    context = {"case": pending.case, "pending": pending, "result": pending.result}
    context["no_worker"] = no_worker
    if request.htmx:
        return render(request, "comms/partials/_import_status.html", context)
    return render(request, "comms/import_progress.html", context)


@require_GET
@login_required
def timeline_page(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    filters = TimelineFilter(request.GET or None)
    entries = timeline(case, now=timezone.now(), kinds=filters.kinds())
    contacts = case.contacts.count()
    context = {
        "case": case,
        "filters": filters,
        "entries": entries,
        "more_contacts": max(0, contacts - TIMELINE_CONTACTS)
        if "contact" in filters.kinds()
        else 0,
    }
    if request.htmx:
        return render(request, "comms/partials/_timeline.html", context)
    return render(request, "comms/timeline.html", context)


@require_GET
@login_required
def drafts(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    return render(request, "comms/drafts.html", {"case": case, "drafts": draft_views(case)})


@require_POST
@login_required
def tone(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    """The tone check of a draft as the driver edited it (htmx, as they type)."""
    case = get_case_for_user(request.user, case_id)
    text = request.POST.get("text", "")[:20_000]
    context = {"case": case, "findings": check_tone(text), "key": request.POST.get("key", "")}
    return render(request, "comms/partials/_tone.html", context)
