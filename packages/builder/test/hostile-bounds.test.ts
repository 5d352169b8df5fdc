import { describe, expect, it } from "@jest/globals";
import { copyData } from "../src/builders/copy-data.js";
import { type Issue, msg, PayloadError, validate } from "../src/index.js";
import { builtIssues } from "../src/rules/built-issues.js";
import { maxIssuesPerArray } from "../src/rules/explain-leaf.js";
import { maxJsonDepth, maxJsonValues } from "../src/rules/json-bounds.js";
import { textRulesForAnyBody } from "../src/rules/quick/text.generated.js";

// Hostile values for validate() and the builders' copies of free-form data: each bound is hit
// and reported as an issue (a path, a limit), never an engine error, an abort or an unbounded walk.
// The tests assert what is reported, not how long it took.

const n = "+16505551234";
const textBody = (text: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  messaging_product: "whatsapp",
  to: "16505551234",
  type: "text",
  text,
  ...extra,
});
const errors = (body: unknown): readonly Issue[] => validate(body).filter((issue) => issue.severity === "error");
/** Arrays nested `depth` deep: `[[[…]]]`, as JSON.parse makes them (it does not overflow). */
const nestedArrays = (depth: number): unknown => JSON.parse(`${"[".repeat(depth)}${"]".repeat(depth)}`);
/** `{ d: { d: … { } } }`: `levels` objects, the outermost included. */
function nestedObjects(levels: number): Record<string, unknown> {
  let data: Record<string, unknown> = {};
  for (let i = 1; i < levels; i++) data = { d: data };
  return data;
}

describe("validate(): the path stays right whatever throws or nests too deep", () => {
  it("arrays nested 20,000 deep: one issue where the bound is crossed, and `to` still at `to`", () => {
    const body = textBody({ body: "a", x: nestedArrays(20_000) }, { to: "1" });
    const issues = errors(body);
    // text(1).x(2), then x[0] at 3, …: the first array deeper than maxJsonDepth is at depth 1001.
    const tooDeep = `text.x${"[0]".repeat(maxJsonDepth - 1)}`;
    expect(issues.map((issue) => (issue.path === tooDeep ? "too deep" : issue.path.slice(0, 40)))).toEqual(["too deep", "text.x", "to"]);
    expect(issues.find((issue) => issue.path === tooDeep)).toMatchObject({ code: "invalid_value", limit: maxJsonDepth });
    expect(issues.find((issue) => issue.path === "to")?.code).toBe("invalid_format");
  });

  it("exactly maxJsonDepth deep is read; one deeper is not", () => {
    const atBound = textBody({ body: "a", x: nestedArrays(maxJsonDepth - 1) }); // x at depth 2, the innermost at 1000
    expect(errors(atBound).map((issue) => issue.code)).toEqual(["unknown_field"]);
    const beyond = textBody({ body: "a", x: nestedArrays(maxJsonDepth) });
    expect(errors(beyond).map((issue) => issue.code)).toEqual(["invalid_value", "unknown_field"]);
  });

  it("a getter that overflows the stack is reported at its own path, and its siblings at theirs", () => {
    const text: Record<string, unknown> = { body: "a" };
    const recurse = (): number => recurse() + 1;
    Object.defineProperty(text, "boom", { enumerable: true, get: recurse });
    text.after = 1;
    const issues = errors(textBody(text, { to: "1" }));
    expect(issues.find((issue) => issue.path === "text.boom")?.message).toMatch(/^could not be read: RangeError/);
    expect(issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(["text.after", "to"]));
    expect(issues.every((issue) => ["text.boom", "text.after", "to"].includes(issue.path))).toBe(true);
  });

  it("a proxy whose keys cannot be listed, inside an array: reported at its index", () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("no keys");
        },
      },
    );
    const issues = errors(textBody({ body: "a", x: [1, hostile, 2] }, { to: "1" }));
    expect(issues.find((issue) => issue.path === "text.x[1]")?.message).toBe("could not be read: Error: no keys");
    expect(issues.map((issue) => issue.path)).toContain("to");
  });
});

