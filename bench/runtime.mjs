// Build + JSON.stringify with the builder versus the same object literal + JSON.stringify.
// Each pair is measured in one process, interleaved, and reported as a ratio (lower is
// better). Each case runs in a process of its own (`node bench/runtime.mjs <case>`), so one
// case's JIT feedback does not skew the next; scripts/bench.mjs runs them all.
import { isDeepStrictEqual } from "node:util";
import { do_not_optimize, measure } from "mitata";
import { msg } from "../packages/builder/dist/esm/index.js";

const to = "+16505551234";
const body =
  "Hi Ana! Your order #42 has shipped and is on its way. Track it here: https://example.com/track/42 — it should arrive by Friday. Reply STOP to opt out of updates.";

const cases = {
  text: {
    literal: () =>
      JSON.stringify({ messaging_product: "whatsapp", recipient_type: "individual", to, type: "text", text: { body, preview_url: true } }),
    builder: () => JSON.stringify(msg.to(to).text(body, { previewUrl: true }).build()),
  },
  contacts: {
    literal: () =>
      JSON.stringify({
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to,
        type: "contacts",
        contacts: [
          {
            name: { formatted_name: "Ana Diaz", first_name: "Ana", last_name: "Diaz" },
            birthday: "1990-01-31",
            emails: [{ email: "ana@example.com", type: "WORK" }],
            org: { company: "Lucky Shrub", title: "Manager" },
            phones: [{ phone: "+16505550000", type: "WORK", wa_id: "16505550000" }],
            urls: [{ url: "https://example.com", type: "WORK" }],
          },
        ],
      }),
    builder: () =>
      JSON.stringify(
        msg
          .to(to)
          .contacts((c) =>
            c.contact((p) =>
              p
                .name({ formattedName: "Ana Diaz", firstName: "Ana", lastName: "Diaz" })
                .birthday("1990-01-31")
                .email("ana@example.com", { type: "WORK" })
                .org({ company: "Lucky Shrub", title: "Manager" })
                .phone("+16505550000", { type: "WORK", waId: "16505550000" })
                .url("https://example.com", { type: "WORK" }),
            ),
          )
          .build(),
      ),
  },
};

const only = process.argv[2];
for (const [name, { literal, builder }] of Object.entries(cases).filter(([name]) => only === undefined || name === only)) {
  if (!isDeepStrictEqual(JSON.parse(literal()), JSON.parse(builder()))) throw new Error(`${name}: the builder and the literal disagree`);
  const best = { literal: Number.POSITIVE_INFINITY, builder: Number.POSITIVE_INFINITY };
  for (let round = 0; round < 3; round++) {
    for (const [kind, fn] of [
      ["literal", literal],
      ["builder", builder],
    ]) {
      const stats = await measure(() => do_not_optimize(fn()));
      best[kind] = Math.min(best[kind], stats.avg);
    }
  }
  const ratio = best.builder / best.literal;
  console.log(
    `${name.padEnd(9)} literal ${best.literal.toFixed(0)} ns  builder ${best.builder.toFixed(0)} ns  ratio ${ratio.toFixed(2)}× (target ≤ 1.20×)`,
  );
}
