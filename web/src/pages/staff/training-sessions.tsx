import { PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, DatePicker, Empty, Form, Input, Modal, Select, Table, Tag } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import {
  type Course,
  createSession,
  type TrainingSession,
  useCourses,
  useSessions,
} from "../../api/staff.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { SessionDrawer } from "./session-drawer.tsx";

export function courseName(course: { code: string; nameZh: string; nameEn?: string }, en: boolean): string {
  return en && course.nameEn ? course.nameEn : course.nameZh;
}

/** 培训场次: who trained when; a session opens to its attendance and exam scores. */
export function TrainingSessions() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en-US";
  const me = useMe().data;
  const canManage = hasPermission(me, "staff.manage");
  const courses = useCourses();
  const [courseId, setCourseId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const sessions = useSessions({
    courseId,
    from: range?.[0]?.format("YYYY-MM-DD"),
    to: range?.[1]?.format("YYYY-MM-DD"),
  });
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const byId = new Map((courses.data ?? []).map((c) => [c.id, c]));
  const c = (key: string) => t(`staff.training.columns.${key}`);
  // Newest first: what HR is entering results for is at the top.
  const rows = [...(sessions.data?.items ?? [])].reverse();

  return (
    <div data-testid="training-sessions">
      <div className="filter-bar">
        <Select
          allowClear
          placeholder={t("staff.training.coursePlaceholder")}
          aria-label={c("course")}
          value={courseId}
          onChange={setCourseId}
          options={(courses.data ?? []).map((course) => ({
            value: course.id,
            label: courseName(course, en),
          }))}
          style={{ width: 180 }}
        />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} allowClear />
        <span className="filter-bar-spacer" />
        {canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-session"
          >
            {t("staff.training.newSession")}
          </Button>
        ) : null}
      </div>
      <Table<TrainingSession>
        rowKey="id"
        size="middle"
        loading={sessions.isFetching}
        dataSource={rows}
        rowClassName={() => "clickable-row"}
        onRow={(row) => ({ onClick: () => setOpenId(row.id) })}
        locale={{
          emptyText: sessions.isError ? (
            <Empty description={t("common.loadFailed", { message: errorMessage(sessions.error) })} />
          ) : (
            <Empty description={t("staff.training.empty")}>
              {canManage ? <div className="muted">{t("staff.training.emptyHint")}</div> : null}
            </Empty>
          ),
        }}
        pagination={{ pageSize: 20, showTotal: (total) => t("common.total", { total }) }}
        columns={[
          {
            title: c("heldOn"),
            dataIndex: "heldOn",
            width: 120,
            render: (v: string) => <span className="num">{v}</span>,
          },
          {
            title: c("course"),
            dataIndex: "courseId",
            render: (id: string, row) => {
              const course = byId.get(id);
              return (
                <>
                  {course ? courseName(course, en) : row.courseName}
                  {course?.isGate ? (
                    <Tag color="gold" style={{ marginInlineStart: 8 }}>
                      {t("staff.training.gate")}
                    </Tag>
                  ) : null}
                </>
              );
            },
          },
          { title: c("trainer"), dataIndex: "trainer", width: 120, render: (v: string | null) => v ?? "—" },
          { title: c("location"), dataIndex: "location", width: 140, render: (v: string | null) => v ?? "—" },
          { title: c("note"), dataIndex: "note", render: (v: string | null) => v ?? "—" },
        ]}
      />
      <NewSessionModal
        open={creating}
        courses={courses.data ?? []}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setOpenId(id);
        }}
      />
      <SessionDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}

type SessionValues = { courseId: string; heldOn: Dayjs; trainer?: string; location?: string; note?: string };

function NewSessionModal({
  open,
  courses,
  onClose,
  onCreated,
}: {
  open: boolean;
  courses: Course[];
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SessionValues>();
  const [pending, setPending] = useState(false);
  const f = (key: string) => t(`staff.training.columns.${key}`);
  const submit = async (values: SessionValues) => {
    setPending(true);
    try {
      const created = await createSession({
        courseId: values.courseId,
        heldOn: values.heldOn.format("YYYY-MM-DD"),
        trainer: values.trainer?.trim() || null,
        location: values.location?.trim() || null,
        note: values.note?.trim() || null,
      });
      message.success(t("staff.training.created"));
      void queryClient.invalidateQueries({ queryKey: ["training"] });
      form.resetFields();
      onCreated(created.id);
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t("staff.training.newSession")}
      okText={t("common.create")}
      okButtonProps={{ loading: pending, disabled: pending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<SessionValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ heldOn: dayjs() }}
      >
        <Form.Item
          name="courseId"
          label={f("course")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Select
            options={courses
              .filter((c) => c.active)
              .map((c) => ({ value: c.id, label: courseName(c, i18n.language === "en-US") }))}
          />
        </Form.Item>
        <Form.Item name="heldOn" label={f("heldOn")} rules={[{ required: true }]}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <div className="form-row-2">
          <Form.Item name="trainer" label={f("trainer")}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="location" label={f("location")}>
            <Input maxLength={100} />
          </Form.Item>
        </div>
        <Form.Item name="note" label={f("note")}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
