import { Card, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useRoleName } from "../../components/role-tags.tsx";

type Duty = { title: string; text: string };

/** What each of the user's roles does in the company (DOMAIN.md §1), one block per role. */
export function DutiesCard({ roles, wide = false }: { roles: string[]; wide?: boolean }) {
  const { t, i18n } = useTranslation();
  const roleName = useRoleName();
  const known = roles.filter((role) => i18n.exists(`duties.${role}`));
  return (
    <Card
      title={t("home.duties")}
      extra={<Typography.Text type="secondary">{t("home.dutiesHint")}</Typography.Text>}
      className="full-height-card"
    >
      {known.length === 0 ? (
        <Typography.Text type="secondary">{t("common.none")}</Typography.Text>
      ) : (
        known.map((role) => {
          const duties = t(`duties.${role}`, { returnObjects: true }) as Duty[];
          return (
            <div key={role} className="duty-role">
              {known.length > 1 ? <Typography.Text strong>{roleName(role)}</Typography.Text> : null}
              <div className={wide ? "duty-grid duty-grid-wide" : "duty-grid"}>
                {duties.map((duty, index) => (
                  <div key={duty.title} className="duty">
                    <span className="duty-index">{String(index + 1).padStart(2, "0")}</span>
                    <div>
                      <div className="duty-title">{duty.title}</div>
                      <div className="duty-text">{duty.text}</div>
                    </div>
                  </div>
                ))}
              </div>
            </div>
          );
        })
      )}
    </Card>
  );
}
