"""Codes held for rules that other changes add, so that no code ever changes meaning.

Hold one with :func:`generator.lint.registry.reserve` here; every code held so far
(SF102, SF403, SF601) has its rule now.
"""
