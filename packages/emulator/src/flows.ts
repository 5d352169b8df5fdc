import { createHmac, type KeyObject } from "node:crypto";
import { formatIssue } from "@wacompose/builder";
import { encryptFlowRequest, type FlowJson, validateFlow } from "@wacompose/flows";
import { flowComponents } from "@wacompose/preview";
import { failureOf } from "./fetch-failure.js";
import { httpUrlProblem } from "./http-url.js";
import { type Json, list, object } from "./json.js";

/** A flow the emulator can play: its Flow JSON, and the app's data endpoint when the flow has one. */
export interface EmulatedFlow {
  /** The Flow JSON you upload to Meta (the builder's `.build()`, or a parsed file); checked with `validateFlow` at start. */
  readonly json: FlowJson;
  /**
   * Your data endpoint, called as Meta calls it: each request encrypted with `publicKey` (the PEM
   * you upload to Meta), signed with the webhook's `appSecret` (`X-Hub-Signature-256`, and
   * `flow_token_signature` for Flow JSON 7.3 with data API 4.0) when the emulator has one.
   */
  readonly endpoint?: { readonly url: string; readonly publicKey: string | KeyObject };
}

/** Flows by flow id: a flow message whose `flow_id` is one of them can be filled in the inbox and walked by `completesFlow`. */
export type EmulatedFlows = { readonly [flowId: string]: EmulatedFlow };

/** A value a person enters: text (TextInput, TextArea, DatePicker, Dropdown, RadioButtonsGroup), ids (CheckboxGroup), a tick (OptIn). */
export type FlowAnswerValue = string | boolean | readonly string[];

/** Answers by input name; each screen takes the names its inputs declare. */
export type FlowAnswers = { readonly [name: string]: FlowAnswerValue };

/** Where a flow being filled in the inbox stands. */
export type FlowView =
  | { readonly state: "opening" }
  | { readonly state: "open"; readonly screen: Json; readonly data: Json }
  | { readonly state: "completed" }
  | { readonly state: "failed"; readonly error: string };

/** A screen the person left or stands on: the answers typed there and the data it was shown with (for `${screen.X…}`). */
interface Visit {
  readonly screen: string;
  readonly data: Json;
  form: Json;
}

/** Meta gives up on an endpoint after 10 s (`timeout_error`); so does the emulator. */
const endpointTimeoutMs = 10_000;
/** An endpoint's answer past this is refused; screen data is far smaller. */
const maxAnswerBytes = 1 << 20;
/** A walk that has not completed after this many screens is a loop between the endpoint and the flow. */
const maxSteps = 100;
/** The longest text an input takes: TextArea's `max-length` ceiling and TextInput's `max-chars` default. */
const defaultMaxLength: Readonly<Record<string, number>> = { TextArea: 600, TextInput: 80 };
const inputTypes = new Set([
  "TextInput",
  "TextArea",
  "DatePicker",
  "Dropdown",
  "RadioButtonsGroup",
  "CheckboxGroup",
  "OptIn",
  "ChipsSelector",
]);
/** How many inbox sessions are kept (the oldest are forgotten). */
const maxSessions = 1000;

/** A flow could not be walked: a missing answer, a broken endpoint; the message says where. */
export class FlowPlayError extends Error {
  override readonly name = "FlowPlayError";
}

/** An answer the client would refuse: the screen stays as it is, for the person to fix. */
class AnswerError extends FlowPlayError {}

const base64url = (value: string | Buffer): string => Buffer.from(value).toString("base64url");

/** The `flow_token_signature` Meta sends with Flow JSON 7.3 and data API 4.0: an HS256 JWT over the token. */
function tokenSignature(flowToken: string, appSecret: string): string {
  const now = Math.floor(Date.now() / 1000);
  const head = `${base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${base64url(JSON.stringify({ flow_token: flowToken, iat: now, exp: now + 3600 }))}`;
  return `${head}.${base64url(createHmac("sha256", appSecret).update(head).digest())}`;
}

/** A response's body as text, or undefined past `limit` bytes (read no further: an answer cannot fill the memory). */
async function boundedText(response: Response, limit: number): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (reader === undefined) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks).toString("utf8");
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
}

