// Tags and icons of the collections pages: queue, priority, promise status, contact method and outcome.
// Colour is never the only signal: every tag carries its word, most an icon too.
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  EnvironmentOutlined,
  ExclamationCircleOutlined,
  FireOutlined,
  MailOutlined,
  MessageOutlined,
  MinusCircleOutlined,
  PhoneOutlined,
} from "@ant-design/icons";
import { Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ContactMethod, ContactOutcome, Priority, PromiseStatus, Queue } from "../../api/collections.ts";

const QUEUE_COLOR: Record<Queue, string> = { standard: "blue", senior: "purple", legal: "magenta" };

export function QueueTag({ value }: { value: Queue }) {
  const { t } = useTranslation();
  return (
    <Tag color={QUEUE_COLOR[value]} bordered={false}>
      {t(`collections.queueName.${value}`)}
    </Tag>
  );
}

export function PriorityTag({ value }: { value: Priority }) {
  const { t } = useTranslation();
  if (value !== "high") return null;
  return (
    <Tag color="red" icon={<FireOutlined />} data-testid="priority-tag">
      {t("collections.priority.high")}
    </Tag>
  );
}

const PROMISE_STYLE: Record<PromiseStatus, { color: string; icon: ReactNode }> = {
  pending: { color: "blue", icon: <ClockCircleOutlined /> },
  kept: { color: "green", icon: <CheckCircleOutlined /> },
  broken: { color: "red", icon: <CloseCircleOutlined /> },
  superseded: { color: "default", icon: <MinusCircleOutlined /> },
};

export function PromiseTag({ value }: { value: PromiseStatus }) {
  const { t } = useTranslation();
  const style = PROMISE_STYLE[value];
  return (
    <Tag color={style.color} icon={style.icon}>
      {t(`collections.promiseStatus.${value}`)}
    </Tag>
  );
}

export const METHOD_ICON: Record<ContactMethod, ReactNode> = {
  call: <PhoneOutlined />,
  sms: <MessageOutlined />,
  visit: <EnvironmentOutlined />,
  letter: <MailOutlined />,
};

const UNANSWERED: ContactOutcome[] = ["no-answer", "busy", "switched-off", "not-home"];

export function outcomeColor(outcome: ContactOutcome): string {
  if (outcome === "promise-to-pay") return "green";
  if (outcome === "refused" || outcome === "wrong-number" || outcome === "failed" || outcome === "returned")
    return "red";
  if (UNANSWERED.includes(outcome)) return "default";
  return "blue";
}

export function OutcomeTag({ value }: { value: ContactOutcome }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={outcomeColor(value)}
      icon={UNANSWERED.includes(value) ? <ExclamationCircleOutlined /> : undefined}
      bordered={false}
    >
      {t(`collections.outcome.${value}`)}
    </Tag>
  );
}
