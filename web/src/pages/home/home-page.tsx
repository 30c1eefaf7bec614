import { Card, Col, Row } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { hasPermission, useMe } from "../../api/auth.ts";
import { visibleNavItems } from "../../components/nav-items.tsx";
import { useDocumentTitle } from "../../components/page-header.tsx";
import { AccountCard } from "./account-card.tsx";
import { AdminOverview } from "./admin-overview.tsx";
import { AuditOverview } from "./audit-overview.tsx";
import { DutiesCard } from "./duties-card.tsx";
import { GreetingCard } from "./greeting-card.tsx";
import { PermissionsCard } from "./permissions-card.tsx";
import { PortfolioCard } from "./portfolio-card.tsx";
import { QuickQuote } from "./quick-quote.tsx";

/**
 * 工作台: who you are and where to go, then the live panels of your role (accounts for admins, the
 * audit chain for those who read it), then what your role does here and a quick quote for the
 * people who talk to borrowers.
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  useDocumentTitle(t("menu.home"));
  if (!me) return null;
  const shortcuts = visibleNavItems(me).filter((item) => item.shortcut);
  const quotes = hasPermission(me, "products.read");

  return (
    <div className="home-page" data-testid="home-page">
      <GreetingCard me={me} />
      {hasPermission(me, "reports.read") ? <PortfolioCard /> : null}
      <Card title={t("home.quickLinks")} className="section-gap" size="small">
        <div className="shortcut-grid">
          {shortcuts.map((item) => (
            <Link key={item.key} to={item.path} className="shortcut" data-testid={`shortcut-${item.key}`}>
              <span className="shortcut-icon">{item.icon}</span>
              <span className="shortcut-text">
                <span className="shortcut-label">{t(item.labelKey)}</span>
                <span className="shortcut-desc">
                  {t(item.descriptionKey ?? `menu.descriptions.${item.key}`)}
                </span>
              </span>
            </Link>
          ))}
        </div>
      </Card>
      {hasPermission(me, "users.manage") ? <AdminOverview /> : null}
      {hasPermission(me, "audit.read") ? <AuditOverview /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={quotes ? 14 : 24}>
          <DutiesCard roles={me.user.roles} wide={!quotes} />
        </Col>
        {quotes ? (
          <Col xs={24} xl={10}>
            <QuickQuote />
          </Col>
        ) : null}
        <Col xs={24} xl={16}>
          <PermissionsCard me={me} />
        </Col>
        <Col xs={24} xl={8}>
          <AccountCard me={me} />
        </Col>
      </Row>
    </div>
  );
}
