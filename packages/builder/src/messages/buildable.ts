import { type BuildResult, PayloadError } from "../errors.js";
import type { Issue } from "../issue.js";
import { validate } from "../validate/index.js";

/**
 * What every finished builder can do: validate and return its body. Subclasses only say
 * how to assemble the body; building is separate from sending (any HTTP client can send).
 */
export abstract class Buildable<Body> {
  /** Assembles a fresh body, sharing no object with the builder. */
  protected abstract assemble(): Body;

  /**
   * A quick yes for a body this builder assembled: true only when validate() would find
   * nothing. Builders know which keys they wrote, so a subclass can test just the values;
   * false (the default, and on any doubt) runs the full check, which alone explains issues.
   */
  protected accepts(_body: Body): boolean {
    return false;
  }

  /** The issues of an assembled body: the API's rules, plus any a subclass knows of. */
  protected issuesOf(body: Body): readonly Issue[] {
    return validate(body);
  }

  /** Returns the body, or throws `PayloadError` listing every issue. */
  build(): Body {
    const body = this.assemble();
    if (this.accepts(body)) return body;
    const issues = this.issuesOf(body);
    if (issues.length > 0) throw new PayloadError(issues);
    return body;
  }

  /** Returns `{ ok: true, value }` or `{ ok: false, issues }`; never throws. */
  safeBuild(): BuildResult<Body> {
    const body = this.assemble();
    if (this.accepts(body)) return { ok: true, value: body };
    const issues = this.issuesOf(body);
    return issues.length > 0 ? { ok: false, issues } : { ok: true, value: body };
  }

  /** Lets `JSON.stringify(builder)` produce the body (throws `PayloadError` if invalid). */
  toJSON(): Body {
    return this.build();
  }
}
