// Splitting one payment over what is owed (DOMAIN.md §4, 民法典 第561条: costs, then interest,
// then principal). Default: oldest installment first and, within it, fee → penalty → interest →
// principal. 'by-component' instead clears one component across all installments before the next
// (some products settle every penalty before any principal). Whatever is left is a credit balance.
import type { Fen } from "../../../platform/money.ts";
import { LoanInputError } from "./errors.ts";

export type Component = "fee" | "penalty" | "interest" | "principal";

export const DEFAULT_COMPONENT_ORDER: readonly Component[] = ["fee", "penalty", "interest", "principal"];

export type Outstanding = { period: number } & Record<Component, Fen>;

export type AllocationLine = { period: number; total: Fen } & Record<Component, Fen>;

export type Allocation = { lines: AllocationLine[]; applied: Fen; credit: Fen };

export type AllocationOrder = {
  components?: readonly Component[];
  installments?: "oldest-first" | "newest-first";
  strategy?: "by-installment" | "by-component";
};

const COMPONENTS: readonly Component[] = DEFAULT_COMPONENT_ORDER;

export function allocatePayment(options: {
  amount: Fen;
  outstanding: readonly Outstanding[];
  order?: AllocationOrder;
}): Allocation {
  const { amount, outstanding } = options;
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new LoanInputError({ code: "invalid-amount", field: "amount" });
  const components = options.order?.components ?? DEFAULT_COMPONENT_ORDER;
  if (components.length !== COMPONENTS.length || COMPONENTS.some((c) => !components.includes(c)))
    throw new LoanInputError({ code: "invalid-option", field: "order.components" });
  for (const row of outstanding)
    for (const c of COMPONENTS)
      if (!Number.isSafeInteger(row[c]) || row[c] < 0)
        throw new LoanInputError({ code: "invalid-amount", field: `outstanding.${row.period}.${c}` });

  const sorted = [...outstanding].sort((a, b) => a.period - b.period);
  if (options.order?.installments === "newest-first") sorted.reverse();
  const lines: AllocationLine[] = sorted.map((row) => ({
    period: row.period,
    fee: 0 as Fen,
    penalty: 0 as Fen,
    interest: 0 as Fen,
    principal: 0 as Fen,
    total: 0 as Fen,
  }));

  let left: number = amount;
  const take = (index: number, component: Component) => {
    const paid = Math.min(left, sorted[index][component]);
    lines[index][component] = paid as Fen;
    lines[index].total = (lines[index].total + paid) as Fen;
    left -= paid;
  };
  if (options.order?.strategy === "by-component") {
    for (const component of components)
      for (let i = 0; i < sorted.length && left > 0; i++) take(i, component);
  } else {
    for (let i = 0; i < sorted.length && left > 0; i++)
      for (const component of components) take(i, component);
  }
  return { lines, applied: (amount - left) as Fen, credit: left as Fen };
}
