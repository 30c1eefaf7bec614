import { InputNumber } from "antd";
import { groupAmountInput, parseAmountInput } from "../../format.ts";

type Common = {
  value?: string;
  onChange?: (value: string | null) => void;
  id?: string;
  "data-testid"?: string;
  disabled?: boolean;
};

/** An amount with ¥ and thousands separators, kept as a decimal string. */
export function MoneyInput(props: Common & { placeholder?: string }) {
  return (
    <InputNumber<string>
      {...props}
      stringMode
      prefix="¥"
      controls={false}
      style={{ width: "100%" }}
      formatter={(value) => groupAmountInput(value)}
      parser={(value) => parseAmountInput(value)}
      inputMode="decimal"
    />
  );
}

/** A rate typed as percent (18 → 18%); the form converts it to the API's decimal (0.18). */
export function PercentInput(props: Common & { placeholder?: string }) {
  return (
    <InputNumber<string>
      {...props}
      stringMode
      suffix="%"
      controls={false}
      style={{ width: "100%" }}
      inputMode="decimal"
    />
  );
}
