import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { defaultApiVersion } from "@wacompose/builder";
import { durationMs } from "./conversation.js";
import { type EmulatorOptions, type ReceivedRequest, type RefusedRequest, startEmulator } from "./emulator.js";
import { allowedHostProblem } from "./host-check.js";
import { httpUrlProblem, urlShown } from "./http-url.js";
import { logText } from "./log-text.js";
import type { TemplateExport } from "./templates.js";
import { accessTokenProblem, defaultAccessToken } from "./token-check.js";
import type { Delivery, DeliveryAttempt } from "./webhooks.js";

/** `wacompose emulator --help` (and `npx @wacompose/emulator --help`): every option, one line each. */
export const emulatorUsage = `usage: wacompose emulator [options]     (or: npx @wacompose/emulator [options]; in a checkout: pnpm emulator [options])
  A local stand-in for the WhatsApp Cloud API, for tests in any language: POST /{version}/{phone-number-id}/messages,
  media, templates, a live inbox, and (with --webhook-url) signed status webhooks and simulated users.
  --port <n>                 port to listen on; default 4010 (0: a free port)
  --host <address>           address to bind; default 127.0.0.1 (0.0.0.0 in a container)
  --allowed-host <name>      a Host name served besides loopback names (repeatable); others get 403
  --token <token>            the bearer token requests must carry; default test-token
  --phone-number-id <id>     a phone-number id it serves (repeatable); default any id
  --webhook-url <url>        your webhook endpoint: statuses and simulated users' messages are POSTed there
  --app-secret <secret>      signs each webhook (X-Hub-Signature-256); required with --webhook-url
  --verify-token <token>     makes the GET handshake with your endpoint at start
  --templates <file>         the JSON of GET /{waba-id}/message_templates: template sends are held to it
  --template-review-delay <d>  how long a created or edited template stays PENDING (emulator time): 1m by default
  --no-window                do not enforce the 24-hour customer-service window
  --latency <ms|min-max>     wait before answering: fixed, or random between min and max
  --seed <n>                 seed for the random knobs, for reproducible runs
  --json                     one JSON line per request and per webhook delivery attempt (for CI logs)
  --help                     this text
  Template management: GET|POST|DELETE /{version}/{waba-id}/message_templates, GET|POST /{version}/{template-id}, …
  Control API for tests (JSON): GET /__received, GET /__deliveries, GET /__templates, POST /__user, POST /__clock/advance,
  POST /__fail-next, POST /__reset, POST /__idle, POST /__templates/{status,pause,quality,disable,archive}
  — see docs/testing-from-any-language.md. Ctrl+C stops it.`;

