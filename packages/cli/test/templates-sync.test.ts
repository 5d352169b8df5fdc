import { describe, expect, it } from "@jest/globals";
import type { TemplateNode } from "@wacompose/transport-fetch/templates";
import { describePlan, localTemplates, planTemplates, pushTemplates } from "../src/templates-sync.js";

// The plan of `templates diff | push` on its own, against listed nodes (the end-to-end test runs the command against
// the emulator): what is created, edited, refused, kept, and what is never touched.

const body = (text: string) => [{ type: "BODY", text, example: { body_text: [["Ana"]] } }];
const definitions = {
  welcome: { category: "MARKETING", language: "en_US", components: body("Hi {{1}}, welcome!") },
  shipped: { languages: ["en_US"], body: ["text"] }, // a summary for sending only
};
const node = (name: string, status: string, text = "Hi {{1}}, welcome!", category = "MARKETING"): TemplateNode => ({
  id: String(name.length + status.length),
  name,
  language: "en_US",
  status,
  category,
  parameter_format: "POSITIONAL",
  components: body(text) as never,
});

describe("templates diff | push: the plan", () => {
  const { templates, skipped } = localTemplates(definitions);

  it("reads creation definitions and counts summaries apart", () => {
    expect(templates.map(({ key }) => key)).toEqual(["welcome (en_US)"]);
    expect(skipped).toEqual(["shipped"]);
  });

  it("a template defined for sending only is never planned for deletion", () => {
    const plan = planTemplates(templates, [node("welcome", "APPROVED"), node("shipped", "APPROVED", "Your order {{1}} shipped.")], skipped);
    expect(plan.same.map(({ key }) => key)).toEqual(["welcome (en_US)"]);
    expect(plan.remoteOnly).toEqual([]);
    expect(plan.sendingOnly.map(({ name }) => name)).toEqual(["shipped"]);
    expect(describePlan(plan)).toEqual([]);
  });

  it("an edit the API would refuse is planned as refused, not tried", async () => {
    const pending = planTemplates(templates, [node("welcome", "PENDING", "Hi {{1}}, hello!")]);
    expect(pending.edit[0]?.refused).toMatch(/PENDING template takes no edit/);
    const recategorised = planTemplates(templates, [node("welcome", "APPROVED", "Hi {{1}}, welcome!", "UTILITY")]);
    expect(recategorised.edit[0]?.refused).toMatch(/category of an APPROVED template cannot change/);
    const calls: string[] = [];
    const manager = new Proxy({}, { get: (_, method) => async () => calls.push(String(method)) }) as never;
    const { lines, failed } = await pushTemplates(manager, recategorised, true);
    expect(calls).toEqual([]);
    expect(failed).toBe(1);
    expect(lines).toEqual([
      "✗ welcome (en_US) not edited: the category of an APPROVED template cannot change (create it under a new name)",
    ]);
  });

  it("a parameter_format change is refused (an edit cannot make it), and a TTL left out is the account's", () => {
    const named = {
      ...definitions.welcome,
      parameter_format: "NAMED",
      components: [
        {
          type: "BODY",
          text: "Hi {{first_name}}, welcome!",
          example: { body_text_named_params: [{ param_name: "first_name", example: "Ana" }] },
        },
      ],
    };
    const plan = planTemplates(localTemplates({ welcome: named }).templates, [node("welcome", "APPROVED")]);
    expect(plan.edit[0]?.fields).toEqual(["parameter_format", "components"]);
    expect(plan.edit[0]?.refused).toMatch(/parameter_format cannot be edited/);
    const withTtl = { ...node("welcome", "APPROVED"), message_send_ttl_seconds: 3600 };
    expect(planTemplates(templates, [withTtl]).same.map(({ key }) => key)).toEqual(["welcome (en_US)"]);
  });

  it("--prune deletes what only the account holds, but never a DISABLED template", async () => {
    const plan = planTemplates(templates, [node("welcome", "APPROVED"), node("old_promo", "APPROVED"), node("stopped", "DISABLED")]);
    const calls: unknown[] = [];
    const manager = { delete: async (target: unknown) => void calls.push(target) } as never;
    const { lines } = await pushTemplates(manager, plan, true);
    expect(calls).toEqual([{ name: "old_promo", id: "17" }]);
    expect(lines).toEqual(["✓ old_promo (en_US) deleted", "- stopped (en_US) kept: a DISABLED template cannot be deleted"]);
    expect((await pushTemplates(manager, plan, false)).lines).toContain(
      "- old_promo (en_US) kept: only in the account (push --prune deletes it)",
    );
    expect(calls).toHaveLength(1);
  });

  it("a name defined twice for one language is an error naming it", () => {
    expect(() => localTemplates({ a: [definitions.welcome, definitions.welcome] })).toThrow("a (en_US) is defined twice");
  });
});
