import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
  PieChartOutlined,
  StopOutlined,
  SyncOutlined,
  WarningOutlined,
} from "@ant-design/icons";
import { Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type {
  BatchJobStatus,
  Bucket,
  Classification,
  InstallmentState,
  LoanStatus,
} from "../../api/servicing.ts";

// UI.md: 正常 green, 关注 gold, 次级 orange, 可疑 red, 损失 magenta — and never colour alone.
const CLASS_STYLE: Record<Classification, { color: string; icon: ReactNode }> = {
  normal: { color: "green", icon: <CheckCircleOutlined /> },
  "special-mention": { color: "gold", icon: <ExclamationCircleOutlined /> },
  substandard: { color: "orange", icon: <WarningOutlined /> },
  doubtful: { color: "red", icon: <CloseCircleOutlined /> },
  loss: { color: "magenta", icon: <StopOutlined /> },
};

export function ClassificationTag({ value }: { value: Classification }) {
  const { t } = useTranslation();
  const style = CLASS_STYLE[value];
  return (
    <Tag color={style.color} icon={style.icon} data-testid="classification-tag">
      {t(`servicing.classification.${value}`)}
    </Tag>
  );
}

const BUCKET_COLOR: Record<Bucket, string> = {
  M0: "green",
  M1: "gold",
  M2: "gold",
  M3: "gold",
  M4: "orange",
  M5: "orange",
  M6: "orange",
  M7: "red",
};

export function BucketTag({ value }: { value: Bucket }) {
  return (
    <Tag color={BUCKET_COLOR[value]} bordered={false} className="num">
      {value}
    </Tag>
  );
}

export function LoanStatusTag({ value }: { value: LoanStatus }) {
  const { t } = useTranslation();
  const color = value === "active" ? "blue" : value === "closed" ? "green" : "default";
  const icon =
    value === "active" ? (
      <SyncOutlined />
    ) : value === "closed" ? (
      <CheckCircleOutlined />
    ) : (
      <MinusCircleOutlined />
    );
  return (
    <Tag color={color} icon={icon}>
      {t(`servicing.status.${value}`)}
    </Tag>
  );
}

const STATE_STYLE: Record<InstallmentState, { color: string; icon: ReactNode }> = {
  paid: { color: "green", icon: <CheckCircleOutlined /> },
  "partly-paid": { color: "blue", icon: <PieChartOutlined /> },
  overdue: { color: "red", icon: <ExclamationCircleOutlined /> },
  due: { color: "gold", icon: <ClockCircleOutlined /> },
  future: { color: "default", icon: <MinusCircleOutlined /> },
};

export function InstallmentStateTag({ value }: { value: InstallmentState }) {
  const { t } = useTranslation();
  const style = STATE_STYLE[value];
  return (
    <Tag color={style.color} icon={style.icon}>
      {t(`servicing.installmentState.${value}`)}
    </Tag>
  );
}

const JOB_STYLE: Record<BatchJobStatus, { color: string; icon: ReactNode }> = {
  queued: { color: "default", icon: <ClockCircleOutlined /> },
  running: { color: "blue", icon: <SyncOutlined spin /> },
  succeeded: { color: "green", icon: <CheckCircleOutlined /> },
  failed: { color: "red", icon: <CloseCircleOutlined /> },
};

export function JobStatusTag({ value }: { value: BatchJobStatus }) {
  const { t } = useTranslation();
  const style = JOB_STYLE[value];
  return (
    <Tag color={style.color} icon={style.icon}>
      {t(`servicing.batch.jobStatus.${value}`)}
    </Tag>
  );
}
