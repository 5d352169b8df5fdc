import { constants, createCipheriv, createDecipheriv, type KeyObject, publicEncrypt, randomBytes } from "node:crypto";
import type { EncryptedFlowRequest } from "./crypto.js";

/** A request encrypted as WhatsApp encrypts it, and the way to read the endpoint's answer. */
export interface SealedFlowRequest {
  /** The JSON body to POST. */
  readonly body: EncryptedFlowRequest;
  /** Decrypts the endpoint's base64 answer (the same key, the flipped IV); throws if it does not authenticate. */
  open(answer: string): unknown;
}

/**
 * WhatsApp's side of the data exchange, for tests and emulators: a fresh AES-128 key and
 * 16-byte IV per request, the key under RSA-OAEP-SHA256 with your public key, the body under
 * AES-GCM with the tag appended.
 *
 * @example
 * const sealed = encryptFlowRequest(publicKey, { version: "3.0", action: "ping" });
 * const answer = await handle(new Request(url, { method: "POST", body: JSON.stringify(sealed.body) }));
 * sealed.open(await answer.text()); // { data: { status: "active" } }
 */
export function encryptFlowRequest(publicKey: string | KeyObject, request: unknown): SealedFlowRequest {
  const aesKey = randomBytes(16);
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-128-gcm", aesKey, iv, { authTagLength: 16 });
  const data = Buffer.concat([cipher.update(JSON.stringify(request), "utf8"), cipher.final(), cipher.getAuthTag()]);
  const key = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, aesKey);
  return {
    body: {
      encrypted_flow_data: data.toString("base64"),
      encrypted_aes_key: key.toString("base64"),
      initial_vector: iv.toString("base64"),
    },
    open(answer) {
      const bytes = Buffer.from(answer, "base64");
      if (bytes.length < 16) throw new Error("the answer is shorter than its tag");
      const decipher = createDecipheriv("aes-128-gcm", aesKey, Buffer.from(iv.map((b) => b ^ 0xff)), { authTagLength: 16 });
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8"));
    },
  };
}
