"""Platform measures in the catalogue: a threshold says what it counts, and has a source."""

from __future__ import annotations

from pathlib import Path

import pytest

from reinstate.rules.catalogue.files import CatalogueError, load_catalogue
from reinstate.rules.health.standing import METRIC_KEYS
from reinstate.testing.catalogue import copy_catalogue, edit


def test_published_limits_count_events():
    catalogue = load_catalogue()
    grubhub = {m.key: m for m in catalogue.platform("grubhub").metrics}["account_violations"]
    assert (grubhub.threshold, grubhub.window_days, grubhub.measured_as) == (3, 90, "events")
    spark = catalogue.platform("walmart_spark").metrics[0]
    assert (spark.threshold, spark.measured_as) == (3, "events")


def test_doordash_publishes_no_completion_rate_number_we_could_read():
    metrics = {m.key: m for m in load_catalogue().platform("doordash").metrics}
    completion = metrics["completion_rate"]
    assert completion.threshold is None and completion.measured_as == "percent"
    assert "UNCERTAIN" in (completion.note or "")
    assert metrics["customer_rating"].measured_as == "stars"


def test_flex_measures_are_not_tracked_as_readings_and_keys_do_not_clash():
    catalogue = load_catalogue()
    assert not [m for m in catalogue.platform("amazon_flex").metrics if m.measured_as]
    for platform in catalogue.platforms.values():
        tracked = {m.key for m in platform.metrics if m.measured_as}
        assert not tracked & set(METRIC_KEYS), platform.key


def test_a_threshold_without_what_it_counts_is_refused(tmp_path: Path):
    folder = copy_catalogue(tmp_path)
    edit(
        folder / "platforms.toml",
        'threshold = 3\nwindow_days = 90\nmeasured_as = "events"\n',
        "threshold = 3\nwindow_days = 90\n",
    )
    with pytest.raises(CatalogueError, match="no `measured_as`"):
        load_catalogue(folder)
