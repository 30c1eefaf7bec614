// Logging a contact attempt (催收记录) and asking beforehand whether one is allowed. The conduct rules
// (domain/conduct.ts) run here, server-side, against the time of the attempt in China; a refused
// attempt writes nothing. An attempt that is allowed is recorded whatever its outcome, unanswered
// included, with the promise to pay it produced, and the task keeps its latest attempt and next step.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable, Tx } from "../../platform/db.ts";
import { conflict, DomainError, invalid } from "../../platform/errors.ts";
import { type Fen, formatAmount, parseAmount } from "../../platform/money.ts";
import { customers } from "../customers/customers.schema.ts";
import { getBusinessDate } from "../loans/business-date.ts";
import { loadInstallments, totalOf, unpaidOf } from "../loans/loan-state.ts";
import { loans } from "../loans/loans.schema.ts";
import { loadVisibleTask, type TaskRow } from "./access.ts";
import type { ActionInput } from "./collections.contracts.ts";
import { collectionTasks } from "./collections.schema.ts";
import { collectionActions, collectionPromises } from "./collections-work.schema.ts";
import {
  activeConsents,
  type LoadedRules,
  loadConductRules,
  type ResolvedContact,
  resolveContact,
  unansweredOn,
} from "./contact-rules.ts";
import { addDays, chinaClock } from "./domain/china-time.ts";
import { conductRefusals, outcomeFits, type Refusal, thirdPartyMessage } from "./domain/conduct.ts";
import { type ContactMethod, type ContactPurpose, isUnanswered } from "./domain/contact-vocabulary.ts";

// A clock a few minutes ahead of the server's is still "now".
const CLOCK_SKEW_MS = 5 * 60_000;
const NEXT_ACTION_MAX_DAYS = 90;

export async function borrowerOf(db: Queryable, loanId: string) {
  const [row] = await db
    .select({ customerId: loans.customerId, name: customers.name, phone: customers.phoneMasked })
    .from(loans)
    .leftJoin(customers, eq(customers.id, loans.customerId))
    .where(eq(loans.id, loanId));
  return row ?? { customerId: null, name: null, phone: null };
}

function refusalError(refusal: Refusal): DomainError {
  return new DomainError({ code: refusal.code, status: 422, params: refusal.params });
}

function checkTime(at: Date, now: Date, rules: LoadedRules): void {
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw new DomainError({
      code: "collections-future-time",
      status: 400,
      fields: { occurredAt: "collections-future-time" },
    });
  if (at.getTime() < now.getTime() - rules.backdateHours * 3600_000)
    throw new DomainError({
      code: "collections-too-old",
      status: 400,
      params: { hours: rules.backdateHours },
      fields: { occurredAt: "collections-too-old" },
    });
}

async function checkPromise(
  db: Queryable,
  task: TaskRow,
  input: ActionInput,
  options: { day: string; rules: LoadedRules },
): Promise<{ amount: Fen; date: string } | null> {
  const given = input.promiseAmount !== undefined || input.promiseDate !== undefined;
  if (input.outcome !== "promise-to-pay") {
    if (given)
      throw invalid({ promiseAmount: "collections-promise-unexpected" }, "collections-promise-unexpected");
    return null;
  }
  if (input.promiseAmount === undefined || input.promiseDate === undefined)
    throw invalid(
      {
        ...(input.promiseAmount === undefined ? { promiseAmount: "collections-promise-required" } : {}),
        ...(input.promiseDate === undefined ? { promiseDate: "collections-promise-required" } : {}),
      },
      "collections-promise-required",
    );
  const to = addDays(options.day, options.rules.promises.maxDaysAhead);
  if (input.promiseDate < options.day || input.promiseDate > to)
    throw new DomainError({
      code: "collections-promise-date-range",
      status: 400,
      params: { from: options.day, to },
      fields: { promiseDate: "collections-promise-date-range" },
    });
  const amount = parseAmount(input.promiseAmount) as Fen;
  const owed = (await loadInstallments(db, task.loanId)).reduce((s, r) => s + totalOf(unpaidOf(r)), 0);
  if (amount > owed)
    throw new DomainError({
      code: "collections-promise-too-large",
      status: 400,
      params: { max: formatAmount(owed) },
      fields: { promiseAmount: "collections-promise-too-large" },
    });
  return { amount, date: input.promiseDate };
}

/** The conduct verdict for one attempt: the same function the log runs, so the console shows the server's reason. */
export async function conductVerdict(
  db: Queryable,
  options: {
    task: TaskRow;
    contact: ResolvedContact;
    method: ContactMethod;
    at: Date;
    rules: LoadedRules;
    purpose?: ContactPurpose;
    outcome?: ActionInput["outcome"];
    note?: string | null;
  },
) {
  const { task, contact, method, at, rules } = options;
  const day = chinaClock(at).day;
  const unansweredToday = await unansweredOn(db, {
    loanId: task.loanId,
    contactKey: contact.key,
    method,
    day,
  });
  const consents = await activeConsents(db, task.loanId, contact.key);
  const refusals = conductRefusals(
    {
      at,
      party: contact.party,
      method,
      purpose: options.purpose,
      outcome: options.outcome,
      note: options.note,
      consents,
      unansweredToday,
    },
    rules,
  );
  return { refusals, unansweredToday, consentOnFile: consents.length > 0 };
}

