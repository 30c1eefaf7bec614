// What the step forms share: the amount rule and the server's error shown above the buttons.
import { Alert } from "antd";
import { apiMessage } from "../../components/api-messages.ts";
import { toFen } from "../../format.ts";

export const amountRule = (optional: boolean) => ({
  validator: async (_rule: unknown, value: string | undefined) => {
    if (!value) {
      if (!optional) throw new Error(apiMessage("required"));
      return;
    }
    const fen = toFen(value);
    if (fen === null || fen < 0n) throw new Error(apiMessage("invalid-amount"));
  },
});

export function ServerError({ text }: { text: string | null }) {
  if (!text) return null;
  return <Alert type="error" showIcon title={text} className="section-gap" data-testid="step-error" />;
}
