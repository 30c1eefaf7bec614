// Time spent in each stage of an application against the stage's limit.
import { ClockCircleOutlined } from "@ant-design/icons";
import { Table } from "antd";
import { useTranslation } from "react-i18next";
import type { ApplicationStatus, Stage } from "../../../api/applications.ts";
import { formatDateTime } from "../../../format.ts";
import { useDuration } from "../status.tsx";

/** Time spent in each stage against its limit; over-limit stages in red with a clock. */
export function StageTimes({ stages }: { stages: Stage[] }) {
  const { t } = useTranslation();
  const duration = useDuration();
  return (
    <Table<Stage>
      rowKey="enteredAt"
      size="small"
      pagination={false}
      dataSource={stages}
      data-testid="stage-times"
      columns={[
        {
          title: t("applications.stages.stage"),
          dataIndex: "status",
          render: (value: ApplicationStatus, s) => (
            <div>
              {t(`applications.status.${value}`)}
              <div className="muted small num">{formatDateTime(s.enteredAt)}</div>
            </div>
          ),
        },
        {
          title: t("applications.stages.spent"),
          dataIndex: "hours",
          align: "right",
          render: (hours: number, s) => (
            <span className={s.overLimit ? "stage-over num" : "num"}>
              {s.overLimit ? <ClockCircleOutlined /> : null} {duration(hours)}
              {s.limitHours !== null ? (
                <div className="muted small">{t("applications.stages.limit", { hours: s.limitHours })}</div>
              ) : null}
            </span>
          ),
        },
      ]}
    />
  );
}
