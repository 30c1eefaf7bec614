import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export type CustomerType = "individual" | "business";
export type BusinessKind = "sole-proprietor" | "small-business";
export type CustomerSegment = "individual" | "student" | "sole-proprietor" | "small-business";

// Personal data (ID number, phone, bank card) is stored only sealed (`*_enc`, platform/pii.ts), with a
// blind index for equality look-ups and the masked text the console shows, so a list never needs the
// key. The credit code identifies a business, is printed on its licence and public in the national
// enterprise register, so it is stored in clear.
export const customers = pgTable(
  "customers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    type: text("type").$type<CustomerType>().notNull(),
    name: text("name").notNull(),
    businessKind: text("business_kind").$type<BusinessKind>(),
    legalRepresentative: text("legal_representative"),
    segment: text("segment").$type<CustomerSegment>().notNull(),
    idNumberEnc: text("id_number_enc").notNull(),
    idNumberIndex: text("id_number_index").notNull(),
    idNumberMasked: text("id_number_masked").notNull(),
    birthDate: date("birth_date", { mode: "string" }).notNull(),
    gender: text("gender").$type<"male" | "female">().notNull(),
    phoneEnc: text("phone_enc").notNull(),
    phoneIndex: text("phone_index").notNull(),
    phoneMasked: text("phone_masked").notNull(),
    creditCode: text("credit_code"),
    bankCardEnc: text("bank_card_enc"),
    bankCardMasked: text("bank_card_masked"),
    bankName: text("bank_name"),
    address: text("address"),
    occupation: text("occupation"),
    employer: text("employer"),
    monthlyIncome: bigint("monthly_income_fen", { mode: "number" }),
    businessYears: integer("business_years"),
    notes: text("notes"),
    ownerId: uuid("owner_id").notNull(),
    createdBy: uuid("created_by"),
    blacklisted: boolean("blacklisted").notNull().default(false),
    blacklistReason: text("blacklist_reason"),
    blacklistedAt: timestamp("blacklisted_at", { withTimezone: true, mode: "date" }),
    blacklistedBy: uuid("blacklisted_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    // One file per person and one per business; a person may also represent businesses of their own.
    uniqueIndex("customers_individual_id_uq").on(t.idNumberIndex).where(sql`${t.type} = 'individual'`),
    uniqueIndex("customers_credit_code_uq").on(t.creditCode).where(sql`${t.creditCode} is not null`),
    index("customers_id_number_idx").on(t.idNumberIndex),
    index("customers_phone_idx").on(t.phoneIndex),
    index("customers_owner_idx").on(t.ownerId),
    index("customers_name_idx").on(t.name),
  ],
);

export type ConsentKind = "credit-inquiry" | "sensitive-data" | "third-party-sharing";

// DOMAIN.md §8: credit-bureau queries and sensitive-data processing need the customer's recorded
// authorisation with its purpose. Revoking keeps the row, so the history stays provable.
export const customerConsents = pgTable(
  "customer_consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    kind: text("kind").$type<ConsentKind>().notNull(),
    purpose: text("purpose").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true, mode: "date" }).notNull(),
    recordedBy: uuid("recorded_by"),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    revokedBy: uuid("revoked_by"),
    revokeReason: text("revoke_reason"),
  },
  (t) => [index("customer_consents_customer_idx").on(t.customerId)],
);

export type DocumentKind = "id-card-front" | "id-card-back" | "business-licence" | "bank-statement" | "other";

export const customerDocuments = pgTable(
  "customer_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    kind: text("kind").$type<DocumentKind>().notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    uploadedBy: uuid("uploaded_by"),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("customer_documents_customer_idx").on(t.customerId)],
);
