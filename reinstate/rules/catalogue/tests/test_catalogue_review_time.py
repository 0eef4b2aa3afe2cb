"""Each platform's time to decide an appeal: stated, reported or our estimate, with its source."""

from __future__ import annotations

from pathlib import Path

import pytest

from reinstate.rules.catalogue.files import (
    OWN_ESTIMATE,
    SOURCE_PREFIXES,
    CatalogueError,
    load_catalogue,
)
from reinstate.testing.catalogue import copy_catalogue, edit


def test_every_platform_has_a_sourced_review_time() -> None:
    for platform in load_catalogue().platforms.values():
        review = platform.review_time
        assert review.days > 0 and review.unit in ("calendar", "business"), platform.key
        assert review.source.startswith(SOURCE_PREFIXES) or review.source == OWN_ESTIMATE, (
            platform.key
        )
        assert review.label, platform.key
        if review.confidence == "estimate":
            assert review.note and "UNCERTAIN" in review.note, platform.key


def test_amazon_flex_reportedly_takes_up_to_three_weeks() -> None:
    review = load_catalogue().platform("amazon_flex").review_time
    assert (review.days, review.unit, review.confidence) == (21, "calendar", "reported")


def test_doordash_and_spark_decide_in_business_days() -> None:
    catalogue = load_catalogue()
    for key in ("doordash", "walmart_spark"):
        review = catalogue.platform(key).review_time
        assert (review.days, review.unit, review.confidence) == (5, "business", "reported"), key


def test_platforms_that_publish_nothing_get_an_estimate_that_says_so() -> None:
    catalogue = load_catalogue()
    for key in ("uber", "lyft", "instacart", "grubhub", "shipt"):
        review = catalogue.platform(key).review_time
        assert review.confidence == "estimate", key
        assert "our own assumption" in (review.note or ""), key


def test_a_platform_without_a_review_time_is_refused(tmp_path: Path) -> None:
    folder = copy_catalogue(tmp_path)
    edit(folder / "platforms.toml", "[platforms.shipt.review_time]", "[platforms.shipt.review_x]")
    with pytest.raises(CatalogueError, match=r"\[platforms.shipt.review_time\]"):
        load_catalogue(folder)


def test_a_review_time_cannot_be_scoped_to_a_city(tmp_path: Path) -> None:
    folder = copy_catalogue(tmp_path)
    edit(
        folder / "platforms.toml",
        "[platforms.shipt.review_time]\n",
        '[platforms.shipt.review_time]\ncity = "Seattle"\n',
    )
    with pytest.raises(CatalogueError, match="unknown field `city`"):
        load_catalogue(folder)