const optionTypes = {
  port: { type: "string" },
  host: { type: "string" },
  "allowed-host": { type: "string", multiple: true },
  token: { type: "string" },
  "phone-number-id": { type: "string", multiple: true },
  "webhook-url": { type: "string" },
  "app-secret": { type: "string" },
  "verify-token": { type: "string" },
  templates: { type: "string" },
  "template-review-delay": { type: "string" },
  "no-window": { type: "boolean" },
  latency: { type: "string" },
  seed: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** A usage mistake: the message names the option and what was given. */
class UsageError extends Error {
  override readonly name = "UsageError";
}

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new UsageError(`--${option} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  return value;
}

function latencyOf(text: string): number | readonly [number, number] {
  const range = /^(\d+)\s*(?:-|\.\.)\s*(\d+)$/.exec(text);
  if (range === null) return wholeNumber("latency", text, 0, 60_000);
  const [min, max] = [wholeNumber("latency", range[1] as string, 0, 60_000), wholeNumber("latency", range[2] as string, 0, 60_000)];
  if (min > max) throw new UsageError(`--latency: the minimum ${min} is above the maximum ${max}`);
  return [min, max];
}

function templatesOf(file: string): TemplateExport {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`--templates: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return JSON.parse(text) as TemplateExport;
  } catch (error) {
    throw new UsageError(`--templates: ${file} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** `--template-review-delay`: milliseconds, or a duration such as 30s, 1m, 2h (at most 30 days). */
function reviewDelayOf(text: string): number | string {
  const ms = durationMs(/^\d+$/.test(text) ? Number(text) : text);
  if (!Number.isFinite(ms) || ms > 30 * 86_400_000)
    throw new UsageError(
      `--template-review-delay is a duration such as 30s, 1m or 2h, or milliseconds (at most 30 days), got ${JSON.stringify(text)}`,
    );
  return /^\d+$/.test(text) ? Number(text) : text;
}

/** The emulator's options from the command line; throws a UsageError naming the option. */
function emulatorOptionsOf(args: readonly string[]): { readonly options: EmulatorOptions; readonly json: boolean } | "help" {
  let values: ReturnType<typeof parseArgs<{ options: typeof optionTypes; strict: true; allowPositionals: false }>>["values"];
  try {
    // `pnpm emulator -- --port 0` (npm's habit) passes the "--" on: pnpm's separator, not the end of our options.
    const given = args[0] === "--" ? args.slice(1) : [...args];
    values = parseArgs({ args: given, options: optionTypes, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} (--help lists every option)`);
  }
  if (values.help) return "help";
  const ids = values["phone-number-id"] ?? [];
  const badId = ids.find((id) => !/^\d{1,20}$/.test(id));
  if (badId !== undefined) throw new UsageError(`--phone-number-id is the number's id (digits), got ${JSON.stringify(badId)}`);
  const url = values["webhook-url"];
  const appSecret = values["app-secret"];
  // No white space (the URL parser drops a tab or line break inside, posting elsewhere than given), then as startEmulator reads it.
  const urlProblem =
    url === undefined ? undefined : /^https?:\/\/[^\s]+$/.test(url) ? httpUrlProblem(url) : `must be an http(s) URL, got ${urlShown(url)}`;
  if (urlProblem !== undefined) throw new UsageError(`--webhook-url ${urlProblem}`);
  if (url !== undefined && (appSecret === undefined || appSecret === ""))
    throw new UsageError("--webhook-url needs --app-secret: the webhooks are signed with it, as Meta signs them with your app secret");
  for (const needsUrl of ["app-secret", "verify-token", "no-window"] as const)
    if (url === undefined && values[needsUrl] !== undefined) throw new UsageError(`--${needsUrl} acts on webhooks: give --webhook-url too`);
  const allowedHosts = values["allowed-host"] ?? [];
  for (const name of allowedHosts) {
    const problem = allowedHostProblem(name);
    if (problem !== undefined) throw new UsageError(`--allowed-host is ${problem}`);
  }
  const token = values.token ?? defaultAccessToken;
  const tokenProblem = accessTokenProblem(token);
  if (tokenProblem !== undefined) throw new UsageError(`--token ${tokenProblem}`);
  const options: EmulatorOptions = {
    port: values.port === undefined ? 4010 : wholeNumber("port", values.port, 0, 65_535),
    host: values.host ?? "127.0.0.1",
    accessToken: token,
    ...(allowedHosts.length > 0 ? { allowedHosts } : {}),
    ...(ids.length > 0 ? { phoneNumberIds: ids } : {}),
    ...(values.templates === undefined ? {} : { templates: templatesOf(values.templates) }),
    ...(values["template-review-delay"] === undefined ? {} : { templateReviewDelay: reviewDelayOf(values["template-review-delay"]) }),
    ...(values.latency === undefined ? {} : { latencyMs: latencyOf(values.latency) }),
    ...(values.seed === undefined ? {} : { seed: wholeNumber("seed", values.seed, 0, Number.MAX_SAFE_INTEGER) }),
    ...(url === undefined
      ? {}
      : {
          webhook: {
            url,
            appSecret: appSecret as string,
            ...(values["verify-token"] === undefined ? {} : { verifyToken: values["verify-token"] }),
            window: values["no-window"] !== true,
          },
        }),
  };
  return { options, json: values.json === true };
}

