// Receiving a 1,000-status batch: verifySignature + JSON.parse + parseWebhook + dedupe, against
// the least any receiver does (JSON.parse + an HMAC check of the same bytes with Web Crypto, and
// with node:crypto). Variants take turns in 60 rounds of 20 batches; a ratio is the median of
// same-round ratios, so a shared host's drift cancels.
import { createHmac, timingSafeEqual } from "node:crypto";
import { dedupe, metaJson, parseWebhook, signatureOf, verifySignature, webhookPayload } from "@wacompose/webhooks";

const secret = "bench-app-secret";
const statuses = Array.from({ length: 1000 }, (_, i) => ({
  id: `wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI${String(i).padStart(6, "0")}`,
  status: ["sent", "delivered", "read"][i % 3],
  timestamp: String(1767225600 + i),
  recipient_id: "16505551234",
  biz_opaque_callback_data: `order~${i}`,
  ...(i % 3 === 0 ? { pricing: { billable: true, pricing_model: "PMP", category: "utility", type: "regular" } } : {}),
}));
const metadata = { display_phone_number: "15550001111", phone_number_id: "106540352242922" };
const raw = new TextEncoder().encode(metaJson(webhookPayload("102290129340398", { metadata, statuses })));
const header = await signatureOf(raw, secret);
const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
const digest = new Uint8Array(
  header
    .slice(7)
    .match(/../g)
    .map((h) => Number.parseInt(h, 16)),
);

const variants = {
  "verify + parse + dedupe (wacompose)": async () => {
    if (!(await verifySignature(raw, header, secret))) throw new Error("bad signature");
    const { events } = parseWebhook(JSON.parse(new TextDecoder().decode(raw)));
    if (dedupe(events, new Set()).length !== 1000) throw new Error("lost events");
  },
  "JSON.parse + HMAC (Web Crypto)": async () => {
    if (!(await crypto.subtle.verify("HMAC", key, digest, raw))) throw new Error("bad signature");
    JSON.parse(new TextDecoder().decode(raw));
  },
  "JSON.parse + HMAC (node:crypto)": async () => {
    const mac = createHmac("sha256", secret).update(raw).digest();
    if (!timingSafeEqual(mac, Buffer.from(digest))) throw new Error("bad signature");
    JSON.parse(new TextDecoder().decode(raw));
  },
};

const batch = async (f) => {
  const started = performance.now();
  for (let i = 0; i < 20; i++) await f();
  return (performance.now() - started) / 20;
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const names = Object.keys(variants);
const times = Object.fromEntries(names.map((n) => [n, []]));
for (let round = 0; round < 60; round++) {
  const order = round % 2 === 0 ? names : [...names].reverse();
  for (const name of order) times[name].push(await batch(variants[name]));
}
const base = names[1];
console.log(`| 1,000-status batch (${(raw.length / 1024).toFixed(0)} KiB) | per batch | ratio to ${base} | goal |`);
console.log("|---|---|---|---|");
for (const name of names) {
  const ratio = median(times[name].map((t, i) => t / times[base][i]));
  console.log(`| ${name} | ${median(times[name]).toFixed(2)} ms | ${ratio.toFixed(2)}× | ${name === names[0] ? "≤ 1.5×" : ""} |`);
}