describe("validate(): the number of issues is bounded", () => {
  it("100,000 unknown keys: 20 issues, then one that counts the rest", () => {
    const body = textBody({ body: "a" });
    for (let i = 0; i < 100_000; i++) body[`k${i}`] = 1;
    const issues = validate(body);
    expect(issues).toHaveLength(maxIssuesPerArray + 1);
    expect(issues.slice(0, maxIssuesPerArray).every((issue) => issue.code === "unknown_field")).toBe(true);
    // The root's four fields come first, then k0…: the 21st unknown key is the 25th key.
    expect(issues[maxIssuesPerArray]).toMatchObject({
      path: "",
      code: "truncated",
      message: `stopped after ${maxIssuesPerArray} issues; ${100_004 - 24} more keys not checked`,
    });
  });

  it("the compiled explanation of any body reports the same capped issues as explain()", () => {
    const body = textBody({ body: "a" });
    for (let i = 0; i < 1000; i++) body[`k${i}`] = 1;
    const compiled = builtIssues(body, textRulesForAnyBody);
    expect(compiled).toHaveLength(maxIssuesPerArray + 1);
    expect(compiled).toEqual(validate(body));
  });

  it("a key the API ignores is still a warning, and counts toward the cap", () => {
    const body = textBody({ body: "a" }, { message_activity_sharing: true });
    expect(validate(body).map((issue) => `${issue.severity} ${issue.path}`)).toEqual(["warning message_activity_sharing"]);
    for (let i = 0; i < 30; i++) body[`k${i}`] = 1;
    const issues = validate(body);
    expect(issues.map((issue) => issue.code)).toEqual([...new Array(maxIssuesPerArray).fill("unknown_field"), "truncated"]);
    expect(issues[0]?.severity).toBe("warning");
    expect(builtIssues(body, textRulesForAnyBody)).toEqual(issues);
  });

  it("100,000 cycles in one array: 20 issues, then one that counts the rest", () => {
    const body = textBody({ body: "a" });
    const x: unknown[] = [];
    for (let i = 0; i < 100_000; i++) x.push(body);
    body.x = x;
    const issues = validate(body);
    expect(issues.filter((issue) => issue.message.startsWith("a cycle"))).toHaveLength(maxIssuesPerArray);
    expect(issues).toContainEqual({
      path: "",
      code: "truncated",
      severity: "error",
      message: `stopped after ${maxIssuesPerArray} issues; ${100_000 - maxIssuesPerArray} more values JSON cannot carry`,
    });
    expect(issues.length).toBeLessThanOrEqual(maxIssuesPerArray + 2); // + x as an unknown field
  });

  it("100 chains 3,000 deep: each too deep, the issues capped", () => {
    const x = Array.from({ length: 100 }, () => nestedObjects(3000));
    const issues = validate(textBody({ body: "a" }, { x }));
    expect(issues.filter((issue) => issue.limit === maxJsonDepth)).toHaveLength(maxIssuesPerArray);
    expect(issues.map((issue) => issue.code)).toContain("truncated");
  });
});

describe("validate(): bounded in the values it reads", () => {
  const tooLarge = { path: "", code: "too_many", severity: "error", message: `too large to validate: more than ${maxJsonValues} values` };

  it("a sparse array of length 4e9: too large, and nothing allocated for it", () => {
    const sparse: unknown[] = [];
    sparse.length = 4e9;
    expect(validate(textBody({ body: sparse }))).toEqual([{ ...tooLarge, limit: maxJsonValues }]);
  });

  it("a 10 MB Uint8Array: too large, its keys never listed", () => {
    expect(validate(textBody({ body: "a", x: new Uint8Array(10_000_000) }))).toEqual([{ ...tooLarge, limit: maxJsonValues }]);
  });

  it("a 2 MB Buffer (its toJSON makes an array of 2,000,000 numbers): too large", () => {
    expect(validate(textBody({ body: "a", x: Buffer.alloc(2_000_000) }))).toEqual([{ ...tooLarge, limit: maxJsonValues }]);
  });

  it("a small object shared by 2^25 paths (JSON repeats it each time): too large, not copied 2^25 times", () => {
    let shared: Record<string, unknown> = { a: [1, 2, 3] };
    for (let i = 0; i < 25; i++) shared = { l: shared, r: shared };
    expect(validate(textBody({ body: "a", x: shared }))).toEqual([{ ...tooLarge, limit: maxJsonValues }]);
  });

  it("a large body under the bound is read in full", () => {
    const x = new Array(maxJsonValues - 100).fill(0);
    expect(validate(textBody({ body: "a", x }))).toEqual([
      { path: "text.x", code: "unknown_field", severity: "error", message: "not a field of this object" },
    ]);
    const small = new Uint8Array([1, 2]);
    expect(errors(textBody(small)).map((issue) => issue.path)).toEqual(["text.0", "text.1", "text.body"]);
  });
});

