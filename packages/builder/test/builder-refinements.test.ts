import { describe, expect, it } from "@jest/globals";
import { buttons, createMsg, type Issue, text, validate } from "../src/index.js";
import { explainBuiltSomeRecipient, explainSomeRecipient } from "../src/rules/envelope-refinements.js";
import { textRules, textRulesForAnyBody } from "../src/rules/quick/text.generated.js";
import { Report } from "../src/rules/report.js";

// explainBuiltSomeRecipient is someRecipient's explanation on the bodies builders assemble: the builder path's
// compiled explanation calls it (scripts/quick-checks.mjs, builderExplains) so a send carries only the messages it
// can give. It must report what the refinement's explain reports on every such body.

const issues = (explain: (body: Record<string, unknown>, report: Report) => unknown, body: Record<string, unknown>): readonly Issue[] => {
  const report = new Report();
  explain(body, report);
  return report.issues;
};

describe("explainBuiltSomeRecipient", () => {
  const tos = [undefined, null, Number.NaN, "", "16505551234", 16505551234];
  const recipients = [undefined, null, "US.13491208655302741918"];
  const types = [undefined, "individual", "group"];

  it("reports what explain reports on every addressing a builder writes (a group by `to` alone)", () => {
    let compared = 0;
    for (const to of tos)
      for (const recipient of recipients)
        for (const recipient_type of types) {
          if (recipient_type === "group" && recipient !== undefined) continue; // no builder writes this
          const body = { messaging_product: "whatsapp", recipient_type, to, recipient };
          expect([body, issues(explainBuiltSomeRecipient, body)]).toStrictEqual([body, issues(explainSomeRecipient, body)]);
          compared++;
        }
    expect(compared).toBe(tos.length * (recipients.length * types.length - (recipients.length - 1)));
  });

  it("is what the builder path's explanation calls; explanations of any body keep the whole refinement", () => {
    const body = {
      messaging_product: "whatsapp",
      recipient_type: "group",
      to: "120363000000000000@g.us",
      recipient: "US.13491208655302741918",
      type: "text",
      text: { body: "hi" },
    };
    const paths = (explain: (body: Record<string, unknown>, report: Report) => unknown): string[] =>
      issues(explain, body).map((issue) => `${issue.path} ${issue.code}`);
    expect(paths(textRules.explain)).toEqual([]);
    expect(paths(textRulesForAnyBody.explain)).toEqual(["recipient unknown_field"]);
  });

  it("leaves out only the group's recipient, which explain reports and no builder writes", () => {
    const body = { messaging_product: "whatsapp", recipient_type: "group", to: "120363000000000000@g.us", recipient: "US.1" };
    expect(issues(explainBuiltSomeRecipient, body)).toStrictEqual([]);
    expect(issues(explainSomeRecipient, body).map((issue) => issue.path)).toEqual(["recipient"]);
  });
});

describe("a builder given no recipient fails with validate()'s issues", () => {
  const m = createMsg({ text, buttons });
  const envelope = { messaging_product: "whatsapp", recipient_type: "individual", type: "text", text: { body: "hi" } };
  /** validate()'s issues for the body as JSON.stringify sends it. */
  const sent = (body: unknown): readonly Issue[] => validate(JSON.parse(JSON.stringify(body)));
  const failed = (result: { ok: boolean }): readonly Issue[] => (result as { issues?: readonly Issue[] }).issues ?? [];

  for (const value of [undefined, null, Number.NaN])
    it(`to(${String(value)}) and toUser(${String(value)})`, () => {
      const byTo = sent({ ...envelope, to: value });
      expect(byTo.filter((issue) => issue.severity === "error").map((issue) => issue.message)).toEqual([
        "is required (or recipient, a business-scoped user id)",
      ]);
      expect(
        failed(
          m
            .to(value as never)
            .text("hi")
            .safeBuild(),
        ),
      ).toStrictEqual(byTo);
      expect(
        failed(
          m
            .toUser(value as never)
            .text("hi")
            .safeBuild(),
        ),
      ).toStrictEqual(sent({ ...envelope, recipient: value }));
    });
});
