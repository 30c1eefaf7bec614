// Routes. Pages load lazily so the sign-in page does not download the admin screens or ECharts.

import { useQueryClient } from "@tanstack/react-query";
import { App as AntApp } from "antd";
import { lazy, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { createBrowserRouter, RouterProvider } from "react-router-dom";
import { ME_KEY, useMe } from "./api/auth.ts";
import { setUnauthorizedHandler } from "./api/client.ts";
import { AppLayout } from "./components/app-layout.tsx";
import { FullPageSpin, RequireAuth, RequirePermission } from "./components/auth-guard.tsx";
import { PublicLayout } from "./components/public-layout.tsx";
import { ForbiddenPage } from "./pages/errors/forbidden-page.tsx";
import { RouteErrorPage } from "./pages/errors/route-error-page.tsx";

const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const LoginPage = named(() => import("./pages/auth/login-page.tsx"), "LoginPage");
const ChangePasswordPage = named(() => import("./pages/auth/change-password-page.tsx"), "ChangePasswordPage");
const HomePage = named(() => import("./pages/home/home-page.tsx"), "HomePage");
const CalculatorPage = named(() => import("./pages/loans/calculator-page.tsx"), "CalculatorPage");
const UsersPage = named(() => import("./pages/identity/users-page.tsx"), "UsersPage");
const RolesPage = named(() => import("./pages/identity/roles-page.tsx"), "RolesPage");
const AuditPage = named(() => import("./pages/audit/audit-page.tsx"), "AuditPage");
const CustomersPage = named(() => import("./pages/customers/customers-page.tsx"), "CustomersPage");
const CustomerDetailPage = named(
  () => import("./pages/customers/customer-detail-page.tsx"),
  "CustomerDetailPage",
);
const ProductsPage = named(() => import("./pages/products/products-page.tsx"), "ProductsPage");
const ApplicationsPage = named(
  () => import("./pages/applications/applications-page.tsx"),
  "ApplicationsPage",
);
const ApplicationDetailPage = named(
  () => import("./pages/applications/application-detail-page.tsx"),
  "ApplicationDetailPage",
);
const CommitteePage = named(() => import("./pages/applications/committee-page.tsx"), "CommitteePage");
const DisbursementsPage = named(
  () => import("./pages/applications/disbursements-page.tsx"),
  "DisbursementsPage",
);
const LoansPage = named(() => import("./pages/loans/loans-page.tsx"), "LoansPage");
const LoanDetailPage = named(() => import("./pages/loans/loan-detail-page.tsx"), "LoanDetailPage");
const BatchPage = named(() => import("./pages/loans/batch-page.tsx"), "BatchPage");
const LedgerPage = named(() => import("./pages/loans/ledger-page.tsx"), "LedgerPage");
const CapitalPage = named(() => import("./pages/loans/capital-page.tsx"), "CapitalPage");
const NotFoundPage = named(() => import("./pages/errors/not-found-page.tsx"), "NotFoundPage");

/** The calculator is public: signed-in staff get it inside the console, visitors with a small header. */
function CalculatorEntry() {
  const me = useMe();
  if (me.isPending) return <FullPageSpin />;
  return me.data ? (
    <AppLayout>
      <CalculatorPage />
    </AppLayout>
  ) : (
    <PublicLayout>
      <CalculatorPage />
    </PublicLayout>
  );
}

/** Routes that need one permission each: anyone else gets the 403 page. */
function guarded(routes: [path: string, permission: string, page: React.ReactElement][]) {
  return routes.map(([path, permission, page]) => ({
    path,
    element: <RequirePermission permission={permission}>{page}</RequirePermission>,
  }));
}

const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    children: [
      {
        path: "/login",
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <LoginPage />
          </Suspense>
        ),
      },
      { path: "/calculator", element: <CalculatorEntry /> },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomePage /> },
          {
            path: "admin/users",
            element: (
              <RequirePermission permission="users.manage">
                <UsersPage />
              </RequirePermission>
            ),
          },
          {
            path: "admin/roles",
            element: (
              <RequirePermission permission="users.manage">
                <RolesPage />
              </RequirePermission>
            ),
          },
          ...guarded([
            ["customers", "customers.read", <CustomersPage key="customers" />],
            ["customers/:id", "customers.read", <CustomerDetailPage key="customer" />],
            ["products", "products.read", <ProductsPage key="products" />],
            ["applications", "applications.read", <ApplicationsPage key="applications" />],
            ["applications/:id", "applications.read", <ApplicationDetailPage key="application" />],
            ["committee", "applications.vote", <CommitteePage key="committee" />],
            ["disbursements", "loans.disburse", <DisbursementsPage key="disbursements" />],
            ["loans", "loans.read", <LoansPage key="loans" />],
            ["loans/:id", "loans.read", <LoanDetailPage key="loan" />],
            ["batch", "batch.run", <BatchPage key="batch" />],
            ["ledger", "ledger.read", <LedgerPage key="ledger" />],
            ["capital", "ledger.read", <CapitalPage key="capital" />],
          ]),
          {
            path: "audit",
            element: (
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            ),
          },
          { path: "account/password", element: <ChangePasswordPage /> },
          { path: "403", element: <ForbiddenPage /> },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

/** A 401 from any signed-in call means the session ended (idle timeout, password changed elsewhere). */
function SessionWatch() {
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const { t } = useTranslation();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (queryClient.getQueryData(ME_KEY)) message.warning(t("auth.sessionExpired"));
      queryClient.setQueryData(ME_KEY, null);
    });
  }, [queryClient, message, t]);
  return null;
}

export function ConsoleApp() {
  return (
    <>
      <SessionWatch />
      <RouterProvider router={router} />
    </>
  );
}
