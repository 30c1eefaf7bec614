// The portfolio by loan officer (客户经理) with their team leader: who holds the book, its quality, and
// what each disbursed this month — the table a sales director or team manager reads behind the cards.
// Built from the book rows the overview already read (grouped by officer), plus one look-up of names
// and one small query for this month's disbursements.
import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db.ts";
import { formatAmount } from "../../platform/money.ts";
import { rowsOf } from "../loans/cob/sql-helpers.ts";
import { type BookRow, NON_PERFORMING, ratio } from "./portfolio-figures.ts";

export type OfficerRow = {
  officerId: string | null;
  officer: string | null;
  /** The officer's leader (users.manager_id): their team manager for a customer manager. */
  leader: string | null;
  loans: number;
  principal: string;
  overduePrincipal: string;
  nplRatio: string | null;
  par30Ratio: string | null;
  disbursedThisMonth: string;
};

type Tally = { loans: number; principal: number; overdue: number; npl: number; par: number };

export async function portfolioByOfficer(
  db: Queryable,
  input: { book: BookRow[]; scope: SQL; monthStart: string; businessDate: string },
): Promise<OfficerRow[]> {
  const tallies = new Map<string | null, Tally>();
  for (const row of input.book) {
    const tally = tallies.get(row.officer_id) ?? { loans: 0, principal: 0, overdue: 0, npl: 0, par: 0 };
    const principal = Number(row.principal);
    tally.loans += row.loans;
    tally.principal += principal;
    if (row.bucket !== "M0") tally.overdue += principal;
    if (NON_PERFORMING.has(row.classification)) tally.npl += principal;
    if (row.par) tally.par += principal;
    tallies.set(row.officer_id, tally);
  }
  const disbursed = rowsOf<{ officer_id: string | null; amount: string }>(
    await db.execute(sql`
    select l.officer_id, sum(l.principal_fen)::text as amount from loans l
    where l.start_date >= ${input.monthStart}::date and l.start_date <= ${input.businessDate}::date
      and ${input.scope}
    group by 1`),
  );
  const disbursedBy = new Map(disbursed.map((d) => [d.officer_id, Number(d.amount)]));
  const ids = [...new Set([...tallies.keys(), ...disbursedBy.keys()])];
  const known = ids.filter((id): id is string => id !== null);
  const names = known.length
    ? rowsOf<{ id: string; name: string; leader: string | null }>(
        await db.execute(sql`
        select u.id, u.display_name as name, m.display_name as leader
        from users u left join users m on m.id = u.manager_id
        where u.id in (${sql.join(
          known.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`),
      )
    : [];
  const nameOf = new Map(names.map((n) => [n.id, n]));
  return ids
    .map((id) => {
      const tally = tallies.get(id) ?? { loans: 0, principal: 0, overdue: 0, npl: 0, par: 0 };
      const person = id === null ? undefined : nameOf.get(id);
      return {
        officerId: id,
        officer: person?.name ?? null,
        leader: person?.leader ?? null,
        loans: tally.loans,
        principal: formatAmount(tally.principal),
        overduePrincipal: formatAmount(tally.overdue),
        nplRatio: ratio(tally.npl, tally.principal),
        par30Ratio: ratio(tally.par, tally.principal),
        disbursedThisMonth: formatAmount(disbursedBy.get(id) ?? 0),
        sortKey: tally.principal,
      };
    })
    .sort((a, b) => b.sortKey - a.sortKey || (a.officer ?? "").localeCompare(b.officer ?? ""))
    .map(({ sortKey: _, ...row }) => row);
}
