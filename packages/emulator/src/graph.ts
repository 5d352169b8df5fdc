import { randomBytes } from "node:crypto";
import type { Issue } from "@wacompose/builder";

/** The Graph API error object the emulator answers with [cloud-api.md §10.2]. */
export interface GraphError {
  readonly message: string;
  readonly type: string;
  readonly code: number;
  readonly error_data?: { readonly messaging_product: "whatsapp"; readonly details: string };
  readonly is_transient?: boolean;
  readonly fbtrace_id: string;
}

const titles: Readonly<Record<number, string>> = {
  2: "Service temporarily unavailable",
  4: "Application request limit reached",
  100: "Invalid parameter",
  190: "Invalid OAuth access token - Cannot parse access token",
  80007: "Rate limit issues",
  130429: "Rate limit hit",
  131000: "Something went wrong",
  131008: "Required parameter is missing",
  131009: "Parameter value is not valid",
  131016: "Service unavailable",
  131056: "(Business Account, Consumer Account) pair rate limit hit",
  131057: "Account in maintenance mode",
};

const transientCodes = new Set([1, 2, 131000, 131016, 131057]);

/** A Graph error body: `(#code) Title`, details, and a trace id like the API's. */
export function graphError(code: number, details?: string, message?: string): { readonly error: GraphError } {
  const title = message ?? titles[code] ?? "Error";
  return {
    error: {
      message: `(#${code}) ${title}`,
      type: "OAuthException",
      code,
      ...(details === undefined ? {} : { error_data: { messaging_product: "whatsapp", details } }),
      ...(transientCodes.has(code) ? { is_transient: true } : {}),
      fbtrace_id: randomBytes(12).toString("base64url"),
    },
  };
}

/** The error code the API gives for a body's issues: missing fields 131008, unknown ones 100, bad values 131009. */
export function codeFor(issues: readonly Issue[]): number {
  if (issues.some((issue) => issue.code === "required")) return 131008;
  if (issues.some((issue) => issue.code === "unknown_field")) return 100;
  return 131009;
}

/** A message id shaped like the API's (`wamid.` + base64). */
export const wamid = (): string => `wamid.HBgL${randomBytes(30).toString("base64")}`;
