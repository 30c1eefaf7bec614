import { AppstoreOutlined, DownloadOutlined, PlusOutlined, TableOutlined } from "@ant-design/icons";
import { App, Button, Card, Empty, Segmented, Select, Skeleton, Table, Tag } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useOriginationSettings } from "../../api/applications.ts";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import { type Product, type ProductStatus, useProducts } from "../../api/products.ts";
import type { RepaymentMethod } from "../../api/types.ts";
import { downloadCsv } from "../../components/csv.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatPercent, formatRate, todayInChina } from "../../format.ts";
import { METHODS } from "../loans/calculator-rules.ts";
import { ProductDrawer } from "./product-drawer.tsx";
import { ProductFormDrawer } from "./product-form-drawer.tsx";
import { AmountRange, AprFigure, ProductStatusTag, RateFlags, TermList } from "./product-parts.tsx";
import "../business.css";

type StatusFilter = ProductStatus | "all";

function ProductCard({ product, onOpen }: { product: Product; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Card
      hoverable
      className="product-card"
      onClick={onOpen}
      data-testid="product-card"
      role="button"
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === "Enter") onOpen();
      }}
      title={
        <div className="product-card-title">
          <span>{product.name}</span>
          <span className="mono muted">{product.code}</span>
        </div>
      }
      extra={<ProductStatusTag status={product.status} />}
    >
      <div className="product-card-body">
        <AprFigure product={product} />
        <dl className="product-facts">
          <dt>{t("products.fields.method")}</dt>
          <dd>
            <Tag color="blue">{t(`calculator.methods.${product.method}`)}</Tag>
          </dd>
          <dt>{t("products.fields.annualRate")}</dt>
          <dd className="num">{formatRate(product.annualRate)}</dd>
          <dt>{t("products.fields.amount")}</dt>
          <dd>
            <AmountRange product={product} />
          </dd>
          <dt>{t("products.fields.terms")}</dt>
          <dd>
            <TermList terms={product.termOptions} />
          </dd>
          <dt>{t("products.fields.guarantees")}</dt>
          <dd>
            {product.guaranteeTypes.map((g) => t(`products.guarantees.${g}`)).join(t("common.listSeparator"))}
          </dd>
        </dl>
        {product.description ? <div className="muted small product-desc">{product.description}</div> : null}
        <div className="tag-list">
          <RateFlags flags={product.rateFlags} />
          {product.upcoming ? (
            <Tag color="blue">
              {t("products.upcoming", {
                version: product.upcoming.version,
                date: product.upcoming.effectiveFrom,
              })}
            </Tag>
          ) : null}
          <span className="muted small">
            {t("products.versionLine", { version: product.version, date: product.effectiveFrom })}
          </span>
        </div>
      </div>
    </Card>
  );
}

