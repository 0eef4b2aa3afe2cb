from __future__ import annotations

import shutil
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("cases:list")
    return render(request, "core/home.html")


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For a monitor or a proxy: the database answers and the data folder has room."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    home = Path(settings.REINSTATE_HOME)
    while not home.exists() and home != home.parent:  # made on first write: its disk, then
        home = home.parent
    free_mb = shutil.disk_usage(home).free // 1_000_000
    if free_mb < settings.MIN_FREE_MB:
        problem = f"The data folder has {free_mb} MB free (less than {settings.MIN_FREE_MB} MB)."
        return JsonResponse({"ok": False, "free_mb": free_mb, "problem": problem}, status=503)
    return JsonResponse({"ok": True, "free_mb": free_mb})


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/400.html", status=400)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "core/500.html", status=500)


# Fields whose values are never shown back: secrets, and the form's own machinery.
_NOT_SHOWN = ("password", "csrfmiddlewaretoken", "token", "code")


def disk_full(request: HttpRequest) -> HttpResponse:
    """507: the server had no room to store what was sent. What was typed is shown to copy."""
    typed: list[str] = []
    try:
        fields = request.POST.lists() if request.method == "POST" else []
        for name, values in fields:
            if not any(word in name.lower() for word in _NOT_SHOWN):
                typed += [value for value in values if len(value.strip()) > 1]
    except Exception:
        typed = []
    return render(request, "core/disk_full.html", {"typed": typed}, status=507)
