import { QuestionCircleOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Input,
  List,
  Modal,
  Result,
  Row,
  Spin,
  Statistic,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import {
  type OwnStatement,
  raiseDispute,
  type StatementDetail,
  type StatementLine,
  useMyStatement,
  useMyStatements,
} from "../../api/payroll.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatMoney } from "../../format.ts";
import "../business.css";
import { DisputeItem } from "./disputes-panel.tsx";
import { RunStatusTag, useLineName } from "./payroll-parts.tsx";
import "./payroll.css";
import { StatementFacts, StatementLines } from "./statement-lines.tsx";

/**
 * 我的工资单: one's own statements by month, once HR has reviewed the run; every line with its
 * explanation, and a question on any line that HR answers here.
 */
export function MyStatementsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("payroll.my.title"));
  const list = useMyStatements();
  const [params, setParams] = useSearchParams();
  const items = list.data?.items ?? [];
  const selected = params.get("id") ?? items[0]?.id ?? null;
  const detail = useMyStatement(selected);

  return (
    <div data-testid="my-statements-page">
      <PageHeader title={t("payroll.my.title")} subtitle={t("payroll.my.subtitle")} />
      {list.isPending ? (
        <Spin />
      ) : list.isError ? (
        <Result status="warning" title={t("common.loadFailed", { message: errorMessage(list.error) })} />
      ) : items.length === 0 ? (
        <Card>
          <Empty description={t("payroll.my.empty")}>
            <div className="muted">{t("payroll.my.emptyHint")}</div>
          </Empty>
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={7}>
            <Card size="small" title={t("payroll.my.months")}>
              <List<OwnStatement>
                dataSource={items}
                data-testid="my-months"
                renderItem={(s) => (
                  <List.Item
                    key={s.id}
                    className={s.id === selected ? "month-item month-item-active" : "month-item"}
                    onClick={() => setParams({ id: s.id }, { replace: true })}
                  >
                    <div className="month-item-body">
                      <div>
                        <strong className="num">{s.month}</strong> <RunStatusTag status={s.runStatus} />
                      </div>
                      <span className="num">{formatMoney(s.total)}</span>
                    </div>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          <Col xs={24} lg={17}>
            {detail.isPending ? (
              <Spin />
            ) : detail.isError ? (
              <Result
                status="warning"
                title={t("common.loadFailed", { message: errorMessage(detail.error) })}
              />
            ) : (
              <OwnStatementCard statement={detail.data} />
            )}
          </Col>
        </Row>
      )}
    </div>
  );
}

function OwnStatementCard({ statement }: { statement: StatementDetail }) {
  const { t } = useTranslation();
  const lineName = useLineName();
  const [disputing, setDisputing] = useState<StatementLine | null>(null);
  const locked = statement.runStatus === "locked";
  return (
    <Card
      data-testid="my-statement"
      title={
        <span className="title-with-tags">
          {t("payroll.my.statementOf", { month: statement.month })}
          <RunStatusTag status={statement.runStatus} />
        </span>
      }
      extra={<Statistic value={formatMoney(statement.total)} title={t("payroll.my.net")} />}
    >
      <StatementFacts statement={statement} />
      <StatementLines
        statement={statement}
        action={(line, disputes) =>
          disputes.some((d) => d.status === "open") ? (
            <span className="muted">{t("payroll.my.waiting")}</span>
          ) : (
            <Button
              size="small"
              icon={<QuestionCircleOutlined />}
              onClick={() => setDisputing(line)}
              data-testid="dispute-line"
            >
              {t("payroll.my.dispute")}
            </Button>
          )
        }
      />
      {locked ? <div className="muted section-gap-top">{t("payroll.my.lockedNote")}</div> : null}
      <Typography.Title level={5} className="section-gap-top">
        {t("payroll.my.disputes")}
      </Typography.Title>
      {statement.disputes.length ? (
        statement.disputes.map((d) => (
          <DisputeItem
            key={d.id}
            dispute={d}
            canAnswer={false}
            lineName={lineName(statement.lines.find((l) => l.id === d.lineId)?.code ?? "")}
          />
        ))
      ) : (
        <div className="muted">{t("payroll.my.noDisputes")}</div>
      )}
      {disputing ? (
        <DisputeModal statement={statement} line={disputing} onClose={() => setDisputing(null)} />
      ) : null}
    </Card>
  );
}

function DisputeModal({
  statement,
  line,
  onClose,
}: {
  statement: StatementDetail;
  line: StatementLine;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const lineName = useLineName();
  const [comment, setComment] = useState("");
  const [pending, setPending] = useState(false);
  const submit = async () => {
    setPending(true);
    try {
      await raiseDispute(statement.id, { lineId: line.id, comment: comment.trim() });
      message.success(t("payroll.my.disputeSent"));
      void queryClient.invalidateQueries({ queryKey: ["payroll", "my"] });
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal
      open
      title={t("payroll.my.disputeTitle", { line: lineName(line.code), month: statement.month })}
      okText={t("payroll.my.send")}
      okButtonProps={{ loading: pending, disabled: pending || comment.trim().length < 2 }}
      onOk={submit}
      onCancel={onClose}
      data-testid="dispute-modal"
    >
      <div className="dispute-line-box">
        <div>
          <strong>{lineName(line.code)}</strong> <span className="num">{formatMoney(line.amount)}</span>
        </div>
        <div className="muted">{line.explanation}</div>
      </div>
      <Input.TextArea
        rows={4}
        maxLength={2000}
        showCount
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t("payroll.my.commentPlaceholder")}
        aria-label={t("payroll.my.commentPlaceholder")}
        data-testid="dispute-comment"
      />
    </Modal>
  );
}
