// Step 3 资格审查: risk reviews the automatic checks and passes or rejects.
import { Alert, Button, Form, Input, Radio, Skeleton } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { type ApplicationDetail, stepApi, useQualificationChecks } from "../../api/applications.ts";
import { apiMessage } from "../../components/api-messages.ts";
import { ServerError } from "./step-form-parts.tsx";
import { CheckList } from "./step-summaries/index.ts";
import { useStepSubmit } from "./use-step-submit.ts";

type QualificationValues = { decision: "pass" | "reject"; reason?: string };
const HARD_CHECKS = new Set(["segment-eligible", "not-blacklisted"]);

export function QualificationForm({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<QualificationValues>();
  const checks = useQualificationChecks(app.id, true);
  const decision = Form.useWatch("decision", form);
  const failed = (checks.data ?? []).filter((c) => !c.passed);
  const hard = failed.find((c) => HARD_CHECKS.has(c.key));
  const step = useStepSubmit<QualificationValues, unknown>({
    form,
    run: (v) => stepApi.qualification(app.id, { decision: v.decision, reason: v.reason?.trim() || null }),
    success: () =>
      form.getFieldValue("decision") === "pass"
        ? t("applications.steps.qualification.passed")
        : t("applications.steps.qualification.rejected"),
  });
  const needsReason = decision === "reject" || failed.length > 0;
  // Students and blacklisted customers are never passed: once the checks say so, "reject" is preset.
  useEffect(() => {
    if (hard) form.setFieldValue("decision", "reject");
  }, [hard, form]);

  return (
    <div data-testid="qualification-form">
      <div className="step-subtitle">{t("applications.steps.qualification.checksTitle")}</div>
      {checks.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <CheckList checks={checks.data ?? []} />
      )}
      {checks.data ? (
        <Alert
          className="section-gap section-gap-top"
          type={failed.length === 0 ? "success" : hard ? "error" : "warning"}
          showIcon
          title={
            failed.length === 0
              ? t("applications.steps.qualification.allPassed", { count: checks.data.length })
              : hard
                ? apiMessage("qualification-hard-fail", { check: t(`applications.checks.${hard.key}`) })
                : t("applications.steps.qualification.someFailed", { count: failed.length })
          }
        />
      ) : null}
      <Form<QualificationValues>
        form={form}
        layout="vertical"
        onFinish={step.submit}
        disabled={step.pending}
        initialValues={{ decision: "pass" }}
        requiredMark
      >
        <ServerError text={step.error} />
        <Form.Item name="decision" label={t("applications.steps.qualification.decision")} required>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: "pass", label: t("applications.steps.qualification.pass"), disabled: Boolean(hard) },
              { value: "reject", label: t("applications.steps.qualification.reject") },
            ]}
            data-testid="qualification-decision"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("applications.steps.qualification.reason")}
          required={needsReason}
          dependencies={["decision"]}
          extra={
            decision === "pass" && failed.length > 0
              ? apiMessage("reason-required-for-override")
              : t("applications.steps.qualification.reasonHelp")
          }
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                if (value?.trim()) return;
                if (form.getFieldValue("decision") === "reject") throw new Error(apiMessage("required"));
                if (failed.length > 0) throw new Error(apiMessage("reason-required-for-override"));
              },
            },
          ]}
        >
          <Input.TextArea
            maxLength={1000}
            autoSize={{ minRows: 2, maxRows: 5 }}
            data-testid="qualification-reason"
          />
        </Form.Item>
        <Button
          type="primary"
          danger={decision === "reject"}
          htmlType="submit"
          loading={step.pending}
          data-testid="qualification-submit"
        >
          {decision === "reject"
            ? t("applications.steps.qualification.submitReject")
            : t("applications.steps.qualification.submitPass")}
        </Button>
      </Form>
    </div>
  );
}
