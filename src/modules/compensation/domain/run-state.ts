// The payroll run's life (DOMAIN.md §7) as an explicit table: computed (draft), reviewed by HR,
// approved by someone who neither prepared nor reviewed it, then locked. Recomputing before the lock
// makes a new version and starts the review again; after the lock nothing changes.
import type { Permission } from "../../../platform/auth/permissions.ts";

export const RUN_STATUSES = ["draft", "reviewed", "approved", "locked"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export type RunAction = "recompute" | "review" | "approve" | "return" | "lock";

type Transition = {
  from: readonly RunStatus[];
  to: RunStatus;
  permission: Permission;
  /** Refused to whoever computed, prepared or reviewed the run (maker–checker). */
  checker: boolean;
};

export const RUN_TRANSITIONS: Record<RunAction, Transition> = {
  recompute: {
    from: ["draft", "reviewed", "approved"],
    to: "draft",
    permission: "payroll.prepare",
    checker: false,
  },
  review: { from: ["draft"], to: "reviewed", permission: "payroll.prepare", checker: false },
  approve: { from: ["reviewed"], to: "approved", permission: "payroll.approve", checker: true },
  return: { from: ["reviewed", "approved"], to: "draft", permission: "payroll.approve", checker: false },
  lock: { from: ["approved"], to: "locked", permission: "payroll.approve", checker: true },
};

export type RunTransitionCheck =
  | { ok: true; to: RunStatus }
  | { ok: false; reason: "forbidden" | "wrong-status" | "maker-checker" };

export function checkRunTransition(options: {
  action: RunAction;
  status: RunStatus;
  permissions: ReadonlySet<string>;
  actorId: string | null;
  /** Everyone who computed, prepared or reviewed the current version. */
  makers: readonly (string | null)[];
}): RunTransitionCheck {
  const rule = RUN_TRANSITIONS[options.action];
  if (!options.permissions.has(rule.permission)) return { ok: false, reason: "forbidden" };
  if (!rule.from.includes(options.status)) return { ok: false, reason: "wrong-status" };
  if (rule.checker && options.actorId !== null && options.makers.includes(options.actorId))
    return { ok: false, reason: "maker-checker" };
  return { ok: true, to: rule.to };
}
