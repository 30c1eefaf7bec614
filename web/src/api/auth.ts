import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api } from "./client.ts";
import type { LoginResponse, Me } from "./types.ts";

export const ME_KEY = ["auth", "me"] as const;

// Set at sign-in when the server asks for a new password (for that user id, in every tab); cleared
// once the password is changed.
const MUST_CHANGE_KEY = "mc.mustChangePassword";

/** The signed-in user, or null when nobody is signed in (401 is an answer here, not an error). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>("/auth/me", { quietUnauthorized: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

export function hasPermission(me: Me | null | undefined, permission: string | null | undefined): boolean {
  if (!permission) return true;
  return Boolean(me?.permissions.includes(permission));
}

export function login(username: string, password: string): Promise<LoginResponse> {
  return api.post<LoginResponse>("/auth/login", { username, password }, { quietUnauthorized: true });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<{ ok: true }> {
  return api.post("/auth/password", { currentPassword, newPassword });
}

export function mustChangePassword(userId: string | undefined): boolean {
  try {
    return Boolean(userId) && localStorage.getItem(MUST_CHANGE_KEY) === userId;
  } catch {
    return false;
  }
}

export function setMustChangePassword(userId: string | null): void {
  try {
    if (userId) localStorage.setItem(MUST_CHANGE_KEY, userId);
    else localStorage.removeItem(MUST_CHANGE_KEY);
  } catch {
    // Storage unavailable (private mode): the server's own rules still apply.
  }
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return async () => {
    try {
      await api.post("/auth/logout", undefined, { quietUnauthorized: true });
    } finally {
      setMustChangePassword(null);
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
    }
  };
}
