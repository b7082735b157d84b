"""Serve First: leadership-training modules to handbook site, facilitator guide and workbook."""

__version__ = "0.1.0"
