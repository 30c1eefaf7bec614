// The 委员会表决 step: each seat's vote, comment and time, and the outcome once decided.
import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from "@ant-design/icons";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail, Vote } from "../../../api/applications.ts";
import { formatDateTime, formatMoney, formatRate } from "../../../format.ts";

/** The committee: one row per seat with the member's vote, comment and time, and the outcome once decided. */
export function CommitteeBlock({ app, seats }: { app: ApplicationDetail; seats: string[] }) {
  const { t } = useTranslation();
  const bySeat = new Map<string, Vote>(app.votes.map((v) => [v.voterRole, v]));
  const extra = app.votes.filter((v) => !seats.includes(v.voterRole));
  const rows = [
    ...seats.map((seat) => ({ seat, vote: bySeat.get(seat) ?? null })),
    ...extra.map((v) => ({ seat: v.voterRole, vote: v })),
  ];
  const d = app.decision;
  return (
    <div data-testid="committee-block">
      {d ? (
        <div className="summary-head">
          {d.outcome === "approved" ? (
            <Tag color="success" icon={<CheckCircleFilled />}>
              {t("applications.committee.approved")}
            </Tag>
          ) : (
            <Tag color="error" icon={<CloseCircleFilled />}>
              {t("applications.committee.rejected")}
            </Tag>
          )}
          <span className="muted">
            {t(`applications.committee.rule.${d.rule}`)} · {formatDateTime(d.decidedAt)}
          </span>
        </div>
      ) : (
        <div className="summary-head muted">
          {t("applications.committee.progress", { voted: app.votes.length, total: seats.length })}
        </div>
      )}
      <ul className="vote-list">
        {rows.map(({ seat, vote }) => (
          <li key={seat} className="vote-row">
            <span className="vote-seat">{t(`roles.${seat}`, { defaultValue: seat })}</span>
            {vote ? (
              <>
                {vote.decision === "approve" ? (
                  <Tag color="success" icon={<CheckCircleFilled />}>
                    {t("applications.committee.approve")}
                  </Tag>
                ) : (
                  <Tag color="error" icon={<CloseCircleFilled />}>
                    {t("applications.committee.reject")}
                  </Tag>
                )}
                <span className="vote-who">
                  {vote.voterName}
                  <span className="muted small num"> · {formatDateTime(vote.at)}</span>
                </span>
                {vote.comment || vote.conditions ? (
                  <div className="vote-comment">
                    {vote.comment}
                    {vote.conditions ? (
                      <div className="muted small">
                        {t("applications.committee.conditions")}：{vote.conditions}
                      </div>
                    ) : null}
                  </div>
                ) : null}
              </>
            ) : (
              <>
                <Tag icon={<MinusCircleOutlined />}>{t("applications.committee.notVoted")}</Tag>
                <span className="muted small">{t("applications.committee.waiting")}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      {d?.approvedAmount ? (
        <div className="muted small">
          {t("applications.committee.approvedTerms", {
            amount: formatMoney(d.approvedAmount),
            rate: formatRate(d.approvedRate),
          })}
          {d.conditions.length
            ? ` · ${t("applications.committee.conditions")}：${d.conditions.join("；")}`
            : ""}
        </div>
      ) : null}
    </div>
  );
}
