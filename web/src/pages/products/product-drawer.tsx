import { CheckCircleOutlined, EditOutlined, StopOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Descriptions, Drawer, Popconfirm, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import {
  activateProduct,
  type Product,
  type ProductStatus,
  retireProduct,
  useProductVersions,
} from "../../api/products.ts";
import type { RepaymentMethod } from "../../api/types.ts";
import { formatDateTime, formatMoney, formatPercent, formatRate } from "../../format.ts";
import { AmountRange, AprFigure, ProductStatusTag, RateFlags, TermList } from "./product-parts.tsx";

/** A product with every term, the actions its manager may take, and every version it has had. */
export function ProductDrawer({
  product,
  canManage,
  onClose,
  onEdit,
}: {
  product: Product | null;
  canManage: boolean;
  onClose: () => void;
  onEdit: (product: Product) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const versions = useProductVersions(product?.id);
  const f = (key: string) => t(`products.fields.${key}`);
  const list = (values: string[], prefix: string) =>
    values.length
      ? values.map((v) => t(`${prefix}.${v}`, { defaultValue: v })).join(t("common.listSeparator"))
      : "—";

  const change = async (action: "activate" | "retire") => {
    if (!product) return;
    try {
      if (action === "activate") await activateProduct(product.id);
      else await retireProduct(product.id);
      message.success(action === "activate" ? t("products.activated") : t("products.retired"));
      void queryClient.invalidateQueries({ queryKey: ["products"] });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const fee = (rate: string | null, fixed: string) =>
    rate ? formatRate(rate) : fixed && fixed !== "0.00" ? formatMoney(fixed) : t("products.noFee");

  return (
    <Drawer
      open={product !== null}
      onClose={onClose}
      size={760}
      title={
        product ? (
          <span className="title-with-tags">
            {product.name} <span className="mono muted">{product.code}</span>
            <ProductStatusTag status={product.status} />
          </span>
        ) : (
          ""
        )
      }
      extra={
        product && canManage && product.status !== "retired" ? (
          <Space>
            {product.status === "draft" ? (
              <Popconfirm title={t("products.activateConfirm")} onConfirm={() => change("activate")}>
                <Button icon={<CheckCircleOutlined />}>{t("products.activate")}</Button>
              </Popconfirm>
            ) : null}
            <Popconfirm
              title={t("products.retireConfirm")}
              description={<div style={{ maxWidth: 260 }}>{t("products.retireNote")}</div>}
              okButtonProps={{ danger: true }}
              onConfirm={() => change("retire")}
            >
              <Button danger icon={<StopOutlined />}>
                {t("products.retire")}
              </Button>
            </Popconfirm>
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => onEdit(product)}
              data-testid="edit-product"
            >
              {t("products.edit")}
            </Button>
          </Space>
        ) : null
      }
      data-testid="product-drawer"
    >
      {product ? (
        <>
          <Card size="small" className="section-gap product-drawer-hero">
            <AprFigure product={product} />
            <div className="product-hero-facts">
              <div>
                <div className="muted small">{f("method")}</div>
                <Tag color="blue">{t(`calculator.methods.${product.method}`)}</Tag>
              </div>
              <div>
                <div className="muted small">{f("annualRate")}</div>
                <strong className="num">{formatRate(product.annualRate)}</strong>
              </div>
              <div>
                <div className="muted small">{f("aprCompounded")}</div>
                <span className="num">{formatPercent(product.aprCompounded)}</span>
              </div>
            </div>
            <RateFlags flags={product.rateFlags} />
          </Card>
          {product.description ? <p className="muted">{product.description}</p> : null}
          <Descriptions
            bordered
            size="small"
            column={2}
            className="section-gap"
            items={[
              { key: "amount", label: f("amount"), children: <AmountRange product={product} />, span: 2 },
              {
                key: "terms",
                label: f("terms"),
                children: <TermList terms={product.termOptions} />,
                span: 2,
              },
              {
                key: "guarantees",
                label: f("guarantees"),
                children: list(product.guaranteeTypes, "products.guarantees"),
              },
              {
                key: "segments",
                label: f("segments"),
                children: list(product.eligibleSegments, "customers.segments"),
              },
              {
                key: "age",
                label: f("age"),
                children: t("products.ageRange", { min: product.minAge, max: product.maxAge }),
              },
              {
                key: "dti",
                label: f("maxDebtToIncome"),
                children: product.maxDebtToIncome
                  ? formatRate(product.maxDebtToIncome)
                  : t("products.noLimit"),
              },
              {
                key: "penalty",
                label: f("penaltyRate"),
                children: <span className="num">{formatRate(product.penaltyRate)}</span>,
              },
              {
                key: "prepay",
                label: f("prepaymentFeeRate"),
                children: <span className="num">{formatRate(product.prepaymentFeeRate)}</span>,
              },
              {
                key: "upfront",
                label: f("upfrontFee"),
                children: fee(product.fees.upfrontRate, product.fees.upfrontFixed),
              },
              {
                key: "monthly",
                label: f("monthlyFee"),
                children: fee(product.fees.monthlyRate, product.fees.monthlyFixed),
              },
              {
                key: "docs",
                label: f("requiredDocuments"),
                children: list(product.requiredDocuments, "customers.documentKinds"),
                span: 2,
              },
              {
                key: "rounding",
                label: f("rounding"),
                children: t(`products.rounding.${product.rounding}`, { defaultValue: product.rounding }),
              },
              {
                key: "dayBasis",
                label: f("dayBasis"),
                children: t("products.dayBasisValue", { days: product.dayBasis }),
              },
              {
                key: "version",
                label: f("version"),
                children: t("products.versionLine", {
                  version: product.version,
                  date: product.effectiveFrom,
                }),
              },
              {
                key: "upcoming",
                label: f("upcoming"),
                children: product.upcoming
                  ? t("products.upcoming", {
                      version: product.upcoming.version,
                      date: product.upcoming.effectiveFrom,
                    })
                  : "—",
              },
            ]}
          />
          <Card size="small" title={t("products.history")} data-testid="product-history">
            <Table<Product>
              rowKey="version"
              size="small"
              loading={versions.isFetching}
              dataSource={[...(versions.data?.versions ?? [])].reverse()}
              pagination={false}
              scroll={{ x: 680 }}
              locale={{ emptyText: t("products.noHistory") }}
              columns={[
                { title: f("version"), dataIndex: "version", width: 60, render: (v: number) => `v${v}` },
                {
                  title: f("effectiveFrom"),
                  dataIndex: "effectiveFrom",
                  width: 100,
                  render: (v: string) => <span className="num">{v}</span>,
                },
                {
                  title: f("status"),
                  dataIndex: "status",
                  width: 90,
                  render: (v: ProductStatus) => <ProductStatusTag status={v} />,
                },
                {
                  title: f("method"),
                  dataIndex: "method",
                  width: 100,
                  render: (v: RepaymentMethod) => t(`calculator.methods.${v}`),
                },
                {
                  title: f("annualRate"),
                  dataIndex: "annualRate",
                  width: 100,
                  render: (v: string) => <span className="num">{formatRate(v)}</span>,
                },
                {
                  title: "APR",
                  dataIndex: "apr",
                  width: 80,
                  render: (v: string) => <strong className="num">{formatPercent(v)}</strong>,
                },
                {
                  title: f("note"),
                  dataIndex: "note",
                  render: (v: string | null, row) => (
                    <div>
                      <div>{v ?? <span className="muted">—</span>}</div>
                      <div className="muted small num">{formatDateTime(row.createdAt)}</div>
                    </div>
                  ),
                },
              ]}
            />
          </Card>
        </>
      ) : null}
    </Drawer>
  );
}
