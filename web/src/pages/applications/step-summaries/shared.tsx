// Shared by the step summaries and forms: the pass/fail icon, the automatic-check list, the "who · when" line.
import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import { Empty } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { QualificationCheck } from "../../../api/applications.ts";
import { formatDateTime } from "../../../format.ts";

export function PassFailIcon({ passed }: { passed: boolean }) {
  const { t } = useTranslation();
  return passed ? (
    <CheckCircleFilled className="check-pass" aria-label={t("applications.checks.passed")} />
  ) : (
    <CloseCircleFilled className="check-fail" aria-label={t("applications.checks.failed")} />
  );
}

/** The automatic checks as a pass/fail list, each with the figures it compared. */
export function CheckList({ checks }: { checks: QualificationCheck[] }) {
  const { t } = useTranslation();
  if (checks.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("applications.checks.none")} />;
  return (
    <ul className="check-list" data-testid="check-list">
      {checks.map((c) => (
        <li key={c.key} className={c.passed ? "check-row" : "check-row check-row-failed"}>
          <PassFailIcon passed={c.passed} />
          <span className="check-name">{t(`applications.checks.${c.key}`)}</span>
          <span className="check-result">
            {c.passed ? t("applications.checks.passed") : t("applications.checks.failed")}
          </span>
          <span className="check-detail muted">{c.detail}</span>
        </li>
      ))}
    </ul>
  );
}

/** "Name · time": who recorded a step and when. */
export const byLine = (t: TFunction, name: string, at: string) =>
  t("applications.byLine", { name, time: formatDateTime(at) });
