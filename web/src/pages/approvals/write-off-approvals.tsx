import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../../api/auth.ts";
import { approveWriteOff, type PendingApprovals, rejectWriteOff } from "../../api/workout.ts";
import { formatMoney, formatMoneyLong } from "../../format.ts";
import { WriteOffScopeTag } from "../loans/workout/workout-tags.tsx";
import { ApprovalTable, DecisionButtons, useApprovalColumns, useApprovalText } from "./approval-parts.tsx";

type Item = PendingApprovals["writeOffs"][number];

/** Write-offs waiting for someone with repayments.approve — never their proposer. */
export function WriteOffApprovals({ items }: { items: Item[] }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const a = useApprovalText();
  const shared = useApprovalColumns<Item>();
  const w = (key: string) => t(`workout.writeOff.${key}`);
  const canDecide = hasPermission(me, "repayments.approve");
  return (
    <ApprovalTable<Item>
      items={items}
      scrollX={1000}
      testId="write-off-approvals"
      emptyText={a("emptyWriteOffs")}
      columns={[
        shared.loan,
        {
          title: a("columns.amount"),
          key: "amount",
          align: "right",
          width: 190,
          render: (_, r) => (
            <span className="num">
              <WriteOffScopeTag value={r.scope} />
              <strong>{formatMoneyLong(r.estimate.total)}</strong>
              <div className="muted workout-breakdown">
                <div>
                  {w("principal")} {formatMoney(r.estimate.principal)}
                </div>
                <div>
                  {w("interest")} {formatMoney(r.estimate.interest)}
                </div>
                <div>
                  {w("penalty")} {formatMoney(r.estimate.penalty)}
                </div>
              </div>
            </span>
          ),
        },
        {
          title: a("columns.provision"),
          key: "provision",
          align: "right",
          width: 150,
          render: (_, r) => (
            <span className="num">
              {formatMoney(r.estimate.provision)}
              <div className="muted workout-breakdown">
                {t("workout.panel.expenseShort")} {formatMoney(r.estimate.expense)}
              </div>
            </span>
          ),
        },
        { title: a("reason"), dataIndex: "reason", ellipsis: { showTitle: true } },
        shared.proposer,
        {
          title: t("common.actions"),
          key: "actions",
          width: 170,
          fixed: "right",
          render: (_, r) =>
            canDecide ? (
              <DecisionButtons
                danger="approve"
                approve={{
                  label: a("approveWriteOff"),
                  confirm: a(r.scope === "partial" ? "confirmPartialWriteOff" : "confirmWriteOff"),
                  testId: "write-off-approve",
                  run: () => approveWriteOff(r.loanId),
                }}
                reject={{
                  label: a("rejectWriteOff"),
                  commentRequired: false,
                  run: (comment) => rejectWriteOff(r.loanId, comment),
                }}
              />
            ) : (
              <span className="muted">{a("waiting")}</span>
            ),
        },
      ]}
    />
  );
}
