// The seven steps of DOMAIN.md §5 as an explicit table: from which status an action may be taken,
// where it leads, and which permission acts. Anything not in the table is a 409.
import type { Permission } from "../../../platform/auth/permissions.ts";

export type ApplicationStatus =
  | "submitted"
  | "interviewed"
  | "qualified"
  | "assessed"
  | "pending-committee"
  | "approved"
  | "disbursed"
  | "rejected"
  | "withdrawn"
  | "expired";

export type ApplicationAction =
  | "interview"
  | "qualify"
  | "assess"
  | "risk-plan"
  | "vote"
  | "disburse"
  | "reject"
  | "withdraw"
  | "expire";

type Transition = {
  from: readonly ApplicationStatus[];
  permission: Permission | "system";
  /** The customer manager who brought the application may not take this action (maker–checker). */
  forbidsOriginator: boolean;
};

export const TRANSITIONS: Record<ApplicationAction, Transition> = {
  interview: { from: ["submitted"], permission: "applications.create", forbidsOriginator: false },
  qualify: { from: ["interviewed"], permission: "applications.review", forbidsOriginator: true },
  assess: { from: ["qualified"], permission: "applications.review", forbidsOriginator: true },
  "risk-plan": { from: ["assessed"], permission: "applications.review", forbidsOriginator: true },
  vote: { from: ["pending-committee"], permission: "applications.vote", forbidsOriginator: true },
  disburse: { from: ["approved"], permission: "loans.disburse", forbidsOriginator: true },
  reject: {
    from: ["submitted", "interviewed", "qualified", "assessed"],
    permission: "applications.review",
    forbidsOriginator: true,
  },
  withdraw: {
    from: ["submitted", "interviewed", "qualified", "assessed", "pending-committee", "approved"],
    permission: "applications.create",
    forbidsOriginator: false,
  },
  expire: {
    from: ["submitted", "interviewed", "qualified", "assessed", "pending-committee", "approved"],
    permission: "system",
    forbidsOriginator: false,
  },
};

export const TERMINAL: readonly ApplicationStatus[] = ["disbursed", "rejected", "withdrawn", "expired"];

/** The step a status is waiting for, for the Steps bar and "who acts next". */
export const STEP_OF_STATUS: Record<ApplicationStatus, number> = {
  submitted: 1,
  interviewed: 2,
  qualified: 3,
  assessed: 4,
  "pending-committee": 5,
  approved: 6,
  disbursed: 7,
  rejected: -1,
  withdrawn: -1,
  expired: -1,
};

export type TransitionCheck =
  | { ok: true }
  | { ok: false; reason: "wrong-status" | "forbidden" | "originator" };

export function checkTransition(options: {
  action: ApplicationAction;
  status: ApplicationStatus;
  permissions: ReadonlySet<string>;
  actorId: string | null;
  originatorId: string;
}): TransitionCheck {
  const rule = TRANSITIONS[options.action];
  if (rule.permission !== "system" && !options.permissions.has(rule.permission))
    return { ok: false, reason: "forbidden" };
  if (!rule.from.includes(options.status)) return { ok: false, reason: "wrong-status" };
  if (rule.forbidsOriginator && options.actorId === options.originatorId)
    return { ok: false, reason: "originator" };
  return { ok: true };
}