/** What a webhook carried, in a few words: `status delivered`, `message text`. */
function summaryOf(payload: unknown): string {
  const change = (payload as { entry?: { changes?: { field?: unknown; value?: Record<string, unknown> }[] }[] })?.entry?.[0]?.changes?.[0];
  const value = change?.value ?? {};
  // A template's webhooks: the field and what happened (`message_template_status_update APPROVED`).
  if (typeof change?.field === "string" && change.field.startsWith("message_template"))
    return `${change.field} ${String(value.event ?? value.new_quality_score ?? value.message_template_name ?? "")}`.trim();
  const first = (value.statuses as { status?: unknown; errors?: { code?: unknown }[] }[] | undefined)?.[0];
  // A failed status says why in a code (131047: the 24-hour window): on the line, not only in GET /__deliveries.
  const code = first?.errors?.[0]?.code;
  if (first?.status !== undefined) return `status ${String(first.status)}${typeof code === "number" ? ` (${code})` : ""}`;
  const message = (value.messages as { type?: unknown }[] | undefined)?.[0]?.type;
  return message === undefined ? "update" : `message ${String(message)}`;
}

/** How much of an error's details a line shows: the first issues, enough to act on. */
const maxDetailInLine = 300;
/** In a `--json` line: the details, and a body whose JSON is longer is left out (`GET /__received` has it). */
const maxDetailInJson = 4000;
const maxBodyInJson = 64 * 1024;

/** The line printed for one request the emulator answered (exported for its test; not part of the package's API). */
export function requestLine(request: ReceivedRequest, json: boolean): string {
  if (json) {
    const { at, path, phoneNumberId, status, outcome, wamid, error, warnings } = request;
    const details = request.details === undefined ? undefined : logText(request.details, maxDetailInJson);
    const bodyLength = JSON.stringify(request.body)?.length ?? 0;
    const body =
      bodyLength <= maxBodyInJson
        ? { body: request.body }
        : { bodyOmitted: `${bodyLength} characters of JSON, over ${maxBodyInJson}: GET /__received has it` };
    return JSON.stringify({ event: "request", at, path, phoneNumberId, status, outcome, wamid, error, details, warnings, ...body });
  }
  const error = request.error === undefined ? undefined : [request.error, request.details].filter((part) => part !== undefined).join(": ");
  const detail = request.wamid ?? (error === undefined ? "" : logText(error, maxDetailInLine));
  return `→ POST ${request.path} ${request.status} ${request.outcome}${detail === "" ? "" : ` ${detail}`}`;
}

/** The line printed for a request turned away at the door (exported for its test; not part of the package's API). */
export function refusedLine(request: RefusedRequest, json: boolean): string {
  const path = logText(request.path, 200);
  const reason = logText(request.reason, maxDetailInLine);
  if (json)
    return JSON.stringify({
      event: "request",
      at: request.at,
      method: request.method,
      path,
      status: request.status,
      outcome: "refused",
      error: reason,
    });
  // A wrong token is the commonest first mistake: say what is expected, never what was sent.
  const hint =
    request.status === 401
      ? ` (send "Authorization: Bearer <token>" with the --token it was started with; default ${defaultAccessToken})`
      : "";
  return `→ ${logText(request.method, 16)} ${path} ${request.status} refused: ${reason}${hint}`;
}

/** The line printed for one webhook delivery attempt (exported for its test; not part of the package's API). */
export function attemptLine(delivery: Delivery, attempt: DeliveryAttempt, json: boolean): string {
  const what = summaryOf(delivery.payload);
  if (json) return JSON.stringify({ event: "webhook", delivery: delivery.id, attempt: delivery.attempts.length, what, ...attempt });
  const error = attempt.error ?? "?";
  // "not sent: …" (the queue for the receiver was full) never reached it, so it is no "no answer".
  const outcome = attempt.status !== undefined ? String(attempt.status) : error.startsWith("not sent:") ? error : `no answer (${error})`;
  const answer =
    attempt.answer === undefined || attempt.status === undefined || attempt.status < 300 ? "" : ` ${JSON.stringify(attempt.answer)}`;
  // A refused signature is the most common setup mistake: say where to look.
  const hint = attempt.status === 401 || attempt.status === 403 ? " (does your receiver check signatures with the same --app-secret?)" : "";
  const attemptNumber = delivery.attempts.length > 1 ? `, attempt ${delivery.attempts.length}` : "";
  return `← webhook #${delivery.id} ${what}${attemptNumber}: ${outcome}${answer}${hint}`;
}

