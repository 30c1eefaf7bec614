import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Col, Empty, Row, Spin, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useAudit, useAuditChain } from "../../api/audit.ts";
import type { AuditEvent } from "../../api/types.ts";
import { formatDateTime } from "../../format.ts";
import { ActionLabel, EntityLabel } from "../audit/audit-labels.tsx";

/** For audit.read: the chain's health and the ten latest events. */
export function AuditOverview() {
  const { t } = useTranslation();
  const chain = useAuditChain();
  const events = useAudit({ page: 1, pageSize: 10 });
  const report = chain.data;

  return (
    <Row gutter={[16, 16]} className="section-gap" data-testid="audit-overview">
      <Col xs={24} xl={8}>
        <Card
          title={t("home.audit.chain")}
          extra={
            <Button
              size="small"
              icon={<ReloadOutlined />}
              loading={chain.isFetching}
              onClick={() => void chain.refetch()}
            >
              {t("audit.reverify")}
            </Button>
          }
          className="full-height-card"
        >
          {!report ? (
            <div className="chain-status">
              <Spin />
            </div>
          ) : report.ok ? (
            <div className="chain-status chain-ok" data-testid="chain-status">
              <CheckCircleFilled />
              <div>
                <div className="chain-title">{t("home.audit.chainOk")}</div>
                <Typography.Text type="secondary">
                  {t("home.audit.checked", { count: report.checked })}
                </Typography.Text>
              </div>
            </div>
          ) : (
            <div className="chain-status chain-broken" data-testid="chain-status">
              <CloseCircleFilled />
              <div>
                <div className="chain-title">{t("home.audit.chainBroken")}</div>
                <Typography.Text type="danger">
                  {t("home.audit.brokenAt", { id: report.brokenAt })}
                </Typography.Text>
              </div>
            </div>
          )}
          <Typography.Paragraph type="secondary" className="chain-help">
            {t("home.chainHelp")}
          </Typography.Paragraph>
          {chain.dataUpdatedAt ? (
            <Typography.Text type="secondary" className="small">
              {t("home.chainVerifiedAt", { time: formatDateTime(new Date(chain.dataUpdatedAt)) })}
            </Typography.Text>
          ) : null}
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Card
          title={t("home.audit.title")}
          extra={<Link to="/audit">{t("common.viewAll")}</Link>}
          className="full-height-card"
        >
          <Table<AuditEvent>
            size="small"
            rowKey="id"
            loading={events.isPending}
            dataSource={events.data?.items ?? []}
            pagination={false}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("home.audit.empty")} />,
            }}
            columns={[
              {
                title: t("audit.columns.at"),
                dataIndex: "at",
                width: 150,
                render: (value: string) => <span className="num">{formatDateTime(value)}</span>,
              },
              {
                title: t("audit.columns.actor"),
                dataIndex: "actorName",
                render: (value: string | null) => value ?? t("audit.system"),
              },
              {
                title: t("audit.columns.action"),
                dataIndex: "action",
                render: (value: string) => <ActionLabel action={value} />,
              },
              {
                title: t("audit.columns.entity"),
                key: "entity",
                render: (_: unknown, row) => <EntityLabel type={row.entityType} id={row.entityId} />,
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
