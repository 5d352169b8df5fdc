import { generateKeyPairSync } from "node:crypto";

/** A key pair for a flow's endpoint: upload `publicKey`, keep `privateKey` for flowEndpoint(). */
export interface FlowKeyPair {
  /** PKCS#8 PEM; encrypted (AES-256-CBC) when a passphrase is given. */
  readonly privateKey: string;
  /** SPKI PEM, for `POST /{phone-number-id}/whatsapp_business_encryption` (`business_public_key`). */
  readonly publicKey: string;
}

/**
 * A 2048-bit RSA key pair, as Meta's endpoint encryption expects.
 *
 * @example
 * const { privateKey, publicKey } = generateFlowKeyPair({ passphrase: process.env.FLOW_KEY_PASSPHRASE });
 */
export function generateFlowKeyPair(options: { readonly passphrase?: string | undefined } = {}): FlowKeyPair {
  const { passphrase } = options;
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding:
      passphrase === undefined || passphrase === ""
        ? { type: "pkcs8", format: "pem" }
        : { type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase },
  });
  return { privateKey, publicKey };
}
