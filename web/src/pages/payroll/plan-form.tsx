import { Divider, Form, InputNumber, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import {
  MANAGER_POSITIONS,
  PLAN_POSITIONS,
  type PlanJson,
  type PlanPatch,
  type PlanPosition,
  type PositionRule,
} from "../../api/payroll.ts";
import { groupAmountInput, parseAmountInput, shiftDecimal } from "../../format.ts";

// UI.md: rates are entered in percent (1 → 0.01 stored); amounts in yuan with a ¥ prefix.
type RuleValues = {
  monthlyTarget: string;
  baseSalary: string;
  commissionRate: string;
  missedDeduction: string;
  zeroDeduction: string;
};

export type PlanFormValues = {
  positions: Record<PlanPosition, RuleValues>;
  managementRate: Partial<Record<(typeof MANAGER_POSITIONS)[number], string | null>>;
  managementScope: PlanJson["managementScope"];
  includeOwnInTeamTotal: boolean;
  newEmployee: {
    positions: PlanPosition[];
    probation: { baseSalary: string; commissionRate: string };
    firstMonth: RuleValues;
  };
  proration: { enabled: boolean };
  performance: { capAtPrincipalOverOneYear: boolean };
  clawback: { enabled: boolean; windowMonths: number; share: string };
};

const toPercent = (rate: string | undefined | null) => (rate ? (shiftDecimal(rate, 2) ?? rate) : null);
const toRate = (percent: string | number | null | undefined) =>
  percent === null || percent === undefined || percent === ""
    ? null
    : (shiftDecimal(String(percent), -2) ?? "0");

const ruleToForm = (rule: PositionRule): RuleValues => ({
  ...rule,
  commissionRate: toPercent(rule.commissionRate) ?? "0",
});
const ruleToPatch = (rule: RuleValues): PositionRule => ({
  monthlyTarget: String(rule.monthlyTarget),
  baseSalary: String(rule.baseSalary),
  commissionRate: toRate(rule.commissionRate) ?? "0",
  missedDeduction: String(rule.missedDeduction),
  zeroDeduction: String(rule.zeroDeduction),
});

export function planToForm(plan: PlanJson): PlanFormValues {
  return {
    positions: Object.fromEntries(PLAN_POSITIONS.map((p) => [p, ruleToForm(plan.positions[p])])) as Record<
      PlanPosition,
      RuleValues
    >,
    managementRate: Object.fromEntries(
      MANAGER_POSITIONS.map((p) => [p, toPercent(plan.managementRate[p])]),
    ) as PlanFormValues["managementRate"],
    managementScope: { ...plan.managementScope },
    includeOwnInTeamTotal: plan.includeOwnInTeamTotal,
    newEmployee: {
      positions: [...plan.newEmployee.positions],
      probation: {
        baseSalary: plan.newEmployee.probation.baseSalary,
        commissionRate: toPercent(plan.newEmployee.probation.commissionRate) ?? "0",
      },
      firstMonth: ruleToForm(plan.newEmployee.firstMonth),
    },
    proration: { ...plan.proration },
    performance: { ...plan.performance },
    clawback: { ...plan.clawback, share: toPercent(plan.clawback.share) ?? "100" },
  };
}

/** The whole plan as a change: every field stated, a blank management rate cleared (null). */
export function formToPatch(values: PlanFormValues): PlanPatch {
  return {
    positions: Object.fromEntries(PLAN_POSITIONS.map((p) => [p, ruleToPatch(values.positions[p])])),
    managementRate: Object.fromEntries(MANAGER_POSITIONS.map((p) => [p, toRate(values.managementRate[p])])),
    managementScope: values.managementScope,
    includeOwnInTeamTotal: values.includeOwnInTeamTotal,
    newEmployee: {
      positions: values.newEmployee.positions,
      probation: {
        baseSalary: String(values.newEmployee.probation.baseSalary),
        commissionRate: toRate(values.newEmployee.probation.commissionRate) ?? "0",
      },
      firstMonth: ruleToPatch(values.newEmployee.firstMonth),
    },
    proration: values.proration,
    performance: values.performance,
    clawback: {
      enabled: values.clawback.enabled,
      windowMonths: Number(values.clawback.windowMonths),
      share: toRate(values.clawback.share) ?? "1",
    },
  };
}

// Form.Item hands value and onChange to its child: the inputs pass them on to InputNumber.
type FieldProps = {
  label: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
};

function Amount({ label, ...field }: FieldProps) {
  return (
    <InputNumber<string>
      {...field}
      stringMode
      min="0"
      precision={2}
      prefix="¥"
      style={{ width: "100%" }}
      formatter={(v) => groupAmountInput(v)}
      parser={(v) => parseAmountInput(v)}
      aria-label={label}
    />
  );
}

function Percent({ label, allowBlank = false, ...field }: FieldProps & { allowBlank?: boolean }) {
  const { t } = useTranslation();
  return (
    <InputNumber<string>
      {...field}
      stringMode
      min="0"
      max="100"
      suffix="%"
      style={{ width: "100%" }}
      placeholder={allowBlank ? t("payroll.plan.blank") : undefined}
      aria-label={label}
    />
  );
}

const RULE_FIELDS = [
  "monthlyTarget",
  "baseSalary",
  "commissionRate",
  "missedDeduction",
  "zeroDeduction",
] as const;
const required = { required: true, message: "" };

/** One rule per row: target, base, commission, the two deductions. */
function RuleRow({ name, label }: { name: (string | number)[]; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="rule-row">
      <div className="rule-label">{label}</div>
      {RULE_FIELDS.map((field) => {
        const text = `${label} ${t(`payroll.plan.fields.${field}`)}`;
        return (
          <Form.Item key={field} name={[...name, field]} rules={[required]} className="rule-cell">
            {field === "commissionRate" ? <Percent label={text} /> : <Amount label={text} />}
          </Form.Item>
        );
      })}
    </div>
  );
}

/** Every field of a plan version, for a new version or the what-if simulator. */
export function PlanFields({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const f = (key: string) => t(`payroll.plan.fields.${key}`);
  const position = (p: string) => t(`payroll.positions.${p}`);
  return (
    <div className={compact ? "plan-fields plan-fields-compact" : "plan-fields"}>
      <Divider titlePlacement="start" className="form-divider">
        {t("payroll.plan.sections.positions")}
      </Divider>
      <div className="rule-row rule-head">
        <div />
        {RULE_FIELDS.map((field) => (
          <div key={field}>{f(field)}</div>
        ))}
      </div>
      {PLAN_POSITIONS.map((p) => (
        <RuleRow key={p} name={["positions", p]} label={position(p)} />
      ))}
      <Divider titlePlacement="start" className="form-divider">
        {t("payroll.plan.sections.management")}
      </Divider>
      <div className="plan-grid">
        {MANAGER_POSITIONS.map((p) => (
          <Form.Item
            key={p}
            name={["managementRate", p]}
            label={t("payroll.plan.managementRateOf", { position: position(p) })}
          >
            <Percent label={t("payroll.plan.managementRateOf", { position: position(p) })} allowBlank />
          </Form.Item>
        ))}
        {MANAGER_POSITIONS.map((p) => (
          <Form.Item
            key={`scope-${p}`}
            name={["managementScope", p]}
            label={t("payroll.plan.scopeOf", { position: position(p) })}
          >
            <Select
              options={(["direct-reports", "all-descendants"] as const).map((s) => ({
                value: s,
                label: t(`payroll.plan.scope.${s}`),
              }))}
            />
          </Form.Item>
        ))}
        <Form.Item name="includeOwnInTeamTotal" label={f("includeOwnInTeamTotal")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </div>
      <Divider titlePlacement="start" className="form-divider">
        {t("payroll.plan.sections.newEmployee")}
      </Divider>
      <div className="plan-grid">
        <Form.Item name={["newEmployee", "positions"]} label={f("newEmployeePositions")}>
          <Select mode="multiple" options={PLAN_POSITIONS.map((p) => ({ value: p, label: position(p) }))} />
        </Form.Item>
        <Form.Item
          name={["newEmployee", "probation", "baseSalary"]}
          label={f("probationBase")}
          rules={[required]}
        >
          <Amount label={f("probationBase")} />
        </Form.Item>
        <Form.Item
          name={["newEmployee", "probation", "commissionRate"]}
          label={f("probationRate")}
          rules={[required]}
        >
          <Percent label={f("probationRate")} />
        </Form.Item>
      </div>
      <RuleRow name={["newEmployee", "firstMonth"]} label={t("payroll.stage.first-month")} />
      <Divider titlePlacement="start" className="form-divider">
        {t("payroll.plan.sections.other")}
      </Divider>
      <div className="plan-grid">
        <Form.Item name={["proration", "enabled"]} label={f("proration")} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name={["performance", "capAtPrincipalOverOneYear"]}
          label={f("cap")}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name={["clawback", "enabled"]}
          label={f("clawback")}
          valuePropName="checked"
          extra={t("payroll.plan.clawbackNote")}
        >
          <Switch />
        </Form.Item>
        <Form.Item name={["clawback", "windowMonths"]} label={f("clawbackWindow")}>
          <InputNumber
            min={1}
            max={24}
            precision={0}
            style={{ width: "100%" }}
            suffix={t("payroll.plan.months")}
          />
        </Form.Item>
        <Form.Item name={["clawback", "share"]} label={f("clawbackShare")}>
          <Percent label={f("clawbackShare")} />
        </Form.Item>
      </div>
    </div>
  );
}
