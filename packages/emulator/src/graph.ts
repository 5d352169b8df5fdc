import { randomBytes } from "node:crypto";
import type { Issue } from "@wacompose/builder";

/** The Graph API error object the emulator answers with [cloud-api.md §10.2]. */
export interface GraphError {
  readonly message: string;
  readonly type: string;
  readonly code: number;
  readonly error_subcode?: number;
  readonly error_data?: { readonly messaging_product: "whatsapp"; readonly details: string };
  readonly is_transient?: boolean;
  readonly fbtrace_id: string;
}

/** Meta's titles, as the API folds them into `message` [cloud-api.md §10.3]. */
const titles: Readonly<Record<number, string>> = {
  0: "AuthException",
  1: "API Unknown",
  2: "Service temporarily unavailable",
  3: "API Method",
  4: "Application request limit reached",
  10: "Permission denied",
  33: "Parameter value is not valid",
  100: "Invalid parameter",
  190: "Invalid OAuth access token - Cannot parse access token",
  368: "Temporarily blocked for policies violations",
  80007: "Rate limit issues",
  130429: "Rate limit hit",
  130472: "User's number is part of an experiment",
  131000: "Something went wrong",
  131005: "Access denied",
  131008: "Required parameter is missing",
  131009: "Parameter value is not valid",
  131016: "Service unavailable",
  131021: "Recipient cannot be sender",
  131026: "Message undeliverable",
  131031: "Business Account locked",
  131042: "Business eligibility payment issue",
  131045: "Incorrect certificate",
  131047: "Re-engagement message",
  131048: "Spam rate limit hit",
  131049: "This message was not delivered to maintain healthy ecosystem engagement",
  131050: "User has stopped marketing messages",
  131051: "Unsupported message type",
  131052: "Media download error",
  131053: "Media upload error",
  131056: "(Business Account, Consumer Account) pair rate limit hit",
  131057: "Account in maintenance mode",
  132000: "Number of parameters does not match the expected number of params",
  132001: "Template name does not exist in the translation",
  132005: "Translated text too long",
  132007: "Template Format Character Policy Violated",
  132012: "Parameter format does not match format in the created template",
  132015: "Template is Paused",
  132016: "Template is Disabled",
};

const transientCodes = new Set([1, 2, 131000, 131016, 131057]);

/** A Graph error body: `(#code) Title`, details, and a trace id like the API's. */
export function graphError(code: number, details?: string, message?: string, subcode?: number): { readonly error: GraphError } {
  const title = message ?? titles[code] ?? "Error";
  return {
    error: {
      message: `(#${code}) ${title}`,
      type: "OAuthException",
      code,
      ...(subcode === undefined ? {} : { error_subcode: subcode }),
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
