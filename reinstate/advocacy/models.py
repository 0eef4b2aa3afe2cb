"""The organisation's work on a case. Each row names the organisation it belongs to: a case
shared with another organisation later shows the new one nothing of the old one's work."""

from __future__ import annotations

from django.db import models

from reinstate.accounts.models import Organisation, User
from reinstate.cases.models import Case


class Assignment(models.Model):
    """The advocate who carries the case for the organisation (one at a time)."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="assignment")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    assignee = models.ForeignKey(User, on_delete=models.CASCADE, related_name="assignments")
    assigned_at = models.DateTimeField(auto_now=True)


class Note(models.Model):
    """A private note: the organisation's members read it, never the driver."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="advocate_notes")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    # Kept when its author deletes their account (the note is the organisation's), but not
    # their name: a deleted account leaves no name behind.
    author = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["case", "organisation", "-created_at"])]


class Task(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="advocate_tasks")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200)
    due_on = models.DateField()
    assignee = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="advocate_tasks"
    )
    done = models.BooleanField(default=False)
    done_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["case", "organisation", "done", "due_on"])]
