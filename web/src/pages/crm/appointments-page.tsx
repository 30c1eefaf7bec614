// 约见日历: a month of appointments on a calendar, the chosen day's list beside it with what each came
// to (showed up, no-show, cancelled), moving one, and booking a new one.
import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Badge,
  Button,
  Calendar,
  Card,
  Col,
  DatePicker,
  Empty,
  Input,
  Modal,
  Popconfirm,
  Row,
  Space,
  Tag,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import {
  type Appointment,
  type AppointmentStatus,
  crmApi,
  useAppointments,
  useCrmMutation,
} from "../../api/crm-engagement.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDateTime, todayInChina } from "../../format.ts";
import { AppointmentBookModal } from "./appointments-book-modal.tsx";
import { IntentTag, LeadLink } from "./kpi-parts.tsx";

const BADGE: Record<AppointmentStatus, "processing" | "success" | "error" | "default"> = {
  scheduled: "processing",
  done: "success",
  "no-show": "error",
  cancelled: "default",
};

export function AppointmentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("crmKpi.appointments.title"));
  const [selected, setSelected] = useState<Dayjs>(dayjs(todayInChina()));
  const [booking, setBooking] = useState(false);
  const monthStart = selected.startOf("month");
  // The calendar shows six weeks: ask for the days around the month too.
  const list = useAppointments({
    from: monthStart.subtract(7, "day").format("YYYY-MM-DD"),
    to: monthStart.endOf("month").add(14, "day").format("YYYY-MM-DD"),
  });
  const byDay = new Map<string, Appointment[]>();
  for (const a of list.data?.items ?? []) byDay.set(a.day, [...(byDay.get(a.day) ?? []), a]);
  const day = selected.format("YYYY-MM-DD");
  const items = byDay.get(day) ?? [];

  return (
    <div data-testid="appointments-page">
      <PageHeader
        title={t("crmKpi.appointments.title")}
        subtitle={t("crmKpi.appointments.subtitle")}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setBooking(true)}
            data-testid="appointment-book"
          >
            {t("crmKpi.appointments.book")}
          </Button>
        }
      />
      {list.isError ? <Alert type="error" showIcon message={errorMessage(list.error)} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            size="small"
            title={
              <Space size={16} wrap>
                {(Object.keys(BADGE) as AppointmentStatus[]).map((status) => (
                  <Badge
                    key={status}
                    status={BADGE[status]}
                    text={t(`crmKpi.appointments.status.${status}`)}
                  />
                ))}
              </Space>
            }
          >
            <Calendar
              value={selected}
              onSelect={(d) => setSelected(d)}
              cellRender={(current, info) => {
                if (info.type !== "date") return info.originNode;
                const list = byDay.get(current.format("YYYY-MM-DD")) ?? [];
                return (
                  <ul className="appt-cell">
                    {list.slice(0, 3).map((a) => (
                      <li key={a.id}>
                        <Badge
                          status={BADGE[a.status]}
                          text={`${formatDateTime(a.startsAt).slice(11)} ${a.leadName}`}
                        />
                      </li>
                    ))}
                    {list.length > 3 ? (
                      <li className="muted">{t("crmKpi.appointments.more", { count: list.length - 3 })}</li>
                    ) : null}
                  </ul>
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card
            size="small"
            title={t("crmKpi.appointments.dayList", { date: day })}
            data-testid="appointments-day"
          >
            {items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("crmKpi.appointments.empty")} />
            ) : (
              <div className="kpi-list">
                {items.map((a) => (
                  <AppointmentItem key={a.id} appointment={a} />
                ))}
              </div>
            )}
          </Card>
        </Col>
      </Row>
      <AppointmentBookModal
        open={booking}
        day={day > todayInChina() ? day : undefined}
        onClose={() => setBooking(false)}
      />
    </div>
  );
}

