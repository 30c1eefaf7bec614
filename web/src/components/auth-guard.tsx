import { Button, Result, Spin } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router-dom";
import { hasPermission, mustChangePassword, useMe } from "../api/auth.ts";
import { ForbiddenPage } from "../pages/errors/forbidden-page.tsx";

export const PASSWORD_PATH = "/account/password";

export function FullPageSpin() {
  return (
    <div className="full-page-center">
      <Spin size="large" />
    </div>
  );
}

/** Signed-in area: anonymous visitors go to /login and come back to where they wanted to go. */
export function RequireAuth({ children }: { children?: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError && !me.data)
    return (
      <Result
        status="warning"
        title={t("common.loadFailed", { message: me.error.message })}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t("common.retry")}
          </Button>
        }
      />
    );
  if (!me.data) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  if (mustChangePassword(me.data.user.id) && location.pathname !== PASSWORD_PATH)
    return <Navigate to={PASSWORD_PATH} replace />;
  return children ?? <Outlet />;
}

export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const me = useMe();
  if (!hasPermission(me.data, permission)) return <ForbiddenPage />;
  return children;
}
