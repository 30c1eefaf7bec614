// 小组 PK: the running contests as cards (open the leaderboard or put it on the wall), what is coming
// up, and the history with its winners. Managers (crm.manage) start, settle and cancel.
import {
  CrownOutlined,
  DesktopOutlined,
  GiftOutlined,
  PlusOutlined,
  TrophyOutlined,
} from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Empty, Popconfirm, Row, Skeleton, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import {
  crmApi,
  type PkContest,
  type PkStatus,
  useCrmMutation,
  usePkList,
} from "../../api/crm-engagement.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { PkCreateModal } from "./pk-create-modal.tsx";
import "./kpi-styles.css";

const STATUS_COLOR: Record<PkStatus, string> = {
  running: "blue",
  upcoming: "default",
  finished: "green",
  cancelled: "default",
};

export function PkStatusTag({ status }: { status: PkStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`crmKpi.pk.status.${status}`)}</Tag>;
}

export function metricText(contest: PkContest, t: (key: string) => string): string {
  if (contest.metric !== "weighted") return t(`crmKpi.metrics.${contest.metric}`);
  const parts = Object.entries(contest.weights ?? {})
    .filter(([, w]) => (w ?? 0) > 0)
    .map(([k, w]) => `${t(`crmKpi.metrics.${k}`)}×${w}`);
  return `${t("crmKpi.metrics.weighted")}(${parts.join(" + ")})`;
}

export function PkListPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("crmKpi.pk.title"));
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const canManage = hasPermission(me.data, "crm.manage");
  const list = usePkList();
  const [creating, setCreating] = useState(false);
  const settle = useCrmMutation(crmApi.finalizePk);
  const cancel = useCrmMutation(crmApi.cancelPk);
  const items = list.data?.items ?? [];
  const running = items.filter((c) => c.status === "running");
  const upcoming = items.filter((c) => c.status === "upcoming");
  const history = items.filter((c) => c.status === "finished" || c.status === "cancelled");

  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      message.success(done);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <div data-testid="pk-list-page">
      <PageHeader
        title={t("crmKpi.pk.title")}
        subtitle={t("crmKpi.pk.subtitle")}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="pk-create"
            >
              {t("crmKpi.pk.create")}
            </Button>
          ) : null
        }
      />
      {list.isError ? <Alert type="error" showIcon message={errorMessage(list.error)} /> : null}
      {list.isPending ? <Skeleton active /> : null}
      {list.isSuccess && items.length === 0 ? <Empty description={t("crmKpi.pk.empty")} /> : null}
      {items.length > 0 ? (
        <>
          <h3>{t("crmKpi.pk.running")}</h3>
          {running.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("crmKpi.pk.emptyRunning")} />
          ) : null}
          <Row gutter={[16, 16]}>
            {[...running, ...upcoming].map((c) => (
              <Col key={c.id} xs={24} md={12} xl={8}>
                <Card
                  size="small"
                  data-testid="pk-card"
                  title={
                    <Space>
                      <TrophyOutlined style={{ color: "#faad14" }} />
                      {c.name}
                    </Space>
                  }
                  extra={<PkStatusTag status={c.status} />}
                  actions={[
                    <Link key="board" to={`/crm/pk/${c.id}`}>
                      {t("crmKpi.pk.openBoard")}
                    </Link>,
                    <Link key="wall" to={`/crm/pk/${c.id}?wall=1`}>
                      <DesktopOutlined /> {t("crmKpi.pk.wall")}
                    </Link>,
                  ]}
                >
                  <div>{metricText(c, t)}</div>
                  <div className="muted">
                    {t("crmKpi.common.range", { from: c.startsOn, to: c.endsOn })} ·{" "}
                    {t(`crmKpi.pk.unitKinds.${c.unitKind}`)} ·{" "}
                    {t("crmKpi.pk.participants", { count: c.participants.length })}
                  </div>
                  {c.reward ? (
                    <div className="section-gap-top">
                      <GiftOutlined /> {t("crmKpi.pk.reward", { reward: c.reward })}
                    </div>
                  ) : null}
                </Card>
              </Col>
            ))}
          </Row>
          <h3 className="section-gap-top">{t("crmKpi.pk.history")}</h3>
          <Table<PkContest>
            rowKey="id"
            size="small"
            dataSource={history}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            data-testid="pk-history"
            onRow={(c) => ({ onDoubleClick: () => navigate(`/crm/pk/${c.id}`) })}
            columns={[
              {
                title: t("crmKpi.pk.form.name"),
                dataIndex: "name",
                render: (name: string, c) => <Link to={`/crm/pk/${c.id}`}>{name}</Link>,
              },
              { title: t("crmKpi.pk.form.metric"), key: "metric", render: (_, c) => metricText(c, t) },
              {
                title: t("crmKpi.pk.form.period"),
                key: "period",
                render: (_, c) => (
                  <span className="num">{t("crmKpi.common.range", { from: c.startsOn, to: c.endsOn })}</span>
                ),
              },
              {
                title: t("crmKpi.pk.form.unitKind"),
                dataIndex: "unitKind",
                render: (k: string) => t(`crmKpi.pk.unitKinds.${k}`),
              },
              {
                title: t("crmKpi.pk.board.champion"),
                key: "winners",
                render: (_, c) =>
                  c.status === "cancelled" ? (
                    <PkStatusTag status="cancelled" />
                  ) : !c.finalizedAt ? (
                    <Tag color="gold">{t("crmKpi.pk.notSettled")}</Tag>
                  ) : c.winners?.length ? (
                    <span>
                      <CrownOutlined style={{ color: "#faad14" }} />{" "}
                      <strong>{c.winners.map((w) => w.name).join(t("common.listSeparator"))}</strong>
                    </span>
                  ) : (
                    <span className="muted">{t("crmKpi.pk.noWinner")}</span>
                  ),
              },
              {
                title: t("crmKpi.pk.form.reward"),
                dataIndex: "reward",
                render: (r: string | null) => r ?? "—",
              },
              ...(canManage
                ? [
                    {
                      title: t("common.actions"),
                      key: "actions",
                      width: 150,
                      render: (_: unknown, c: PkContest) =>
                        c.status === "finished" && !c.finalizedAt ? (
                          <Popconfirm
                            title={t("crmKpi.pk.settleConfirm")}
                            onConfirm={() => act(() => settle.mutateAsync(c.id), t("crmKpi.pk.settled"))}
                          >
                            <Button size="small" type="primary">
                              {t("crmKpi.pk.settle")}
                            </Button>
                          </Popconfirm>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
          {canManage && upcoming.length + running.length > 0 ? (
            <div className="section-gap-top muted">
              {[...running, ...upcoming].map((c) => (
                <Popconfirm
                  key={c.id}
                  title={t("crmKpi.pk.cancelConfirm")}
                  onConfirm={() => act(() => cancel.mutateAsync(c.id), t("crmKpi.pk.cancelled"))}
                >
                  <Button size="small" type="link" danger>
                    {t("crmKpi.pk.cancel")} · {c.name}
                  </Button>
                </Popconfirm>
              ))}
            </div>
          ) : null}
        </>
      ) : null}
      <PkCreateModal
        open={creating}
        onClose={(id) => {
          setCreating(false);
          if (id) navigate(`/crm/pk/${id}`);
        }}
      />
    </div>
  );
}