function AppointmentItem({ appointment: a }: { appointment: Appointment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setStatus = useCrmMutation(crmApi.setAppointmentStatus);
  const reschedule = useCrmMutation(crmApi.rescheduleAppointment);
  const [ending, setEnding] = useState<"done" | "no-show" | null>(null);
  const [outcome, setOutcome] = useState("");
  const [moving, setMoving] = useState<Dayjs | null>(null);
  const today = todayInChina();
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      message.success(t("crmKpi.appointments.updated"));
      return true;
    } catch (error) {
      message.error(errorMessage(error));
      return false;
    }
  };
  return (
    <div className="kpi-list-item" data-testid="appointment-item" style={{ alignItems: "flex-start" }}>
      <div className="kpi-list-item-main">
        <span className="kpi-list-item-title">
          <span className="num">{formatDateTime(a.startsAt).slice(11)}</span>{" "}
          <LeadLink id={a.leadId} name={a.leadName} /> <IntentTag level={a.intentLevel} />
        </span>
        <span className="muted">
          {a.place} · {a.phoneMasked}
        </span>
        <span className="muted">
          {t("crmKpi.appointments.by", { name: a.ownerName ?? "—" })} ·{" "}
          {t("crmKpi.appointments.madeOn", { date: a.madeOn })}
          {a.withUserName || a.withName
            ? ` · ${t("crmKpi.appointments.withName", { name: a.withUserName ?? a.withName })}`
            : ""}
        </span>
        {a.note ? <span>{a.note}</span> : null}
        {a.outcome ? <span className="muted">→ {a.outcome}</span> : null}
        {a.status === "scheduled" ? (
          <Space size={0} wrap>
            {a.day <= today ? (
              <>
                <Button size="small" type="link" onClick={() => setEnding("done")}>
                  {t("crmKpi.appointments.done")}
                </Button>
                <Button size="small" type="link" onClick={() => setEnding("no-show")}>
                  {t("crmKpi.appointments.noShow")}
                </Button>
              </>
            ) : null}
            <Button size="small" type="link" onClick={() => setMoving(dayjs(a.startsAt))}>
              {t("crmKpi.appointments.reschedule")}
            </Button>
            <Popconfirm
              title={t("crmKpi.appointments.cancelConfirm")}
              onConfirm={() => run(() => setStatus.mutateAsync({ id: a.id, status: "cancelled" }))}
            >
              <Button size="small" type="link" danger>
                {t("crmKpi.appointments.cancel")}
              </Button>
            </Popconfirm>
          </Space>
        ) : null}
      </div>
      <Space direction="vertical" size={4} align="end">
        <Tag>{t(`crmKpi.appointments.status.${a.status}`)}</Tag>
        {a.reminderStatus ? (
          <Tag
            color={
              a.reminderStatus === "failed" ? "error" : a.reminderStatus === "sent" ? "success" : "processing"
            }
          >
            {t(`crmKpi.appointments.reminder.${a.reminderStatus}`)}
          </Tag>
        ) : null}
      </Space>
      <Modal
        open={ending !== null}
        title={ending ? `${t(`crmKpi.appointments.status.${ending}`)} · ${a.leadName}` : ""}
        onCancel={() => setEnding(null)}
        confirmLoading={setStatus.isPending}
        onOk={async () => {
          if (
            ending &&
            (await run(() => setStatus.mutateAsync({ id: a.id, status: ending, outcome: outcome || null })))
          )
            setEnding(null);
        }}
      >
        <Input.TextArea
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
          rows={3}
          maxLength={500}
          placeholder={t("crmKpi.appointments.fields.outcome")}
          aria-label={t("crmKpi.appointments.fields.outcome")}
        />
      </Modal>
      <Modal
        open={moving !== null}
        title={`${t("crmKpi.appointments.reschedule")} · ${a.leadName}`}
        onCancel={() => setMoving(null)}
        confirmLoading={reschedule.isPending}
        onOk={async () => {
          if (
            moving &&
            (await run(() =>
              reschedule.mutateAsync({ id: a.id, startsAt: moving.second(0).format("YYYY-MM-DDTHH:mm:ssZ") }),
            ))
          )
            setMoving(null);
        }}
      >
        <DatePicker
          showTime={{ format: "HH:mm", minuteStep: 15 }}
          format="YYYY-MM-DD HH:mm"
          value={moving}
          onChange={(d) => setMoving(d)}
          disabledDate={(d) => d.format("YYYY-MM-DD") < today}
          style={{ width: "100%" }}
        />
      </Modal>
    </div>
  );
}
