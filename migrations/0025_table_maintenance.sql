-- Autovacuum for the two tables the day's payments rewrite, tuned to visit them about daily at any
-- book size. The close of business reads installments through index-only scans
-- (installments_unpaid_due_idx), which skip the table only for pages the visibility map marks
-- all-visible; each payment clears that mark on the pages it updates. 0020 lowered the trigger from 20%
-- to 2% of the rows dead: at 1,000,000 loans (12 million installments, ≈ 25,000 payments a day) that is
-- still one vacuum in ten days, and most nights visited a table page per installment (842 of 910 in one
-- measured chunk, docs/benchmarks.md). Now 0.1% of the rows plus 5,000: ≈ 17,000 dead rows at that size,
-- one or two vacuums a day, each visiting only the pages changed since the last one (and the indexes).
-- Loans, rewritten by payments and the batch: 0.5% plus 1,000. PGlite runs no autovacuum; harmless there.
ALTER TABLE "installments" SET (autovacuum_vacuum_scale_factor = 0.001, autovacuum_vacuum_threshold = 5000);
--> statement-breakpoint
ALTER TABLE "loans" SET (autovacuum_vacuum_scale_factor = 0.005, autovacuum_vacuum_threshold = 1000);
