// The 放款 step's record: the loan the disbursement opened and the signed contract.
import { FilePdfOutlined } from "@ant-design/icons";
import { App, Button, Descriptions, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { type ApplicationDetail, downloadContract, useLoanBrief } from "../../../api/applications.ts";
import { errorMessage } from "../../../api/client.ts";
import { formatDateTime } from "../../../format.ts";

/** After disbursement: the loan it opened and the signed contract. */
export function DisbursedSummary({ app, canReadLoans }: { app: ApplicationDetail; canReadLoans: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const loan = useLoanBrief(app.loanId, canReadLoans);
  const entry = [...app.timeline].reverse().find((e) => e.action === "disburse");
  if (!app.loanId) return null;
  const download = async () => {
    try {
      await downloadContract(app);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <div data-testid="disbursed-summary">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: "loan",
            label: t("applications.disbursement.loanNo"),
            children: loan.data ? (
              <Link to={`/loans/${app.loanId}`} className="mono-text" data-testid="loan-no">
                {loan.data.loanNo}
              </Link>
            ) : (
              <span className="mono-text">{entry?.comment?.split(" · ")[0] ?? "—"}</span>
            ),
          },
          {
            key: "loanId",
            label: t("applications.disbursement.loanId"),
            children: (
              <Tooltip title={t("applications.disbursement.loanIdHelp")}>
                <span className="mono small" data-testid="loan-id">
                  {app.loanId}
                </span>
              </Tooltip>
            ),
          },
          {
            key: "at",
            label: t("applications.disbursement.disbursedAt"),
            children: entry ? formatDateTime(entry.at) : "—",
          },
          { key: "by", label: t("applications.disbursement.by"), children: entry?.actor ?? "—" },
        ]}
      />
      {app.hasContract ? (
        <Button icon={<FilePdfOutlined />} onClick={() => void download()} data-testid="contract-link">
          {t("applications.disbursement.contract")}
        </Button>
      ) : null}
    </div>
  );
}
