import type { IncomingMessage, ServerResponse } from "node:http";
import type { Emulator } from "./emulator.js";
import { json, parseJson, readBody, refuse } from "./http.js";
import type { TemplateQualityScore } from "./templates.js";

/** A control request's body is a few fields; anything larger is refused. */
const maxControlBytes = 64 * 1024;

/** Why a control request is refused: its HTTP status and the sentence that says so. */
class ControlError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** The JSON object a control POST carries (an empty body is `{}`); JSON only, so another site's page cannot post without a refused preflight. */
async function inputOf(request: IncomingMessage, path: string): Promise<Readonly<Record<string, unknown>>> {
  if (!/^application\/json\s*(;|$)/i.test(request.headers["content-type"] ?? ""))
    throw new ControlError(415, `${path}: Content-Type must be application/json`);
  const bytes = await readBody(request, maxControlBytes);
  if (bytes === undefined) throw new ControlError(413, `${path}: a body over ${maxControlBytes} bytes`);
  const text = bytes.toString("utf8");
  if (text.trim() === "") return {};
  const value = parseJson(text);
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ControlError(400, `${path}: the body must be a JSON object, got ${JSON.stringify(text.slice(0, 80))}`);
  return value as Readonly<Record<string, unknown>>;
}

/** What the in-process API throws when the emulator has no webhook: a 404 that says how to start it. */
function withWebhook<T>(path: string, act: () => T): T {
  try {
    return act();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/start the emulator with a webhook/.test(message))
      throw new ControlError(404, `${path}: start the emulator with a webhook (--webhook-url and --app-secret) to play the user's side`);
    throw new ControlError(400, `${path}: ${message}`);
  }
}

/** An in-process call whose arguments came from JSON (the API checks their types at runtime): its errors are 400s naming the route. */
function asControl<T>(path: string, act: () => T): T {
  try {
    return act();
  } catch (error) {
    throw new ControlError(400, `${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The control API for tests written in any language: each route does over HTTP what a Node test
 * does in process. `POST /__clock/advance` `{ "by": "25h" }` is `emulator.clock.advance("25h")`;
 * `POST /__fail-next` `{ "code": 131026, "count": 1 }` is `emulator.webhooks.failNext(131026, 1)`;
 * `POST /__reset` is `emulator.reset()`; `POST /__idle` waits as `emulator.webhooks.idle()` does;
 * `POST /__templates/pause` `{ "name": "order_update", "language": "en_US" }` is
 * `emulator.templates.pause("order_update", "en_US")`, and so are `/__templates/quality` (with `score`),
 * `/__templates/disable`, `/__templates/archive` and `/__templates/status`.
 * (`GET /__received`, `GET /__deliveries`, `GET /__templates` and `POST /__user` are served beside the inbox.)
 * Answers true when the path was one of these.
 */
export async function controlRoute(request: IncomingMessage, response: ServerResponse, path: string, emulator: Emulator): Promise<boolean> {
  const routes: Readonly<Record<string, () => Promise<unknown>>> = {
    "/__clock/advance": async () => {
      const { by } = await inputOf(request, path);
      if (typeof by !== "string" && typeof by !== "number")
        throw new ControlError(400, `${path}: "by" is a duration like "25h", "90m", "30s" or milliseconds, got ${JSON.stringify(by)}`);
      withWebhook(path, () => emulator.clock.advance(by));
      return { now: new Date(emulator.clock.now()).toISOString() };
    },
    "/__fail-next": async () => {
      const { code, count = 1 } = await inputOf(request, path);
      if (typeof code !== "number" || !Number.isSafeInteger(code) || code < 1)
        throw new ControlError(400, `${path}: "code" is a Graph error code such as 131026, got ${JSON.stringify(code)}`);
      if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 1 || count > 10_000)
        throw new ControlError(400, `${path}: "count" is a whole number from 1 to 10000, got ${JSON.stringify(count)}`);
      withWebhook(path, () => emulator.webhooks.failNext(code, count));
      return { code, count };
    },
    "/__templates/status": async () => {
      const { name, language } = await inputOf(request, path);
      return { status: asControl(path, () => emulator.templates.status(name as string, language as string | undefined)) };
    },
    "/__templates/pause": async () => {
      const { name, language } = await inputOf(request, path);
      return asControl(path, () => emulator.templates.pause(name as string, language as string | undefined));
    },
    "/__templates/quality": async () => {
      const { name, score, language } = await inputOf(request, path);
      return asControl(path, () =>
        emulator.templates.quality(name as string, score as TemplateQualityScore, language as string | undefined),
      );
    },
    "/__templates/disable": async () => {
      const { name, language } = await inputOf(request, path);
      return asControl(path, () => emulator.templates.disable(name as string, language as string | undefined));
    },
    "/__templates/archive": async () => {
      const { name, language } = await inputOf(request, path);
      return asControl(path, () => emulator.templates.archive(name as string, language as string | undefined));
    },
    "/__reset": async () => {
      await inputOf(request, path);
      emulator.reset();
      return { received: emulator.received.length };
    },
    "/__idle": async () => {
      await inputOf(request, path);
      await emulator.webhooks.idle();
      return { deliveries: emulator.webhooks.log.length };
    },
  };
  const act = routes[path];
  if (act === undefined) return false;
  if (request.method !== "POST") {
    response.setHeader("Allow", "POST");
    json(response, 405, { error: `${path}: POST only` });
    return true;
  }
  try {
    json(response, 200, await act());
  } catch (error) {
    if (!(error instanceof ControlError)) throw error;
    // A body refused unread (too large, not JSON) closes the connection, so the rest is never read.
    (error.status === 413 || error.status === 415 ? refuse : json)(response, error.status, { error: error.message });
  }
  return true;
}
