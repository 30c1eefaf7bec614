import { Alert, Descriptions, Modal, Skeleton, Space, Steps } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../api/client.ts";
import {
  type RestructuringDetail,
  type RestructuringPreview,
  useRestructuring,
} from "../../../api/workout.ts";
import { formatDateTime } from "../../../format.ts";
import { RestructuringSummary, ScheduleCompare } from "./schedule-compare.tsx";
import { DecisionTag, RestructuringStatusTag } from "./workout-tags.tsx";

function stepOf(d: RestructuringDetail): number {
  if (d.status === "pending-cosign") return 1;
  if (d.status === "pending-committee") return 2;
  if (d.status === "applied") return 3;
  return d.cosignedAt ? 2 : 1;
}

/** Who did what so far, the votes, and the schedules: today's preview while pending, as applied after. */
export function RestructuringDetailView({ detail }: { detail: RestructuringDetail }) {
  const { t } = useTranslation();
  const p = (key: string, params: Record<string, unknown> = {}) => t(`workout.panel.${key}`, params);
  const shown: RestructuringPreview = detail.preview ?? detail.result ?? detail.proposal;
  const failed = detail.status === "rejected" || detail.status === "withdrawn";
  return (
    <div data-testid="restructuring-detail">
      <Steps
        size="small"
        current={stepOf(detail)}
        status={failed ? "error" : detail.status === "applied" ? "finish" : "process"}
        style={{ marginBottom: 16 }}
        items={[
          { title: p("stepPropose"), description: detail.proposedBy.name },
          { title: p("stepCosign"), description: detail.cosignedBy?.name ?? undefined },
          { title: p("stepCommittee"), description: p("votesCount", { count: detail.votes.length }) },
          { title: p("stepApplied"), description: detail.appliedOn ?? undefined },
        ]}
      />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: "status", label: p("status"), children: <RestructuringStatusTag value={detail.status} /> },
          { key: "at", label: p("proposedAt"), children: formatDateTime(detail.proposedAt) },
          { key: "reason", label: p("reason"), children: detail.reason, span: 2 },
          {
            key: "cosign",
            label: p("cosigner"),
            children: detail.cosignedBy
              ? `${detail.cosignedBy.name ?? "—"} ${detail.cosignComment ?? ""}`
              : "—",
          },
          {
            key: "votes",
            label: p("votes"),
            children: detail.votes.length ? (
              <Space wrap size={4}>
                {detail.votes.map((v) => (
                  <span key={v.voterId}>
                    {t(`roles.${v.seat}`)} {v.voterName} <DecisionTag value={v.decision} />
                  </span>
                ))}
              </Space>
            ) : (
              "—"
            ),
          },
        ]}
      />
      {detail.preview ? (
        <Alert type="info" showIcon message={p("previewToday")} style={{ marginBottom: 12 }} />
      ) : null}
      <RestructuringSummary preview={shown} />
      <div className="section-gap" />
      <ScheduleCompare preview={shown} />
    </div>
  );
}

export function RestructuringDetailModal({
  loanId,
  id,
  onClose,
}: {
  loanId: string;
  id: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const detail = useRestructuring(loanId, id);
  return (
    <Modal
      open={Boolean(id)}
      onCancel={onClose}
      footer={null}
      width={1180}
      title={t("workout.panel.detailTitle")}
      destroyOnHidden
    >
      {detail.isPending ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {detail.isError ? <Alert type="error" showIcon message={errorMessage(detail.error)} /> : null}
      {detail.data ? <RestructuringDetailView detail={detail.data} /> : null}
    </Modal>
  );
}
