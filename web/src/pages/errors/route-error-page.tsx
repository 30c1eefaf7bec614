import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router-dom";

/** Last line of defence: a render error shows this instead of a blank page. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const detail = error instanceof Error ? error.message : "";
  return (
    <div className="full-page-center">
      <Result
        status="500"
        title={t("errorPages.crashTitle")}
        subTitle={
          <>
            {t("errorPages.crash")}
            {detail ? <div className="muted mono">{detail}</div> : null}
          </>
        }
        extra={[
          <Button key="reload" type="primary" onClick={() => window.location.reload()}>
            {t("errorPages.reload")}
          </Button>,
          <Button key="home" onClick={() => window.location.assign("/")}>
            {t("common.backHome")}
          </Button>,
        ]}
      />
    </div>
  );
}
