"""The stored versions of each policy page the catalogue lists (catalogue/policies.toml)."""

from __future__ import annotations

from django.db import models


class PolicyVersion(models.Model):
    """The text of a policy page as fetched, kept only when it differs from the version before.

    `policy` is the library's ref ("amazon_flex.terms_of_service"); `number` counts its versions
    from 1. The text is what the page says (its HTML's words, not its markup), so a change of
    layout alone is not a new version.
    """

    policy = models.CharField(max_length=120)
    number = models.PositiveIntegerField()
    url = models.URLField(max_length=500)
    fetched_at = models.DateTimeField()
    text = models.TextField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ("policy", "-number")
        constraints = [
            models.UniqueConstraint(fields=("policy", "number"), name="policy_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.policy} v{self.number}"

    @property
    def platform(self) -> str:
        return self.policy.partition(".")[0]
