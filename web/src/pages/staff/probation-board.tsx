import { CheckOutlined, CloseOutlined, FieldTimeOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Result,
  Spin,
  Switch,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import { closeProbations, decideProbation, type ProbationItem, useProbationBoard } from "../../api/staff.ts";
import { ProbationChecks, ProbationStateTag, probationDay, probationDays } from "./probation-summary.tsx";
import { useStaffNames } from "./staff-parts.tsx";

/**
 * 试用期看板: each trainee's 7 days, whether 通关 is passed and whether their leader has approved —
 * both are needed to become formal (DOMAIN.md §6). The leader (or anyone above) decides here.
 */
export function ProbationBoard({ onOpen }: { onOpen: (staffId: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const canDecide = hasPermission(me, "probation.approve");
  const canManage = hasPermission(me, "staff.manage");
  const [all, setAll] = useState(false);
  const board = useProbationBoard(all);
  const [deciding, setDeciding] = useState<{ item: ProbationItem; decision: "approve" | "reject" } | null>(
    null,
  );

  const close = async () => {
    try {
      const result = await closeProbations();
      message.success(t("staff.probation.closed", { count: result.closed.length, date: result.date }));
      void queryClient.invalidateQueries({ queryKey: ["staff"] });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const items = board.data?.items ?? [];
  return (
    <div data-testid="probation-board">
      <div className="tab-toolbar">
        <span className="muted">{t("staff.probation.boardHint", { date: board.data?.today ?? "—" })}</span>
        <span className="tag-list">
          <Switch checked={all} onChange={setAll} aria-label={t("staff.probation.showAll")} />
          <span>{t("staff.probation.showAll")}</span>
          {canManage ? (
            <Popconfirm
              title={t("staff.probation.closeConfirm")}
              description={<div style={{ maxWidth: 280 }}>{t("staff.probation.closeNote")}</div>}
              onConfirm={close}
            >
              <Button icon={<FieldTimeOutlined />}>{t("staff.probation.close")}</Button>
            </Popconfirm>
          ) : null}
        </span>
      </div>
      {board.isPending ? (
        <div className="full-page-center">
          <Spin />
        </div>
      ) : board.isError ? (
        <Result status="warning" title={t("common.loadFailed", { message: errorMessage(board.error) })} />
      ) : items.length === 0 ? (
        <Empty description={t("staff.probation.empty")}>
          <div className="muted">{t("staff.probation.emptyHint")}</div>
        </Empty>
      ) : (
        <div className="trainee-grid">
          {items.map((item) => (
            <TraineeCard
              key={item.staffId}
              item={item}
              canDecide={canDecide && item.state === "open" && item.leaderDecision === null}
              onOpen={() => onOpen(item.staffId)}
              onDecide={(decision) => setDeciding({ item, decision })}
            />
          ))}
        </div>
      )}
      {deciding ? <DecisionModal {...deciding} onClose={() => setDeciding(null)} /> : null}
    </div>
  );
}

function TraineeCard({
  item,
  canDecide,
  onOpen,
  onDecide,
}: {
  item: ProbationItem;
  canDecide: boolean;
  onOpen: () => void;
  onDecide: (decision: "approve" | "reject") => void;
}) {
  const { t } = useTranslation();
  const names = useStaffNames();
  const days = probationDays(item);
  return (
    <Card
      size="small"
      className="trainee-card"
      data-testid="trainee-card"
      title={
        <button type="button" className="link-button" onClick={onOpen}>
          <strong>{item.name}</strong> <span className="mono muted">{item.employeeNo}</span>
        </button>
      }
      extra={<ProbationStateTag probation={item} />}
    >
      <div className="muted">
        {names.position(item.position)} · {t("staff.probation.leader", { name: item.leaderName ?? "—" })}
      </div>
      <div className="num muted">
        {item.startsOn} ~ {item.endsOn}
      </div>
      {item.state === "open" ? (
        <Progress
          percent={Math.round((probationDay(item) / days) * 100)}
          format={() => t("staff.probation.dayOf", { day: probationDay(item), days })}
          status={item.daysLeft !== undefined && item.daysLeft <= 2 ? "exception" : "active"}
          size="small"
        />
      ) : null}
      <div className="trainee-steps">
        <ProbationChecks probation={item} />
      </div>
      {item.state === "open" && item.missing?.length ? (
        <div className="muted">
          {t("staff.probation.stillNeeds", {
            items: item.missing.map((m) => t(`staff.probation.missing.${m}`)).join(t("common.listSeparator")),
            days: item.daysLeft,
          })}
        </div>
      ) : null}
      {canDecide ? (
        <div className="trainee-actions">
          <Button danger size="small" icon={<CloseOutlined />} onClick={() => onDecide("reject")}>
            {t("staff.probation.reject")}
          </Button>
          <Button
            type="primary"
            size="small"
            icon={<CheckOutlined />}
            onClick={() => onDecide("approve")}
            data-testid="probation-approve"
          >
            {t("staff.probation.approve")}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}

function DecisionModal({
  item,
  decision,
  onClose,
}: {
  item: ProbationItem;
  decision: "approve" | "reject";
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const [pending, setPending] = useState(false);
  const submit = async () => {
    setPending(true);
    try {
      const result = await decideProbation(item.staffId, { decision, comment: comment.trim() || undefined });
      message.success(t(`staff.probation.outcome.${result.state}`, { name: item.name }));
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
      title={t(`staff.probation.decisionTitle.${decision}`, { name: item.name })}
      okText={t(`staff.probation.${decision}`)}
      okButtonProps={{ danger: decision === "reject", loading: pending, disabled: pending }}
      onOk={submit}
      onCancel={onClose}
    >
      <p className="muted">{t(`staff.probation.decisionNote.${decision}`)}</p>
      <Form layout="vertical">
        <Form.Item label={t("staff.probation.comment")}>
          <Input.TextArea
            rows={3}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
