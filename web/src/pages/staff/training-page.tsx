import { Card, Table, Tabs, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { type Course, useCourses } from "../../api/staff.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import "../business.css";
import { ProbationBoard } from "./probation-board.tsx";
import { StaffDrawer } from "./staff-drawer.tsx";
import "./staff.css";
import { courseName, TrainingSessions } from "./training-sessions.tsx";

const TABS = ["probation", "sessions", "courses"] as const;

/** 培训与试用期: the probation board first (what needs a decision), then sessions and courses. */
export function TrainingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("staff.training.title"));
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get("tab")) ?? "probation";
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <div data-testid="training-page">
      <PageHeader title={t("staff.training.title")} subtitle={t("staff.training.subtitle")} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            {
              key: "probation",
              label: t("staff.training.tabs.probation"),
              children: <ProbationBoard onOpen={setOpenId} />,
            },
            { key: "sessions", label: t("staff.training.tabs.sessions"), children: <TrainingSessions /> },
            { key: "courses", label: t("staff.training.tabs.courses"), children: <CourseTable /> },
          ]}
        />
      </Card>
      <StaffDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}

/** The five steps of 培训流程 in order; 通关训练 is the exam a probation depends on. */
function CourseTable() {
  const { t, i18n } = useTranslation();
  const courses = useCourses();
  const c = (key: string) => t(`staff.training.columns.${key}`);
  return (
    <Table<Course>
      rowKey="id"
      size="middle"
      loading={courses.isPending}
      pagination={false}
      dataSource={courses.data ?? []}
      data-testid="course-table"
      columns={[
        { title: "#", dataIndex: "sortOrder", width: 60 },
        {
          title: c("course"),
          key: "name",
          render: (_, course) => (
            <>
              {courseName(course, i18n.language === "en-US")}
              <span className="mono muted" style={{ marginInlineStart: 8 }}>
                {course.code}
              </span>
            </>
          ),
        },
        {
          title: c("kind"),
          key: "kind",
          render: (_, course) =>
            course.passScore === null ? (
              <Tag>{t("staff.training.attendanceOnly")}</Tag>
            ) : (
              <Tag color="blue">{t("staff.training.exam", { score: course.passScore })}</Tag>
            ),
        },
        {
          title: c("gate"),
          dataIndex: "isGate",
          render: (gate: boolean) =>
            gate ? <Tag color="gold">{t("staff.training.gateNote")}</Tag> : <span className="muted">—</span>,
        },
        {
          title: c("active"),
          dataIndex: "active",
          width: 90,
          render: (active: boolean) => (active ? t("common.yes") : t("common.no")),
        },
      ]}
    />
  );
}
