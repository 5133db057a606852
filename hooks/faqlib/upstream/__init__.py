"""Adapters: every private API of an upstream package we build on, in one place each.

Each module names the version it was read from; tests/test_upstream.py fails
loudly when an upstream release changes the shape we rely on. Nothing else in
hooks/ may reach into these packages' internals.
"""
