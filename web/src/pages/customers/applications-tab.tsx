import { FileAddOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Empty, Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { type ApplicationSummary, fetchAllApplications } from "../../api/applications.ts";
import { errorMessage } from "../../api/client.ts";
import type { CustomerDetail } from "../../api/customers.ts";
import { formatDate, formatMoneyLong } from "../../format.ts";
import { ApplicationStatusTag } from "../applications/status.tsx";

/** The customer's loan applications. */
export function ApplicationsTab({
  customer,
  canApply,
  enabled,
}: {
  customer: CustomerDetail;
  canApply: boolean;
  enabled: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const apps = useQuery({
    queryKey: ["applications", "of-customer", customer.id],
    queryFn: () => fetchAllApplications({ customerId: customer.id }),
    enabled,
  });
  const blocked = customer.blacklisted || customer.segment === "student";

  return (
    <div>
      {canApply ? (
        <div className="tab-toolbar">
          <span className="muted">{t("customers.applications.hint")}</span>
          <Button
            type="primary"
            icon={<FileAddOutlined />}
            disabled={blocked}
            onClick={() => navigate(`/applications?new=1&customerId=${customer.id}`)}
          >
            {t("customers.newApplication")}
          </Button>
        </div>
      ) : null}
      <Table<ApplicationSummary>
        rowKey="id"
        size="middle"
        loading={apps.isFetching}
        dataSource={apps.data ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{
          emptyText: apps.isError ? (
            <Empty description={t("common.loadFailed", { message: errorMessage(apps.error) })} />
          ) : (
            <Empty description={t("customers.applications.empty")}>
              <div className="muted">
                {blocked
                  ? t("customers.cannotApplyBlacklisted")
                  : canApply
                    ? t("customers.applications.emptyHint")
                    : t("customers.applications.emptyHintReadOnly")}
              </div>
            </Empty>
          ),
        }}
        columns={[
          {
            title: t("applications.columns.appNo"),
            dataIndex: "appNo",
            width: 150,
            render: (value: string, a) => (
              <Link to={`/applications/${a.id}`} className="mono-text">
                {value}
              </Link>
            ),
          },
          { title: t("applications.columns.product"), dataIndex: "productName", width: 130 },
          {
            title: t("applications.columns.amount"),
            dataIndex: "amount",
            align: "right",
            width: 200,
            render: (value: string) => <span className="num">{formatMoneyLong(value)}</span>,
          },
          {
            title: t("applications.columns.term"),
            dataIndex: "termMonths",
            width: 80,
            render: (value: number) => t("applications.months", { count: value }),
          },
          {
            title: t("applications.columns.status"),
            dataIndex: "status",
            width: 130,
            render: (value: ApplicationSummary["status"]) => <ApplicationStatusTag status={value} />,
          },
          {
            title: t("applications.columns.createdAt"),
            dataIndex: "createdAt",
            width: 110,
            render: (value: string) => <span className="num">{formatDate(value)}</span>,
          },
        ]}
      />
    </div>
  );
}
