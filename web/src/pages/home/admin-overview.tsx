import { CheckCircleOutlined, LockOutlined, StopOutlined, TeamOutlined } from "@ant-design/icons";
import { Button, Card, Col, Empty, Row, Statistic, Table } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { useAllUsers, useRoles } from "../../api/identity.ts";
import type { User } from "../../api/types.ts";
import { type ChartOption, EChart } from "../../components/echart.tsx";
import { useRoleName } from "../../components/role-tags.tsx";
import { formatDateTime } from "../../format.ts";

/** The administrator's panel: accounts by status and role, and the accounts locked right now. */
export function AdminOverview() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const users = useAllUsers();
  const roles = useRoles();
  const roleName = useRoleName(roles.data);
  const all = users.data ?? [];
  const locked = all.filter((u) => u.locked);
  const active = all.filter((u) => u.status === "active").length;

  const chart = useMemo<ChartOption>(() => {
    const rows = [...(roles.data ?? [])].sort((a, b) => a.userCount - b.userCount);
    return {
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: rows.map((r) => roleName(r.key)) },
      series: [
        {
          type: "bar",
          name: t("home.admin.total"),
          data: rows.map((r) => r.userCount),
          itemStyle: { color: "#1668dc", borderRadius: [0, 4, 4, 0] },
          label: { show: true, position: "right" },
          barMaxWidth: 18,
        },
      ],
    };
  }, [roles.data, roleName, t]);

  const stats = [
    { key: "total", value: all.length, icon: <TeamOutlined />, color: "#1668dc" },
    { key: "active", value: active, icon: <CheckCircleOutlined />, color: "#52c41a" },
    { key: "disabled", value: all.length - active, icon: <StopOutlined />, color: "#8c8c8c" },
    {
      key: "locked",
      value: locked.length,
      icon: <LockOutlined />,
      color: locked.length ? "#ff4d4f" : "#8c8c8c",
    },
  ];

  return (
    <section className="section-gap" data-testid="admin-overview">
      <Row gutter={[16, 16]}>
        {stats.map((stat) => (
          <Col xs={12} lg={6} key={stat.key}>
            <Card loading={users.isPending} className="stat-card">
              <Statistic
                title={t(`home.admin.${stat.key}`)}
                value={stat.value}
                prefix={<span style={{ color: stat.color }}>{stat.icon}</span>}
              />
            </Card>
          </Col>
        ))}
        <Col xs={24} xl={14}>
          <Card title={t("home.admin.byRole")} loading={roles.isPending} className="full-height-card">
            <EChart
              option={chart}
              ariaLabel={t("home.admin.byRole")}
              style={{ height: 360 }}
              data={{
                fileName: t("home.admin.byRole"),
                header: [t("home.admin.role"), t("home.admin.total")],
                rows: (roles.data ?? []).map((r) => [roleName(r.key), r.userCount]),
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={t("home.admin.lockedAccounts")}
            extra={<Link to="/admin/users">{t("home.admin.manageUsers")}</Link>}
            className="full-height-card"
          >
            <Table<User>
              size="small"
              rowKey="id"
              loading={users.isPending}
              dataSource={locked.slice(0, 10)}
              pagination={false}
              locale={{
                emptyText: (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("home.admin.noLocked")} />
                ),
              }}
              columns={[
                { title: t("users.columns.username"), dataIndex: "username" },
                { title: t("users.columns.displayName"), dataIndex: "displayName" },
                {
                  title: t("users.columns.lastLogin"),
                  dataIndex: "lastLoginAt",
                  render: (value: string | null) => <span className="num">{formatDateTime(value)}</span>,
                },
                {
                  title: t("common.actions"),
                  key: "go",
                  render: (_: unknown, user) => (
                    <Button
                      size="small"
                      icon={<LockOutlined />}
                      onClick={() => navigate(`/admin/users?search=${encodeURIComponent(user.username)}`)}
                    >
                      {t("users.unlock")}
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </section>
  );
}
