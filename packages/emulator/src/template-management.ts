import type { IncomingMessage, ServerResponse } from "node:http";
import { graphErrorCodes } from "@wacompose/builder";
import { graphError } from "./graph.js";
import { json, parseJson, readBody, refuse } from "./http.js";
import { nestingOf } from "./json.js";
import type { TemplateLifecycle } from "./template-lifecycle.js";
import { TemplateRequestError } from "./template-request-error.js";
import { TemplateStore } from "./templates.js";

const listRoute = /^\/v\d+\.\d+\/\d+\/message_templates\/?$/;
const archiveRoute = /^\/v\d+\.\d+\/\d+\/message_templates\/(archive|unarchive)\/?$/;
const nodeRoute = /^\/v\d+\.\d+\/(\d+)\/?$/;
const unpauseRoute = /^\/v\d+\.\d+\/(\d+)\/unpause\/?$/;
/** The largest create body (a carousel of 10 cards with their examples) is a few KB; a template body is at most 1,024 characters. */
const maxManagementBytes = 128 * 1024;
/** The deepest create body (a carousel card's button example) nests 10 levels. */
const maxManagementDepth = 32;

/**
 * Whether a request is for the template management endpoints [templates-management.md §1]:
 * `…/message_templates` (GET, POST, DELETE), `…/message_templates/archive|unarchive`,
 * `/{template-id}/unpause`, `POST /{template-id}`, and `GET /{id}` when the id is a template's
 * (another id is a media id: media.ts answers).
 */
export function servesTemplates(method: string | undefined, path: string, store: TemplateStore): boolean {
  if (listRoute.test(path)) return method === "GET" || method === "POST" || method === "DELETE";
  if (method !== "POST" && method !== "GET") return false;
  if (method === "POST") return archiveRoute.test(path) || unpauseRoute.test(path) || nodeRoute.test(path);
  const id = nodeRoute.exec(path)?.[1];
  return id !== undefined && store.byId(id) !== undefined;
}

/** The JSON object a management POST carries, or the Graph answer refusing it (wrong type, too large, too deep, not JSON). */
async function bodyOf(request: IncomingMessage): Promise<unknown> {
  const contentType = request.headers["content-type"] ?? "";
  if (!/^application\/json\s*(;|$)/i.test(contentType))
    throw new RefusedAtDoor(415, `Content-Type must be application/json, got ${JSON.stringify(contentType.slice(0, 100))}`);
  const bytes = await readBody(request, maxManagementBytes);
  if (bytes === undefined) throw new RefusedAtDoor(413, `request body over ${maxManagementBytes} bytes`);
  const text = bytes.toString("utf8");
  const depth = nestingOf(text);
  if (depth > maxManagementDepth) throw new TemplateRequestError(`the request body nests ${depth} levels deep, over ${maxManagementDepth}`);
  const value = parseJson(text);
  if (value === undefined) throw new TemplateRequestError("the request body is not valid JSON");
  return value;
}

/** A body refused before it was read whole: the answer closes the connection. */
class RefusedAtDoor extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/**
 * Answers a template management request that passed the door (token, host): list, create, read,
 * edit, delete, archive, unarchive, unpause, each as Graph answers it, refusals as Graph errors
 * (400, code 100 with Meta's subcode where known).
 */
export async function handleTemplateRequest(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  baseUrl: string,
  store: TemplateStore,
  lifecycle: TemplateLifecycle,
): Promise<void> {
  lifecycle.settle();
  const query = new URL(request.url ?? "/", baseUrl).searchParams;
  try {
    if (listRoute.test(path)) {
      if (request.method === "GET") {
        return json(response, 200, store.page(query, `${baseUrl}${request.url ?? path}`));
      }
      if (request.method === "DELETE") return json(response, 200, lifecycle.delete(query));
      return json(response, 200, lifecycle.create(await bodyOf(request)));
    }
    const archive = archiveRoute.exec(path)?.[1];
    if (archive !== undefined) {
      const input = await bodyOf(request);
      return json(response, 200, archive === "archive" ? lifecycle.archiveIds(input) : lifecycle.unarchiveIds(input));
    }
    const unpause = unpauseRoute.exec(path)?.[1];
    if (unpause !== undefined) return json(response, 200, lifecycle.unpause(unpause));
    const id = nodeRoute.exec(path)?.[1] as string;
    if (request.method === "POST") {
      lifecycle.byId(id); // an unknown id is refused before its body is read
      return json(response, 200, lifecycle.edit(id, await bodyOf(request)));
    }
    // Without `fields`, one template reads as the list shows it; `?fields=status` gives `{ status, id }` as Meta's example.
    const fields = TemplateStore.fieldsOf(query);
    return json(response, 200, store.pick(lifecycle.byId(id, "get"), fields));
  } catch (error) {
    if (error instanceof RefusedAtDoor) return refuse(response, error.status, graphError(graphErrorCodes.invalidParameter, error.message));
    if (!(error instanceof TemplateRequestError)) throw error;
    return json(response, 400, graphError(error.code, error.message, error.title, error.subcode));
  }
}
