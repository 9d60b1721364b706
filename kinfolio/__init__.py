"""Kinfolio: children's social care case management and performance."""
