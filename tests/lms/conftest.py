"""The handbook tests' Chromium, for the SCORM runtime tests."""

from ..site.conftest import browser

__all__ = ["browser"]
