import { constants, createCipheriv, createDecipheriv, createPrivateKey, type KeyObject, privateDecrypt } from "node:crypto";

/** The three base64 fields Meta POSTs to a flow's endpoint (flows.md §5.1). */
export interface EncryptedFlowRequest {
  readonly encrypted_flow_data: string;
  readonly encrypted_aes_key: string;
  readonly initial_vector: string;
}

/** A decrypted request and what its answer is encrypted with. */
export interface DecryptedFlowRequest {
  readonly body: unknown;
  readonly aesKey: Buffer;
  readonly iv: Buffer;
}

const tagLength = 16;
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Why a request could not be decrypted (answered 421, so Meta re-fetches the public key). */
export class FlowDecryptionError extends Error {
  override readonly name = "FlowDecryptionError";
}

const decodeBase64 = (value: unknown, field: string): Buffer => {
  if (value === undefined)
    throw new FlowDecryptionError(`the body has no ${field} (it needs encrypted_flow_data, encrypted_aes_key and initial_vector)`);
  if (typeof value !== "string")
    throw new FlowDecryptionError(
      `${field} is base64 text, got ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}`,
    );
  if (value === "" || !base64.test(value.replace(/\s/g, ""))) throw new FlowDecryptionError(`${field} is not base64`);
  return Buffer.from(value, "base64");
};

/** The private key, from PEM (optionally encrypted with `passphrase`) or a KeyObject; throws a clear error at startup. */
export function loadPrivateKey(privateKey: string | KeyObject, passphrase?: string): KeyObject {
  if (typeof privateKey !== "string") return privateKey;
  try {
    return createPrivateKey(passphrase === undefined ? privateKey : { key: privateKey, passphrase });
  } catch (error) {
    throw new TypeError(
      `flowEndpoint: privateKey could not be read (a PEM private key${passphrase === undefined ? "; encrypted keys need passphrase" : " and its passphrase"}): ${(error as Error).message}`,
    );
  }
}

/**
 * Decrypts a request as Meta encrypts it: the AES key with RSA-OAEP (SHA-256, MGF1-SHA-256),
 * then the body with AES-GCM, a 16-byte IV and the 16-byte tag at the end.
 */
export function decryptFlowRequest(request: unknown, privateKey: KeyObject): DecryptedFlowRequest {
  if (request === null || typeof request !== "object" || Array.isArray(request))
    throw new FlowDecryptionError("the body is not {encrypted_flow_data, encrypted_aes_key, initial_vector}");
  // Own members only, as JSON.parse makes them: a field inherited from a prototype is not the body's.
  const field = (name: string): unknown => (Object.hasOwn(request, name) ? (request as Record<string, unknown>)[name] : undefined);
  const encryptedKey = decodeBase64(field("encrypted_aes_key"), "encrypted_aes_key");
  const data = decodeBase64(field("encrypted_flow_data"), "encrypted_flow_data");
  const iv = decodeBase64(field("initial_vector"), "initial_vector");
  if (iv.length !== 16) throw new FlowDecryptionError(`initial_vector is 16 bytes, got ${iv.length}`);
  if (data.length <= tagLength) throw new FlowDecryptionError("encrypted_flow_data is shorter than its tag");
  let aesKey: Buffer;
  try {
    aesKey = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, encryptedKey);
  } catch {
    throw new FlowDecryptionError("encrypted_aes_key does not open with this private key (was the matching public key uploaded?)");
  }
  if (aesKey.length !== 16) throw new FlowDecryptionError(`the AES key is 16 bytes (AES-128), got ${aesKey.length}`);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv("aes-128-gcm", aesKey, iv, { authTagLength: tagLength });
    decipher.setAuthTag(data.subarray(data.length - tagLength));
    plain = Buffer.concat([decipher.update(data.subarray(0, data.length - tagLength)), decipher.final()]);
  } catch {
    throw new FlowDecryptionError("encrypted_flow_data fails its authentication tag (tampered, or another key)");
  }
  let body: unknown;
  try {
    body = JSON.parse(plain.toString("utf8"));
  } catch {
    throw new FlowDecryptionError("the decrypted body is not JSON");
  }
  return { body, aesKey, iv };
}

/** Encrypts an answer as Meta expects: the request's key, the IV with every byte flipped, the tag appended, base64. */
export function encryptFlowResponse(response: unknown, aesKey: Buffer, iv: Buffer): string {
  const flipped = Buffer.from(iv.map((byte) => byte ^ 0xff));
  const cipher = createCipheriv("aes-128-gcm", aesKey, flipped, { authTagLength: tagLength });
  const encrypted = Buffer.concat([cipher.update(JSON.stringify(response), "utf8"), cipher.final(), cipher.getAuthTag()]);
  return encrypted.toString("base64");
}
