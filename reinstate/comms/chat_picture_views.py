"""A support chat from its screenshots: read, shown for checking, saved as a chat contact with
its screenshots kept in the evidence locker and its (checked) text as the contact's content.

Between the reading and the save the pictures wait where a notice's screenshots wait
(cases/notice_pictures.py: the driver's own intake folder, a signed list in the page, removed
a day later if never saved), so any web process can finish.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from reinstate.accounts.http import AuthenticatedHttpRequest
from reinstate.cases import notice_pictures
from reinstate.cases.models import Case
from reinstate.cases.queries import get_case_for_user
from reinstate.comms.actions import CommsInputError, Upload, chat_key, do_add_contact
from reinstate.comms.chat_pictures import read_chat_pictures
from reinstate.comms.forms import ChatPicturesForm
from reinstate.comms.imports import chat_summary, read_chat
from reinstate.comms.models import Channel, Direction
from reinstate.lib.ocr import MAX_SCREENSHOT_BYTES
from reinstate.lib.tz import typed_in
from reinstate.rules.comms.chat import Turn

# Stored as the summary of a chat in which no one speaking was found: English, as stored.
UNSPLIT_SUMMARY = "Chat with support (from screenshots)"  # i18n: stored


@require_http_methods(["GET", "POST"])
@login_required
def chat_pictures(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    tz = case.tz
    checking = bool(request.POST.get("pictures")) and not request.FILES
    form = ChatPicturesForm(request.POST or None, request.FILES or None, checking=checking)
    if request.method == "GET":
        form.initial["at"] = timezone.now().astimezone(tz).replace(second=0, microsecond=0)
    context: dict[str, object] = {"case": case, "form": form, "turns": [], "read": checking}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        uploads = data["screenshots"]
        try:
            if uploads:
                pictures = [
                    (f.read(MAX_SCREENSHOT_BYTES + 1), f.name or "chat.png") for f in uploads
                ]
                text = read_chat_pictures(pictures)
                token = notice_pictures.hold(request.user.pk, pictures)
                form = ChatPicturesForm(
                    checking=True,
                    initial={
                        "text": text,
                        "at": data["at"],
                        "tickets": ", ".join(data["tickets"]),
                        "pictures": token,
                    },
                )
                context |= {"form": form, "turns": _turns(text), "read": True}
            else:
                return _save(request, case, form)
        except CommsInputError as error:
            form.add_error(None if checking else "screenshots", str(error))
    status = 400 if form.errors else 200
    return render(request, "comms/chat_pictures.html", context, status=status)


def _turns(text: str) -> list[Turn]:
    """Who said what, where the text shows it; none when it does not (it is kept as text)."""
    try:
        return read_chat(text.encode())[1]
    except CommsInputError:
        return []


def _save(request: AuthenticatedHttpRequest, case: Case, form: ChatPicturesForm) -> HttpResponse:
    data = form.cleaned_data
    held = notice_pictures.take(request.user.pk, data["pictures"])
    if not held:
        raise CommsInputError(
            _("Choose one or more screenshots of the chat: the ones you read earlier are gone.")
        )
    text = data["text"].strip()
    if not text:
        raise CommsInputError(_("The chat's text is empty. Read the screenshots again."))
    turns = _turns(text)
    summary, agent = chat_summary(turns) if turns else (UNSPLIT_SUMMARY, "")
    try:
        sources = [path.open("rb") for path, _name in held]
    except OSError:  # cleared away since they were read
        raise CommsInputError(
            _("Choose one or more screenshots of the chat: the ones you read earlier are gone.")
        ) from None
    try:
        do_add_contact(
            case=case,
            actor=request.user,
            channel=Channel.IN_APP_CHAT,
            direction=Direction.TO_PLATFORM,
            # Typed as the case's local time (comms/views.py reads it the same way).
            at=typed_in(data["at"], case.tz),
            summary=summary,
            agent=agent,
            body=text,
            tickets=data["tickets"],
            turns=turns,
            files=[
                Upload(name, source) for (_path, name), source in zip(held, sources, strict=True)
            ],
            source_key=chat_key(text),
        )
    finally:
        for source in sources:
            source.close()
    notice_pictures.release(held)
    messages.success(request, _("The chat is saved in your support log."))
    return redirect("comms:log", case_id=case.pk)
