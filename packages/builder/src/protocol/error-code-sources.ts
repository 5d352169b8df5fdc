/**
 * Where the codes added in late 2026 come from (webhooks-2026.md §1c). `thirdPartyOnly` marks a code
 * known from another library only (pywa's `errors.py`), not from Meta's pages: treat its meaning as
 * unverified. Codes before these come from cloud-api.md §10.3 (Meta's error-code reference).
 */
export interface GraphErrorSource {
  readonly source: string;
  readonly thirdPartyOnly: boolean;
}

const meta = (source: string): GraphErrorSource => ({ source, thirdPartyOnly: false });
const pywa: GraphErrorSource = { source: "pywa 4.4.0 pywa/errors.py (third party, unverified)", thirdPartyOnly: true };

/** code → where its meaning is documented. */
export const graphErrorSources: { readonly [code: number]: GraphErrorSource } = {
  131063: meta('Meta, "Send Marketing Messages" (WABA flag disable_marketing_messages_on_cloud_api); changelog 2026-04-06'),
  131064: pywa,
  131037: pywa,
  130472: pywa,
  131030: pywa,
  132068: pywa,
  132069: pywa,
  133016: pywa,
  139100: pywa,
  139101: pywa,
  139102: pywa,
  139103: pywa,
};

/**
 * Calling errors, known from pywa only as a range; not classified one by one (their meanings are
 * unverified), so `classifyGraphError` treats them as any unknown code.
 */
export const callingGraphErrorCodes = { first: 138000, last: 138018, source: pywa } as const;
