"""Account health pages, one module per feature (health/urls.py maps them). Thin: parse, look
up through queries, act through actions, render."""
