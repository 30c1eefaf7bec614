// The 资格审查 step's record: the decision, its reason and the automatic checks.
import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail } from "../../../api/applications.ts";
import { byLine, CheckList } from "./shared.tsx";

export function QualificationSummary({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const q = app.qualification;
  if (!q) return null;
  const failed = q.checks.filter((c) => !c.passed).length;
  return (
    <div data-testid="qualification-summary">
      <div className="summary-head">
        {q.decision === "pass" ? (
          <Tag color="success" icon={<CheckCircleFilled />}>
            {t("applications.steps.qualification.pass")}
          </Tag>
        ) : (
          <Tag color="error" icon={<CloseCircleFilled />}>
            {t("applications.steps.qualification.reject")}
          </Tag>
        )}
        <span className="muted">
          {t("applications.checks.summary", { passed: q.checks.length - failed, total: q.checks.length })}
        </span>
      </div>
      {q.reason ? (
        <p className="record-notes">
          <span className="muted">{t("applications.steps.qualification.reason")}：</span>
          {q.reason}
        </p>
      ) : null}
      <CheckList checks={q.checks} />
      <div className="muted small section-gap-top">{byLine(t, q.by, q.at)}</div>
    </div>
  );
}
