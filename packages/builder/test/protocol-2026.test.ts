import { describe, expect, it } from "@jest/globals";
import {
  callingGraphErrorCodes,
  classifyGraphError,
  graphErrorCodes,
  graphErrorSources,
  graphErrorTitles,
  knownGraphErrorCodes,
  knownPricingCategories,
  knownPricingTypes,
} from "../src/index.js";

describe("error codes and pricing values added in 2026 (webhooks-2026.md §1b, §1c)", () => {
  it("131063 (marketing disabled on Cloud API) is classified and sourced from Meta", () => {
    expect(graphErrorCodes.marketingDisabledOnCloudApi).toBe(131063);
    expect(classifyGraphError({ code: graphErrorCodes.marketingDisabledOnCloudApi }, 400)).toEqual({
      category: "template",
      action: "do_not_retry",
    });
    expect(graphErrorSources[131063]?.thirdPartyOnly).toBe(false);
  });

  it("every sourced code is in the table with a title; the pywa-only ones are marked", () => {
    const sourced = Object.keys(graphErrorSources).map(Number);
    expect(sourced.length).toBeGreaterThanOrEqual(12);
    for (const code of sourced) {
      expect(knownGraphErrorCodes).toContain(code);
      expect(graphErrorTitles[code]).toEqual(expect.any(String));
    }
    expect(sourced.filter((code) => graphErrorSources[code]?.thirdPartyOnly)).toEqual(
      expect.arrayContaining([131064, 131037, 130472, 131030, 132068, 132069, 133016, 139100, 139101, 139102, 139103]),
    );
  });

  it("the calling range is known from pywa only and not classified code by code", () => {
    expect(callingGraphErrorCodes.source.thirdPartyOnly).toBe(true);
    for (let code = callingGraphErrorCodes.first; code <= callingGraphErrorCodes.last; code++)
      expect(knownGraphErrorCodes).not.toContain(code);
    expect(classifyGraphError({ code: callingGraphErrorCodes.first }, 400)).toEqual({ category: "unknown", action: "do_not_retry" });
  });

  it("pricing: the group and AI categories and the per-message type", () => {
    expect(knownPricingCategories).toEqual(
      expect.arrayContaining(["group_marketing", "group_utility", "group_service", "general_purpose_ai", "marketing", "utility"]),
    );
    expect(knownPricingTypes).toContain("regular");
  });
});

describe("classifyGraphError reads its own table only", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])(
    "a code %p read from an answer is unknown, not Object.prototype's",
    (code) => {
      const classified = classifyGraphError({ code: code as unknown as number }, 400);
      expect(classified).toEqual({ category: "unknown", action: "do_not_retry" });
    },
  );
  it("a code spelled as a string still finds its entry, as the answer's JSON may give it", () => {
    expect(classifyGraphError({ code: "131047" as unknown as number }, 400)).toEqual({
      category: "reengagement_window",
      action: "do_not_retry",
    });
  });
});
