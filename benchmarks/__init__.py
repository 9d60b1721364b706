"""Benchmarks: `make bench` prints each figure with its unit (never asserted in tests)."""
