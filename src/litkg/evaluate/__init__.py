"""Evaluation of litkg's extraction against external benchmark corpora."""
