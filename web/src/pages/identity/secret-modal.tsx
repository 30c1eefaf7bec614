import { KeyOutlined } from "@ant-design/icons";
import { Alert, Button, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";

/** A password shown exactly once (initial or temporary), with a copy button. */
export function SecretModal({
  title,
  secret,
  onClose,
}: {
  title: string;
  secret: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={secret !== null}
      title={
        <span>
          <KeyOutlined /> {title}
        </span>
      }
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t("common.close")}
        </Button>
      }
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t("users.oneTimeHint")} className="section-gap" />
      <div className="secret-box" data-testid="one-time-password">
        <Typography.Text
          copyable={{ text: secret ?? "", tooltips: [t("common.copy"), t("common.copied")] }}
          className="secret-text"
        >
          {secret}
        </Typography.Text>
      </div>
    </Modal>
  );
}
