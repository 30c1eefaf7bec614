import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  LogoutOutlined,
  MinusOutlined,
  SafetyCertificateOutlined,
  UserAddOutlined,
} from "@ant-design/icons";
import { Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useDepartments } from "../../api/identity.ts";
import { type ProposalStatus, type StaffStatus, useStaffReference } from "../../api/staff.ts";

// UI.md: never colour alone — every tag carries an icon and a word. Staff statuses avoid the loan
// classification colours except for their usual meanings (green = fine, grey = ended).
const STATUS_STYLE: Record<StaffStatus, { color: string; icon: ReactNode }> = {
  candidate: { color: "default", icon: <UserAddOutlined /> },
  probation: { color: "blue", icon: <ClockCircleOutlined /> },
  formal: { color: "green", icon: <CheckCircleOutlined /> },
  left: { color: "default", icon: <LogoutOutlined /> },
};

export function StaffStatusTag({ status }: { status: StaffStatus }) {
  const { t } = useTranslation();
  const style = STATUS_STYLE[status];
  return (
    <Tag color={style.color} icon={style.icon} data-testid="staff-status">
      {t(`staff.status.${status}`)}
    </Tag>
  );
}

export function DirectionTag({
  direction,
  rankName,
}: {
  direction: "up" | "down" | "stay";
  rankName?: string;
}) {
  const { t } = useTranslation();
  const style = {
    up: { color: "green", icon: <ArrowUpOutlined /> },
    down: { color: "orange", icon: <ArrowDownOutlined /> },
    stay: { color: "default", icon: <MinusOutlined /> },
  }[direction];
  return (
    <Tag color={style.color} icon={style.icon}>
      {t(`staff.ranks.direction.${direction}`)}
      {rankName && direction !== "stay" ? ` → ${rankName}` : ""}
    </Tag>
  );
}

const PROPOSAL_STYLE: Record<ProposalStatus, { color: string; icon: ReactNode }> = {
  pending: { color: "blue", icon: <ClockCircleOutlined /> },
  "no-change": { color: "default", icon: <MinusOutlined /> },
  confirmed: { color: "green", icon: <CheckCircleOutlined /> },
  rejected: { color: "red", icon: <CloseCircleOutlined /> },
  superseded: { color: "default", icon: <MinusOutlined /> },
};

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  const style = PROPOSAL_STYLE[status];
  return (
    <Tag color={style.color} icon={style.icon}>
      {t(`staff.ranks.proposalStatus.${status}`)}
    </Tag>
  );
}

export function ProtectedTag({ until }: { until: string }) {
  const { t } = useTranslation();
  return (
    <Tag color="cyan" icon={<SafetyCertificateOutlined />}>
      {t("staff.ranks.protectedUntil", { date: until })}
    </Tag>
  );
}

/**
 * Names in the UI language: positions, ranks and channels from /staff/reference, departments from
 * /departments (the API's own names are Chinese).
 */
export function useStaffNames() {
  const { i18n } = useTranslation();
  const reference = useStaffReference().data;
  const departments = useDepartments().data;
  const en = i18n.language === "en-US";
  const pick = (item: { zh: string; en: string } | undefined, fallback: string) =>
    item ? (en ? item.en : item.zh) : fallback;
  return {
    reference,
    departments: departments ?? [],
    position: (key: string | null | undefined) =>
      key
        ? pick(
            reference?.positions.find((p) => p.key === key),
            key,
          )
        : "—",
    rank: (key: string | null | undefined) =>
      key
        ? pick(
            reference?.ranks.find((r) => r.key === key),
            key,
          )
        : "—",
    channel: (key: string | null | undefined) =>
      key
        ? pick(
            reference?.recruitmentChannels.find((c) => c.key === key),
            key,
          )
        : "—",
    department: (id: number | null | undefined, fallback?: string | null) => {
      const found = departments?.find((d) => d.id === id);
      return found ? (en ? found.nameEn : found.nameZh) : (fallback ?? "—");
    },
  };
}

export type StaffNames = ReturnType<typeof useStaffNames>;

/** Departments as a two-level tree for a TreeSelect (营销部 → its teams). */
export function departmentTree(names: StaffNames) {
  const { departments } = names;
  const label = (id: number) => names.department(id);
  return departments
    .filter((d) => d.parentId === null)
    .map((d) => ({
      value: d.id,
      title: label(d.id),
      children: departments
        .filter((c) => c.parentId === d.id)
        .map((c) => ({ value: c.id, title: label(c.id) })),
    }));
}
