import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../../api/auth.ts";
import { cosignRestructuring, type PendingApprovals, voteOnRestructuring } from "../../api/workout.ts";
import { formatMoney, formatMoneyLong, formatRate } from "../../format.ts";
import { RestructuringSummary, ScheduleCompare } from "../loans/workout/schedule-compare.tsx";
import { DecisionTag, RestructuringStatusTag } from "../loans/workout/workout-tags.tsx";
import { ApprovalTable, DecisionButtons, useApprovalColumns, useApprovalText } from "./approval-parts.tsx";

type Item = PendingApprovals["restructurings"][number];

/** Restructurings waiting for risk's co-signature or the committee's votes; each row opens to the schedules. */
export function RestructuringApprovals({
  items,
  committee,
}: {
  items: Item[];
  committee: PendingApprovals["committee"];
}) {
  const { t } = useTranslation();
  const me = useMe().data;
  const a = useApprovalText();
  const shared = useApprovalColumns<Item>();
  const canCosign = hasPermission(me, "collections.work");
  const canVote = hasPermission(me, "applications.vote");

  const actions = (r: Item) => {
    // Risk co-signs first, then the committee votes; either may refuse, and a refusal needs a reason.
    if (r.status === "pending-cosign" && canCosign)
      return (
        <DecisionButtons
          danger="reject"
          approve={{
            label: a("cosign"),
            confirm: a("confirmCosign"),
            testId: "cosign-approve",
            run: () => cosignRestructuring(r.loanId, r.id, { decision: "approve" }),
          }}
          reject={{
            label: a("cosignReject"),
            commentRequired: true,
            run: (comment) => cosignRestructuring(r.loanId, r.id, { decision: "reject", comment }),
          }}
        />
      );
    if (r.status === "pending-committee" && canVote)
      return (
        <DecisionButtons
          danger="reject"
          approve={{
            label: a("approve"),
            confirm: a("confirmApprove"),
            testId: "vote-approve",
            run: () => voteOnRestructuring(r.loanId, r.id, { decision: "approve" }),
          }}
          reject={{
            label: a("reject"),
            commentRequired: true,
            run: (comment) => voteOnRestructuring(r.loanId, r.id, { decision: "reject", comment }),
          }}
        />
      );
    return <span className="muted">{a("waiting")}</span>;
  };

  return (
    <ApprovalTable<Item>
      items={items}
      scrollX={1000}
      testId="restructuring-approvals"
      emptyText={a("empty")}
      expandable={{
        expandedRowRender: (r) => (
          <div className="approval-expanded">
            <p>
              <strong>{a("reason")}:</strong> {r.reason}
            </p>
            <RestructuringSummary preview={r.proposal} />
            <div className="section-gap" />
            <ScheduleCompare preview={r.proposal} />
          </div>
        ),
      }}
      columns={[
        shared.loan,
        {
          title: a("columns.plan"),
          key: "plan",
          width: 170,
          render: (_, r) => (
            <span>
              {a("plan", {
                term: r.termMonths,
                rate: formatRate(r.annualRate),
                method: t(`calculator.methods.${r.method}`),
              })}
              <div className="muted">
                {r.extensionMonths > 0 ? a("extension", { months: r.extensionMonths }) : null}
                {r.capitaliseArrears ? ` · ${a("capitalised")}` : ""}
              </div>
              {r.penaltyRate ? (
                <div className="muted" data-testid="approval-penalty-rate">
                  {a("penaltyRate", {
                    from: formatRate(r.penaltyRate.from),
                    to: formatRate(r.penaltyRate.to),
                  })}
                </div>
              ) : null}
            </span>
          ),
        },
        {
          title: a("columns.newPrincipal"),
          key: "principal",
          align: "right",
          width: 140,
          render: (_, r) => (
            <span className="num">
              {formatMoneyLong(r.proposal.proposed.principal)}
              <div className="muted">{formatMoney(r.loan.principalOutstanding)}</div>
            </span>
          ),
        },
        shared.proposer,
        {
          title: a("columns.progress"),
          key: "progress",
          width: 190,
          render: (_, r) => (
            <span>
              <RestructuringStatusTag value={r.status} />
              {r.status === "pending-committee" ? (
                <div>
                  {a("votesOf", { done: r.votes.length, total: committee.roles.length })}
                  {r.votes.map((v) => (
                    <div key={v.voterId} className="workout-vote">
                      {t(`roles.${v.seat}`)} <DecisionTag value={v.decision} />
                    </div>
                  ))}
                </div>
              ) : (
                <div className="muted">
                  {a("cosignBy", {
                    roles: committee.cosignRoles
                      .map((x) => t(`roles.${x}`))
                      .join(t("workout.approvals.listSeparator")),
                  })}
                </div>
              )}
            </span>
          ),
        },
        {
          title: t("common.actions"),
          key: "actions",
          // The pair stacks (DecisionButtons wraps), so that the table fits 1280 px without scrolling.
          width: 130,
          fixed: "right",
          render: (_, r) => actions(r),
        },
      ]}
    />
  );
}
