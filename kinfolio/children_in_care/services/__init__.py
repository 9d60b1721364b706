"""Writes about children in care: each a keyword-only function taking the acting user."""
