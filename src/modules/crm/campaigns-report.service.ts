// Campaign funnel: what each campaign cost, how many leads it brought, how many of those applied and
// were disbursed, for how much — and the cost per lead and per disbursed loan. The loans are found by
// the application the lead was converted into (read-only on loans: neither loans nor origination
// offers an aggregate by application).
import { sql } from "drizzle-orm";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Queryable } from "../../platform/db.ts";
import { invalid } from "../../platform/errors.ts";
import { formatAmount } from "../../platform/money.ts";
import { rowsOf } from "./kpi-data.ts";

type Row = {
  id: string;
  name: string;
  channel: string;
  starts_on: string;
  ends_on: string | null;
  cost: string;
  leads: number;
  intent: number;
  applications: number;
  loans: number;
  disbursed: string;
};

const perUnit = (cost: number, n: number) => (n > 0 ? formatAmount(Math.round(cost / n)) : null);

export async function campaignsReport(
  db: Queryable,
  ctx: RequestContext,
  query: { from?: string; to?: string },
) {
  requirePermission(ctx, "kpi.read");
  if (query.from && query.to && query.to < query.from) throw invalid({ to: "invalid-value" });
  const result = await db.execute(sql`
    select c.id::text as id, c.name, c.channel, c.starts_on::text as starts_on, c.ends_on::text as ends_on,
      c.cost_fen::text as cost, count(l.id)::int as leads,
      count(l.id) filter (where l.stage in ('intent', 'appointment', 'applied', 'disbursed'))::int as intent,
      count(l.application_id)::int as applications, count(lo.id)::int as loans,
      coalesce(sum(lo.principal_fen), 0)::text as disbursed
    from crm_campaigns c
    left join crm_leads l on l.campaign_id = c.id and l.merged_into is null
    left join loans lo on lo.application_id = l.application_id
    where (${query.to ?? null}::date is null or c.starts_on <= ${query.to ?? null}::date)
      and (${query.from ?? null}::date is null or c.ends_on is null or c.ends_on >= ${query.from ?? null}::date)
    group by c.id
    order by c.starts_on desc, c.name`);
  const rows = rowsOf<Row>(result);
  const items = rows.map((r) => {
    const cost = Number(r.cost);
    return {
      id: r.id,
      name: r.name,
      channel: r.channel,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      cost: formatAmount(cost),
      leads: r.leads,
      intent: r.intent,
      applications: r.applications,
      loans: r.loans,
      disbursed: formatAmount(Number(r.disbursed)),
      costPerLead: perUnit(cost, r.leads),
      costPerLoan: perUnit(cost, r.loans),
      conversion: r.leads ? Math.floor((r.loans * 1000) / r.leads) / 10 : null,
    };
  });
  const sum = (key: "leads" | "intent" | "applications" | "loans") => rows.reduce((n, r) => n + r[key], 0);
  const cost = rows.reduce((n, r) => n + Number(r.cost), 0);
  const loans = sum("loans");
  const leads = sum("leads");
  return {
    items,
    total: {
      cost: formatAmount(cost),
      leads,
      intent: sum("intent"),
      applications: sum("applications"),
      loans,
      disbursed: formatAmount(rows.reduce((n, r) => n + Number(r.disbursed), 0)),
      costPerLead: perUnit(cost, leads),
      costPerLoan: perUnit(cost, loans),
    },
  };
}
