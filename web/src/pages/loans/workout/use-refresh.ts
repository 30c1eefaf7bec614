import { useQueryClient } from "@tanstack/react-query";

/** After a work-out action: refetch the work-out queries and let the loan page reload. */
export function useRefresh(onChanged: () => void) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ["workout"] });
    onChanged();
  };
}