describe("builders: free-form data fails with a PayloadError naming where, not an engine error", () => {
  const dataPath = "interactive.action.parameters.flow_action_payload.data";
  const flowWith = (data: Record<string, unknown>) => msg.to(n).flow("b", { flowId: "1", cta: "Go", data });
  const thrown = (make: () => unknown): unknown => {
    try {
      make();
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it("flow() with data nested 100,000 deep", () => {
    const error = thrown(() => flowWith(nestedObjects(100_000)).build());
    expect(error).toBeInstanceOf(PayloadError);
    const [issue] = (error as PayloadError).issues;
    // data is at depth 5, its d at 6, …: the first object deeper than maxJsonDepth is the 996th d.
    expect(issue?.path === `${dataPath}${".d".repeat(maxJsonDepth - 4)}`).toBe(true);
    expect({ ...issue, path: undefined }).toEqual({
      path: undefined,
      code: "invalid_value",
      severity: "error",
      message: `nested deeper than ${maxJsonDepth} levels, too deep to send`,
      limit: maxJsonDepth,
    });
  });

  it("flow(): build() and validate() agree at the bound and one past it", () => {
    const atBound = flowWith(nestedObjects(maxJsonDepth - 4)).build(); // data at 5, the innermost at 1000
    expect(errors(atBound)).toEqual([]);
    const beyond = nestedObjects(maxJsonDepth - 3);
    const error = thrown(() => flowWith(beyond).build()) as PayloadError;
    const body = { ...atBound, interactive: { ...atBound.interactive } };
    (body.interactive.action.parameters.flow_action_payload as { data: unknown }).data = beyond;
    expect(errors(body)).toEqual(error.issues);
  });

  it("template flowButton: a function or toJSON in data is read as JSON reads it, as flow() does", () => {
    const template = () => msg.to(n).template("t").language("en");
    const withFunction = template()
      .flowButton(0, { data: { a: 1, f() {} } })
      .build();
    expect(JSON.stringify(withFunction.template.components)).toContain('"flow_action_data":{"a":1}');
    const withToJSON = thrown(() =>
      template()
        .flowButton(0, { data: { toJSON: () => ({ b: 2 }) } })
        .build(),
    );
    expect(withToJSON === undefined || withToJSON instanceof PayloadError).toBe(true);
    const big = thrown(() =>
      template()
        .flowButton(0, { data: { big: 1n } })
        .build(),
    ) as PayloadError;
    expect(big).toBeInstanceOf(PayloadError);
    expect(big.issues[0]?.message).toMatch(/BigInt/);
  });

  it("template flowButton with data nested 100,000 deep", () => {
    const error = thrown(() =>
      msg
        .to(n)
        .template("t")
        .language("en")
        .flowButton(0, { data: nestedObjects(100_000) }),
    );
    expect(error).toBeInstanceOf(PayloadError);
    const [issue] = (error as PayloadError).issues;
    // flow_action_data is at depth 7 (template.components[i].parameters[0].action.flow_action_data).
    expect(issue?.path === `template.components.parameters.action.flow_action_data${".d".repeat(maxJsonDepth - 6)}`).toBe(true);
    expect(issue?.limit).toBe(maxJsonDepth);
  });

  it("copyData: a sparse array of length 4e9 fails at once; a shared object is copied once; a cycle stays one", () => {
    const sparse: unknown[] = [];
    sparse.length = 4e9;
    const error = thrown(() => copyData({ list: sparse }, { path: "data", depth: 1 })) as PayloadError;
    expect(error).toBeInstanceOf(PayloadError);
    expect(error.issues[0]).toMatchObject({ path: "data.list", limit: maxJsonValues });
    const shared = { v: 1 };
    const copy = copyData({ a: shared, b: shared }, { path: "data", depth: 1 });
    expect(copy.a).not.toBe(shared);
    expect(copy.a).toBe(copy.b);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    const copied = copyData(cycle, { path: "data", depth: 1 });
    expect(copied.self).toBe(copied);
  });
});
