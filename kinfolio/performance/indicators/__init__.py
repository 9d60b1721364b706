"""The performance framework: a catalogue of indicators, each with its numerator and
denominator defined once as selectors over the records, computed for a period and
drilling down to the children (or records, or workers) behind every figure.

``catalogue.CATALOGUE`` lists the indicators; ``engine.compute`` turns one into a
``Figure`` for a period; ``periods.Period`` names financial years, quarters and months.
"""
