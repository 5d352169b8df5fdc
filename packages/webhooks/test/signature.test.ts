import { createHmac } from "node:crypto";
import { describe, expect, it, jest } from "@jest/globals";
import { metaJson, signatureOf, verifyChallenge, verifySignature } from "../src/index.js";
import { envelope, inbound } from "./fixtures.js";

const secret = "app-secret-1";
/** Signed the way Meta signs: HMAC-SHA256 over the bytes it sends, computed here with node:crypto (an independent oracle). */
const sign = (bytes: string | Uint8Array, key = secret): string => `sha256=${createHmac("sha256", key).update(bytes).digest("hex")}`;
const payload = metaJson(envelope({ messages: [inbound.text] }));

describe("verifySignature over the raw bytes", () => {
  it("the body Meta sends escapes non-ASCII and @ as \\uXXXX", () => {
    expect(payload).toContain("Ol\\u00e1, caf\\u00e9 \\u00e0s 9? ana\\u0040example.com");
    expect(JSON.parse(payload)).toEqual(envelope({ messages: [inbound.text] }));
    expect(metaJson({ emoji: "👍" })).toBe('{"emoji":"\\ud83d\\udc4d"}');
    // Printable ASCII is kept, from space to ~; DEL and control characters are escaped.
    expect(metaJson({ edge: " ~\x7f\x1f" })).toBe('{"edge":" ~\\u007f\\u001f"}');
  });

  it("verifies the raw bytes, as a string or as bytes, and fails once the body is re-serialised", async () => {
    const header = sign(payload);
    await expect(verifySignature(payload, header, secret)).resolves.toBe(true);
    await expect(verifySignature(new TextEncoder().encode(payload), header, secret)).resolves.toBe(true);
    const reserialised = JSON.stringify(JSON.parse(payload));
    expect(reserialised).not.toBe(payload);
    await expect(verifySignature(reserialised, header, secret)).resolves.toBe(false);
  });

  it("agrees with node:crypto, upper-case hex included", async () => {
    expect(await signatureOf(payload, secret)).toBe(sign(payload));
    await expect(verifySignature(payload, sign(payload).toUpperCase().replace("SHA256=", "sha256="), secret)).resolves.toBe(true);
  });

  it("fails on a flipped byte, a wrong secret, a missing, empty, malformed or sha1 header", async () => {
    const bytes = new TextEncoder().encode(payload);
    const flipped = bytes.slice();
    flipped[100] = (flipped[100] as number) ^ 1;
    await expect(verifySignature(flipped, sign(bytes), secret)).resolves.toBe(false);
    await expect(verifySignature(payload, sign(payload, "another"), secret)).resolves.toBe(false);
    for (const header of [
      null,
      undefined,
      "",
      "sha256=",
      `sha256=${"0".repeat(63)}`,
      sign(payload).slice(7),
      `sha1=${createHmac("sha1", secret).update(payload).digest("hex")}`,
    ])
      await expect(verifySignature(payload, header, secret)).resolves.toBe(false);
  });

  it("reads exactly `sha256=` and 64 hex digits: surrounding spaces are trimmed, anything before or after is refused", async () => {
    const header = sign(payload);
    await expect(verifySignature(payload, `  ${header}\t`, secret)).resolves.toBe(true);
    await expect(verifySignature(payload, header.replace("sha256=", "SHA256="), secret)).resolves.toBe(true);
    for (const bad of [
      `x${header}`,
      `${header}0`,
      `${header}x`,
      `${header.slice(0, -1)}g`,
      `sha256:${header.slice(7)}`,
      `sha256= ${header.slice(7)}`,
    ])
      await expect(verifySignature(payload, bad, secret)).resolves.toBe(false);
  });

  it("checks with the secret it is given each time, when the secret changes and changes back", async () => {
    for (const key of [secret, "another-secret", secret, "another-secret"]) {
      await expect(verifySignature(payload, sign(payload, key), key)).resolves.toBe(true);
      await expect(verifySignature(payload, sign(payload, key === secret ? "another-secret" : secret), key)).resolves.toBe(false);
      expect(await signatureOf(payload, key)).toBe(sign(payload, key));
    }
  });

  it("compares in constant time: the digest goes to Web Crypto's verify, never to a string or byte comparison that stops early", async () => {
    const verify = jest.spyOn(crypto.subtle, "verify");
    try {
      await verifySignature(payload, sign(payload), secret);
      expect(verify).toHaveBeenCalledTimes(1);
      const [algorithm, , digest, data] = verify.mock.calls[0] as unknown as [string, unknown, Uint8Array, Uint8Array];
      expect(algorithm).toBe("HMAC");
      expect(Buffer.from(digest).toString("hex")).toBe(sign(payload).slice(7));
      expect(new TextDecoder().decode(data)).toBe(payload);
    } finally {
      verify.mockRestore();
    }
  });

  it("a missing app secret is an error, not a pass", async () => {
    await expect(verifySignature(payload, sign(payload), "")).rejects.toThrow("the app secret is required");
    // From JavaScript, or a config value read as a number: not turned into the text "123".
    for (const notText of [123, undefined, null, { toString: () => secret }])
      await expect(verifySignature(payload, sign(payload, "123"), notText as unknown as string)).rejects.toThrow(
        "the app secret is required",
      );
  });
});

describe("verifyChallenge", () => {
  const query = (params: Record<string, string>) => new URLSearchParams(params);
  it("echoes the challenge verbatim for subscribe with the right token", () => {
    expect(verifyChallenge(query({ "hub.mode": "subscribe", "hub.verify_token": "vt", "hub.challenge": "1158201444" }), "vt")).toEqual({
      ok: true,
      status: 200,
      body: "1158201444",
    });
    expect(verifyChallenge("/webhook?hub_mode=subscribe&hub_verify_token=vt&hub_challenge=a%20b", "vt")).toMatchObject({
      status: 200,
      body: "a b",
    });
    expect(verifyChallenge(new URL("https://x.test/w?hub.mode=subscribe&hub.verify_token=vt&hub.challenge=z"), "vt").body).toBe("z");
  });
  it("answers 403 to a wrong or missing token, another mode, or no challenge", () => {
    for (const params of [
      { "hub.mode": "subscribe", "hub.verify_token": "vT", "hub.challenge": "1" },
      { "hub.mode": "subscribe", "hub.verify_token": "v", "hub.challenge": "1" },
      { "hub.mode": "subscribe", "hub.challenge": "1" },
      { "hub.mode": "unsubscribe", "hub.verify_token": "vt", "hub.challenge": "1" },
      { "hub.mode": "subscribe", "hub.verify_token": "vt" },
    ])
      expect(verifyChallenge(query(params), "vt")).toMatchObject({ ok: false, status: 403 });
  });
  it("never echoes markup or a huge challenge (an answer sent as HTML would run it), even with the right token", () => {
    for (const challenge of ["<script>alert(1)</script>", "1&x", '1"', "1\n2", "9".repeat(257)]) {
      const answer = verifyChallenge(query({ "hub.mode": "subscribe", "hub.verify_token": "vt", "hub.challenge": challenge }), "vt");
      expect(answer).toEqual({
        ok: false,
        status: 403,
        body: "hub.challenge must be at most 256 characters, none of them a control character or one of < > & \" ' ` (Meta's is a number)",
      });
    }
    expect(
      verifyChallenge(query({ "hub.mode": "subscribe", "hub.verify_token": "vt", "hub.challenge": "9".repeat(256) }), "vt"),
    ).toMatchObject({
      status: 200,
    });
  });
});
