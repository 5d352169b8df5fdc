import { randomBytes } from "node:crypto";
import { classifyGraphError, type GraphErrorBody, graphErrorCodes, graphErrorTitles, type Issue } from "@wacompose/builder";

/** The Graph API error object the emulator answers with: the protocol's `GraphErrorBody`, with what it always sets. */
export type GraphError = GraphErrorBody & {
  readonly message: string;
  readonly type: string;
  readonly code: number;
  readonly fbtrace_id: string;
};

/** A Graph error body: `(#code) Title`, details, and a trace id like the API's. */
export function graphError(code: number, details?: string, message?: string, subcode?: number): { readonly error: GraphError } {
  const title = message ?? graphErrorTitles[code] ?? "Error";
  return {
    error: {
      message: `(#${code}) ${title}`,
      type: "OAuthException",
      code,
      ...(subcode === undefined ? {} : { error_subcode: subcode }),
      ...(details === undefined ? {} : { error_data: { messaging_product: "whatsapp", details } }),
      ...(classifyGraphError({ code }, 400).category === "server" ? { is_transient: true } : {}),
      fbtrace_id: randomBytes(12).toString("base64url"),
    },
  };
}

/** The error code the API gives for a body's issues: missing fields 131008, unknown ones 100, bad values 131009. */
export function codeFor(issues: readonly Issue[]): number {
  if (issues.some((issue) => issue.code === "required")) return graphErrorCodes.requiredParameterMissing;
  if (issues.some((issue) => issue.code === "unknown_field")) return graphErrorCodes.invalidParameter;
  return graphErrorCodes.parameterValueInvalid;
}

/** A message id shaped like the API's (`wamid.` + base64). */
export const wamid = (): string => `wamid.HBgL${randomBytes(30).toString("base64")}`;
