import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  MinusCircleOutlined,
  SyncOutlined,
} from "@ant-design/icons";
import { Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { RestructuringStatus, WriteOffScope, WriteOffStatus } from "../../../api/workout.ts";

// UI.md: in progress blue, approved green, rejected red, withdrawn grey — with an icon, never colour alone.
const PENDING = { color: "processing", icon: <SyncOutlined /> };
const STYLE: Record<RestructuringStatus | WriteOffStatus, { color: string; icon: ReactNode }> = {
  "pending-cosign": PENDING,
  "pending-committee": PENDING,
  pending: PENDING,
  applied: { color: "green", icon: <CheckCircleOutlined /> },
  approved: { color: "green", icon: <CheckCircleOutlined /> },
  rejected: { color: "red", icon: <CloseCircleOutlined /> },
  withdrawn: { color: "default", icon: <MinusCircleOutlined /> },
};

export function RestructuringStatusTag({ value }: { value: RestructuringStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STYLE[value].color} icon={STYLE[value].icon}>
      {t(`workout.status.${value}`)}
    </Tag>
  );
}

export function WriteOffStatusTag({ value }: { value: WriteOffStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STYLE[value].color} icon={STYLE[value].icon}>
      {t(`workout.writeOffStatus.${value}`)}
    </Tag>
  );
}

/** 全部核销 / 部分核销: the scope in words, never by colour alone. */
export function WriteOffScopeTag({ value }: { value: WriteOffScope }) {
  const { t } = useTranslation();
  return (
    <Tag color={value === "partial" ? "orange" : "magenta"}>{t(`workout.writeOff.scopes.${value}`)}</Tag>
  );
}

export function DecisionTag({ value }: { value: "approve" | "reject" }) {
  const { t } = useTranslation();
  return value === "approve" ? (
    <Tag color="green" icon={<CheckCircleOutlined />}>
      {t("workout.decision.approve")}
    </Tag>
  ) : (
    <Tag color="red" icon={<CloseCircleOutlined />}>
      {t("workout.decision.reject")}
    </Tag>
  );
}
