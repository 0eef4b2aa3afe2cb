"""Account health: blocks, the standing formulas, margins, anomalies, watch levels, charts.

Pure: no Django."""
