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
const ImportsPage = named(() => import("./pages/loans/imports-page.tsx"), "ImportsPage");
const ImportDetailPage = named(() => import("./pages/loans/import-detail-page.tsx"), "ImportDetailPage");
const LedgerPage = named(() => import("./pages/loans/ledger-page.tsx"), "LedgerPage");
const CapitalPage = named(() => import("./pages/loans/capital-page.tsx"), "CapitalPage");
const PortfolioPage = named(() => import("./pages/reports/portfolio-page.tsx"), "PortfolioPage");
const CollectionsQueuePage = named(
  () => import("./pages/collections/queue-page.tsx"),
  "CollectionsQueuePage",
);
const CollectionTaskPage = named(() => import("./pages/collections/task-page.tsx"), "CollectionTaskPage");
const CollectionsSummaryPage = named(
  () => import("./pages/collections/summary-page.tsx"),
  "CollectionsSummaryPage",
);
const StaffPage = named(() => import("./pages/staff/staff-page.tsx"), "StaffPage");
const OrgChartPage = named(() => import("./pages/staff/org-chart-page.tsx"), "OrgChartPage");
const TrainingPage = named(() => import("./pages/staff/training-page.tsx"), "TrainingPage");
const RankReviewPage = named(() => import("./pages/staff/rank-review-page.tsx"), "RankReviewPage");
const PayPlansPage = named(() => import("./pages/payroll/pay-plans-page.tsx"), "PayPlansPage");
const PayrollRunsPage = named(() => import("./pages/payroll/payroll-runs-page.tsx"), "PayrollRunsPage");
const PayrollRunPage = named(() => import("./pages/payroll/payroll-run-page.tsx"), "PayrollRunPage");
const SimulatorPage = named(() => import("./pages/payroll/simulator-page.tsx"), "SimulatorPage");
const MyStatementsPage = named(() => import("./pages/payroll/my-statements-page.tsx"), "MyStatementsPage");
const ApprovalsPage = named(() => import("./pages/approvals/approvals-page.tsx"), "ApprovalsPage");
const LeadsPage = named(() => import("./pages/crm/leads-page.tsx"), "LeadsPage");
const LeadDetailPage = named(() => import("./pages/crm/lead-detail-page.tsx"), "LeadDetailPage");
const LeadImportPage = named(() => import("./pages/crm/lead-import-page.tsx"), "LeadImportPage");
const LeadsAssignmentPage = named(
  () => import("./pages/crm/leads-assignment-page.tsx"),
  "LeadsAssignmentPage",
);
const CallsPage = named(() => import("./pages/crm/calls-page.tsx"), "CallsPage");
const CallImportPage = named(() => import("./pages/crm/call-import-page.tsx"), "CallImportPage");
const CallOutcomesPage = named(() => import("./pages/crm/calls-outcomes-page.tsx"), "CallOutcomesPage");
const CampaignsPage = named(() => import("./pages/crm/campaigns-page.tsx"), "CampaignsPage");
const MyDayPage = named(() => import("./pages/crm/my-day-page.tsx"), "MyDayPage");
const KpiBoardPage = named(() => import("./pages/crm/kpi-board-page.tsx"), "KpiBoardPage");
const PkListPage = named(() => import("./pages/crm/pk-list-page.tsx"), "PkListPage");
const PkBoardPage = named(() => import("./pages/crm/pk-board-page.tsx"), "PkBoardPage");
const FollowUpsPage = named(() => import("./pages/crm/followups-page.tsx"), "FollowUpsPage");
const AppointmentsPage = named(() => import("./pages/crm/appointments-page.tsx"), "AppointmentsPage");
const FeedbackPage = named(() => import("./pages/crm/feedback-page.tsx"), "FeedbackPage");
const TargetsPage = named(() => import("./pages/crm/targets-page.tsx"), "TargetsPage");
const DailyReportPage = named(() => import("./pages/crm/daily-report-page.tsx"), "DailyReportPage");
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
            ["portfolio", "reports.read", <PortfolioPage key="portfolio" />],
            ["customers", "customers.read", <CustomersPage key="customers" />],
            ["customers/:id", "customers.read", <CustomerDetailPage key="customer" />],
            ["products", "products.read", <ProductsPage key="products" />],
            ["applications", "applications.read", <ApplicationsPage key="applications" />],
            ["applications/:id", "applications.read", <ApplicationDetailPage key="application" />],
            ["committee", "applications.vote", <CommitteePage key="committee" />],
            ["disbursements", "loans.disburse", <DisbursementsPage key="disbursements" />],
            ["loans", "loans.read", <LoansPage key="loans" />],
            ["loans/:id", "loans.read", <LoanDetailPage key="loan" />],
            ["approvals", "applications.vote", <ApprovalsPage key="approvals" />],
            ["batch", "batch.run", <BatchPage key="batch" />],
            ["repayment-imports", "repayments.post", <ImportsPage key="imports" />],
            ["repayment-imports/:id", "repayments.post", <ImportDetailPage key="import" />],
            ["ledger", "ledger.read", <LedgerPage key="ledger" />],
            ["capital", "ledger.read", <CapitalPage key="capital" />],
            ["collections", "collections.read", <CollectionsQueuePage key="collections" />],
            ["collections/summary", "collections.read", <CollectionsSummaryPage key="collections-summary" />],
            ["collections/tasks/:id", "collections.read", <CollectionTaskPage key="collection-task" />],
            ["staff", "staff.read", <StaffPage key="staff" />],
            ["staff/org", "staff.read", <OrgChartPage key="org" />],
            ["training", "staff.read", <TrainingPage key="training" />],
            ["rank-reviews", "staff.read", <RankReviewPage key="rank-reviews" />],
            ["pay-plans", "payroll.read", <PayPlansPage key="pay-plans" />],
            ["payroll", "payroll.read", <PayrollRunsPage key="payroll" />],
            ["payroll/simulator", "payroll.read", <SimulatorPage key="simulator" />],
            ["payroll/:id", "payroll.read", <PayrollRunPage key="payroll-run" />],
            ["my/payslips", "payroll.own", <MyStatementsPage key="my-payslips" />],
            ["crm/leads", "crm.leads", <LeadsPage key="crm-leads" />],
            ["crm/leads/import", "crm.leads", <LeadImportPage key="crm-lead-import" />],
            ["crm/leads/:id", "crm.leads", <LeadDetailPage key="crm-lead" />],
            ["crm/assignment", "crm.manage", <LeadsAssignmentPage key="crm-assignment" />],
            ["crm/calls", "crm.calls", <CallsPage key="crm-calls" />],
            ["crm/call-imports", "crm.manage", <CallImportPage key="crm-call-imports" />],
            ["crm/outcomes", "crm.manage", <CallOutcomesPage key="crm-outcomes" />],
            ["crm/campaigns", "crm.leads", <CampaignsPage key="crm-campaigns" />],
            ["crm/my-day", "kpi.read", <MyDayPage key="crm-my-day" />],
            ["crm/kpi", "kpi.read", <KpiBoardPage key="crm-kpi" />],
            ["crm/pk", "kpi.read", <PkListPage key="crm-pk" />],
            ["crm/pk/:id", "kpi.read", <PkBoardPage key="crm-pk-board" />],
            ["crm/follow-ups", "crm.leads", <FollowUpsPage key="crm-follow-ups" />],
            ["crm/appointments", "crm.leads", <AppointmentsPage key="crm-appointments" />],
            ["crm/feedback", "service.feedback", <FeedbackPage key="crm-feedback" />],
            ["crm/targets", "kpi.read", <TargetsPage key="crm-targets" />],
            ["crm/daily-reports", "kpi.read", <DailyReportPage key="crm-daily-reports" />],
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
