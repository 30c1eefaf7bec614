import {
  AuditOutlined,
  CheckCircleOutlined,
  DownloadOutlined,
  LockOutlined,
  RedoOutlined,
  RollbackOutlined,
} from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Input, Modal, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import { downloadRunWorkbook, moveRun, type RunDetail, recomputeRun, returnRun } from "../../api/payroll.ts";

type Action = "review" | "approve" | "lock" | "recompute" | "return";

// Which actions the run's status allows (the server's table, src/modules/compensation/domain/run-state.ts);
// the server still decides — maker–checker included — and its message is shown as it comes.
const ALLOWED: Record<Action, { from: RunDetail["status"][]; permission: string }> = {
  review: { from: ["draft"], permission: "payroll.prepare" },
  recompute: { from: ["draft", "reviewed", "approved"], permission: "payroll.prepare" },
  approve: { from: ["reviewed"], permission: "payroll.approve" },
  return: { from: ["reviewed", "approved"], permission: "payroll.approve" },
  lock: { from: ["approved"], permission: "payroll.approve" },
};

/** The run's next steps for the signed-in user, each behind a confirmation with a comment or reason. */
export function RunActions({ run, historic }: { run: RunDetail; historic: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const [action, setAction] = useState<Action | null>(null);
  const [text, setText] = useState("");
  const [pending, setPending] = useState(false);
  const [exporting, setExporting] = useState(false);
  const may = (a: Action) =>
    !historic && ALLOWED[a].from.includes(run.status) && hasPermission(me, ALLOWED[a].permission);
  const needsReason = action === "recompute" || action === "return";

  const open = (a: Action) => {
    setText("");
    setAction(a);
  };
  const submit = async () => {
    if (!action) return;
    setPending(true);
    try {
      if (action === "recompute") await recomputeRun(run.id, text.trim());
      else if (action === "return") await returnRun(run.id, text.trim());
      else await moveRun(run.id, action, text.trim() || undefined);
      message.success(t(`payroll.actions.done.${action}`, { month: run.month }));
      void queryClient.invalidateQueries({ queryKey: ["payroll"] });
      setAction(null);
    } catch (error) {
      // Maker–checker, open disputes, a wrong status: the server's own words.
      message.error(errorMessage(error), 6);
    } finally {
      setPending(false);
    }
  };
  const download = async () => {
    setExporting(true);
    try {
      const name = await downloadRunWorkbook(run.id, run.version);
      message.success(t("payroll.actions.downloaded", { name }));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const button = (a: Action, icon: React.ReactNode, primary = false, danger = false) =>
    may(a) ? (
      <Button
        key={a}
        type={primary ? "primary" : "default"}
        danger={danger}
        icon={icon}
        onClick={() => open(a)}
        data-testid={`run-${a}`}
      >
        {t(`payroll.actions.${a}`)}
      </Button>
    ) : null;

  return (
    <>
      <Space wrap>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={download} data-testid="run-export">
          {t("common.exportExcel")}
        </Button>
        {button("recompute", <RedoOutlined />)}
        {button("return", <RollbackOutlined />, false, true)}
        {button("review", <AuditOutlined />, true)}
        {button("approve", <CheckCircleOutlined />, true)}
        {button("lock", <LockOutlined />, true)}
      </Space>
      <Modal
        open={action !== null}
        title={action ? t(`payroll.actions.confirmTitle.${action}`, { month: run.month }) : ""}
        okText={action ? t(`payroll.actions.${action}`) : ""}
        okButtonProps={{
          loading: pending,
          disabled: pending || (needsReason && text.trim().length < 2),
          danger: action === "return",
        }}
        onOk={submit}
        onCancel={() => setAction(null)}
        data-testid="run-action-modal"
      >
        {action ? <p className="muted">{t(`payroll.actions.confirmNote.${action}`)}</p> : null}
        <Input.TextArea
          rows={3}
          maxLength={needsReason ? 500 : 1000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={
            needsReason ? t("payroll.actions.reasonPlaceholder") : t("payroll.actions.commentPlaceholder")
          }
          aria-label={
            needsReason ? t("payroll.actions.reasonPlaceholder") : t("payroll.actions.commentPlaceholder")
          }
          data-testid="run-action-text"
        />
      </Modal>
    </>
  );
}