export async function checkContact(
  db: Queryable,
  ctx: RequestContext,
  taskId: string,
  query: { contactId: string; method: ContactMethod; purpose?: ContactPurpose; at?: string },
  now: Date,
) {
  requirePermission(ctx, "collections.work");
  const task = await loadVisibleTask(db, ctx, taskId);
  const borrower = await borrowerOf(db, task.loanId);
  const contact = await resolveContact(db, task, query.contactId, borrower.name);
  const rules = await loadConductRules(db, await getBusinessDate(db));
  const at = query.at ? new Date(query.at) : now;
  const verdict = await conductVerdict(db, {
    task,
    contact,
    method: query.method,
    at,
    rules,
    purpose: query.purpose,
  });
  return {
    allowed: verdict.refusals.length === 0,
    refusals: verdict.refusals,
    at: at.toISOString(),
    chinaTime: chinaClock(at).time,
    party: contact.party,
    unansweredToday: verdict.unansweredToday,
    maxUnansweredPerDay: rules.maxUnansweredPerDay,
    quietHours: rules.quietHours,
    consentOnFile: verdict.consentOnFile,
  };
}

export async function logAction(db: Db, ctx: RequestContext, taskId: string, input: ActionInput, now: Date) {
  requirePermission(ctx, "collections.work");
  return db.transaction(async (tx) => {
    // Locking the task serialises attempts on the loan, so two collectors cannot both take the 6th.
    const task = await loadVisibleTask(tx, ctx, taskId, { lock: true });
    if (task.status !== "open") throw conflict("collections-task-closed");
    const businessDate = await getBusinessDate(tx);
    const rules = await loadConductRules(tx, businessDate);
    const at = input.occurredAt ? new Date(input.occurredAt) : now;
    checkTime(at, now, rules);
    if (!outcomeFits(input.method, input.outcome))
      throw invalid({ outcome: "collections-outcome-method" }, "collections-outcome-method");
    const borrower = await borrowerOf(tx, task.loanId);
    const contact = await resolveContact(tx, task, input.contactId, borrower.name);
    // What a third party hears is the settings' message and nothing else, unless the collector wrote
    // their own, which the rules then read for debt words.
    const note =
      contact.party === "third-party" && !input.note
        ? thirdPartyMessage(rules.thirdPartyTemplate, {
            debtor: borrower.name ?? "",
            collector: ctx.actor.displayName,
          })
        : (input.note ?? null);
    const verdict = await conductVerdict(tx, {
      task,
      contact,
      method: input.method,
      at,
      rules,
      purpose: input.purpose,
      outcome: input.outcome,
      note,
    });
    if (verdict.refusals.length > 0) throw refusalError(verdict.refusals[0]);
    const day = chinaClock(at).day;
    const promise = await checkPromise(tx, task, input, { day, rules });
    if (
      input.nextActionDate &&
      (input.nextActionDate < day || input.nextActionDate > addDays(day, NEXT_ACTION_MAX_DAYS))
    )
      throw new DomainError({
        code: "collections-next-action-date",
        status: 400,
        params: { from: day, to: addDays(day, NEXT_ACTION_MAX_DAYS) },
        fields: { nextActionDate: "collections-next-action-date" },
      });

    const actionId = randomUUID();
    const promiseId = promise ? randomUUID() : null;
    const nextActionDate = input.nextActionDate ?? (promise ? addDays(promise.date, 1) : task.nextActionDate);
    await tx.insert(collectionActions).values({
      loanId: task.loanId,
      id: actionId,
      taskId: task.id,
      contactKey: contact.key,
      party: contact.party,
      method: input.method,
      purpose: input.purpose,
      outcome: input.outcome,
      unanswered: isUnanswered(input.outcome),
      note,
      occurredAt: at,
      contactDay: day,
      promiseId,
      nextActionDate: input.nextActionDate ?? null,
      actorId: ctx.actor.userId,
    });
    if (promise && promiseId)
      await recordPromise(tx, { task, actionId, promiseId, promise, businessDate, ctx });
    // A back-dated attempt does not replace a later one as the task's latest.
    const newer = !task.lastActionAt || at >= task.lastActionAt;
    await tx
      .update(collectionTasks)
      .set({
        ...(newer
          ? { lastActionAt: at, lastActionMethod: input.method, lastActionOutcome: input.outcome }
          : {}),
        nextActionDate,
      })
      .where(and(eq(collectionTasks.loanId, task.loanId), eq(collectionTasks.id, task.id)));
    const view = {
      id: actionId,
      taskId: task.id,
      contactId: contact.key,
      party: contact.party,
      method: input.method,
      purpose: input.purpose,
      outcome: input.outcome,
      note,
      occurredAt: at.toISOString(),
      promise: promise ? { id: promiseId, amount: formatAmount(promise.amount), date: promise.date } : null,
      nextActionDate,
    };
    await recordAudit(tx, ctx, {
      action: "collection.action-logged",
      entityType: "collection-task",
      entityId: task.id,
      after: { ...view, loanId: task.loanId },
    });
    return view;
  });
}

async function recordPromise(
  tx: Tx,
  options: {
    task: TaskRow;
    actionId: string;
    promiseId: string;
    promise: { amount: Fen; date: string };
    businessDate: string;
    ctx: RequestContext;
  },
): Promise<void> {
  const { task, businessDate } = options;
  // A new promise replaces the one in force; the old one is kept as superseded, not judged.
  await tx
    .update(collectionPromises)
    .set({ status: "superseded", resolvedOn: businessDate })
    .where(
      and(
        eq(collectionPromises.loanId, task.loanId),
        eq(collectionPromises.taskId, task.id),
        eq(collectionPromises.status, "pending"),
      ),
    );
  await tx.insert(collectionPromises).values({
    loanId: task.loanId,
    id: options.promiseId,
    taskId: task.id,
    actionId: options.actionId,
    amount: options.promise.amount,
    promisedDate: options.promise.date,
    madeOn: businessDate,
    createdBy: options.ctx.actor.userId,
  });
}
