-- The contract's report-count views (V005: source_monthly, grid_monthly) read again from the case
-- facts (V007) through case_indicators (V008) instead of from case_events through case_reports.
-- Same columns, same meaning: a case counts once, in the month of its earliest REPORTED (ties in
-- time broken by eventId, as the workflow job's ReportLocation keeps it), at that report's grid
-- and category, when that report is at or before the recorded as-of time. case_reports scanned
-- every event with FINAL on each query (about 1.1 M events a year in a Yulin-sized city, 0.5-2.8 s
-- per dashboard query); case_facts holds one row per case (issue #7, docs/reporting.md).
-- case_reports itself stays, unchanged, for whoever reads event-level report details.

CREATE OR REPLACE VIEW ${db}.source_monthly AS
SELECT
    month,
    source,
    count() AS reported
FROM ${db}.case_indicators
GROUP BY month, source;

CREATE OR REPLACE VIEW ${db}.grid_monthly AS
SELECT
    month,
    grid_code,
    category_code,
    count() AS reported
FROM ${db}.case_indicators
GROUP BY month, grid_code, category_code;
