import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Select, TreeSelect } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { hireStaff, useAllStaff } from "../../api/staff.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { departmentTree, useStaffNames } from "./staff-parts.tsx";

type Values = {
  name: string;
  position: string;
  rank?: string;
  candidate: boolean;
  joinedOn: Dayjs;
  departmentId?: number;
  team?: string;
  managerId?: string;
  recruitmentChannel?: string;
  note?: string;
};

// The positions that climb the rank ladder by default (setting ranks.positions); the server decides.
const LADDER_POSITIONS = ["customer-manager"];

/** 入职登记: a new record with its first seat, first rank and, for trainees, the 7-day probation. */
export function StaffHireModal({
  open,
  onClose,
  onHired,
}: {
  open: boolean;
  onClose: () => void;
  onHired: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const names = useStaffNames();
  const people = useAllStaff(open);
  const [form] = Form.useForm<Values>();
  const [pending, setPending] = useState(false);
  const position = Form.useWatch("position", form);
  const f = (key: string) => t(`staff.hire.fields.${key}`);

  const submit = async (values: Values) => {
    setPending(true);
    try {
      const created = await hireStaff({
        name: values.name.trim(),
        position: values.position,
        rank: LADDER_POSITIONS.includes(values.position) ? values.rank : undefined,
        candidate: values.candidate,
        joinedOn: values.joinedOn.format("YYYY-MM-DD"),
        departmentId: values.departmentId ?? null,
        team: values.team?.trim() || null,
        managerId: values.managerId ?? null,
        recruitmentChannel: values.recruitmentChannel ?? null,
        note: values.note?.trim() || null,
      });
      message.success(t("staff.hire.done", { name: values.name, employeeNo: created.employeeNo }));
      void queryClient.invalidateQueries({ queryKey: ["staff"] });
      form.resetFields();
      onHired(created.id);
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("staff.hire.title")}
      okText={t("staff.hire.ok")}
      okButtonProps={{ loading: pending, disabled: pending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
      data-testid="staff-hire-modal"
    >
      <Alert type="info" showIcon className="section-gap" title={t("staff.hire.note")} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ joinedOn: dayjs(), candidate: false, position: "customer-manager" }}
      >
        <div className="form-row-2">
          <Form.Item
            name="name"
            label={f("name")}
            rules={[{ required: true, whitespace: true, message: t("common.required") }]}
          >
            <Input maxLength={64} data-testid="hire-name" />
          </Form.Item>
          <Form.Item name="joinedOn" label={f("joinedOn")} rules={[{ required: true }]}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
        </div>
        <div className="form-row-2">
          <Form.Item name="position" label={f("position")} rules={[{ required: true }]}>
            <Select
              options={(names.reference?.positions ?? []).map((p) => ({
                value: p.key,
                label: names.position(p.key),
              }))}
            />
          </Form.Item>
          {LADDER_POSITIONS.includes(position) ? (
            <Form.Item name="rank" label={f("rank")} extra={t("staff.hire.rankHint")}>
              <Select
                allowClear
                options={(names.reference?.ranks ?? []).map((r) => ({
                  value: r.key,
                  label: names.rank(r.key),
                }))}
              />
            </Form.Item>
          ) : (
            <div />
          )}
        </div>
        <div className="form-row-2">
          <Form.Item name="departmentId" label={f("department")}>
            <TreeSelect allowClear treeDefaultExpandAll treeData={departmentTree(names)} />
          </Form.Item>
          <Form.Item name="team" label={f("team")}>
            <Input maxLength={64} />
          </Form.Item>
        </div>
        <div className="form-row-2">
          <Form.Item name="managerId" label={f("manager")}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              loading={people.isPending}
              options={(people.data?.items ?? [])
                .filter((p) => p.status !== "left" && p.status !== "candidate")
                .map((p) => ({ value: p.id, label: `${p.name} · ${names.position(p.position)}` }))}
            />
          </Form.Item>
          <Form.Item name="recruitmentChannel" label={f("channel")}>
            <Select
              allowClear
              options={(names.reference?.recruitmentChannels ?? []).map((c) => ({
                value: c.key,
                label: names.channel(c.key),
              }))}
            />
          </Form.Item>
        </div>
        <Form.Item name="candidate" valuePropName="checked" extra={t("staff.hire.candidateHint")}>
          <Checkbox>{f("candidate")}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={f("note")}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
