import { useQueryClient } from "@tanstack/react-query";
import { App, type ButtonProps, Input } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";

/**
 * Runs one approval decision: an optional or required comment asked for in a dialog, the server's
 * answer shown as it is (its refusal of a proposer included), and the lists refreshed after.
 */
export function useDecide() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ["workout"] });
    void queryClient.invalidateQueries({ queryKey: ["loans"] });
    void queryClient.invalidateQueries({ queryKey: ["loan"] });
  };
  const run = async (action: (comment?: string) => Promise<unknown>, comment?: string) => {
    try {
      await action(comment);
      message.success(t("workout.approvals.done"));
      refresh();
    } catch (error) {
      message.error(errorMessage(error));
      throw error;
    }
  };
  return {
    now: (action: (comment?: string) => Promise<unknown>) => run(action).catch(() => undefined),
    withComment: (options: {
      title: string;
      okText: string;
      required: boolean;
      danger?: boolean;
      action: (comment?: string) => Promise<unknown>;
    }) => {
      let comment = "";
      modal.confirm({
        title: options.title,
        icon: null,
        okText: options.okText,
        okButtonProps: { danger: options.danger, "data-testid": "decision-ok" } as ButtonProps,
        content: (
          <Input.TextArea
            rows={3}
            maxLength={500}
            aria-label={t("workout.approvals.comment")}
            placeholder={t(
              options.required ? "workout.approvals.commentRequired" : "workout.approvals.commentOptional",
            )}
            data-testid="decision-comment"
            onChange={(e) => {
              comment = e.target.value;
            }}
          />
        ),
        onOk: async () => {
          if (options.required && comment.trim().length === 0) {
            message.error(t("workout.approvals.commentRequired"));
            throw new Error("comment");
          }
          await run(options.action, comment.trim() || undefined);
        },
      });
    },
  };
}
