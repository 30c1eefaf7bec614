import { DownOutlined, RightOutlined, UserOutlined } from "@ant-design/icons";
import { Badge, Empty, Spin } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import {
  type ApplicationStatus,
  type ApplicationSummary,
  ENDED_STATUSES,
  type OriginationSettings,
  PIPELINE_STATUSES,
} from "../../api/applications.ts";
import { formatMoney, formatWan, isLargeAmount } from "../../format.ts";
import { ApplicationStatusTag, StageAge } from "./status.tsx";

function KanbanCard({ app, settings }: { app: ApplicationSummary; settings: OriginationSettings }) {
  const { t } = useTranslation();
  return (
    <Link to={`/applications/${app.id}`} className="kanban-card" data-testid="kanban-card">
      <div className="kanban-card-head">
        <span className="kanban-customer">{app.customerName ?? "—"}</span>
      </div>
      <div className="kanban-amount num">
        {formatMoney(app.amount)}
        {isLargeAmount(app.amount) ? <span className="muted small"> {formatWan(app.amount)}</span> : null}
      </div>
      <div className="muted small">
        {app.productName ?? "—"} · {t("applications.months", { count: app.termMonths })}
      </div>
      <div className="kanban-card-foot">
        <span className="muted small">
          <UserOutlined /> {app.originatorName ?? "—"}
        </span>
        {ENDED_STATUSES.includes(app.status) || app.status === "disbursed" ? (
          <span className="mono muted small">{app.appNo}</span>
        ) : (
          <StageAge status={app.status} since={app.statusChangedAt} settings={settings} />
        )}
      </div>
      {ENDED_STATUSES.includes(app.status) ? (
        <div className="kanban-card-tag">
          <ApplicationStatusTag status={app.status} />
        </div>
      ) : null}
    </Link>
  );
}

/** The pipeline by status: one column per step, the ended ones folded into one narrow column. */
export function ApplicationKanban({
  items,
  counts,
  loading,
  statuses,
  settings,
}: {
  items: ApplicationSummary[];
  counts: Partial<Record<ApplicationStatus, number>>;
  loading: boolean;
  statuses: ApplicationStatus[];
  settings: OriginationSettings;
}) {
  const { t } = useTranslation();
  const [endedOpen, setEndedOpen] = useState(false);
  const visible = (s: ApplicationStatus) => statuses.length === 0 || statuses.includes(s);
  const columns = PIPELINE_STATUSES.filter(visible);
  const ended = items.filter((a) => ENDED_STATUSES.includes(a.status));
  const endedCount = ENDED_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  const showEnded = ENDED_STATUSES.some(visible);

  return (
    <Spin spinning={loading} delay={200}>
      <div className="kanban" data-testid="kanban">
        {columns.map((status) => {
          const cards = items.filter((a) => a.status === status);
          return (
            <section
              key={status}
              className={`kanban-col kanban-col-${status}`}
              aria-label={t(`applications.status.${status}`)}
            >
              <header className="kanban-col-head">
                <span>{t(`applications.kanban.${status}`)}</span>
                <Badge
                  count={counts[status] ?? 0}
                  showZero
                  color={status === "disbursed" || status === "approved" ? "#52c41a" : "#1668dc"}
                />
              </header>
              <div className="kanban-col-body">
                {cards.length ? (
                  cards.map((app) => <KanbanCard key={app.id} app={app} settings={settings} />)
                ) : (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={t("applications.kanban.emptyColumn")}
                  />
                )}
              </div>
            </section>
          );
        })}
        {showEnded ? (
          endedOpen ? (
            <section className="kanban-col kanban-col-ended" aria-label={t("applications.kanban.ended")}>
              <header className="kanban-col-head">
                <button
                  type="button"
                  className="kanban-fold"
                  onClick={() => setEndedOpen(false)}
                  aria-expanded="true"
                >
                  <DownOutlined /> {t("applications.kanban.ended")}
                </button>
                <Badge count={endedCount} showZero color="#8c8c8c" />
              </header>
              <div className="kanban-col-body">
                {ended.length ? (
                  ended.map((app) => <KanbanCard key={app.id} app={app} settings={settings} />)
                ) : (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={t("applications.kanban.emptyColumn")}
                  />
                )}
              </div>
            </section>
          ) : (
            <button
              type="button"
              className="kanban-col-folded"
              onClick={() => setEndedOpen(true)}
              aria-expanded="false"
              data-testid="kanban-ended"
            >
              <RightOutlined />
              <span className="kanban-folded-title">{t("applications.kanban.ended")}</span>
              <Badge count={endedCount} showZero color="#8c8c8c" />
            </button>
          )
        ) : null}
      </div>
    </Spin>
  );
}
