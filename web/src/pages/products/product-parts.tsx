import { CheckCircleOutlined, EditOutlined, StopOutlined, WarningOutlined } from "@ant-design/icons";
import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { Product, ProductStatus } from "../../api/products.ts";
import { formatMoney, formatPercent, formatWan, isLargeAmount } from "../../format.ts";

// UI.md colours: draft grey, on offer green, retired grey with a stop sign; icon and word every time.
export function ProductStatusTag({ status }: { status: ProductStatus }) {
  const { t } = useTranslation();
  if (status === "active")
    return (
      <Tag color="success" icon={<CheckCircleOutlined />}>
        {t("products.status.active")}
      </Tag>
    );
  if (status === "draft") return <Tag icon={<EditOutlined />}>{t("products.status.draft")}</Tag>;
  return <Tag icon={<StopOutlined />}>{t("products.status.retired")}</Tag>;
}

export function RateFlags({ flags }: { flags: string[] }) {
  const { t } = useTranslation();
  if (!flags.includes("above-4x-lpr")) return null;
  return (
    <Tooltip title={t("products.flags.above4xLprHelp")}>
      <Tag color="gold" icon={<WarningOutlined />}>
        {t("products.flags.above4xLpr")}
      </Tag>
    </Tooltip>
  );
}

/** "¥10,000.00 – ¥300,000.00" with the 万 form beneath for large sums. */
export function AmountRange({ product }: { product: Pick<Product, "minAmount" | "maxAmount"> }) {
  const large = isLargeAmount(product.maxAmount);
  return (
    <span className="amount-range">
      <span className="num">
        {formatMoney(product.minAmount)} – {formatMoney(product.maxAmount)}
      </span>
      {large ? (
        <span className="muted small num">
          {formatWan(product.minAmount)} – {formatWan(product.maxAmount)}
        </span>
      ) : null}
    </span>
  );
}

export function TermList({ terms }: { terms: number[] }) {
  const { t } = useTranslation();
  return <span className="num">{t("products.termsValue", { terms: terms.join(" / ") })}</span>;
}

/** The APR shown prominently, with the highest APR over the product's range beside it when it differs. */
export function AprFigure({ product, size = "large" }: { product: Product; size?: "large" | "small" }) {
  const { t } = useTranslation();
  return (
    <div className={size === "large" ? "apr-figure" : "apr-figure apr-figure-small"}>
      <div className="apr-figure-label">{t("products.apr")}</div>
      <div className="apr-figure-value num" data-testid="product-apr">
        {formatPercent(product.apr)}
      </div>
      <div className="muted small">
        {product.aprMax !== product.apr
          ? t("products.aprMax", { apr: formatPercent(product.aprMax) })
          : t("products.aprRepresentative", {
              amount: formatMoney(product.representativeLoan.amount),
              term: product.representativeLoan.termMonths,
            })}
      </div>
    </div>
  );
}
