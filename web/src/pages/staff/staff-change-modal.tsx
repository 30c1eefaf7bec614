import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, DatePicker, Form, Input, Modal, Select, TreeSelect } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import {
  type LeaveReason,
  promoteStaff,
  recordLeaving,
  type StaffDetail,
  transferStaff,
  useAllStaff,
} from "../../api/staff.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { departmentTree, useStaffNames } from "./staff-parts.tsx";

export type ChangeKind = "transfer" | "promote" | "leave";

type Values = {
  date: Dayjs;
  departmentId?: number | null;
  team?: string;
  managerId?: string | null;
  position?: string;
  rank?: string;
  reason?: LeaveReason;
  note?: string;
};

/**
 * 调动 / 晋升调岗 / 离职登记. Each is a new effective-dated entry: the open seat closes the day before,
 * so the history still answers "who sat where" for any past date. Leaving also ends the sign-in.
 */
export function StaffChangeModal({
  kind,
  staff,
  onClose,
}: {
  kind: ChangeKind;
  staff: StaffDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const names = useStaffNames();
  const [form] = Form.useForm<Values>();
  const [pending, setPending] = useState(false);
  const people = useAllStaff();
  const managers = (people.data?.items ?? []).filter(
    (p) => p.id !== staff.id && p.status !== "left" && p.status !== "candidate",
  );
  const f = (key: string) => t(`staff.change.fields.${key}`);

  const submit = async (values: Values) => {
    setPending(true);
    const date = values.date.format("YYYY-MM-DD");
    const note = values.note?.trim() || null;
    try {
      if (kind === "leave")
        await recordLeaving(staff.id, { leftOn: date, reason: values.reason as LeaveReason, note });
      else {
        // Only what was changed: an untouched field keeps the open seat's value.
        const touched = <K extends keyof Values>(key: K) =>
          form.isFieldTouched(key) ? (values[key] ?? null) : undefined;
        const seat = {
          effectiveFrom: date,
          departmentId: touched("departmentId") as number | null | undefined,
          team: touched("team") === undefined ? undefined : values.team?.trim() || null,
          managerId: touched("managerId") as string | null | undefined,
          note,
        };
        if (kind === "transfer") await transferStaff(staff.id, seat);
        else
          await promoteStaff(staff.id, {
            ...seat,
            position: values.position !== staff.position ? values.position : undefined,
            rank: values.rank && values.rank !== staff.rank ? values.rank : undefined,
          });
      }
      message.success(t(`staff.change.done.${kind}`, { name: staff.name }));
      void queryClient.invalidateQueries({ queryKey: ["staff"] });
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, { effectiveFrom: "date", leftOn: "date" }))
        message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open
      title={t(`staff.change.title.${kind}`, { name: staff.name })}
      okText={t(`staff.change.ok.${kind}`)}
      okButtonProps={{ loading: pending, disabled: pending, danger: kind === "leave" }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      data-testid="staff-change-modal"
    >
      {kind === "leave" ? (
        <Alert type="warning" showIcon className="section-gap" title={t("staff.change.leaveWarning")} />
      ) : (
        <Alert type="info" showIcon className="section-gap" title={t("staff.change.effectiveNote")} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          date: dayjs(),
          departmentId: staff.departmentId,
          team: staff.team ?? undefined,
          managerId: staff.managerId,
          position: staff.position,
          rank: staff.rank ?? undefined,
          reason: "resigned",
        }}
      >
        <Form.Item
          name="date"
          label={kind === "leave" ? f("leftOn") : f("effectiveFrom")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        {kind === "leave" ? (
          <Form.Item name="reason" label={f("reason")} rules={[{ required: true }]}>
            <Select
              options={(names.reference?.leaveReasons ?? []).map((r) => ({
                value: r,
                label: t(`staff.leaveReasons.${r}`),
              }))}
            />
          </Form.Item>
        ) : (
          <>
            {kind === "promote" ? (
              <div className="form-row-2">
                <Form.Item name="position" label={f("position")}>
                  <Select
                    options={(names.reference?.positions ?? []).map((p) => ({
                      value: p.key,
                      label: names.position(p.key),
                    }))}
                  />
                </Form.Item>
                <Form.Item name="rank" label={f("rank")} extra={t("staff.change.rankHint")}>
                  <Select
                    allowClear
                    options={(names.reference?.ranks ?? []).map((r) => ({
                      value: r.key,
                      label: names.rank(r.key),
                    }))}
                  />
                </Form.Item>
              </div>
            ) : null}
            <div className="form-row-2">
              <Form.Item name="departmentId" label={f("department")}>
                <TreeSelect allowClear treeDefaultExpandAll treeData={departmentTree(names)} />
              </Form.Item>
              <Form.Item name="team" label={f("team")}>
                <Input maxLength={64} />
              </Form.Item>
            </div>
            <Form.Item name="managerId" label={f("manager")}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                loading={people.isPending}
                options={managers.map((p) => ({
                  value: p.id,
                  label: `${p.name} · ${names.position(p.position)} · ${p.employeeNo}`,
                }))}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={f("note")}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
