// The what-if simulator's arithmetic: the same month under two plans, person by person and in total.
import { type Fen, fen } from "../../../platform/money.ts";
import type { PayrollResult, PayrollStatement } from "./payroll.ts";

const FIGURES = ["baseSalary", "deduction", "commission", "managementCommission", "total"] as const;
type Figure = (typeof FIGURES)[number];
type Figures = Record<Figure, Fen>;

export type PersonDifference = {
  staffId: string;
  current: Figures;
  simulated: Figures;
  difference: Figures;
};

const pick = (s: PayrollStatement | undefined): Figures =>
  Object.fromEntries(FIGURES.map((f) => [f, s?.[f] ?? fen(0)])) as Figures;

const minus = (a: Figures, b: Figures): Figures =>
  Object.fromEntries(FIGURES.map((f) => [f, fen(a[f] - b[f])])) as Figures;

const sum = (rows: Figures[]): Figures =>
  Object.fromEntries(FIGURES.map((f) => [f, fen(rows.reduce((t, r) => t + r[f], 0))])) as Figures;

/** Everyone on either side, in the current run's order; totals are sums of the people. */
export function comparePayrolls(current: PayrollResult, simulated: PayrollResult) {
  const after = new Map(simulated.statements.map((s) => [s.staffId, s]));
  const ids = [
    ...current.statements.map((s) => s.staffId),
    ...simulated.statements
      .map((s) => s.staffId)
      .filter((id) => !current.statements.some((c) => c.staffId === id)),
  ];
  const before = new Map(current.statements.map((s) => [s.staffId, s]));
  const people: PersonDifference[] = ids.map((staffId) => {
    const a = pick(before.get(staffId));
    const b = pick(after.get(staffId));
    return { staffId, current: a, simulated: b, difference: minus(b, a) };
  });
  return {
    people,
    totals: {
      current: sum(people.map((p) => p.current)),
      simulated: sum(people.map((p) => p.simulated)),
      difference: sum(people.map((p) => p.difference)),
    },
  };
}
