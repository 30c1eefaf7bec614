// The live APR beside the product form.
import { WarningOutlined } from "@ant-design/icons";
import { Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { useScheduleQuote } from "../../api/calculator.ts";
import { apiMessage } from "../../components/api-messages.ts";
import { formatPercent, todayInChina, toFen } from "../../format.ts";
import { type FormValues, toRate } from "./product-form-values.ts";

/** The APR of the representative loan (max amount, longest term), priced by the public schedule API. */
export function AprPreview({ values, cap }: { values: Partial<FormValues>; cap: number }) {
  const { t } = useTranslation();
  const rate = toRate(values.annualRatePercent);
  const terms = (values.termOptions ?? [])
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 360);
  const request =
    rate && values.maxAmount && toFen(values.maxAmount) && values.method && terms.length
      ? {
          principal: values.maxAmount,
          annualRate: rate,
          termMonths: Math.max(...terms),
          method: values.method,
          startDate: todayInChina(),
        }
      : null;
  const quote = useScheduleQuote(request, 400);
  const apr = quote.data?.apr;
  const over = apr !== undefined && Number(apr) > cap;
  return (
    <div className={over ? "apr-preview apr-preview-over" : "apr-preview"} data-testid="product-apr-preview">
      <Statistic
        title={t("products.form.aprPreview")}
        value={apr ? formatPercent(apr) : "—"}
        loading={quote.isFetching && !apr}
      />
      <div className="muted small">
        {request
          ? t("products.form.aprPreviewNote", { term: request.termMonths })
          : t("products.form.aprPreviewEmpty")}
      </div>
      {over ? (
        <div className="field-error">
          <WarningOutlined /> {apiMessage("apr-above-cap", { apr: apr ?? "", cap: cap.toFixed(2) })}
        </div>
      ) : null}
    </div>
  );
}
