import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useDocumentTitle } from "../../components/page-header.tsx";

export function ForbiddenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t("errorPages.forbiddenTitle"));
  return (
    <Result
      status="403"
      title={t("errorPages.forbiddenTitle")}
      subTitle={t("errorPages.forbidden")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("common.backHome")}
        </Button>
      }
    />
  );
}
