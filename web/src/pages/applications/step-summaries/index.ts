// Read-only records of finished approval steps, one file per step, plus the detail page's stage times and timeline.
export { ScorecardSummary } from "./assessment.tsx";
export { CommitteeBlock } from "./committee.tsx";
export { DisbursedSummary } from "./disbursement.tsx";
export { InterviewSummary } from "./interview.tsx";
export { QualificationSummary } from "./qualification.tsx";
export { RiskPlanSummary } from "./risk-plan.tsx";
export { CheckList, PassFailIcon } from "./shared.tsx";
export { StageTimes } from "./stage-times.tsx";
export { ApplicationTimeline } from "./timeline.tsx";
