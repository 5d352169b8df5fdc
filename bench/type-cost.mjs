// Type-check cost of 1,000 builder calls versus the same bodies as object literals typed
// with the payload union, on TypeScript 5.9 and TypeScript 7 (--extendedDiagnostics "Check time").
// Goal (issue 30): at most 1.5× the literals on each compiler.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compilers, root, run } from "../scripts/lib.mjs";

// Literal and builder compiles in pairs (below): how many.
const pairs = Number(process.env.TYPE_COST_PAIRS ?? 7);
if (!Number.isInteger(pairs) || pairs < 1)
  throw new Error(`TYPE_COST_PAIRS: a whole number of pairs from 1, got ${process.env.TYPE_COST_PAIRS}`);

// Inside the package, so "@wacompose/builder" resolves to the built .d.ts as for users.
const dir = join(root, "packages/builder/.bench-tmp");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const text = (i) => `Order ${i}: ${"your parcel is on its way and should arrive tomorrow. ".repeat(4)}`.slice(0, 200);
const to = "+16505551234";
const builders = [];
const literals = [];
// 1,000 messages in the prototype's mix (a third each of ~200-character texts, three-button
// messages and ten-row lists, the costliest), plus images, reactions, locations and contacts.
const rows = (i) =>
  Array.from({ length: 10 }, (_, r) => ({ id: `row-${i}-${r}`, title: `Slot ${r}`, description: `Available at ${r + 8}:00` }));
for (let i = 0; i < 1000; i++) {
  const envelope = `messaging_product: "whatsapp", recipient_type: "individual", to: "${to}"`;
  switch (i % 9) {
    case 0:
    case 1:
    case 2:
      builders.push(`msg.to("${to}").text("${text(i)}", { previewUrl: true }).replyTo("wamid.${i}").callbackData("cb-${i}").build();`);
      literals.push(
        `({ ${envelope}, context: { message_id: "wamid.${i}" }, type: "text", text: { body: "${text(i)}", preview_url: true }, biz_opaque_callback_data: "cb-${i}" }) satisfies Message;`,
      );
      break;
    case 3:
    case 4:
    case 5:
      builders.push(
        `msg.to("${to}").buttons("Pick a slot for order ${i}").header("Tomorrow").footer("Reply below").reply("am-${i}", "Morning").reply("pm-${i}", "Afternoon").reply("ev-${i}", "Evening").build();`,
      );
      literals.push(
        `({ ${envelope}, type: "interactive", interactive: { type: "button", header: { type: "text", text: "Tomorrow" }, body: { text: "Pick a slot for order ${i}" }, footer: { text: "Reply below" }, action: { buttons: [{ type: "reply", reply: { id: "am-${i}", title: "Morning" } }, { type: "reply", reply: { id: "pm-${i}", title: "Afternoon" } }, { type: "reply", reply: { id: "ev-${i}", title: "Evening" } }] } } }) satisfies Message;`,
      );
      break;
    case 6:
    case 7: {
      const [first, second] = [rows(i).slice(0, 5), rows(i).slice(5)];
      const chain = (list) => list.map((r) => `.row("${r.id}", "${r.title}", "${r.description}")`).join("");
      builders.push(
        `msg.to("${to}").list("Our slots ${i}", "View slots").section("Morning", (s) => s${chain(first)}).section("Afternoon", (s) => s${chain(second)}).build();`,
      );
      const json = (list) => JSON.stringify(list).replace(/"(\w+)":/g, "$1: ");
      literals.push(
        `({ ${envelope}, type: "interactive", interactive: { type: "list", body: { text: "Our slots ${i}" }, action: { button: "View slots", sections: [{ title: "Morning", rows: ${json(first)} }, { title: "Afternoon", rows: ${json(second)} }] } } }) satisfies Message;`,
      );
      break;
    }
    default:
      switch (i % 4) {
        case 0:
          builders.push(`msg.to("${to}").image({ link: "https://example.com/${i}.png" }, { caption: "Receipt ${i}" }).build();`);
          literals.push(
            `({ ${envelope}, type: "image", image: { link: "https://example.com/${i}.png", caption: "Receipt ${i}" } }) satisfies Message;`,
          );
          break;
        case 1:
          builders.push(`msg.to("${to}").react("wamid.${i}", "👍").build();`);
          literals.push(`({ ${envelope}, type: "reaction", reaction: { message_id: "wamid.${i}", emoji: "👍" } }) satisfies Message;`);
          break;
        case 2:
          builders.push(`msg.to("${to}").location({ latitude: 37.48, longitude: -122.14, name: "Shop ${i}" }).build();`);
          literals.push(
            `({ ${envelope}, type: "location", location: { latitude: 37.48, longitude: -122.14, name: "Shop ${i}" } }) satisfies Message;`,
          );
          break;
        default:
          builders.push(
            `msg.to("${to}").contacts((c) => c.contact((p) => p.name({ formattedName: "Ana ${i}", firstName: "Ana" }).phone("+16505550000", { type: "WORK", waId: "16505550000" }))).build();`,
          );
          literals.push(
            `({ ${envelope}, type: "contacts", contacts: [{ name: { formatted_name: "Ana ${i}", first_name: "Ana" }, phones: [{ phone: "+16505550000", type: "WORK", wa_id: "16505550000" }] }] }) satisfies Message;`,
          );
      }
  }
}
writeFileSync(join(dir, "builder.ts"), `import { msg } from "@wacompose/builder";\n${builders.join("\n")}\n`);
writeFileSync(join(dir, "literal.ts"), `import type { Message } from "@wacompose/builder";\n${literals.join("\n")}\n`);
for (const name of ["builder", "literal"]) {
  const config = { extends: "../../../tsconfig.base.json", compilerOptions: { noEmit: true }, files: [`${name}.ts`] };
  writeFileSync(join(dir, `tsconfig.${name}.json`), JSON.stringify(config));
}

