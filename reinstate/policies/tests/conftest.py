"""The fixtures of site.py: policy pages served from this machine, and a library of them."""

from reinstate.policies.tests.site import library, site

__all__ = ["library", "site"]