/** 产品: the catalogue as cards (or a table), APR first; a drawer with every term and the version history. */
export function ProductsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useDocumentTitle(t("products.title"));
  const me = useMe().data;
  const canManage = hasPermission(me, "products.manage");
  const settings = useOriginationSettings(hasPermission(me, "settings.read"));
  const [params] = useSearchParams();
  const [status, setStatus] = useState<StatusFilter>("active");
  const [method, setMethod] = useState<RepaymentMethod | undefined>();
  const [view, setView] = useState<"cards" | "table">("cards");
  const [openId, setOpenId] = useState<string | null>(params.get("id"));
  const [form, setForm] = useState<{ open: boolean; product: Product | null }>({
    open: false,
    product: null,
  });
  const products = useProducts(status === "all" ? {} : { status });
  const items = useMemo(
    () => (products.data?.items ?? []).filter((p) => !method || p.method === method),
    [products.data, method],
  );
  const open = products.data?.items.find((p) => p.id === openId) ?? null;

  const exportCsv = () => {
    const c = (key: string) => t(`products.fields.${key}`);
    downloadCsv(
      `${t("products.export")}-${todayInChina()}.csv`,
      [
        c("code"),
        c("name"),
        c("status"),
        c("method"),
        c("annualRate"),
        "APR",
        c("aprMax"),
        c("minAmount"),
        c("maxAmount"),
        c("terms"),
        c("effectiveFrom"),
      ],
      items.map((p) => [
        p.code,
        p.name,
        t(`products.status.${p.status}`),
        t(`calculator.methods.${p.method}`),
        formatRate(p.annualRate),
        formatPercent(p.apr),
        formatPercent(p.aprMax),
        p.minAmount,
        p.maxAmount,
        p.termOptions.join("/"),
        p.effectiveFrom,
      ]),
    );
    message.success(t("common.exported", { count: items.length }));
  };

  return (
    <div data-testid="products-page">
      <PageHeader
        title={t("products.title")}
        subtitle={t("products.subtitle")}
        extra={
          <>
            <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={items.length === 0}>
              {t("common.exportCsv")}
            </Button>
            {canManage ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setForm({ open: true, product: null })}
                data-testid="create-product"
              >
                {t("products.create")}
              </Button>
            ) : null}
          </>
        }
      />
      <Card className="section-gap" size="small">
        <div className="filter-bar filter-bar-tight">
          <Segmented<StatusFilter>
            value={status}
            onChange={setStatus}
            options={[
              { value: "active", label: t("products.status.active") },
              { value: "draft", label: t("products.status.draft") },
              { value: "retired", label: t("products.status.retired") },
              { value: "all", label: t("common.all") },
            ]}
          />
          <Select
            allowClear
            placeholder={t("products.methodPlaceholder")}
            aria-label={t("products.fields.method")}
            value={method}
            onChange={setMethod}
            options={METHODS.map((m) => ({ value: m, label: t(`calculator.methods.${m}`) }))}
            style={{ width: 170 }}
          />
          <span className="filter-bar-spacer" />
          <span className="muted small">{t("products.aprNote")}</span>
          <Segmented
            value={view}
            onChange={(v) => setView(v as "cards" | "table")}
            options={[
              { value: "cards", icon: <AppstoreOutlined />, title: t("products.viewCards") },
              { value: "table", icon: <TableOutlined />, title: t("products.viewTable") },
            ]}
            aria-label={t("products.viewSwitch")}
          />
        </div>
      </Card>
      {products.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : items.length === 0 ? (
        <Card>
          <Empty
            description={
              products.isError
                ? t("common.loadFailed", { message: errorMessage(products.error) })
                : t("products.empty")
            }
          >
            <div className="muted">
              {canManage ? t("products.emptyHint") : t("products.emptyHintReadOnly")}
            </div>
          </Empty>
        </Card>
      ) : view === "cards" ? (
        <div className="product-grid">
          {items.map((p) => (
            <ProductCard key={p.id} product={p} onOpen={() => setOpenId(p.id)} />
          ))}
        </div>
      ) : (
        <Card>
          <Table<Product>
            rowKey="id"
            size="middle"
            dataSource={items}
            pagination={false}
            scroll={{ x: 1100 }}
            onRow={(p) => ({ onClick: () => setOpenId(p.id), style: { cursor: "pointer" } })}
            columns={[
              {
                title: t("products.fields.name"),
                dataIndex: "name",
                render: (v: string, p) => (
                  <div>
                    <strong>{v}</strong>
                    <div className="mono muted">{p.code}</div>
                  </div>
                ),
              },
              {
                title: "APR",
                dataIndex: "apr",
                align: "right",
                sorter: (a, b) => Number(a.apr) - Number(b.apr),
                render: (v: string) => <strong className="num apr-inline">{formatPercent(v)}</strong>,
              },
              {
                title: t("products.fields.method"),
                dataIndex: "method",
                render: (v: RepaymentMethod) => t(`calculator.methods.${v}`),
              },
              {
                title: t("products.fields.annualRate"),
                dataIndex: "annualRate",
                align: "right",
                render: (v: string) => <span className="num">{formatRate(v)}</span>,
              },
              {
                title: t("products.fields.amount"),
                key: "amount",
                render: (_: unknown, p) => <AmountRange product={p} />,
              },
              {
                title: t("products.fields.terms"),
                key: "terms",
                render: (_: unknown, p) => <TermList terms={p.termOptions} />,
              },
              {
                title: t("products.fields.status"),
                dataIndex: "status",
                render: (v: ProductStatus, p) => (
                  <span className="tag-list">
                    <ProductStatusTag status={v} />
                    <RateFlags flags={p.rateFlags} />
                  </span>
                ),
              },
            ]}
          />
        </Card>
      )}
      <ProductDrawer
        product={open}
        canManage={canManage}
        onClose={() => setOpenId(null)}
        onEdit={(p) => setForm({ open: true, product: p })}
      />
      {canManage ? (
        <ProductFormDrawer
          open={form.open}
          product={form.product}
          aprCap={settings.aprCapPercent}
          onClose={() => setForm({ open: false, product: null })}
          onSaved={(saved) => {
            setForm({ open: false, product: null });
            setOpenId(saved.id);
          }}
        />
      ) : null}
    </div>
  );
}
