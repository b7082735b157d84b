"""Renderers: each output is a function of the validated model (or its participant view)."""