const measure = (compiler, name) => {
  const { code, output } = run(process.execPath, [compiler.bin, "-p", join(dir, `tsconfig.${name}.json`), "--extendedDiagnostics"], {
    quiet: true,
  });
  if (code !== 0) throw new Error(`${compiler.name} ${name}.ts does not type-check:\n${output.slice(0, 2000)}`);
  const number = (label) => Number(output.match(new RegExp(`${label}:\\s+([\\d.]+)`))?.[1] ?? Number.NaN);
  return { check: number("Check time"), types: number("Types"), instantiations: number("Instantiations"), memory: number("Memory used") };
};

// Pairs of compiles, literal and builder back to back in alternating order: a pair sees about the same load, so its
// ratio holds on a busy host where absolute times do not; the figure is the median of the pairs' ratios.
const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
};
console.log(
  `| compiler | typed literals: check | builders: check | ratio (median of ${pairs} pairs) | pairs' range | goal | types (literals / builders) | instantiations (literals / builders) | memory (literals / builders) |`,
);
console.log("|---|---|---|---|---|---|---|---|---|");
for (const compiler of compilers) {
  const runs = { literal: [], builder: [] };
  const ratios = [];
  for (let pair = 0; pair < pairs; pair++) {
    const order = pair % 2 === 0 ? ["literal", "builder"] : ["builder", "literal"];
    const result = {};
    for (const name of order) {
      result[name] = measure(compiler, name);
      runs[name].push(result[name]);
    }
    ratios.push(result.builder.check / result.literal.check);
  }
  // Types and instantiations are the same in every run; memory is the first pair's.
  const [literal, builder] = [runs.literal[0], runs.builder[0]];
  const check = (name) => `${median(runs[name].map((run) => run.check)).toFixed(2)} s`;
  const count = (n) => (Number.isNaN(n) ? "n/a" : n.toLocaleString("en"));
  const memory = (k) => (Number.isNaN(k) ? "n/a" : `${Math.round(k / 1024)} MB`);
  const ratio = median(ratios);
  console.log(
    `| ${compiler.name} | ${check("literal")} | ${check("builder")} | ${ratio.toFixed(2)}× | ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}× | ≤ 1.5× ${ratio <= 1.5 ? "✓" : "✗"} | ${count(literal.types)} / ${count(builder.types)} | ${count(literal.instantiations)} / ${count(builder.instantiations)} | ${memory(literal.memory)} / ${memory(builder.memory)} |`,
  );
}
if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
