import { LogoutOutlined, RiseOutlined, SwapOutlined, UserAddOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Descriptions, Drawer, Popconfirm, Result, Space, Spin, Tabs, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import { onboardStaff, type StaffDetail, useStaffDetail } from "../../api/staff.ts";
import { ProbationSummary } from "./probation-summary.tsx";
import { type ChangeKind, StaffChangeModal } from "./staff-change-modal.tsx";
import { AssignmentsTable, RankHistory, StaffTimeline, TrainingTable } from "./staff-history.tsx";
import { StaffStatusTag, useStaffNames } from "./staff-parts.tsx";

/** A staff record: key facts, the actions HR may take now, and every effective-dated change. */
export function StaffDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useStaffDetail(id);
  const staff = detail.data;
  const me = useMe().data;
  const canManage = hasPermission(me, "staff.manage");
  const [change, setChange] = useState<ChangeKind | null>(null);

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={860}
      data-testid="staff-drawer"
      title={
        staff ? (
          <span className="title-with-tags">
            {staff.name} <span className="mono muted">{staff.employeeNo}</span>
            <StaffStatusTag status={staff.status} />
          </span>
        ) : (
          t("staff.detail.title")
        )
      }
      extra={staff && canManage ? <StaffActions staff={staff} onChange={setChange} /> : null}
    >
      {detail.isPending && id ? (
        <div className="full-page-center">
          <Spin />
        </div>
      ) : detail.isError ? (
        <Result status="warning" title={t("common.loadFailed", { message: errorMessage(detail.error) })} />
      ) : staff ? (
        <StaffBody staff={staff} />
      ) : null}
      {staff && change ? (
        <StaffChangeModal kind={change} staff={staff} onClose={() => setChange(null)} />
      ) : null}
    </Drawer>
  );
}

function StaffActions({ staff, onChange }: { staff: StaffDetail; onChange: (kind: ChangeKind) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  if (staff.status === "left") return null;
  if (staff.status === "candidate")
    return (
      <Popconfirm
        title={t("staff.actions.onboardConfirm", { date: staff.joinedOn })}
        onConfirm={async () => {
          try {
            await onboardStaff(staff.id);
            message.success(t("staff.actions.onboarded"));
            void queryClient.invalidateQueries({ queryKey: ["staff"] });
          } catch (error) {
            message.error(errorMessage(error));
          }
        }}
      >
        <Button type="primary" icon={<UserAddOutlined />}>
          {t("staff.actions.onboard")}
        </Button>
      </Popconfirm>
    );
  return (
    <Space>
      <Button icon={<SwapOutlined />} onClick={() => onChange("transfer")} data-testid="staff-transfer">
        {t("staff.actions.transfer")}
      </Button>
      <Button icon={<RiseOutlined />} onClick={() => onChange("promote")} data-testid="staff-promote">
        {t("staff.actions.promote")}
      </Button>
      <Button danger icon={<LogoutOutlined />} onClick={() => onChange("leave")} data-testid="staff-leave">
        {t("staff.actions.leave")}
      </Button>
    </Space>
  );
}

function StaffBody({ staff }: { staff: StaffDetail }) {
  const { t } = useTranslation();
  const names = useStaffNames();
  const f = (key: string) => t(`staff.columns.${key}`);
  return (
    <>
      {staff.status === "left" ? (
        <Alert
          className="section-gap"
          type="info"
          showIcon
          title={t("staff.detail.leftBanner", {
            date: staff.leftOn,
            reason: t(`staff.leaveReasons.${staff.leaveReason}`, { defaultValue: staff.leaveReason ?? "" }),
          })}
        />
      ) : null}
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} bordered className="section-gap">
        <Descriptions.Item label={f("position")}>{names.position(staff.position)}</Descriptions.Item>
        <Descriptions.Item label={f("rank")}>{names.rank(staff.rank)}</Descriptions.Item>
        <Descriptions.Item label={f("department")}>
          {names.department(staff.departmentId, staff.departmentName)}
          {staff.team ? <Tag style={{ marginInlineStart: 6 }}>{staff.team}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={f("manager")}>{staff.managerName ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={f("joinedOn")}>
          <span className="num">{staff.joinedOn}</span>
        </Descriptions.Item>
        <Descriptions.Item label={f("channel")}>{names.channel(staff.recruitmentChannel)}</Descriptions.Item>
        <Descriptions.Item label={f("account")}>
          {staff.userId ? t("staff.detail.hasAccount") : t("staff.detail.noAccount")}
        </Descriptions.Item>
        {staff.leftOn ? (
          <Descriptions.Item label={f("leftOn")}>
            <span className="num">{staff.leftOn}</span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {staff.probation ? <ProbationSummary probation={staff.probation} /> : null}
      <Tabs
        items={[
          {
            key: "assignments",
            label: t("staff.detail.tabs.assignments", { count: staff.assignments.length }),
            children: <AssignmentsTable rows={staff.assignments} />,
          },
          {
            key: "ranks",
            label: t("staff.detail.tabs.ranks"),
            children: <RankHistory staff={staff} />,
          },
          {
            key: "training",
            label: t("staff.detail.tabs.training", { count: staff.training.length }),
            children: <TrainingTable rows={staff.training} />,
          },
          {
            key: "timeline",
            label: t("staff.detail.tabs.timeline"),
            children: <StaffTimeline entries={staff.timeline} />,
          },
        ]}
      />
    </>
  );
}
