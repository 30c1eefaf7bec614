import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Badge, Button, Card, Input, type InputRef, Skeleton, Space, Switch, Tabs } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { usePendingApprovals } from "../../api/workout.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { useSlashFocus } from "../../components/use-slash-focus.ts";
import "../loans/servicing.css";
import "../loans/workout/workout.css";
import { RestructuringApprovals } from "./restructuring-approvals.tsx";
import { WriteOffApprovals } from "./write-off-approvals.tsx";

/** 待审批: restructurings for risk's co-signature and the committee's vote, write-offs for an approver. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const a = (key: string, params: Record<string, unknown> = {}) => t(`workout.approvals.${key}`, params);
  useDocumentTitle(a("title"));
  const pending = usePendingApprovals();
  const [search, setSearch] = useState("");
  const [mineOnly, setMineOnly] = useState(false);
  const searchRef = useRef<InputRef>(null);
  useSlashFocus(searchRef);
  const [tab, setTab] = useState("restructurings");
  const match = (loanNo: string, customer: string | null) => {
    const q = search.trim().toLowerCase();
    return !q || loanNo.toLowerCase().includes(q) || (customer ?? "").toLowerCase().includes(q);
  };
  const restructurings = (pending.data?.restructurings ?? []).filter(
    (r) => match(r.loan.loanNo, r.loan.customerName) && (!mineOnly || r.youMay !== null),
  );
  const writeOffs = (pending.data?.writeOffs ?? []).filter(
    (w) => match(w.loan.loanNo, w.loan.customerName) && (!mineOnly || w.youMay !== null),
  );
  const rule = pending.data?.committee;
  return (
    <div data-testid="approvals-page">
      <PageHeader
        title={a("title")}
        subtitle={a("subtitle")}
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void pending.refetch()}
            loading={pending.isFetching}
          >
            {t("common.refresh")}
          </Button>
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            ref={searchRef}
            allowClear
            placeholder={a("search")}
            style={{ width: 320 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            aria-label={a("search")}
          />
          <Space>
            <Switch checked={mineOnly} onChange={setMineOnly} aria-label={a("mineOnly")} />
            <span>{a("mineOnly")}</span>
          </Space>
          {rule ? (
            <span className="muted">
              {a("committee", {
                roles: rule.roles.map((r) => t(`roles.${r}`)).join(t("workout.approvals.listSeparator")),
                rule: a(`rule.${rule.rule}`),
              })}
            </span>
          ) : null}
        </Space>
        {pending.isError ? <Alert type="error" showIcon message={errorMessage(pending.error)} /> : null}
        {pending.isPending || !pending.data ? (
          pending.isError ? null : (
            <Skeleton active paragraph={{ rows: 8 }} />
          )
        ) : (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: "restructurings",
                label: (
                  <Badge count={restructurings.length} size="small" offset={[10, 0]} color="blue">
                    {a("tabs.restructurings")}
                  </Badge>
                ),
                children: (
                  <RestructuringApprovals items={restructurings} committee={pending.data.committee} />
                ),
              },
              {
                key: "write-offs",
                label: (
                  <Badge count={writeOffs.length} size="small" offset={[10, 0]} color="red">
                    <span data-testid="tab-write-offs">{a("tabs.writeOffs")}</span>
                  </Badge>
                ),
                children: <WriteOffApprovals items={writeOffs} />,
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
