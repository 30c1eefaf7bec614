import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Empty, Form, Input, List, Radio } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import { answerDispute, type Dispute, type RunDetail } from "../../api/payroll.ts";
import { formatDateTime } from "../../format.ts";
import { DisputeStatusTag } from "./payroll-parts.tsx";

/** HR's answer to an open dispute: resolved (a fix follows by recompute) or rejected, with the reason. */
function AnswerForm({ dispute }: { dispute: Dispute }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<"resolve" | "reject">("reject");
  const [answer, setAnswer] = useState("");
  const [pending, setPending] = useState(false);
  const submit = async () => {
    setPending(true);
    try {
      await answerDispute(dispute.id, { decision, answer: answer.trim() });
      message.success(t("payroll.disputes.answered"));
      void queryClient.invalidateQueries({ queryKey: ["payroll"] });
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };
  return (
    <Form layout="vertical" className="answer-form" data-testid="dispute-answer-form">
      <Radio.Group value={decision} onChange={(e) => setDecision(e.target.value)}>
        <Radio value="resolve">{t("payroll.disputes.resolve")}</Radio>
        <Radio value="reject">{t("payroll.disputes.reject")}</Radio>
      </Radio.Group>
      <Input.TextArea
        rows={2}
        maxLength={2000}
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        placeholder={
          decision === "resolve"
            ? t("payroll.disputes.resolvePlaceholder")
            : t("payroll.disputes.rejectPlaceholder")
        }
        aria-label={t("payroll.disputes.answer")}
        data-testid="dispute-answer"
      />
      <Button
        type="primary"
        size="small"
        loading={pending}
        disabled={pending || answer.trim().length < 2}
        onClick={submit}
        data-testid="dispute-answer-submit"
      >
        {t("payroll.disputes.send")}
      </Button>
    </Form>
  );
}

/** One dispute: who asked what, and HR's answer — or, for HR, the form to answer it. */
export function DisputeItem({
  dispute,
  lineName,
  extra,
  canAnswer,
}: {
  dispute: Dispute;
  lineName?: string;
  extra?: React.ReactNode;
  canAnswer: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="dispute-item" data-testid="dispute-item">
      <div className="timeline-head">
        <DisputeStatusTag status={dispute.status} />
        <strong>{dispute.raisedByName}</strong>
        {lineName ? <span className="muted">{t("payroll.disputes.onLine", { line: lineName })}</span> : null}
        <span className="num muted timeline-time">{formatDateTime(dispute.createdAt)}</span>
        {extra}
      </div>
      <div className="timeline-comment">{dispute.comment}</div>
      {dispute.answer ? (
        <div className="dispute-answer">
          <span className="muted">
            {t("payroll.disputes.answerBy", {
              name: dispute.answeredByName ?? "—",
              at: formatDateTime(dispute.answeredAt),
            })}
          </span>
          <div>{dispute.answer}</div>
        </div>
      ) : canAnswer ? (
        <AnswerForm dispute={dispute} />
      ) : (
        <div className="muted">{t("payroll.disputes.waiting")}</div>
      )}
    </div>
  );
}

/** Every dispute on the run, open ones first; approval and the lock wait until all are answered. */
export function DisputesPanel({
  run,
  onOpenStatement,
}: {
  run: RunDetail;
  onOpenStatement: (id: string) => void;
}) {
  const { t } = useTranslation();
  const me = useMe().data;
  const canAnswer = hasPermission(me, "payroll.prepare");
  const names = new Map(run.statements.items.map((s) => [s.id, s]));
  const sorted = [...run.disputes].sort((a, b) => Number(b.status === "open") - Number(a.status === "open"));
  if (!sorted.length)
    return (
      <Empty description={t("payroll.disputes.empty")}>
        <div className="muted">{t("payroll.disputes.emptyHint")}</div>
      </Empty>
    );
  return (
    <List
      dataSource={sorted}
      data-testid="run-disputes"
      renderItem={(d) => {
        const statement = names.get(d.statementId);
        return (
          <List.Item key={d.id}>
            <DisputeItem
              dispute={d}
              canAnswer={canAnswer}
              extra={
                <Button type="link" size="small" onClick={() => onOpenStatement(d.statementId)}>
                  {statement
                    ? t("payroll.disputes.openStatementOf", { name: statement.name })
                    : t("payroll.disputes.openStatement")}
                </Button>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
