// 合并重复线索: this lead stays, the picked one's calls and timeline move here and it is hidden.
// The 撞单 records come first; any other visible lead can be found by name or phone.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Form, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, errorMessage } from "../../api/client.ts";
import { type LeadDetail, type LeadList, leadApi, leadsPath } from "../../api/crm-leads.ts";
import { DuplicateList } from "./lead-duplicates.tsx";

export function LeadMergeModal({
  lead,
  open,
  onClose,
}: {
  lead: LeadDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [otherId, setOtherId] = useState<string | undefined>();
  const [search, setSearch] = useState("");
  const [pending, setPending] = useState(false);
  const suggestions = lead.duplicates.filter((d) => d.kind === "lead" && d.visible);
  const found = useQuery({
    queryKey: ["crm", "leads", "merge-search", search],
    queryFn: () => api.get<LeadList>(leadsPath({ q: search, page: 1, pageSize: 20 })),
    enabled: open && search.trim().length >= 1,
  });
  const options = [
    ...suggestions.map((d) => ({
      value: d.id,
      label: `${d.name} · ${d.ownerName ?? "—"} (${t("crmLeads.merge.suggestions")})`,
    })),
    ...(found.data?.items ?? [])
      .filter((l) => l.id !== lead.id && !suggestions.some((d) => d.id === l.id))
      .map((l) => ({ value: l.id, label: `${l.name} · ${l.phone} · ${l.ownerName ?? "—"}` })),
  ];

  const merge = async () => {
    if (!otherId || pending) return;
    setPending(true);
    try {
      await leadApi.merge(lead.id, otherId);
      message.success(t("crmLeads.merge.done"));
      void queryClient.invalidateQueries({ queryKey: ["crm"] });
      setOtherId(undefined);
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("crmLeads.merge.title", { name: lead.name })}
      okText={t("crmLeads.merge.confirm")}
      onOk={() => void merge()}
      onCancel={onClose}
      okButtonProps={{
        disabled: !otherId || pending,
        loading: pending,
        danger: true,
        "data-testid": "merge-submit",
      }}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t("crmLeads.merge.intro")} className="section-gap" />
      {suggestions.length ? (
        <>
          <div className="muted small">{t("crmLeads.merge.suggestions")}</div>
          <DuplicateList matches={suggestions} />
        </>
      ) : (
        <div className="muted small">{t("crmLeads.merge.noSuggestions")}</div>
      )}
      <Form layout="vertical" className="section-gap">
        <Form.Item label={t("crmLeads.merge.pick")} required>
          <Select
            showSearch
            value={otherId}
            onChange={setOtherId}
            filterOption={false}
            onSearch={setSearch}
            placeholder={t("crmLeads.merge.searchPlaceholder")}
            loading={found.isFetching}
            options={options}
            data-testid="merge-other"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
