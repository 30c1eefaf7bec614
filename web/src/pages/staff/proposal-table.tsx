import { CheckOutlined, CloseOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Empty, Input, Modal, Progress, Space, Table, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import { decideProposal, type RankProposal } from "../../api/staff.ts";
import { formatMoney, formatWan, toFen } from "../../format.ts";
import { DirectionTag, ProposalStatusTag, ProtectedTag, useStaffNames } from "./staff-parts.tsx";

export type ProposalView = RankProposal;

/** Quarter figure against the rank's target, as a bar: full when the target is met. */
function Attainment({ performance, target }: { performance: string; target: string }) {
  const p = toFen(performance) ?? 0n;
  const goal = toFen(target) ?? 0n;
  const percent = goal > 0n ? Number((p * 1000n) / goal) / 10 : 100;
  return (
    <div className="perf-cell">
      <span className="num">
        {formatWan(performance)} / {formatWan(target)}
      </span>
      <Tooltip title={`${formatMoney(performance)} / ${formatMoney(target)}`}>
        <Progress
          percent={Math.min(100, percent)}
          format={() => `${percent.toFixed(1)}%`}
          status={percent >= 100 ? "success" : "normal"}
          size="small"
        />
      </Tooltip>
    </div>
  );
}

/** The review's proposals, one per person; a manager confirms or rejects the pending ones. */
export function ProposalTable({
  proposals,
  loading,
  editable,
  onOpen,
}: {
  proposals: ProposalView[];
  loading: boolean;
  editable: boolean;
  onOpen: (staffId: string) => void;
}) {
  const { t } = useTranslation();
  const me = useMe().data;
  const canConfirm = editable && hasPermission(me, "ranks.confirm");
  const names = useStaffNames();
  const [deciding, setDeciding] = useState<{ proposal: ProposalView; decision: "confirm" | "reject" } | null>(
    null,
  );
  const c = (key: string) => t(`staff.ranks.columns.${key}`);
  return (
    <>
      <Table<ProposalView>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={proposals}
        scroll={{ x: 960 }}
        data-testid="proposal-table"
        pagination={{
          pageSize: 50,
          hideOnSinglePage: true,
          showTotal: (total) => t("common.total", { total }),
        }}
        locale={{ emptyText: <Empty description={t("staff.ranks.noProposals")} /> }}
        columns={[
          {
            title: c("person"),
            key: "person",
            width: 130,
            fixed: "left",
            render: (_, p) => (
              <button type="button" className="link-button" onClick={() => onOpen(p.staffId)}>
                {p.name} <span className="mono muted">{p.employeeNo}</span>
              </button>
            ),
          },
          { title: c("fromRank"), dataIndex: "fromRank", width: 140, render: (v: string) => names.rank(v) },
          {
            title: c("performance"),
            key: "performance",
            width: 190,
            sorter: (a, b) => Number(a.performance) - Number(b.performance),
            render: (_, p) => <Attainment performance={p.performance} target={p.target} />,
          },
          {
            title: c("proposal"),
            key: "proposal",
            width: 230,
            render: (_, p) => (
              <>
                <DirectionTag direction={p.direction} rankName={names.rank(p.toRank)} />
                <div className="muted proposal-reason">
                  {t(`staff.ranks.reason.${p.reason}`)}
                  {p.protected ? <ProtectedTag until={p.protectedUntil} /> : null}
                </div>
              </>
            ),
          },
          {
            title: c("status"),
            key: "status",
            width: 120,
            render: (_, p) => (
              <>
                <ProposalStatusTag status={p.status} />
                {p.decidedByName ? <div className="muted">{p.decidedByName}</div> : null}
                {p.decisionNote ? <div className="muted">{p.decisionNote}</div> : null}
              </>
            ),
          },
          ...(canConfirm
            ? [
                {
                  title: t("common.actions"),
                  key: "actions",
                  width: 160,
                  fixed: "right" as const,
                  render: (_: unknown, p: ProposalView) =>
                    p.status === "pending" ? (
                      <Space>
                        <Button
                          size="small"
                          type="primary"
                          icon={<CheckOutlined />}
                          onClick={() => setDeciding({ proposal: p, decision: "confirm" })}
                          data-testid="confirm-proposal"
                        >
                          {t("staff.ranks.confirm")}
                        </Button>
                        <Button
                          size="small"
                          danger
                          icon={<CloseOutlined />}
                          onClick={() => setDeciding({ proposal: p, decision: "reject" })}
                        >
                          {t("staff.ranks.reject")}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {deciding ? <ProposalDecision {...deciding} onClose={() => setDeciding(null)} /> : null}
    </>
  );
}

function ProposalDecision({
  proposal,
  decision,
  onClose,
}: {
  proposal: ProposalView;
  decision: "confirm" | "reject";
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const names = useStaffNames();
  const [note, setNote] = useState("");
  const [pending, setPending] = useState(false);
  const submit = async () => {
    setPending(true);
    try {
      await decideProposal(proposal.id, { decision, note: note.trim() || undefined });
      message.success(t(`staff.ranks.decided.${decision}`, { name: proposal.name }));
      void queryClient.invalidateQueries({ queryKey: ["rank-reviews"] });
      void queryClient.invalidateQueries({ queryKey: ["staff"] });
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal
      open
      title={t(`staff.ranks.decisionTitle.${decision}`, { name: proposal.name })}
      okText={t(`staff.ranks.${decision}`)}
      okButtonProps={{ danger: decision === "reject", loading: pending, disabled: pending }}
      onOk={submit}
      onCancel={onClose}
    >
      <p>
        {t("staff.ranks.decisionText", {
          from: names.rank(proposal.fromRank),
          to: names.rank(proposal.toRank),
          date: proposal.effectiveFrom,
        })}
      </p>
      <Input.TextArea
        rows={3}
        maxLength={1000}
        placeholder={t("staff.ranks.notePlaceholder")}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        aria-label={t("staff.ranks.notePlaceholder")}
      />
    </Modal>
  );
}
