"""Ready-to-render values for the health pages and the command line, one module per feature:
no rules in templates."""
