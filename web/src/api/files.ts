// Files in and out: a multipart upload with the CSRF double-submit header, and downloads that arrive
// as a Blob (so a refusal is shown as a message instead of a page of JSON).
import { i18n } from "../i18n/setup.ts";
import { ApiError, failure, readCookie } from "./client.ts";

async function parseError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = JSON.parse(await response.text());
  } catch {
    payload = null;
  }
  return failure(response.status, payload);
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(`/api/v1${path}`, { credentials: "same-origin", ...init });
  } catch {
    throw new ApiError({ status: 0, code: "network-error", message: i18n.t("errors.network") });
  }
}

/** POSTs a multipart form (the browser sets the boundary); the answer is JSON. */
export async function uploadForm<T>(path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": i18n.language };
  const csrf = readCookie("mc_csrf");
  if (csrf) headers["x-csrf-token"] = csrf;
  const response = await send(path, { method: "POST", headers, body: form });
  if (!response.ok) throw await parseError(response);
  return (await response.json()) as T;
}

/** The file name from Content-Disposition (RFC 5987 form first), or the fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : fallback;
}

export type DownloadOptions = {
  method?: "GET" | "POST";
  body?: unknown;
  fileName: string;
  /** Take the name the server gives (Content-Disposition) over `fileName`. */
  serverName?: boolean;
  /** Public endpoints: a 401 must not end anyone's session. */
  quietUnauthorized?: boolean;
};

/** Fetches a file and hands it to the browser as a download. */
export async function downloadFile(path: string, options: DownloadOptions): Promise<string> {
  const headers: Record<string, string> = { "Accept-Language": i18n.language };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const csrf = readCookie("mc_csrf");
  if (csrf && options.method === "POST") headers["X-CSRF-Token"] = csrf;
  const response = await send(path, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (!response.ok) {
    let payload: unknown = null;
    try {
      payload = JSON.parse(await response.text());
    } catch {
      payload = null;
    }
    throw failure(response.status, payload, { quietUnauthorized: options.quietUnauthorized });
  }
  const name = options.serverName ? fileNameOf(response, options.fileName) : options.fileName;
  saveBlob(await response.blob(), name);
  return name;
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
