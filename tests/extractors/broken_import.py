"""Fails at import time, as a module with a bug would."""

raise RuntimeError("this module is broken on purpose")
