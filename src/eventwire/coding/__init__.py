"""Sentence-level coding: triggers, roles, modality, and the article pipeline around them."""
