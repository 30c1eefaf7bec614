import { Space } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { Bucket } from "../../api/servicing.ts";
import type { LoanSummaryForApproval } from "../../api/workout.ts";
import { BucketTag, ClassificationTag } from "../loans/servicing-tags.tsx";

/** The loan a proposal concerns: number (to its page), customer, and how delinquent it is. */
export function LoanCell({ loan, loanId }: { loan: LoanSummaryForApproval; loanId: string }) {
  const { t } = useTranslation();
  return (
    <span>
      <Link to={`/loans/${loanId}`} className="num">
        {loan.loanNo}
      </Link>
      <div>{loan.customerName ?? "—"}</div>
      <Space size={2} wrap>
        <span className="num muted">{t("workout.approvals.dpd", { dpd: loan.dpd })}</span>
        <BucketTag value={loan.bucket as Bucket} />
        <ClassificationTag value={loan.classification} />
      </Space>
    </span>
  );
}
