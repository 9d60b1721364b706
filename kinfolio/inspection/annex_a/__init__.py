"""Ofsted's Annex A: the eleven lists a council sends on the first day of an inspection.

Column headings follow the schema the London Innovation and Improvement Alliance
publishes for Annex A (Social Finance, ``liia-tools-pipeline``,
``liiatools/annex_a_pipeline/spec/Annex_A_schema.yml``, commit 4aff918, July 2026).
Code formats ("a) Male", "a) WBRI", "q) 6: Police", "a) Yes", "N1 - Abuse or neglect")
follow Data to Insight's Annex A extract for the Standard Safeguarding Dataset
(``data-to-insight/ssd-data-model``, ``admin/tools-ssd_dfe_returns/AnnexA_sqlserver_ontemp.sql``,
commit 4987c73, July 2026). Dates are written dd/mm/yyyy, as the schema reads them.
Where Kinfolio holds nothing for a column it is left empty, never guessed.
"""

from kinfolio.inspection.annex_a.workbook import LISTS, write_workbook

__all__ = ["LISTS", "write_workbook"]
