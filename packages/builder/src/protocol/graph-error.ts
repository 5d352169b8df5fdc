/** The Graph API error object, as the API sends it under `error` [cloud-api.md §10.2]. */
export interface GraphErrorBody {
  readonly message?: string;
  readonly type?: string;
  readonly code?: number;
  /** Deprecated by Meta since v16 but still sent sometimes. */
  readonly error_subcode?: number;
  readonly error_data?: { readonly messaging_product?: string; readonly details?: string };
  readonly error_user_title?: string;
  readonly error_user_msg?: string;
  readonly is_transient?: boolean;
  readonly fbtrace_id?: string;
}
