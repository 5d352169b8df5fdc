// Outside review (branch atk): each test states the behaviour the docs promise; a failing test is a finding.
// Run: pnpm exec jest --roots '<rootDir>/attack' --testMatch '**/attack/test/*.test.ts'
import { audioTo, createMsg, documentTo, msg, PayloadError, text, validate } from "@wacompose/builder";

const n = "+16505551234";
const errors = (body: unknown) => validate(body).filter((i) => i.severity === "error");
/** build() must either throw a PayloadError or return a body validate() finds no error in. */
function buildAgreesWithValidate(builder: { build(): unknown }): void {
  let body: unknown;
  try {
    body = builder.build();
  } catch (error) {
    expect(error).toBeInstanceOf(PayloadError);
    return;
  }
  expect(errors(body)).toEqual([]);
}

describe("F1: NaN/±Infinity pass the refinements' yes/no checks but are sent as null", () => {
  it.each([
    ["image id NaN", () => msg.to(n).image({ id: NaN as unknown as string })],
    ["video id -Infinity", () => msg.to(n).video({ id: -Infinity as unknown as string })],
    ["audioTo id NaN", () => audioTo(n, { id: NaN as unknown as string })],
    ["documentTo id NaN", () => documentTo(n, { id: NaN as unknown as string })],
    ["sticker id NaN", () => msg.to(n).sticker({ id: NaN as unknown as string })],
    ["buttons media header id NaN", () => msg.to(n).buttons("b").header({ image: { id: NaN as unknown as string } }).reply("a", "A")],
    ["flow flowId NaN", () => msg.to(n).flow("b", { flowId: NaN as unknown as string, cta: "Go" })],
    ["toGroup(NaN)", () => msg.toGroup(NaN as unknown as string).text("hi")],
    ["createMsg toGroup(NaN)", () => createMsg({ text }).toGroup(NaN as unknown as string).text("hi")],
    ["template header image id NaN", () => msg.to(n).template("t").language("en").header((p) => p.image({ id: NaN as unknown as string }))],
    [
      "template named parameter NaN",
      () => msg.to(n).template("t").language("en").body((p) => p.text("a", { name: "x" }).text("b", { name: NaN as unknown as string })),
    ],
  ])("%s", (_, make) => buildAgreesWithValidate(make()));
});

describe("F2: validate() on deep nesting reports later issues at the wrong path", () => {
  it("the top-level `to` issue stays at `to`", () => {
    const depth = 20_000;
    const deep = `${"[".repeat(depth)}${"]".repeat(depth)}`;
    const body = JSON.parse(`{"messaging_product":"whatsapp","type":"text","text":{"body":"a","x":${deep}},"to":"1"}`);
    const paths = errors(body).map((i) => i.path);
    expect(paths).toContain("to");
    expect(paths.filter((p) => p !== "to" && !p.startsWith("text.x"))).toEqual([]);
    expect(paths).not.toContain("text.x.to");
  });
});

describe("F3: validate()'s issues are bounded", () => {
  it("unknown keys at the root: at most a few dozen issues", () => {
    const body: Record<string, unknown> = { messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "a" } };
    for (let i = 0; i < 100_000; i++) body[`k${i}`] = 1;
    expect(validate(body).length).toBeLessThan(100);
  });
});

describe("F6: builders throw a TypeError/PayloadError naming where, not an engine error", () => {
  const deep = () => {
    let data: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) data = { d: data };
    return data;
  };
  it("flow() with data nested 100,000 deep", () => {
    expect(() => msg.to(n).flow("b", { flowId: "1", cta: "Go", data: deep() }).build()).toThrow(PayloadError);
  });
  it("template flowButton with a function in its data (flow() reports it instead)", () => {
    expect(() => msg.to(n).template("t").language("en").flowButton(0, { data: { f() {} } }).build()).not.toThrow(/could not be cloned/);
  });
});

describe("F8: a builder is immutable: its recipient's addressing cannot be changed after it was made", () => {
  it("createMsg recipient", () => {
    const recipient = createMsg({ text }).to(n);
    const builder = recipient.text("hi");
    try {
      (recipient.addressing as { to: string }).to = "+442071234567";
    } catch {}
    expect(builder.build().to).toBe(n);
  });
});
