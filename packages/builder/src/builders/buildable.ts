import { type BuildResult, PayloadError } from "../errors.js";
import { hasErrors, type Issue } from "../issue.js";
import { type BuiltRules, builtIssues } from "../rules/built-issues.js";

/**
 * What every finished builder can do: check and return its body. Subclasses only say how to
 * assemble the body and which rule it follows; building is separate from sending (any HTTP
 * client can send).
 */
export abstract class Buildable<Body> {
  /** Assembles a fresh body, sharing no object with the builder. */
  protected abstract assemble(): Body;

  /** True when the body breaks no error rule: the compiled yes/no check (rules/quick/), no issue objects made. */
  protected abstract passes(body: Body): boolean;

  /**
   * The kind's compiled rules (rules/quick/): its explanation, run on a body `passes` said no to (explain()'s issues
   * for its rule, without the rule table or the walk over it in the bundle), and its own check of that body as sent.
   */
  protected abstract get rules(): BuiltRules;

  /**
   * The issues of an assembled body `passes` refused (errors and warnings): the API's rules, plus any a subclass knows
   * of. An error among them unless the body as sent passes the kind's check (rules/built-issues.ts).
   */
  protected issuesOf(body: Body): readonly Issue[] {
    return builtIssues(body, this.rules);
  }

  /** Returns the body, or throws `PayloadError` listing every issue; warnings alone do not throw. */
  build(): Body {
    const body = this.assemble();
    if (this.passes(body)) return body;
    const issues = this.issuesOf(body);
    if (hasErrors(issues)) throw new PayloadError(issues);
    return body;
  }

  /** Returns `{ ok: true, value }` or `{ ok: false, issues }`; never throws. */
  safeBuild(): BuildResult<Body> {
    const body = this.assemble();
    if (this.passes(body)) return { ok: true, value: body };
    const issues = this.issuesOf(body);
    return hasErrors(issues) ? { ok: false, issues } : { ok: true, value: body };
  }

  /** Lets `JSON.stringify(builder)` produce the body (throws `PayloadError` if invalid). */
  toJSON(): Body {
    return this.build();
  }
}
