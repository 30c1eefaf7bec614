import { DeleteOutlined, SaveOutlined, ShareAltOutlined, StarOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Checkbox, Dropdown, Form, Input, Modal, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { deleteView, type SavedView, saveView, useSavedViews } from "../../api/applications.ts";
import { errorMessage } from "../../api/client.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";

/** Saved views: keep the current filters under a name (optionally for everyone) and pick one again. */
export function SavedViews({
  page,
  filters,
  onApply,
}: {
  page: string;
  filters: Record<string, unknown>;
  onApply: (view: SavedView) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const views = useSavedViews(page);
  const [saving, setSaving] = useState(false);
  const [pending, setPending] = useState(false);
  const [form] = Form.useForm<{ name: string; shared: boolean }>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["saved-views", page] });

  const submit = async (values: { name: string; shared: boolean }) => {
    if (pending) return;
    setPending(true);
    try {
      await saveView({ page, name: values.name.trim(), filters, shared: Boolean(values.shared) });
      message.success(t("applications.views.saved", { name: values.name.trim() }));
      form.resetFields();
      setSaving(false);
      void refresh();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  const remove = (view: SavedView) =>
    modal.confirm({
      title: t("applications.views.deleteConfirm", { name: view.name }),
      okButtonProps: { danger: true },
      okText: t("common.delete"),
      cancelText: t("common.cancel"),
      onOk: async () => {
        try {
          await deleteView(view.id);
          void refresh();
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });

  const list = views.data ?? [];
  return (
    <>
      <Dropdown
        trigger={["click"]}
        menu={{
          items: list.length
            ? list.map((view) => ({
                key: String(view.id),
                label: (
                  <span className="view-item">
                    <span>
                      {view.name}
                      {view.shared ? (
                        <Tooltip title={t("applications.views.sharedHint")}>
                          <ShareAltOutlined className="view-shared" />
                        </Tooltip>
                      ) : null}
                    </span>
                    {view.mine ? (
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t("applications.views.delete", { name: view.name })}
                        onClick={(e) => {
                          e.stopPropagation();
                          remove(view);
                        }}
                      />
                    ) : null}
                  </span>
                ),
                onClick: () => onApply(view),
              }))
            : [{ key: "none", label: t("applications.views.none"), disabled: true }],
        }}
      >
        <Button icon={<StarOutlined />} data-testid="saved-views">
          {t("applications.views.title")}
          {list.length ? ` (${list.length})` : ""}
        </Button>
      </Dropdown>
      <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} data-testid="save-view">
        {t("applications.views.save")}
      </Button>
      <Modal
        open={saving}
        title={t("applications.views.saveTitle")}
        okText={t("common.save")}
        onOk={() => form.submit()}
        onCancel={() => setSaving(false)}
        okButtonProps={{ loading: pending, disabled: pending }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ shared: false }}>
          <Form.Item
            name="name"
            label={t("applications.views.name")}
            rules={[{ required: true, whitespace: true, max: 40, message: t("applications.views.nameRule") }]}
          >
            <Input maxLength={40} autoFocus placeholder={t("applications.views.namePlaceholder")} />
          </Form.Item>
          <Form.Item name="shared" valuePropName="checked" extra={t("applications.views.sharedHint")}>
            <Checkbox>{t("applications.views.shared")}</Checkbox>
          </Form.Item>
          <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
        </Form>
      </Modal>
    </>
  );
}