/** A value of a payload with its `${form.x}`, `${data.x}` and `${screen.S.form|data.x}` references replaced. */
function resolve(value: unknown, visit: Visit, visits: readonly Visit[]): unknown {
  if (Array.isArray(value)) return value.map((entry) => resolve(entry, visit, visits));
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(
      Object.entries(value)
        .map(([key, entry]) => [key, resolve(entry, visit, visits)] as const)
        .filter(([, entry]) => entry !== undefined),
    );
  if (typeof value !== "string") return value;
  const local = /^\$\{(form|data)\.([A-Za-z0-9_]+)\}$/.exec(value);
  if (local !== null) return (local[1] === "form" ? visit.form : visit.data)[local[2] ?? ""];
  const global = /^\$\{screen\.([A-Za-z0-9_]+)\.(form|data)\.([A-Za-z0-9_]+)\}$/.exec(value);
  if (global !== null) {
    const earlier = visits.findLast((v) => v.screen === global[1]);
    return earlier === undefined ? undefined : (global[2] === "form" ? earlier.form : earlier.data)[global[3] ?? ""];
  }
  return value;
}

/** The `{ id }` entries a picker offers, from its literal list or a `${data.x}` reference. */
function offeredIds(component: Json, visit: Visit): readonly string[] {
  return list(resolve(component["data-source"], visit, [])).flatMap((entry) => (typeof entry.id === "string" ? [entry.id] : []));
}

