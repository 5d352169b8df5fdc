import { object } from "./json.js";
import { kindOf } from "./template-body.js";
import { TemplateRequestError } from "./template-request-error.js";

/** Template ids from a query parameter: a JSON array (`[1,2]`) or a comma-joined list, 1 to 100 of them. */
export function idsOf(text: string, field: string): readonly string[] {
  let values: unknown;
  try {
    values = text.trim().startsWith("[") ? JSON.parse(text) : text.split(",");
  } catch {
    throw new TemplateRequestError(`${field} is a JSON array of template ids ([id1,id2]) or a comma-joined list`);
  }
  return checkIds(values, field);
}

/** `{ hsm_ids: [...] }` of archive and unarchive: an array of ids, or a comma-joined string (pywa sends one). */
export function hsmIdsOf(input: unknown): readonly string[] {
  const ids = object(input).hsm_ids;
  if (typeof input !== "object" || input === null || Array.isArray(input) || ids === undefined)
    throw new TemplateRequestError(`the body is { "hsm_ids": ["<template id>", …] } (up to 100), got ${kindOf(ids ?? input)}`);
  return checkIds(typeof ids === "string" ? idsOf(ids, "hsm_ids") : ids, "hsm_ids");
}

function checkIds(values: unknown, field: string): readonly string[] {
  if (!Array.isArray(values) || values.length === 0 || values.length > 100)
    throw new TemplateRequestError(
      `${field} holds 1 to 100 template ids, got ${Array.isArray(values) ? `${values.length} ids` : kindOf(values)}`,
    );
  return values.map((value, index) => {
    const id =
      typeof value === "number" && Number.isSafeInteger(value) ? String(value) : typeof value === "string" ? value.trim() : undefined;
    if (id === undefined || !/^\d{1,20}$/.test(id))
      throw new TemplateRequestError(
        `${field}[${index}] is a template id (digits), got ${typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : kindOf(value)}`,
      );
    return id;
  });
}
