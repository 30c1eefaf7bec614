import { useQueryClient } from "@tanstack/react-query";
import { App, type FormInstance } from "antd";
import { useRef, useState } from "react";
import { ApiError, errorMessage } from "../../api/client.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";

/**
 * One submission of a workflow step: pending state (a second click never posts twice), the server's
 * field messages on the fields and its other refusals (409 maker–checker, a vote already cast,
 * insufficient funds) as a message inside the form, and fresh data afterwards.
 */
export function useStepSubmit<V, R>(options: {
  form?: FormInstance<V>;
  rename?: Record<string, string>;
  run: (values: V) => Promise<R>;
  success?: (result: R) => string | null;
  onDone?: (result: R) => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);

  const submit = async (values: V) => {
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    setError(null);
    try {
      const result = await options.run(values);
      const text = options.success?.(result);
      if (text) message.success(text);
      void queryClient.invalidateQueries({ queryKey: ["applications"] });
      options.onDone?.(result);
    } catch (caught) {
      const fieldsShown = options.form ? applyFieldErrors(options.form, caught, options.rename) : false;
      // The summary message goes above the fields too, unless it only repeats "check the fields".
      if (!fieldsShown || !(caught instanceof ApiError && caught.code === "validation-failed"))
        setError(errorMessage(caught));
    } finally {
      busy.current = false;
      setPending(false);
    }
  };

  return { submit, pending, error, clearError: () => setError(null) };
}