/** Checks one input's answer as the WhatsApp client would before it lets the person go on; returns the value to keep. */
function checkAnswer(where: string, component: Json, value: unknown, visit: Visit): FlowAnswerValue | undefined {
  const type = String(component.type);
  const name = String(component.name);
  const required = component.required === true;
  const empty = value === undefined || value === "" || value === false || (Array.isArray(value) && value.length === 0);
  if (empty) {
    if (required) throw new AnswerError(`${where}: ${type} ${name} is required, and has no answer`);
    return type === "OptIn" ? false : undefined;
  }
  if (type === "OptIn") {
    if (value !== true && value !== "true") throw new AnswerError(`${where}: OptIn ${name} takes true or false, got ${typeof value}`);
    return true;
  }
  if (type === "CheckboxGroup" || type === "ChipsSelector") {
    const ids = Array.isArray(value) ? value : [value];
    const offered = offeredIds(component, visit);
    for (const id of ids)
      if (typeof id !== "string" || !offered.includes(id))
        throw new AnswerError(
          `${where}: ${type} ${name} offers ${offered.map((o) => JSON.stringify(o)).join(", ") || "nothing"}, got ${JSON.stringify(String(id)).slice(0, 80)}`,
        );
    const most = typeof component["max-selected-items"] === "number" ? component["max-selected-items"] : offered.length;
    if (ids.length > most) throw new AnswerError(`${where}: ${type} ${name} takes at most ${most} choices, got ${ids.length}`);
    return ids as string[];
  }
  if (typeof value !== "string")
    throw new AnswerError(`${where}: ${type} ${name} takes text, got ${Array.isArray(value) ? "array" : typeof value}`);
  if (type === "Dropdown" || type === "RadioButtonsGroup") {
    const offered = offeredIds(component, visit);
    if (!offered.includes(value))
      throw new AnswerError(
        `${where}: ${type} ${name} offers ${offered.map((o) => JSON.stringify(o)).join(", ") || "nothing"}, got ${JSON.stringify(value).slice(0, 80)}`,
      );
    return value;
  }
  if (type === "DatePicker" && !/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new AnswerError(`${where}: DatePicker ${name} takes a date as YYYY-MM-DD, got ${JSON.stringify(value).slice(0, 40)}`);
  const limit = component["max-chars"] ?? component["max-length"] ?? defaultMaxLength[type] ?? 4096;
  const most = typeof limit === "number" ? limit : Number(limit) || 4096;
  if (value.length > most) throw new AnswerError(`${where}: ${type} ${name} takes at most ${most} characters, got ${value.length}`);
  return value;
}

/** The `data` of a `flow_action_payload`: an object, or (as the API also takes it) a JSON string. */
function payloadData(value: unknown): Json {
  if (typeof value !== "string") return object(value);
  try {
    return object(JSON.parse(value));
  } catch {
    return {};
  }
}

/**
 * Plays WhatsApp's side of flows: opens a sent flow message on its first screen (or the endpoint's
 * INIT answer), checks the person's answers per screen, follows `navigate`, calls the endpoint
 * for `data_exchange` exactly as Meta does, and yields the `response_json` on completion.
 */
export class FlowPlayer {
  readonly #flows: ReadonlyMap<string, EmulatedFlow>;
  readonly #appSecret: string | undefined;
  /** The inbox's flows under way, by the wamid of their message. */
  readonly #sessions = new Map<string, { view: FlowView; visits: Visit[]; flowId: string; busy: boolean }>();

  constructor(flows: EmulatedFlows, appSecret: string | undefined) {
    const entries = Object.entries(flows);
    for (const [flowId, definition] of entries) {
      const where = `startEmulator: flows[${JSON.stringify(flowId)}]`;
      if (typeof definition !== "object" || definition === null) throw new TypeError(`${where} is { json, endpoint? }`);
      const errors = validateFlow(definition.json).filter((issue) => issue.severity === "error");
      if (errors.length > 0) throw new TypeError(`${where}.json is not valid Flow JSON: ${errors.slice(0, 5).map(formatIssue).join("; ")}`);
      const endpoint = definition.endpoint;
      const urlProblem = endpoint === undefined ? undefined : httpUrlProblem(endpoint.url);
      if (urlProblem !== undefined) throw new TypeError(`${where}.endpoint.url ${urlProblem}`);
    }
    this.#flows = new Map(entries);
    this.#appSecret = appSecret;
  }

  /** The registered flow a sent message opens, if any. */
  flowOf(body: Json): { readonly flowId: string; readonly flow: EmulatedFlow } | undefined {
    const interactive = object(body.interactive);
    const flowId = object(object(interactive.action).parameters).flow_id;
    if (interactive.type !== "flow" || typeof flowId !== "string") return undefined;
    const flow = this.#flows.get(flowId);
    return flow === undefined ? undefined : { flowId, flow };
  }

  /** Fills in a whole flow with `answers` (by input name), screen after screen; resolves with the `response_json` object. */
  async walk(body: Json, answers: FlowAnswers): Promise<Json> {
    const found = this.#found(body, "completesFlow");
    const visits = [await this.#open(found, body)];
    for (;;) {
      const result = await this.#submit(found, body, visits, answers); // throws past maxSteps screens
      if (result !== undefined) return result;
    }
  }

  /** Where the inbox's copy of a sent flow stands; the first look opens it (INIT goes to the endpoint then). */
  view(wamid: string, body: Json): FlowView | undefined {
    const found = this.flowOf(body);
    if (found === undefined) return undefined;
    const session = this.#sessions.get(wamid);
    if (session !== undefined) return session.view;
    const created = { view: { state: "opening" } as FlowView, visits: [] as Visit[], flowId: found.flowId, busy: false };
    this.#sessions.set(wamid, created);
    if (this.#sessions.size > maxSessions) this.#sessions.delete(this.#sessions.keys().next().value as string);
    const opened = (visit: Visit): void => {
      created.visits.push(visit);
      created.view = this.#viewOf(found, visit);
    };
    const failed = (error: unknown): void => {
      created.view = { state: "failed", error: error instanceof Error ? error.message : String(error) };
    };
    // A navigate flow opens at once; one that opens with INIT waits for the endpoint's answer.
    if (object(object(object(body.interactive).action).parameters).flow_action === "data_exchange")
      this.#open(found, body).then(opened, failed);
    else {
      try {
        opened(this.#navigateTo(found, body));
      } catch (error) {
        failed(error);
      }
    }
    return created.view;
  }

  /**
   * The inbox's submit: the answers of the screen `screen` (it must be the one shown). Resolves with
   * the `response_json` object when the flow completed, else undefined (the next screen is shown).
   */
  async step(wamid: string, body: Json, screen: string, answers: FlowAnswers): Promise<Json | undefined> {
    const found = this.#found(body, "flow");
    const session = this.#sessions.get(wamid);
    const visit = session?.visits[session.visits.length - 1];
    if (session === undefined || session.view.state !== "open" || visit === undefined)
      throw new FlowPlayError(`flow: message ${wamid} has no open screen (${session?.view.state ?? "not opened"})`);
    if (visit.screen !== screen)
      throw new FlowPlayError(`flow: screen ${JSON.stringify(screen).slice(0, 80)} is not the one shown (${visit.screen})`);
    // A second submit while the first waits for the endpoint (a double click) would run the screen twice.
    if (session.busy) throw new FlowPlayError(`flow: screen ${visit.screen} is being submitted already`);
    session.busy = true;
    try {
      const result = await this.#submit(found, body, session.visits, answers);
      const shown = session.visits[session.visits.length - 1] as Visit;
      session.view = result === undefined ? this.#viewOf(found, shown) : { state: "completed" };
      return result;
    } catch (error) {
      // A missing answer leaves the screen as it was, for the person to fix; a broken endpoint ends the flow, as on a phone.
      if (!(error instanceof AnswerError))
        session.view = { state: "failed", error: error instanceof Error ? error.message : String(error) };
      throw error;
    } finally {
      session.busy = false;
    }
  }

  #found(body: Json, action: string): { readonly flowId: string; readonly flow: EmulatedFlow } {
    const found = this.flowOf(body);
    if (found === undefined) throw new FlowPlayError(`${action}: the message's flow_id is not one of the emulator's flows`);
    return found;
  }

  #viewOf(found: { readonly flow: EmulatedFlow }, visit: Visit): FlowView {
    const screen = found.flow.json.screens.find((s) => s.id === visit.screen);
    return { state: "open", screen: object(screen), data: visit.data };
  }

  /** Opens the flow as the message says: `navigate` to a screen with data, or INIT at the endpoint. */
  async #open(found: { readonly flowId: string; readonly flow: EmulatedFlow }, body: Json): Promise<Visit> {
    const parameters = object(object(object(body.interactive).action).parameters);
    if (parameters.flow_action === "data_exchange") {
      const answer = await this.#exchange(found, body, { action: "INIT" });
      return this.#next(found, answer, "INIT");
    }
    return this.#navigateTo(found, body);
  }

  /** The screen a `navigate` flow message opens on: `flow_action_payload.screen` with its data, else the first. */
  #navigateTo(found: { readonly flowId: string; readonly flow: EmulatedFlow }, body: Json): Visit {
    const parameters = object(object(object(body.interactive).action).parameters);
    const screens = found.flow.json.screens;
    const payload = object(parameters.flow_action_payload);
    const id = typeof payload.screen === "string" && payload.screen !== "FIRST_ENTRY_SCREEN" ? payload.screen : screens[0]?.id;
    if (!screens.some((s) => s.id === id))
      throw new FlowPlayError(`flow ${found.flowId}: flow_action_payload.screen ${JSON.stringify(id)} is not a screen of the flow`);
    return { screen: String(id), data: payloadData(payload.data), form: {} };
  }

  /** The current screen's answers checked and its Footer's action done: a new visit pushed, or the response. */
  async #submit(
    found: { readonly flowId: string; readonly flow: EmulatedFlow },
    body: Json,
    visits: Visit[],
    answers: FlowAnswers,
  ): Promise<Json | undefined> {
    const visit = visits[visits.length - 1] as Visit;
    const where = `flow: screen ${visit.screen}`;
    // The endpoint may send the person back to earlier screens; a flow that never ends is stopped.
    if (visits.length > maxSteps) throw new FlowPlayError(`flow ${found.flowId}: did not complete after ${maxSteps} screens`);
    const screen = found.flow.json.screens.find((s) => s.id === visit.screen);
    const components = flowComponents(screen).map(object);
    const form: Record<string, unknown> = Object.create(null); // input names are the flow's, and `__proto__` is a valid one
    for (const component of components) {
      if (!inputTypes.has(String(component.type)) || typeof component.name !== "string") continue;
      const value = checkAnswer(where, component, answers[component.name], visit);
      if (value !== undefined) form[component.name] = value;
    }
    visit.form = form;
    const footer = components.find((component) => component.type === "Footer");
    if (footer === undefined) throw new FlowPlayError(`${where} has no Footer to submit with`);
    const action = object(footer["on-click-action"]);
    const payload = object(resolve(action.payload ?? {}, visit, visits));
    if (action.name === "navigate") {
      const next = String(object(action.next).name);
      visits.push({ screen: next, data: payload, form: {} });
      return undefined;
    }
    if (action.name === "complete") return this.#response(body, payload);
    if (action.name === "data_exchange") {
      const answer = await this.#exchange(found, body, { action: "data_exchange", screen: visit.screen, data: payload });
      const params = object(object(object(answer.data).extension_message_response).params);
      if (answer.screen === "SUCCESS") return this.#response(body, params);
      visits.push(this.#next(found, answer, `data_exchange from ${visit.screen}`));
      return undefined;
    }
    throw new FlowPlayError(`${where}: the Footer's action ${JSON.stringify(action.name)} does not submit`);
  }

  /** `response_json`: the flow token the message was sent with (when it had one), then the payload. */
  #response(body: Json, payload: Json): Json {
    const token = object(object(object(body.interactive).action).parameters).flow_token;
    return typeof token === "string" ? { flow_token: token, ...payload } : { ...payload };
  }

  /** The screen the endpoint answered with, which must be one of the flow's. */
  #next(found: { readonly flowId: string; readonly flow: EmulatedFlow }, answer: Json, after: string): Visit {
    const screen = answer.screen;
    if (typeof screen !== "string" || !found.flow.json.screens.some((s) => s.id === screen))
      throw new FlowPlayError(
        `flow ${found.flowId}: the endpoint answered ${after} with screen ${JSON.stringify(screen)?.slice(0, 80)}, not a screen of the flow`,
      );
    return { screen, data: object(answer.data), form: {} };
  }

  /** One request to the app's endpoint, encrypted and signed as Meta sends it; its decrypted answer. */
  async #exchange(found: { readonly flowId: string; readonly flow: EmulatedFlow }, body: Json, request: Json): Promise<Json> {
    const endpoint = found.flow.endpoint;
    const where = `flow ${found.flowId}: ${String(request.action)}${request.screen === undefined ? "" : ` from ${String(request.screen)}`}`;
    if (endpoint === undefined) throw new FlowPlayError(`${where} needs the app's endpoint: give flows[…].endpoint to startEmulator`);
    const json = found.flow.json;
    const version = json.data_api_version ?? "3.0";
    const flowToken = object(object(object(body.interactive).action).parameters).flow_token;
    const token = typeof flowToken === "string" ? flowToken : "unused";
    const signed =
      this.#appSecret !== undefined && json.version === "7.3" && version === "4.0"
        ? { flow_token_signature: tokenSignature(token, this.#appSecret) }
        : {};
    const sealed = encryptFlowRequest(endpoint.publicKey, { version, ...request, data: request.data ?? {}, flow_token: token, ...signed });
    const raw = JSON.stringify(sealed.body);
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (this.#appSecret !== undefined)
      headers["X-Hub-Signature-256"] = `sha256=${createHmac("sha256", this.#appSecret).update(raw).digest("hex")}`;
    let response: Response;
    try {
      // A redirect is not followed (it is the endpoint's answer, an error): following would take the signed request elsewhere.
      response = await fetch(endpoint.url, {
        method: "POST",
        headers,
        body: raw,
        signal: AbortSignal.timeout(endpointTimeoutMs),
        redirect: "manual",
      });
    } catch (error) {
      throw new FlowPlayError(`${where}: the endpoint ${endpoint.url} did not answer (${failureOf(error, endpointTimeoutMs)})`);
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => {});
      throw new FlowPlayError(
        `${where}: the endpoint answered HTTP ${response.status}${response.status === 427 ? " (flow token no longer valid)" : ""}`,
      );
    }
    const text = await boundedText(response, maxAnswerBytes).catch((error: unknown) => {
      throw new FlowPlayError(`${where}: the endpoint's answer broke off (${error instanceof Error ? error.message : String(error)})`);
    });
    if (text === undefined) throw new FlowPlayError(`${where}: the endpoint's answer is over ${maxAnswerBytes} bytes`);
    try {
      return object(sealed.open(text.trim()));
    } catch (error) {
      throw new FlowPlayError(
        `${where}: the endpoint's answer does not decrypt (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
}