export interface EmulatorCommandIo {
  /** Where the lines go; default standard output. */
  readonly write?: (line: string) => void;
  /** Stops the emulator when aborted; default SIGINT (Ctrl+C) or SIGTERM. */
  readonly signal?: AbortSignal;
}

/**
 * `wacompose emulator` (and `npx @wacompose/emulator`): starts the emulator, says where it is and
 * which environment variables point an app at it, logs each request and webhook attempt, and
 * stops cleanly when aborted (Ctrl+C). Resolves with the exit code; throws on a usage mistake.
 */
export async function runEmulatorCommand(args: readonly string[], io: EmulatorCommandIo = {}): Promise<number> {
  const write = io.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const parsed = emulatorOptionsOf(args);
  if (parsed === "help") {
    write(emulatorUsage);
    return 0;
  }
  const { json } = parsed;
  let signal = io.signal;
  let stopOnSignal: (() => void) | undefined;
  if (signal === undefined) {
    const controller = new AbortController();
    stopOnSignal = () => controller.abort();
    process.once("SIGINT", stopOnSignal).once("SIGTERM", stopOnSignal);
    signal = controller.signal;
  }
  try {
    const webhook = parsed.options.webhook;
    const options: EmulatorOptions = {
      ...parsed.options,
      onRequest: (request) => write(requestLine(request, json)),
      onRefused: (request) => write(refusedLine(request, json)),
      ...(webhook === undefined
        ? {}
        : { webhook: { ...webhook, onAttempt: (delivery, attempt) => write(attemptLine(delivery, attempt, json)) } }),
    };
    const emulator = await startEmulator(options).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") throw new UsageError(`port ${options.port} is in use; pick another with --port (0: a free port)`);
      throw error;
    });
    const phoneNumberId = options.phoneNumberIds?.[0] ?? "106540352242922";
    const env = {
      WHATSAPP_API_BASE_URL: emulator.url,
      WHATSAPP_ACCESS_TOKEN: options.accessToken,
      WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
    };
    if (json) write(JSON.stringify({ event: "listening", url: emulator.url, inbox: `${emulator.url}/`, webhook: webhook?.url, env }));
    else
      write(
        [
          `wacompose emulator listening at ${emulator.url}`,
          `  inbox:    ${emulator.url}/`,
          `  messages: POST ${emulator.url}/${defaultApiVersion}/${phoneNumberId}/messages (Authorization: Bearer ${options.accessToken})`,
          `  templates: ${emulator.url}/${defaultApiVersion}/${webhook?.wabaId ?? "102290129340398"}/message_templates (same token; any WABA id)`,
          webhook === undefined
            ? "  webhooks: off (--webhook-url and --app-secret to receive statuses and simulated users)"
            : `  webhooks: signed POSTs to ${webhook.url}`,
          "  control:  GET /__received, GET /__deliveries, GET /__templates, POST /__user, /__clock/advance, /__fail-next, /__reset, /__idle, /__templates/…",
          // Nothing in the emulator reads them: they are for the app under test (and the CLI's template commands).
          `point your app at it (your code reads these; wacompose templates --from-api, diff, push and pull read the first two):`,
          ...Object.entries(env).map(([name, value]) => `  export ${name}=${value}`),
          "Ctrl+C stops it.",
        ].join("\n"),
      );
    if (!signal.aborted) await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
    await emulator.close();
    write(json ? JSON.stringify({ event: "stopped", received: emulator.received.length }) : "stopped");
    return 0;
  } finally {
    if (stopOnSignal !== undefined) process.off("SIGINT", stopOnSignal).off("SIGTERM", stopOnSignal);
  }
}
