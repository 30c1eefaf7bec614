// 营销活动: campaigns with channel, dates and cost, and how many leads each brought (cost per lead).
// Everyone working leads reads them; people who assign leads (crm.manage) keep them.
import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, DatePicker, Empty, Form, Input, Modal, Select, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import { CAMPAIGN_CHANNELS, type Campaign, campaignApi, useCampaigns } from "../../api/crm-leads.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import {
  fenToAmount,
  formatMoney,
  formatMoneyLong,
  parseAmountInput,
  todayInChina,
  toFen,
} from "../../format.ts";
import "../business.css";
import "./leads-styles.css";

type Values = {
  name: string;
  channel: Campaign["channel"];
  period: [Dayjs, Dayjs | null];
  cost?: string;
  notes?: string;
};

function CampaignModal({
  campaign,
  creating,
  onClose,
}: {
  campaign: Campaign | null;
  creating: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [pending, setPending] = useState(false);
  const open = creating || campaign !== null;
  const submit = async (v: Values) => {
    if (pending) return;
    setPending(true);
    try {
      const input = {
        name: v.name.trim(),
        channel: v.channel,
        startsOn: v.period[0].format("YYYY-MM-DD"),
        endsOn: v.period[1] ? v.period[1].format("YYYY-MM-DD") : null,
        cost: v.cost ? parseAmountInput(v.cost) : "0",
        notes: v.notes?.trim() || null,
      };
      if (campaign) await campaignApi.update(campaign.id, input);
      else await campaignApi.create(input);
      message.success(t("crmCampaigns.saved"));
      void queryClient.invalidateQueries({ queryKey: ["crm", "campaigns"] });
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, { startsOn: "period", endsOn: "period" }))
        message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal
      open={open}
      title={campaign ? t("crmCampaigns.editTitle", { name: campaign.name }) : t("crmCampaigns.createTitle")}
      onOk={() => form.submit()}
      onCancel={onClose}
      okText={t("common.save")}
      okButtonProps={{ loading: pending, disabled: pending }}
      destroyOnHidden
    >
      {open ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={
            campaign
              ? {
                  name: campaign.name,
                  channel: campaign.channel,
                  period: [dayjs(campaign.startsOn), campaign.endsOn ? dayjs(campaign.endsOn) : null],
                  cost: campaign.cost,
                  notes: campaign.notes ?? "",
                }
              : { channel: "online", period: [dayjs(todayInChina()), null] }
          }
        >
          <Form.Item
            name="name"
            label={t("crmCampaigns.name")}
            rules={[{ required: true, whitespace: true, message: t("crmCampaigns.nameRule") }]}
          >
            <Input maxLength={100} autoFocus />
          </Form.Item>
          <div className="lead-form-row">
            <Form.Item
              name="channel"
              label={t("crmCampaigns.channel")}
              rules={[{ required: true, message: t("crmCampaigns.channelRule") }]}
            >
              <Select
                options={CAMPAIGN_CHANNELS.map((c) => ({ value: c, label: t(`crmCampaigns.channels.${c}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="cost"
              label={t("crmCampaigns.cost")}
              rules={[{ pattern: /^[¥,\d\s]*(\.\d{1,2})?$/ }]}
            >
              <Input prefix="¥" inputMode="decimal" />
            </Form.Item>
          </div>
          <Form.Item
            name="period"
            label={t("crmCampaigns.period")}
            rules={[{ required: true, message: t("crmCampaigns.startRule") }]}
          >
            <DatePicker.RangePicker allowEmpty={[false, true]} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="notes" label={t("crmCampaigns.notes")}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
        </Form>
      ) : null}
    </Modal>
  );
}

export function CampaignsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe().data;
  useDocumentTitle(t("crmCampaigns.title"));
  const canManage = hasPermission(me, "crm.manage");
  const campaigns = useCampaigns();
  const [editing, setEditing] = useState<Campaign | null>(null);
  const [creating, setCreating] = useState(false);
  const today = todayInChina();

  const remove = (c: Campaign) =>
    modal.confirm({
      title: t("crmCampaigns.deleteConfirm", { name: c.name }),
      content: t("crmCampaigns.deleteHint"),
      okButtonProps: { danger: true },
      okText: t("common.delete"),
      cancelText: t("common.cancel"),
      onOk: async () => {
        try {
          await campaignApi.remove(c.id);
          message.success(t("crmCampaigns.deleted", { name: c.name }));
          void queryClient.invalidateQueries({ queryKey: ["crm", "campaigns"] });
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });

  const state = (c: Campaign) =>
    c.startsOn > today ? (
      <Tag>{t("crmCampaigns.upcoming")}</Tag>
    ) : c.endsOn && c.endsOn < today ? (
      <Tag color="default">{t("crmCampaigns.ended")}</Tag>
    ) : (
      <Tag color="blue">{t("crmCampaigns.ongoing")}</Tag>
    );

  const columns: ColumnsType<Campaign> = [
    {
      title: t("crmCampaigns.name"),
      dataIndex: "name",
      render: (name: string, c) => (
        <div>
          <strong>{name}</strong> {state(c)}
          {c.notes ? <div className="muted small">{c.notes}</div> : null}
        </div>
      ),
    },
    {
      title: t("crmCampaigns.channel"),
      dataIndex: "channel",
      width: 110,
      render: (ch: string) => t(`crmCampaigns.channels.${ch}`),
    },
    {
      title: t("crmCampaigns.period"),
      key: "period",
      width: 200,
      render: (_: unknown, c) => <span className="num">{`${c.startsOn} ~ ${c.endsOn ?? "—"}`}</span>,
    },
    {
      title: t("crmCampaigns.cost"),
      dataIndex: "cost",
      width: 150,
      align: "right",
      render: (v: string) => <span className="num">{formatMoneyLong(v)}</span>,
    },
    {
      title: t("crmCampaigns.leads"),
      dataIndex: "leads",
      width: 90,
      align: "right",
      render: (n: number, c) => (
        <Link to={`/crm/leads?campaignId=${c.id}`} className="num">
          {n}
        </Link>
      ),
    },
    {
      title: t("crmCampaigns.costPerLead"),
      key: "cpl",
      width: 130,
      align: "right",
      render: (_: unknown, c) => {
        const fen = toFen(c.cost);
        return c.leads && fen !== null ? (
          <span className="num">{formatMoney(fenToAmount(fen / BigInt(c.leads)))}</span>
        ) : (
          <span className="muted">—</span>
        );
      },
    },
    ...(canManage
      ? [
          {
            title: t("common.actions"),
            key: "actions",
            width: 110,
            render: (_: unknown, c: Campaign) => (
              <span>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(c)}
                  aria-label={t("common.edit")}
                />
                <Button
                  type="link"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(c)}
                  aria-label={t("common.delete")}
                />
              </span>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="campaigns-page">
      <PageHeader
        title={t("crmCampaigns.title")}
        subtitle={t("crmCampaigns.subtitle")}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t("crmCampaigns.create")}
            </Button>
          ) : null
        }
      />
      <Card className="section-gap">
        <Table<Campaign>
          rowKey="id"
          size="middle"
          loading={campaigns.isFetching}
          dataSource={campaigns.data ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{
            emptyText: (
              <Empty description={t("crmCampaigns.empty")}>
                <div className="muted">{t("crmCampaigns.emptyHint")}</div>
              </Empty>
            ),
          }}
        />
      </Card>
      <CampaignModal
        campaign={editing}
        creating={creating}
        onClose={() => {
          setEditing(null);
          setCreating(false);
        }}
      />
    </div>
  );
}
