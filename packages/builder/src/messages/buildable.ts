import { type BuildResult, PayloadError } from "../errors.js";
import { validate } from "../validate/index.js";

/**
 * What every finished builder can do: validate and return its body. Subclasses only say
 * how to assemble the body; building is separate from sending (any HTTP client can send).
 */
export abstract class Buildable<Body> {
  /** Assembles a fresh body; nested parts are frozen, so a shared builder never changes. */
  protected abstract assemble(): Body;

  /** Returns the body, or throws `PayloadError` listing every issue. */
  build(): Body {
    const body = this.assemble();
    const issues = validate(body);
    if (issues.length > 0) throw new PayloadError(issues);
    return body;
  }

  /** Returns `{ ok: true, value }` or `{ ok: false, issues }`; never throws. */
  safeBuild(): BuildResult<Body> {
    const body = this.assemble();
    const issues = validate(body);
    return issues.length > 0 ? { ok: false, issues } : { ok: true, value: body };
  }

  /** Lets `JSON.stringify(builder)` produce the body (throws `PayloadError` if invalid). */
  toJSON(): Body {
    return this.build();
  }
}
