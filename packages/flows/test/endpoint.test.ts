// The endpoint against requests encrypted here with Node's crypto, the way Meta's client does it
// (flows.md §5.1), independently of src/endpoint/crypto.ts.
import { constants, createCipheriv, createDecipheriv, createHmac, generateKeyPairSync, publicEncrypt, randomBytes } from "node:crypto";
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, jest, test } from "@jest/globals";
import {
  complete,
  dataExchange,
  encryptFlowRequest,
  finishFlow,
  flow,
  flowEndpoint,
  generateFlowKeyPair,
  nodeFlowEndpoint,
  rejectFlowToken,
} from "../src/index.js";

const passphrase = "correct horse";
const { privateKey, publicKey } = generateFlowKeyPair({ passphrase });
const appSecret = "app-secret";

/** Meta's side: a fresh AES-128 key and 16-byte IV, the key under RSA-OAEP-SHA256, the body under AES-GCM with the tag appended. */
function encryptAsMeta(body: unknown, key = publicKey) {
  const aesKey = randomBytes(16);
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-128-gcm", aesKey, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(body), "utf8"), cipher.final(), cipher.getAuthTag()]);
  const encryptedKey = publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, aesKey);
  return {
    envelope: {
      encrypted_flow_data: data.toString("base64"),
      encrypted_aes_key: encryptedKey.toString("base64"),
      initial_vector: iv.toString("base64"),
    },
    open(answer: string): unknown {
      const bytes = Buffer.from(answer, "base64");
      const decipher = createDecipheriv("aes-128-gcm", aesKey, Buffer.from(iv.map((b) => b ^ 0xff)));
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8"));
    },
  };
}
const sign = (raw: string, secret = appSecret) => `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;
const post = (raw: string, headers: Record<string, string> = { "x-hub-signature-256": sign(raw) }) =>
  new Request("https://example.com/flow", { method: "POST", body: raw, headers });
const jwt = (claims: object, secret = appSecret) => {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const unsigned = `${part({ alg: "HS256", typ: "JWT" })}.${part(claims)}`;
  return `${unsigned}.${createHmac("sha256", secret).update(unsigned).digest("base64url")}`;
};

const booking = flow({ dataApiVersion: "4.0" })
  .screen("APPOINTMENT", (s) =>
    s
      .data({ slots: { type: "array", items: { type: "object" }, __example__: [{ id: "10", title: "10:00" }] } })
      .layout((l) => l.dropdown("slot", "Time", "${data.slots}").footer("Book", dataExchange({ slot: "${form.slot}" }))),
  )
  .screen("DONE", (s) => s.terminal().layout((l) => l.body("Booked").footer("Close", complete())))
  .routes("APPOINTMENT", ["DONE"])
  .build();

const errors: unknown[] = [];
const handle = flowEndpoint({
  privateKey,
  passphrase,
  appSecret,
  flow: booking,
  onError: (error) => errors.push(error),
  handlers: {
    INIT: () => ({ screen: "APPOINTMENT", data: { slots: [{ id: "10", title: "10:00" }] } }),
    data_exchange: {
      APPOINTMENT: (request) => finishFlow(request, { slot: request.data.slot ?? "" }),
    },
    flowToken: (token) => token !== "expired",
  },
});
const call = async (body: unknown, change: (raw: string) => string = (raw) => raw) => {
  const meta = encryptAsMeta(body);
  const raw = change(JSON.stringify(meta.envelope));
  const response = await handle(post(raw));
  const text = await response.text();
  return { status: response.status, text, body: response.status === 200 || response.status === 427 ? meta.open(text) : undefined };
};

describe("flowEndpoint (web Request)", () => {
  test("answers a ping encrypted with the flipped IV", async () => {
    const { status, body } = await call({ version: "3.0", action: "ping" });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { status: "active" } });
  });

  test("round-trips INIT → data_exchange → SUCCESS", async () => {
    const init = await call({ version: "4.0", action: "INIT", flow_token: "tok-1" });
    expect(init).toMatchObject({ status: 200, body: { screen: "APPOINTMENT", data: { slots: [{ id: "10", title: "10:00" }] } } });
    const done = await call({ version: "4.0", action: "data_exchange", screen: "APPOINTMENT", data: { slot: "10" }, flow_token: "tok-1" });
    expect(done).toMatchObject({
      status: 200,
      body: { screen: "SUCCESS", data: { extension_message_response: { params: { flow_token: "tok-1", slot: "10" } } } },
    });
  });

  test("a tampered request gets 421 (Meta re-fetches the key and retries)", async () => {
    const flip = (raw: string) => {
      const envelope = JSON.parse(raw);
      const bytes = Buffer.from(envelope.encrypted_flow_data, "base64");
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return JSON.stringify({ ...envelope, encrypted_flow_data: bytes.toString("base64") });
    };
    expect((await call({ version: "3.0", action: "ping" }, flip)).status).toBe(421);
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey;
    const wrongKey = JSON.stringify(encryptAsMeta({ action: "ping" }, other.export({ type: "spki", format: "pem" }).toString()).envelope);
    expect((await handle(post(wrongKey))).status).toBe(421);
  });

  test("a bad X-Hub-Signature-256 gets 432", async () => {
    const raw = JSON.stringify(encryptAsMeta({ action: "ping" }).envelope);
    expect((await handle(post(raw, { "x-hub-signature-256": sign(raw, "other") }))).status).toBe(432);
    expect((await handle(post(raw, {}))).status).toBe(432);
  });

  test("flow_token_signature: a good one passes, a bad or foreign one is refused with 432", async () => {
    const base = { version: "4.0", action: "INIT", flow_token: "tok-2" };
    expect((await call({ ...base, flow_token_signature: jwt({ flow_token: "tok-2" }) })).status).toBe(200);
    const forged = await call({ ...base, flow_token_signature: jwt({ flow_token: "tok-2" }, "not-the-secret") });
    expect(forged.status).toBe(432);
    expect((await call({ ...base, flow_token_signature: jwt({ flow_token: "someone-else" }) })).status).toBe(432);
    expect((await call({ ...base, flow_token_signature: jwt({ flow_token: "tok-2", exp: 1 }) })).status).toBe(432);
    expect((await call({ ...base, flow_token_signature: "not.a.jwt" })).status).toBe(432);
  });

  test("a refused flow token gets 427 with an encrypted error_msg", async () => {
    const refused = await call({ version: "4.0", action: "INIT", flow_token: "expired" });
    expect(refused).toMatchObject({ status: 427, body: { error_msg: "This form has expired." } });
  });

  test("error notifications are acknowledged and passed on", async () => {
    const seen: unknown[] = [];
    const withError = flowEndpoint({ privateKey, passphrase, handlers: { error: (n) => void seen.push(n) } });
    const meta = encryptAsMeta({
      version: "3.0",
      action: "data_exchange",
      flow_token: "t",
      data: { error: "invalid-screen-transition", error_message: "x" },
    });
    const response = await withError(post(JSON.stringify(meta.envelope), {}));
    expect(meta.open(await response.text())).toEqual({ data: { acknowledged: true } });
    expect(seen).toEqual([expect.objectContaining({ data: { error: "invalid-screen-transition", error_message: "x" } })]);
  });

  test("answers that do not fit the flow are reported, not sent", async () => {
    const bad = flowEndpoint({
      privateKey,
      passphrase,
      flow: booking,
      onError: (error) => errors.push(error),
      handlers: { INIT: () => ({ screen: "APPOINTMENT", data: { wrong: 1 } }) },
    });
    const meta = encryptAsMeta({ version: "3.0", action: "INIT", flow_token: "t" });
    const response = await bad(post(JSON.stringify(meta.envelope), {}));
    expect(response.status).toBe(500);
    expect(String(errors.at(-1))).toContain("screen APPOINTMENT declares no data wrong");
  });

  test("rejectFlowToken() from a handler answers 427", async () => {
    const refusing = flowEndpoint({ privateKey, passphrase, handlers: { INIT: () => rejectFlowToken("Used already") } });
    const meta = encryptAsMeta({ version: "3.0", action: "INIT", flow_token: "t" });
    const response = await refusing(post(JSON.stringify(meta.envelope), {}));
    expect(response.status).toBe(427);
    expect(meta.open(await response.text())).toEqual({ error_msg: "Used already" });
  });
});

describe("flowEndpoint on hostile input", () => {
  const raw = (body: string, headers: Record<string, string> = {}) => handle(post(body, { "x-hub-signature-256": sign(body), ...headers }));
  test.each([
    ["not JSON", "{", 421],
    ["JSON but not an object", "[1,2]", 421],
    ["fields of the wrong type", JSON.stringify({ encrypted_flow_data: 1, encrypted_aes_key: [], initial_vector: null }), 421],
    ["bad base64", JSON.stringify({ encrypted_flow_data: "%%%", encrypted_aes_key: "@@", initial_vector: "!!" }), 421],
    [
      "a short IV",
      JSON.stringify({ encrypted_flow_data: "AAAAAAAAAAAAAAAAAAAAAAAA", encrypted_aes_key: "AAAA", initial_vector: "AAAA" }),
      421,
    ],
  ])("%s is answered %p", async (_name, body, status) => {
    expect((await raw(body)).status).toBe(status);
  });

  test("a 421 says which field is missing or of another type, and an array body is no envelope", async () => {
    const { envelope } = encryptAsMeta({ version: "3.0", action: "ping" });
    const answer = async (body: unknown) => {
      const response = await raw(JSON.stringify(body));
      return [response.status, await response.text()];
    };
    const { encrypted_aes_key: _key, ...withoutKey } = envelope;
    expect(await answer(withoutKey)).toEqual([
      421,
      "the body has no encrypted_aes_key (it needs encrypted_flow_data, encrypted_aes_key and initial_vector)",
    ]);
    expect(await answer({ ...envelope, initial_vector: 16 })).toEqual([421, "initial_vector is base64 text, got number"]);
    expect(await answer([envelope])).toEqual([421, "the body is not {encrypted_flow_data, encrypted_aes_key, initial_vector}"]);
    // Fields under a `__proto__` key are not the body's own.
    expect((await answer(JSON.parse(`{"__proto__":${JSON.stringify(envelope)}}`)))[1]).toMatch(/^the body has no encrypted_aes_key/);
  });

  test("a screen's payload with a field named error (beside others) reaches its handler; only {error, error_message} is a notification", async () => {
    const notified: unknown[] = [];
    const handled: unknown[] = [];
    const endpoint = flowEndpoint({
      privateKey,
      passphrase,
      handlers: {
        error: (notification) => void notified.push(notification.data),
        data_exchange: (request) => {
          handled.push(request.data);
          return { screen: "REPORT", data: {} };
        },
      },
    });
    const send = async (data: object) => {
      const meta = encryptAsMeta({ version: "3.0", action: "data_exchange", screen: "REPORT", flow_token: "t", data });
      return meta.open(await (await endpoint(post(JSON.stringify(meta.envelope), {}))).text());
    };
    expect(await send({ error: "printer jammed", details: "tray 2" })).toEqual({ screen: "REPORT", data: {} });
    expect(await send({ error: "invalid-screen-transition", error_message: "x" })).toEqual({ data: { acknowledged: true } });
    expect(handled).toEqual([{ error: "printer jammed", details: "tray 2" }]);
    expect(notified).toEqual([{ error: "invalid-screen-transition", error_message: "x" }]);
  });

  test("a huge body is cut off at maxBytes with 413, before any decryption", async () => {
    const small = flowEndpoint({ privateKey, passphrase, maxBytes: 1024, handlers: {} });
    const big = "x".repeat(10_000);
    expect((await small(new Request("https://e.com", { method: "POST", body: big }))).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(512));
      },
    });
    const streamed = new Request("https://e.com", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect((await small(streamed)).status).toBe(413);
  });

  test("GET is 405; a decrypted body without an action is 400, encrypted", async () => {
    expect((await handle(new Request("https://e.com"))).status).toBe(405);
    expect((await call({ version: "3.0" })).status).toBe(400);
    expect((await call({ version: "3.0", action: "teleport" })).status).toBe(400);
  });

  test("a handler that throws answers 500 and reports the error", async () => {
    const onError = jest.fn();
    const failing = flowEndpoint({ privateKey, passphrase, onError, handlers: { INIT: () => Promise.reject(new Error("db down")) } });
    const meta = encryptAsMeta({ version: "3.0", action: "INIT", flow_token: "t" });
    expect((await failing(post(JSON.stringify(meta.envelope), {}))).status).toBe(500);
    expect(onError).toHaveBeenCalledWith(new Error("db down"));
  });

  test("an onError that throws (a logger that is down) still lets the request be answered, on both adapters", async () => {
    const options = {
      privateKey,
      passphrase,
      onError: () => {
        throw new Error("logger down");
      },
      handlers: { INIT: () => Promise.reject(new Error("db down")) },
    };
    const init = () => JSON.stringify(encryptAsMeta({ version: "3.0", action: "INIT", flow_token: "t" }).envelope);
    expect((await flowEndpoint(options)(post(init(), {}))).status).toBe(500);
    // node:http: the handler's promise resolves with the answer written (a rejection there is unhandled).
    const written: { status?: number; body?: string } = {};
    const response = {
      writeHead(status: number) {
        written.status = status;
        return response;
      },
      end(body: string) {
        written.body = body;
      },
    };
    const body = init();
    const request = Object.assign(Readable.from([Buffer.from(body)]), {
      method: "POST",
      headers: { "content-length": String(body.length) },
    });
    await nodeFlowEndpoint(options)(request as unknown as IncomingMessage, response as unknown as ServerResponse);
    expect(written).toEqual({ status: 500, body: "the handler failed" });
  });

  test("options are checked at startup", () => {
    expect(() => flowEndpoint({ privateKey: "not a key", handlers: {} })).toThrow(/privateKey could not be read/);
    expect(() => flowEndpoint({ privateKey, handlers: {} })).toThrow(/passphrase/);
    expect(() => flowEndpoint({ privateKey, passphrase, requireFlowTokenSignature: true, handlers: {} })).toThrow(/needs appSecret/);
  });

  test.each([Number.NaN, "1kb", Number.POSITIVE_INFINITY, -1, 0, 1.5])(
    "maxBytes %p is refused at startup (it would read any body whole)",
    (maxBytes) => {
      expect(() => flowEndpoint({ privateKey, passphrase, maxBytes: maxBytes as number, handlers: {} })).toThrow(
        `flowEndpoint: maxBytes must be a whole number of bytes from 1 to 2^30, got ${String(maxBytes)}`,
      );
    },
  );

  test.each(["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"])(
    "a screen named %p finds no inherited handler: 500 and onError, never Object's own methods",
    async (screen) => {
      errors.length = 0;
      const { status } = await call({ version: "4.0", action: "data_exchange", screen, data: { x: 1 }, flow_token: "t" });
      expect(status).toBe(500);
      expect(String(errors[0])).toContain(`no data_exchange handler for screen ${screen}`);
    },
  );
});

describe("nodeFlowEndpoint (node:http)", () => {
  const server = createServer(
    nodeFlowEndpoint({ privateKey, passphrase, handlers: { INIT: () => ({ screen: "APPOINTMENT", data: {} }) } }),
  );
  let port = 0;
  // Listening starts in beforeAll, so a run filtered to other tests never leaves a socket open.
  beforeAll(
    () =>
      new Promise<void>((resolve) =>
        server.listen(0, "127.0.0.1", () => {
          port = (server.address() as AddressInfo).port;
          resolve();
        }),
      ),
  );
  afterAll(() => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())));
  const send = async (body: string) => {
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, method: "POST", path: "/" }, (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", reject);
      req.end(body);
    });
  };

  test("decrypts, answers and encrypts over a real socket", async () => {
    const meta = encryptAsMeta({ version: "3.0", action: "ping" });
    const response = await send(JSON.stringify(meta.envelope));
    expect(response.status).toBe(200);
    expect(meta.open(response.text)).toEqual({ data: { status: "active" } });
    const init = encryptAsMeta({ version: "3.0", action: "INIT", flow_token: "t" });
    expect(init.open((await send(JSON.stringify(init.envelope))).text)).toEqual({ screen: "APPOINTMENT", data: {} });
    expect((await send("garbage")).status).toBe(421);
  });
});

describe("encryptFlowRequest (WhatsApp's side, for tests)", () => {
  test("its requests open at the endpoint and it reads the answers; a wrong answer does not authenticate", async () => {
    const sealed = encryptFlowRequest(publicKey, { version: "3.0", action: "ping" });
    const raw = JSON.stringify(sealed.body);
    const answer = await (await handle(post(raw))).text();
    expect(sealed.open(answer)).toEqual({ data: { status: "active" } });
    const other = encryptFlowRequest(publicKey, { version: "3.0", action: "ping" });
    expect(() => other.open(answer)).toThrow();
  });
});
