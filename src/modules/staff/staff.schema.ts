import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { StaffPosition, StaffStatus } from "./domain/positions.ts";

// The seed's org chart. Every user has a home department; the staff capability adds employee
// records and their effective-dated history below.
export const departments = pgTable("departments", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  code: text("code").notNull().unique(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  parentId: integer("parent_id"),
  sortOrder: integer("sort_order").notNull().default(0),
});

// An employee (员工档案). `position` and `rank` are the current ones; staff_assignments and
// staff_rank_history keep what held on every past date, which is what payroll reads.
export const staffMembers = pgTable(
  "staff_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").unique(),
    employeeNo: text("employee_no").notNull().unique(),
    name: text("name").notNull(),
    position: text("position").$type<StaffPosition>().notNull(),
    rank: text("rank"),
    status: text("status").$type<StaffStatus>().notNull(),
    /** For a candidate, the planned first day. */
    joinedOn: date("joined_on", { mode: "string" }).notNull(),
    leftOn: date("left_on", { mode: "string" }),
    leaveReason: text("leave_reason"),
    leaveNote: text("leave_note"),
    recruitmentChannel: text("recruitment_channel"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("staff_members_status_idx").on(t.status), index("staff_members_position_idx").on(t.position)],
);

// Where someone sat, from valid_from to valid_to (both inclusive; null = still). A change closes
// the open row the day before and opens a new one, so rows of one person never overlap.
export const staffAssignments = pgTable(
  "staff_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staffMembers.id),
    departmentId: integer("department_id").references(() => departments.id),
    team: text("team"),
    /** A staff member id. */
    managerId: uuid("manager_id"),
    position: text("position").$type<StaffPosition>().notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validTo: date("valid_to", { mode: "string" }),
    reason: text("reason").$type<"hire" | "transfer" | "promotion">().notNull(),
    note: text("note"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("staff_assignments_staff_idx").on(t.staffId, t.validFrom),
    index("staff_assignments_manager_idx").on(t.managerId),
  ],
);

export const staffRankHistory = pgTable(
  "staff_rank_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staffMembers.id),
    rank: text("rank").notNull(),
    previousRank: text("previous_rank"),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    reason: text("reason").$type<"hire" | "review" | "manual">().notNull(),
    proposalId: uuid("proposal_id"),
    note: text("note"),
    createdBy: uuid("created_by"),
    createdByName: text("created_by_name"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("staff_rank_history_staff_idx").on(t.staffId, t.effectiveFrom)],
);

// The quarterly review (DOMAIN.md §6): one run computes a proposal per person; each change is
// confirmed by someone other than who ran it. A re-run supersedes the proposals still pending.
export const rankReviews = pgTable(
  "rank_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    quarter: text("quarter").notNull(),
    status: text("status").$type<"current" | "superseded">().notNull().default("current"),
    /** The targets and protection months the review used, as they stood when it ran. */
    rules: jsonb("rules").notNull(),
    runBy: uuid("run_by"),
    runByName: text("run_by_name").notNull(),
    runAt: timestamp("run_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("rank_reviews_quarter_idx").on(t.quarter)],
);

export type RankProposalStatus = "pending" | "no-change" | "confirmed" | "rejected" | "superseded";

export const rankProposals = pgTable(
  "rank_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reviewId: uuid("review_id")
      .notNull()
      .references(() => rankReviews.id),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staffMembers.id),
    fromRank: text("from_rank").notNull(),
    toRank: text("to_rank").notNull(),
    direction: text("direction").$type<"up" | "down" | "stay">().notNull(),
    reason: text("reason").notNull(),
    performance: bigint("performance_fen", { mode: "number" }).notNull(),
    target: bigint("target_fen", { mode: "number" }).notNull(),
    isProtected: boolean("is_protected").notNull(),
    protectedUntil: date("protected_until", { mode: "string" }).notNull(),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    status: text("status").$type<RankProposalStatus>().notNull(),
    decidedBy: uuid("decided_by"),
    decidedByName: text("decided_by_name"),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    decisionNote: text("decision_note"),
  },
  (t) => [index("rank_proposals_review_idx").on(t.reviewId), index("rank_proposals_staff_idx").on(t.staffId)],
);

// Training (培训流程): the five courses of the business plan are reference data (migration); sessions
// record who attended and, for exams, the score.
export const trainingCourses = pgTable("training_courses", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
  /** 通关训练: the exam a probation depends on. */
  isGate: boolean("is_gate").notNull().default(false),
  /** Lowest passing score; null for attendance-only courses. */
  passScore: integer("pass_score"),
  active: boolean("active").notNull().default(true),
});

export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => trainingCourses.id),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    trainer: text("trainer"),
    location: text("location"),
    note: text("note"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("training_sessions_held_idx").on(t.heldOn)],
);

export const trainingResults = pgTable(
  "training_results",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => trainingSessions.id),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staffMembers.id),
    attended: boolean("attended").notNull(),
    score: integer("score"),
    passed: boolean("passed").notNull(),
    recordedBy: uuid("recorded_by"),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.staffId] }),
    index("training_results_staff_idx").on(t.staffId),
  ],
);

// The onboarding probation of one person (DOMAIN.md §6): the leader's decision and the outcome.
export const staffProbations = pgTable("staff_probations", {
  staffId: uuid("staff_id")
    .primaryKey()
    .references(() => staffMembers.id),
  startsOn: date("starts_on", { mode: "string" }).notNull(),
  endsOn: date("ends_on", { mode: "string" }).notNull(),
  leaderDecision: text("leader_decision").$type<"approved" | "rejected">(),
  leaderId: uuid("leader_id"),
  leaderName: text("leader_name"),
  leaderComment: text("leader_comment"),
  decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
  outcome: text("outcome").$type<"passed" | "failed">(),
  outcomeReason: text("outcome_reason"),
  outcomeOn: date("outcome_on", { mode: "string" }),
});
