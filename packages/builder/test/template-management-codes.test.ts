import { describe, expect, it } from "@jest/globals";
import {
  classifyGraphError,
  classifyTemplateManagementError,
  templateManagementErrorCodes as codes,
  graphErrorCodes,
  templateManagementCode,
  templateManagementErrors,
} from "../src/index.js";

// templates-management.md §4: Meta sends the 2388xxx codes as error_subcode under 100; pywa reads them as code.
describe("template-management error codes", () => {
  const subcodes = Object.values(codes).filter((code) => code > 1_000_000);

  it("every named code has a category, an action, a meaning and a source; the unverified ones say so", () => {
    expect(Object.keys(templateManagementErrors).map(Number).sort()).toEqual([...Object.values(codes)].sort());
    for (const entry of Object.values(templateManagementErrors)) {
      expect(entry.meaning.length).toBeGreaterThan(10);
      expect(entry.source.length).toBeGreaterThan(3);
    }
    const unverified = Object.entries(templateManagementErrors)
      .filter(([, entry]) => !entry.verified)
      .map(([code]) => Number(code))
      .sort();
    expect(unverified).toEqual(
      [
        codes.nameUnavailable,
        codes.templateCountLimit,
        codes.fieldTooLong,
        codes.headerFormat,
        codes.bodyFormat,
        codes.footerFormat,
        codes.tooManyVariables,
        codes.variableAtStartOrEnd,
      ].sort(),
    );
    for (const code of unverified) expect(templateManagementErrors[code]?.source).toMatch(/unverified/);
  });

  it.each(subcodes.map((code) => [code]))("%i matches as a subcode under 100 and as a code", (code) => {
    const entry = templateManagementErrors[code];
    expect(templateManagementCode({ code: 100, error_subcode: code })).toBe(code);
    expect(templateManagementCode({ code: 100, subcode: code })).toBe(code);
    expect(templateManagementCode({ code })).toBe(code);
    for (const error of [{ code: 100, error_subcode: code }, { code }])
      expect(classifyTemplateManagementError(error, 400)).toEqual({ category: entry?.category, action: entry?.action });
  });

  it.each([
    ["name and language exist", { code: 100, error_subcode: codes.nameAndLanguageExist }, 400, "template", "fix_and_retry"],
    ["name unavailable", { code: 100, error_subcode: codes.nameUnavailable }, 400, "template", "do_not_retry"],
    ["template count limit", { code: codes.templateCountLimit }, 400, "template", "do_not_retry"],
    ["no permission", { code: 200 }, 403, "permission", "do_not_retry"],
    ["account call rate limit", { code: codes.accountCallRateLimit }, 400, "throttling", "retry_after"],
    ["account rate limit", { code: codes.accountRateLimit }, 400, "throttling", "retry_after"],
    ["a bare parameter error", { code: 100 }, 400, "parameter", "fix_and_retry"],
  ] as const)("the common cases: %s", (_case, error, status, category, action) => {
    expect(classifyTemplateManagementError(error, status)).toEqual({ category, action });
  });

  it("a subcode the table does not know, or one under another code, falls back to the send table", () => {
    expect(templateManagementCode({ code: 100, error_subcode: 2494010 })).toBe(100);
    expect(templateManagementCode({ code: 131009, error_subcode: codes.nameAndLanguageExist })).toBeUndefined();
    expect(classifyTemplateManagementError({ code: 131009, error_subcode: codes.nameAndLanguageExist }, 400)).toEqual(
      classifyGraphError({ code: 131009 }, 400),
    );
    expect(classifyTemplateManagementError({ code: 190 }, 401)).toEqual({ category: "authorization", action: "refresh_token" });
    expect(classifyTemplateManagementError({ code: 999_999 }, 503)).toEqual({ category: "server", action: "retry" });
    expect(templateManagementCode({})).toBeUndefined();
  });

  it("the send-time template codes are `template`; a paused or disabled template is never retried", () => {
    expect(classifyGraphError({ code: 132015 }, 400)).toEqual({ category: "template", action: "do_not_retry" });
    expect(classifyGraphError({ code: 132016 }, 400)).toEqual({ category: "template", action: "do_not_retry" });
    for (const code of [graphErrorCodes.templateMissing, graphErrorCodes.templateParameterCount, 132012, 132018])
      expect(classifyGraphError({ code }, 400)).toEqual({ category: "template", action: "fix_and_retry" });
  });
});

describe("classifyTemplateManagementError reads its own table only", () => {
  const asCode = (code: string) => code as unknown as number;
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])(
    "a code or subcode %p read from an answer is not Object.prototype's",
    (code) => {
      expect(templateManagementCode({ code: asCode(code) })).toBeUndefined();
      expect(templateManagementCode({ code: codes.invalidParameter, error_subcode: asCode(code) })).toBe(codes.invalidParameter);
      expect(classifyTemplateManagementError({ code: asCode(code) }, 400)).toEqual({ category: "unknown", action: "do_not_retry" });
      expect(classifyTemplateManagementError({ code: codes.invalidParameter, error_subcode: asCode(code) }, 400)).toEqual(
        classifyTemplateManagementError({ code: codes.invalidParameter }, 400),
      );
    },
  );
  it("a subcode spelled as a string still finds its entry, as the answer's JSON may give it", () => {
    expect(templateManagementCode({ code: codes.invalidParameter, error_subcode: asCode("2388024") })).toBe("2388024");
  });
});
