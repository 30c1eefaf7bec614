import { EyeInvisibleOutlined, EyeOutlined } from "@ant-design/icons";
import { App, Button, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { type PiiField, unmaskField } from "../../api/customers.ts";

/**
 * Personal data masked by default (UI.md); an eye shows the clear value to roles with pii.unmask.
 * Each look is one audited request, so the value is fetched on click and forgotten when hidden.
 */
export function PiiValue({
  customerId,
  field,
  masked,
  canUnmask,
  onRevealed,
}: {
  customerId: string;
  field: PiiField;
  masked: string | null;
  canUnmask: boolean;
  onRevealed?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [clear, setClear] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (!masked) return <span className="muted">—</span>;

  const reveal = async () => {
    setPending(true);
    try {
      const result = await unmaskField(customerId, field);
      setClear(result.value ?? "");
      onRevealed?.();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <span className="pii-value">
      <span className="num mono-text" data-testid={`pii-${field}`}>
        {clear ?? masked}
      </span>
      {canUnmask ? (
        clear === null ? (
          <Tooltip title={t("customers.pii.reveal")}>
            <Button
              type="text"
              size="small"
              icon={<EyeOutlined />}
              loading={pending}
              onClick={() => void reveal()}
              aria-label={t("customers.pii.revealLabel", { field: t(`customers.pii.fields.${field}`) })}
              data-testid={`unmask-${field}`}
            />
          </Tooltip>
        ) : (
          <Tooltip title={t("customers.pii.hide")}>
            <Button
              type="text"
              size="small"
              icon={<EyeInvisibleOutlined />}
              onClick={() => setClear(null)}
              aria-label={t("customers.pii.hide")}
            />
          </Tooltip>
        )
      ) : null}
    </span>
  );
}
