import { type CreationRuleId, creationRules } from "./rules.js";

/** One creation rule a template breaks: where, which rule, and when Meta says no. */
export interface TemplateRuleIssue {
  /** Where, in the create body's field names: `"components[1].text"`, `"components[2].buttons[0].url"`, `"name"`. */
  readonly path: string;
  /** A stable id from `creationRules`, e.g. `"variables-adjacent"`, `"name-charset"`. */
  readonly rule: string;
  /** Says where, the limit and the actual value. */
  readonly message: string;
  /** "create": Meta refuses the POST (400, code 100 + subcode when known); "review": accepted, then REJECTED. */
  readonly stage: "create" | "review";
  readonly code?: number;
  readonly subcode?: number;
  /** For stage "review": the webhook `reason`, e.g. "INVALID_FORMAT". */
  readonly reason?: string;
}

/** Checking stops adding issues past this many (a hostile body cannot make the answer huge). */
const maxIssues = 200;

/** Collects the issues of one check, each stamped with its rule's stage. */
export class RuleIssues {
  readonly #issues: TemplateRuleIssue[] = [];
  #dropped = 0;

  add(rule: CreationRuleId, path: string, message: string): void {
    if (this.#issues.length >= maxIssues) {
      this.#dropped++;
      return;
    }
    this.#issues.push({ path: path === "" ? "(body)" : path, rule, message: `${path || "(body)"}: ${message}`, ...creationRules[rule] });
  }

  get list(): readonly TemplateRuleIssue[] {
    if (this.#dropped === 0) return this.#issues;
    return [
      ...this.#issues,
      {
        path: "(body)",
        rule: "template-object",
        message: `(body): ${this.#dropped} more issues not listed (at most ${maxIssues} are)`,
        ...creationRules["template-object"],
      },
    ];
  }
}
