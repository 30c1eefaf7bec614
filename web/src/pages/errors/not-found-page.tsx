import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useDocumentTitle } from "../../components/page-header.tsx";

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t("errorPages.notFoundTitle"));
  return (
    <Result
      status="404"
      title={t("errorPages.notFoundTitle")}
      subTitle={t("errorPages.notFound")}
      extra={
        <Button type="primary" onClick={() => navigate("/")} data-testid="back-home">
          {t("common.backHome")}
        </Button>
      }
    />
  );
}
