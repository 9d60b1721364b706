"""Writes about the workforce: allocations, transfers between teams, supervision.

Each service takes keyword arguments and the acting user as ``by``, validates the rule,
writes the change history in its transaction, and sends notifications once it commits.
"""
