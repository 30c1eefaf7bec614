import { Alert, Drawer, Result, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import { useStatement } from "../../api/payroll.ts";
import { formatMoney } from "../../format.ts";
import { DisputeItem } from "./disputes-panel.tsx";
import { useLineName } from "./payroll-parts.tsx";
import { StatementFacts, StatementLines } from "./statement-lines.tsx";

/** One person's statement in a run: every line with its explanation, and the disputes about it. */
export function StatementDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const statement = useStatement(id);
  const data = statement.data;
  const me = useMe().data;
  const canAnswer = hasPermission(me, "payroll.prepare");
  const lineName = useLineName();
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={820}
      data-testid="statement-drawer"
      title={
        data ? (
          <span className="title-with-tags">
            {t("payroll.statement.title", { name: data.name, month: data.month })}
            <span className="mono muted">{data.employeeNo}</span>
          </span>
        ) : (
          t("payroll.statement.titleShort")
        )
      }
      extra={data ? <strong className="num statement-total">{formatMoney(data.total)}</strong> : null}
    >
      {statement.isPending && id ? (
        <Spin />
      ) : statement.isError ? (
        <Result status="warning" title={t("common.loadFailed", { message: errorMessage(statement.error) })} />
      ) : data ? (
        <>
          {!data.current ? (
            <Alert
              type="info"
              showIcon
              className="section-gap"
              title={t("payroll.statement.oldVersion", { version: data.version })}
            />
          ) : null}
          {data.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon className="section-gap" title={w} />
          ))}
          <StatementFacts statement={data} />
          <StatementLines statement={data} />
          <Typography.Title level={5} className="section-gap-top">
            {t("payroll.statement.disputes", { count: data.disputes.length })}
          </Typography.Title>
          {data.disputes.length ? (
            data.disputes.map((d) => (
              <DisputeItem
                key={d.id}
                dispute={d}
                canAnswer={canAnswer}
                lineName={lineName(data.lines.find((l) => l.id === d.lineId)?.code ?? "")}
              />
            ))
          ) : (
            <div className="muted">{t("payroll.statement.noDisputes")}</div>
          )}
        </>
      ) : null}
    </Drawer>
  );
}
