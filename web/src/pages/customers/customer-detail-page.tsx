import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  EditOutlined,
  FileAddOutlined,
  StopOutlined,
} from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Input, Modal, Result, Skeleton, Tabs, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import { hasPermission, useMe } from "../../api/auth.ts";
import { ApiError, errorMessage } from "../../api/client.ts";
import {
  blacklistCustomer,
  type Customer,
  type CustomerDetail,
  unblacklistCustomer,
  useCustomer,
} from "../../api/customers.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDate, formatDateTime, formatMoney } from "../../format.ts";
import { ApplicationsTab } from "./applications-tab.tsx";
import { ConsentsTab } from "./consents-tab.tsx";
import { CustomerEditDrawer } from "./customer-edit-drawer.tsx";
import { BlacklistTag, CustomerTypeTag, SegmentTag } from "./customer-tags.tsx";
import { CustomerTimeline } from "./customer-timeline.tsx";
import { DocumentsTab } from "./documents-tab.tsx";
import { PiiValue } from "./pii-value.tsx";
import "../business.css";

function BlacklistModal({
  customer,
  open,
  onClose,
  onDone,
}: {
  customer: Customer;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const [pending, setPending] = useState(false);
  const adding = !customer.blacklisted;
  const missing = touched && !reason.trim();

  const submit = async () => {
    setTouched(true);
    if (!reason.trim() || pending) return;
    setPending(true);
    try {
      if (adding) await blacklistCustomer(customer.id, reason.trim());
      else await unblacklistCustomer(customer.id, reason.trim());
      message.success(adding ? t("customers.blacklist.added") : t("customers.blacklist.removed"));
      setReason("");
      setTouched(false);
      onDone();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={open}
      title={
        adding
          ? t("customers.blacklist.addTitle", { name: customer.name })
          : t("customers.blacklist.removeTitle", { name: customer.name })
      }
      okText={adding ? t("customers.blacklist.add") : t("customers.blacklist.remove")}
      okButtonProps={{ danger: adding, loading: pending, disabled: pending }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type={adding ? "warning" : "info"}
        showIcon
        title={adding ? t("customers.blacklist.addNote") : t("customers.blacklist.removeNote")}
        className="section-gap"
      />
      <label className="field-label required-label" htmlFor="blacklist-reason">
        {t("customers.blacklist.reason")}
      </label>
      <Input.TextArea
        id="blacklist-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        onBlur={() => setTouched(true)}
        status={missing ? "error" : undefined}
        maxLength={500}
        autoSize={{ minRows: 3, maxRows: 5 }}
        autoFocus
        data-testid="blacklist-reason"
      />
      {missing ? <div className="field-error">{t("common.required")}</div> : null}
    </Modal>
  );
}

/** The profile with every field; identifiers masked, the eye for roles allowed to see them. */
function ProfileTab({
  customer,
  canUnmask,
  onRevealed,
}: {
  customer: CustomerDetail;
  canUnmask: boolean;
  onRevealed: () => void;
}) {
  const { t } = useTranslation();
  const business = customer.type === "business";
  const f = (key: string) => t(`customers.fields.${key}`);
  const text = (value: string | number | null | undefined) =>
    value === null || value === undefined || value === "" ? <span className="muted">—</span> : value;
  const pii = (field: "idNumber" | "phone" | "bankCard", masked: string | null) => (
    <PiiValue
      customerId={customer.id}
      field={field}
      masked={masked}
      canUnmask={canUnmask}
      onRevealed={onRevealed}
    />
  );
  const items = [
    { key: "name", label: business ? f("businessName") : f("name"), children: customer.name },
    { key: "type", label: f("type"), children: <CustomerTypeTag type={customer.type} /> },
    { key: "segment", label: f("segment"), children: <SegmentTag segment={customer.segment} /> },
    ...(business
      ? [
          {
            key: "creditCode",
            label: f("creditCode"),
            children: <span className="mono-text">{text(customer.creditCode)}</span>,
          },
          {
            key: "legalRepresentative",
            label: f("legalRepresentative"),
            children: text(customer.legalRepresentative),
          },
        ]
      : []),
    {
      key: "idNumber",
      label: business ? f("representativeId") : f("idNumber"),
      children: pii("idNumber", customer.idNumber),
    },
    {
      key: "age",
      label: f("ageGender"),
      children: `${customer.gender ? t(`customers.gender.${customer.gender}`) : ""} ${t("customers.ageLine", { age: customer.age })}`,
    },
    { key: "phone", label: f("phone"), children: pii("phone", customer.phone) },
    {
      key: "monthlyIncome",
      label: business ? f("monthlyRevenue") : f("monthlyIncome"),
      children: customer.monthlyIncome ? (
        <span className="num">{formatMoney(customer.monthlyIncome)}</span>
      ) : (
        text(null)
      ),
    },
    {
      key: "businessYears",
      label: business ? f("businessYears") : f("workYears"),
      children:
        customer.businessYears === null
          ? text(null)
          : t("customers.yearsValue", { count: customer.businessYears }),
    },
    {
      key: "occupation",
      label: business ? f("industry") : f("occupation"),
      children: text(customer.occupation),
    },
    ...(business ? [] : [{ key: "employer", label: f("employer"), children: text(customer.employer) }]),
    { key: "bankName", label: f("bankName"), children: text(customer.bankName) },
    { key: "bankCard", label: f("bankCard"), children: pii("bankCard", customer.bankCard) },
    {
      key: "address",
      label: business ? f("businessAddress") : f("address"),
      children: text(customer.address),
      span: 2,
    },
    { key: "owner", label: f("owner"), children: text(customer.ownerName) },
    {
      key: "createdAt",
      label: f("createdAt"),
      children: <span className="num">{formatDateTime(customer.createdAt)}</span>,
    },
    {
      key: "updatedAt",
      label: f("updatedAt"),
      children: <span className="num">{formatDateTime(customer.updatedAt)}</span>,
    },
    { key: "notes", label: f("notes"), children: text(customer.notes), span: 2 },
  ];
  return (
    <div>
      {canUnmask ? (
        <Alert type="info" showIcon className="section-gap" title={t("customers.pii.auditNote")} />
      ) : null}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={items}
        data-testid="customer-profile"
      />
    </div>
  );
}

/** 客户详情: name, tags and the actions allowed now; key facts; tabs for profile, documents, consents, applications, timeline. */
export function CustomerDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const query = useCustomer(id);
  const customer = query.data;
  useDocumentTitle(customer?.name ?? t("customers.detailTitle"));
  const [tab, setTab] = useState("profile");
  const [editing, setEditing] = useState(false);
  const [blacklisting, setBlacklisting] = useState(false);
  const canWrite = hasPermission(me, "customers.write");
  const canUnmask = hasPermission(me, "pii.unmask");
  const canApply = hasPermission(me, "applications.create");
  const canReadApps = hasPermission(me, "applications.read");
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["customers"] });

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!customer) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Result
        status={missing ? "404" : "warning"}
        title={
          missing ? t("customers.notFound") : t("common.loadFailed", { message: errorMessage(query.error) })
        }
        subTitle={missing ? t("customers.notFoundHint") : undefined}
        extra={
          <Button type="primary" onClick={() => navigate("/customers")}>
            {t("customers.backToList")}
          </Button>
        }
      />
    );
  }

  const business = customer.type === "business";
  const blocked = customer.blacklisted || customer.segment === "student";
  const activeConsents = customer.consents.filter((c) => c.active).length;
  const tabs = [
    {
      key: "profile",
      label: t("customers.tabs.profile"),
      children: <ProfileTab customer={customer} canUnmask={canUnmask} onRevealed={() => void refresh()} />,
    },
    {
      key: "documents",
      label: (
        <span>
          {t("customers.tabs.documents")} <span className="tab-count">{customer.documents.length}</span>
        </span>
      ),
      children: <DocumentsTab customer={customer} canWrite={canWrite} onChanged={() => void refresh()} />,
    },
    {
      key: "consents",
      label: (
        <span>
          {t("customers.tabs.consents")} <span className="tab-count">{activeConsents}</span>
        </span>
      ),
      children: <ConsentsTab customer={customer} canWrite={canWrite} onChanged={() => void refresh()} />,
    },
    ...(canReadApps
      ? [
          {
            key: "applications",
            label: t("customers.tabs.applications"),
            children: (
              <ApplicationsTab customer={customer} canApply={canApply} enabled={tab === "applications"} />
            ),
          },
        ]
      : []),
    {
      key: "timeline",
      label: t("customers.tabs.timeline"),
      children: <CustomerTimeline entries={customer.timeline} />,
    },
  ];

  return (
    <div data-testid="customer-detail">
      <Link to="/customers" className="back-link">
        <ArrowLeftOutlined /> {t("customers.backToList")}
      </Link>
      <PageHeader
        title={
          <span className="title-with-tags">
            <span data-testid="customer-title">{customer.name}</span>
            <span className="tag-list">
              <CustomerTypeTag type={customer.type} />
              <SegmentTag segment={customer.segment} />
              <BlacklistTag customer={customer} />
            </span>
          </span>
        }
        subtitle={t("customers.headerLine", {
          owner: customer.ownerName ?? "—",
          date: formatDate(customer.createdAt),
        })}
        extra={
          <>
            {canWrite ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t("common.edit")}
              </Button>
            ) : null}
            {canWrite ? (
              <Button
                danger={!customer.blacklisted}
                icon={customer.blacklisted ? <CheckCircleOutlined /> : <StopOutlined />}
                onClick={() => setBlacklisting(true)}
                data-testid="blacklist-toggle"
              >
                {customer.blacklisted ? t("customers.blacklist.remove") : t("customers.blacklist.add")}
              </Button>
            ) : null}
            {canApply ? (
              <Tooltip title={blocked ? t("customers.cannotApplyBlacklisted") : undefined}>
                <Button
                  type="primary"
                  icon={<FileAddOutlined />}
                  disabled={blocked}
                  onClick={() => navigate(`/applications?new=1&customerId=${customer.id}`)}
                  data-testid="customer-new-application"
                >
                  {t("customers.newApplication")}
                </Button>
              </Tooltip>
            ) : null}
          </>
        }
      />
      {customer.blacklisted ? (
        <Alert
          type="error"
          showIcon
          className="section-gap"
          title={t("customers.blacklistBanner", {
            reason: customer.blacklistReason ?? "—",
            time: formatDateTime(customer.blacklistedAt),
          })}
        />
      ) : null}
      <Card className="section-gap">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3, xxl: 4 }}
          items={[
            {
              key: "phone",
              label: t("customers.fields.phone"),
              children: (
                <PiiValue
                  customerId={customer.id}
                  field="phone"
                  masked={customer.phone}
                  canUnmask={canUnmask}
                  onRevealed={() => void refresh()}
                />
              ),
            },
            {
              key: "id",
              label: business ? t("customers.fields.representativeId") : t("customers.fields.idNumber"),
              children: (
                <PiiValue
                  customerId={customer.id}
                  field="idNumber"
                  masked={customer.idNumber}
                  canUnmask={canUnmask}
                  onRevealed={() => void refresh()}
                />
              ),
            },
            business
              ? {
                  key: "creditCode",
                  label: t("customers.fields.creditCode"),
                  children: <span className="mono-text">{customer.creditCode ?? "—"}</span>,
                }
              : {
                  key: "age",
                  label: t("customers.fields.ageGender"),
                  children: `${customer.gender ? t(`customers.gender.${customer.gender}`) : ""} ${t("customers.ageLine", { age: customer.age })}`,
                },
            {
              key: "income",
              label: business ? t("customers.fields.monthlyRevenue") : t("customers.fields.monthlyIncome"),
              children: customer.monthlyIncome ? (
                <span className="num">{formatMoney(customer.monthlyIncome)}</span>
              ) : (
                "—"
              ),
            },
            { key: "owner", label: t("customers.fields.owner"), children: customer.ownerName ?? "—" },
            {
              key: "consents",
              label: t("customers.fields.consents"),
              children: t("customers.consentsSummary", { active: activeConsents, total: 3 }),
            },
            {
              key: "documents",
              label: t("customers.fields.documents"),
              children: t("customers.documentsSummary", { count: customer.documents.length }),
            },
            business
              ? {
                  key: "rep",
                  label: t("customers.fields.legalRepresentative"),
                  children: customer.legalRepresentative ?? "—",
                }
              : {
                  key: "occupation",
                  label: t("customers.fields.occupation"),
                  children: customer.occupation ?? "—",
                },
          ]}
        />
      </Card>
      <Card>
        <Tabs activeKey={tab} onChange={setTab} items={tabs} data-testid="customer-tabs" />
      </Card>
      {canWrite ? (
        <>
          <CustomerEditDrawer
            customer={customer}
            open={editing}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              void refresh();
            }}
          />
          <BlacklistModal
            customer={customer}
            open={blacklisting}
            onClose={() => setBlacklisting(false)}
            onDone={() => {
              setBlacklisting(false);
              void refresh();
            }}
          />
        </>
      ) : null}
    </div>
  );
}
