// Who acts on an application now (the state machine of src/modules/origination/domain/state-machine.ts
// seen from the console): the form of a step is shown only to the role that takes it. The server
// still decides; a refusal (maker–checker, a vote already cast) comes back as a message in the form.
import type {
  ApplicationDetail,
  ApplicationStatus,
  OriginationSettings,
  Vote,
} from "../../api/applications.ts";
import { hasPermission } from "../../api/auth.ts";
import type { Me } from "../../api/types.ts";

export type StepForm = "interview" | "qualification" | "assessment" | "riskPlan" | "vote" | "disbursement";

const FORM_OF_STATUS: Partial<Record<ApplicationStatus, StepForm>> = {
  submitted: "interview",
  interviewed: "qualification",
  qualified: "assessment",
  assessed: "riskPlan",
  "pending-committee": "vote",
  approved: "disbursement",
};

const PERMISSION_OF_FORM: Record<StepForm, string> = {
  interview: "applications.create",
  qualification: "applications.review",
  assessment: "applications.review",
  riskPlan: "applications.review",
  vote: "applications.vote",
  disbursement: "loans.disburse",
};

const REVIEWABLE: ApplicationStatus[] = ["submitted", "interviewed", "qualified", "assessed"];
const WITHDRAWABLE: ApplicationStatus[] = [
  "submitted",
  "interviewed",
  "qualified",
  "assessed",
  "pending-committee",
  "approved",
];

export function formOfStatus(status: ApplicationStatus): StepForm | null {
  return FORM_OF_STATUS[status] ?? null;
}

/** The committee seat the user sits in (gm / risk / finance by default), or null. */
export function committeeSeat(me: Me | null | undefined, settings: OriginationSettings): string | null {
  if (!me || !hasPermission(me, "applications.vote")) return null;
  return settings.committeeRoles.find((role) => me.user.roles.includes(role)) ?? null;
}

export function myVote(me: Me | null | undefined, votes: Vote[], seat: string | null): Vote | null {
  if (!me) return null;
  return votes.find((v) => v.voterId === me.user.id || (seat !== null && v.voterRole === seat)) ?? null;
}

/** True when the signed-in user brought the application (maker–checker forbids reviewing it). */
export function isOriginator(me: Me | null | undefined, app: { originatorId: string }): boolean {
  return Boolean(me && me.user.id === app.originatorId);
}

/** The step form the user should see now, or null when someone else acts next. */
export function actingForm(
  me: Me | null | undefined,
  app: ApplicationDetail,
  settings: OriginationSettings,
): StepForm | null {
  const form = formOfStatus(app.status);
  if (!form || !me || !hasPermission(me, PERMISSION_OF_FORM[form])) return null;
  // Maker–checker: the originator may record the interview, nothing after it.
  if (form !== "interview" && isOriginator(me, app)) return null;
  if (form === "vote") {
    const seat = committeeSeat(me, settings);
    if (!seat || myVote(me, app.votes, seat)) return null;
  }
  return form;
}

export function canReject(me: Me | null | undefined, app: ApplicationDetail): boolean {
  return (
    hasPermission(me, "applications.review") && REVIEWABLE.includes(app.status) && !isOriginator(me, app)
  );
}

export function canWithdraw(me: Me | null | undefined, app: ApplicationDetail): boolean {
  return hasPermission(me, "applications.create") && WITHDRAWABLE.includes(app.status);
}
