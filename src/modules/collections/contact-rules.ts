// What the conduct check needs from the database: the rules in force (settings), who the contact is,
// their unrevoked quiet-hours consents and today's unanswered attempts on the method.
import { and, count, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../../platform/db.ts";
import { DomainError } from "../../platform/errors.ts";
import { getSetting } from "../settings/settings.service.ts";
import type { TaskRow } from "./access.ts";
import type { ThirdPartyRules } from "./collections.settings.ts";
import { collectionActions, collectionConsents, collectionContacts } from "./collections-work.schema.ts";
import type { ConductRules, ConsentWindow } from "./domain/conduct.ts";
import type { ContactMethod, ContactParty } from "./domain/contact-vocabulary.ts";

export type LoadedRules = ConductRules & {
  thirdPartyTemplate: ThirdPartyRules["messageTemplate"];
  backdateHours: number;
  promises: { maxDaysAhead: number; graceDays: number };
};

export async function loadConductRules(db: Queryable, date: string): Promise<LoadedRules> {
  // One after the other: inside a transaction they share one connection.
  const quietHours = await getSetting(db, "collections.quiet-hours", date);
  const maxUnansweredPerDay = await getSetting(db, "collections.max-unanswered-per-day", date);
  const thirdParty = await getSetting(db, "collections.third-party", date);
  const backdateHours = await getSetting(db, "collections.backdate-hours", date);
  const promises = await getSetting(db, "collections.promises", date);
  return {
    quietHours,
    maxUnansweredPerDay,
    thirdParty: {
      methods: thirdParty.methods,
      purposes: thirdParty.purposes,
      forbiddenTerms: thirdParty.forbiddenTerms,
    },
    thirdPartyTemplate: thirdParty.messageTemplate,
    backdateHours,
    promises,
  };
}

export type ResolvedContact = { key: string; party: ContactParty; name: string | null };

/** "borrower" or one of the loan's active contacts; anything else is a 400 on contactId. */
export async function resolveContact(
  db: Queryable,
  task: TaskRow,
  contactId: string,
  borrowerName: string | null,
): Promise<ResolvedContact> {
  if (contactId === "borrower") return { key: "borrower", party: "borrower", name: borrowerName };
  const [contact] = await db
    .select()
    .from(collectionContacts)
    .where(
      and(
        eq(collectionContacts.loanId, task.loanId),
        eq(collectionContacts.id, contactId),
        eq(collectionContacts.active, true),
      ),
    );
  if (!contact)
    throw new DomainError({
      code: "collections-contact-unknown",
      status: 400,
      fields: { contactId: "collections-contact-unknown" },
    });
  return { key: contact.id, party: contact.party, name: contact.name };
}

export async function activeConsents(
  db: Queryable,
  loanId: string,
  contactKey: string,
): Promise<ConsentWindow[]> {
  return db
    .select({
      windowStart: collectionConsents.windowStart,
      windowEnd: collectionConsents.windowEnd,
      validFrom: collectionConsents.validFrom,
      validUntil: collectionConsents.validUntil,
    })
    .from(collectionConsents)
    .where(
      and(
        eq(collectionConsents.loanId, loanId),
        eq(collectionConsents.contactKey, contactKey),
        isNull(collectionConsents.revokedAt),
      ),
    );
}

export async function unansweredOn(
  db: Queryable,
  options: { loanId: string; contactKey: string; method: ContactMethod; day: string },
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(collectionActions)
    .where(
      and(
        eq(collectionActions.loanId, options.loanId),
        eq(collectionActions.contactKey, options.contactKey),
        eq(collectionActions.method, options.method),
        eq(collectionActions.contactDay, options.day),
        eq(collectionActions.unanswered, true),
      ),
    );
  return row.n;
}
