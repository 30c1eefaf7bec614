import { ArrowLeftOutlined, TeamOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Empty, Result, Space, Spin, Statistic, Tag, Tree } from "antd";
import type { DataNode } from "antd/es/tree";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import { type OrgNode, useOrgChart } from "../../api/staff.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import "../business.css";
import { StaffDrawer } from "./staff-drawer.tsx";
import { type StaffNames, StaffStatusTag, useStaffNames } from "./staff-parts.tsx";
import "./staff.css";

// Managers stand out from the people they lead; the tags follow the positions' weight.
const POSITION_COLOR: Record<string, string> = {
  "general-manager": "purple",
  "sales-director": "geekblue",
  "team-manager": "blue",
  "tele-leader": "cyan",
};

function countAll(nodes: OrgNode[]): number {
  return nodes.reduce((n, node) => n + 1 + countAll(node.children), 0);
}

function toTree(nodes: OrgNode[], names: StaffNames): DataNode[] {
  return nodes.map((node) => ({
    key: node.id,
    title: (
      <span className="org-node" data-testid="org-node">
        <strong>{node.name}</strong>
        <Tag color={POSITION_COLOR[node.position] ?? "default"}>{names.position(node.position)}</Tag>
        {node.rank ? <span className="muted">{names.rank(node.rank)}</span> : null}
        <span className="muted">{names.department(node.departmentId, node.departmentName)}</span>
        {node.status === "probation" ? <StaffStatusTag status={node.status} /> : null}
        {node.children.length ? (
          <span className="org-count">
            <TeamOutlined /> {countAll(node.children)}
          </span>
        ) : null}
      </span>
    ),
    children: toTree(node.children, names),
  }));
}

function allKeys(nodes: OrgNode[]): string[] {
  return nodes.flatMap((n) => [n.id, ...allKeys(n.children)]);
}

/** 组织架构: who reported to whom on a chosen date, from the effective-dated seats. */
export function OrgChartPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("staff.org.title"));
  const names = useStaffNames();
  const [date, setDate] = useState<string | undefined>();
  const chart = useOrgChart(date);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const roots = chart.data?.roots ?? [];
  const treeData = toTree(roots, names);
  const keys = useMemo(() => allKeys(roots), [roots]);

  return (
    <div data-testid="org-chart-page">
      <Link to="/staff" className="back-link">
        <ArrowLeftOutlined /> {t("staff.list.title")}
      </Link>
      <PageHeader
        title={t("staff.org.title")}
        subtitle={t("staff.org.subtitle")}
        extra={
          <Space>
            <span className="muted">{t("staff.org.asOf")}</span>
            <DatePicker
              allowClear
              value={date ? dayjs(date) : null}
              placeholder={chart.data?.date ?? t("staff.org.today")}
              onChange={(d) => setDate(d ? d.format("YYYY-MM-DD") : undefined)}
              data-testid="org-date"
            />
          </Space>
        }
      />
      <Card
        title={
          <Space size="large">
            <Statistic title={t("staff.org.headcount")} value={chart.data?.headcount ?? 0} />
            <span className="muted">{t("staff.org.dateNote", { date: chart.data?.date ?? "—" })}</span>
          </Space>
        }
        extra={
          <Space>
            <Button onClick={() => setExpanded(keys)}>{t("staff.org.expandAll")}</Button>
            <Button onClick={() => setExpanded(roots.map((r) => r.id))}>{t("staff.org.collapse")}</Button>
          </Space>
        }
      >
        {chart.isPending ? (
          <div className="full-page-center">
            <Spin />
          </div>
        ) : chart.isError ? (
          <Result status="warning" title={t("common.loadFailed", { message: errorMessage(chart.error) })} />
        ) : roots.length === 0 ? (
          <Empty description={t("staff.org.empty")} />
        ) : (
          <Tree
            showLine
            blockNode
            selectable
            treeData={treeData}
            expandedKeys={expanded ?? keys}
            onExpand={(next) => setExpanded(next as string[])}
            onSelect={(selected) => setOpenId((selected[0] as string | undefined) ?? null)}
            selectedKeys={openId ? [openId] : []}
            className="org-tree"
            data-testid="org-tree"
          />
        )}
      </Card>
      <StaffDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
