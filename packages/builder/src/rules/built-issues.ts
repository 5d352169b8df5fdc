import { hasErrors, type Issue } from "../issue.js";
import { describe, isObject, type JsonObject, kindOf, Report } from "./report.js";

/** A kind's compiled rules as a builder runs them (rules/quick/): its check of a body a builder assembled, and the explanation. */
export interface BuiltRules {
  /** The message's `type` (`text`, `interactive`, …), or what the body is (`mark-as-read`): the fallback issue names it. */
  readonly type: string;
  readonly passes: (body: unknown) => boolean;
  readonly explain: (body: JsonObject, report: Report) => void;
}

/**
 * The issues of a body a builder assembled, from its kind's compiled explanation (rules/quick/):
 * read as `JSON.stringify` sends it, as validate() reads any body, so the explanation judges the
 * bytes that would go on the wire. This is the builders' path: it carries neither the walk over
 * the table (explain.ts) nor validate()'s reader of any value (wire.ts). Never throws.
 *
 * One difference from validate(), on bodies that cannot be sent at all: a BigInt or a cycle is
 * reported at its path as validate() does, but the rest of such a body is not explained, and a
 * getter, `toJSON` or proxy that throws is reported on the body as a whole (JSON.stringify does
 * not say where it was). Either way the build fails with a PayloadError, never at send.
 *
 * Called once the check refused the body, so the issues hold an error unless the body as sent is valid. The check
 * reads the live body (a String object, or a `toJSON` that gives a string, fails it where a string goes) and the
 * explanation its sent form (`"hi"`, valid); so when the explanation finds no error the check reads the sent form too.
 * Passing there, the body builds (warnings alone never fail a build, cloud-api.md §15); refused there too, check and
 * explanation disagree on the same bytes. Both are compiled from one table and tested to agree, so that is a bug: the
 * body is refused all the same, by an issue naming the kind with the body as sent in `actual`, never returned unexplained.
 */
export function builtIssues(body: unknown, rules: BuiltRules): readonly Issue[] {
  const report = new Report();
  const sent = sentForm(body, report);
  if (sent === unsendable) return report.issues;
  try {
    if (!isObject(sent)) report.add(undefined, "invalid_type", `expected a JSON object, got ${kindOf(sent)}`);
    else {
      rules.explain(sent, report);
      if (!hasErrors(report.issues) && !rules.passes(sent))
        report.add(
          undefined,
          "invalid_value",
          `the built ${rules.type} body failed its check, yet no rule says why (a wacompose bug)`,
          undefined,
          JSON.stringify(sent),
        );
    }
  } catch (error) {
    // As validate() does: a rule that throws on an absurd value (a refinement printing a null-prototype object) is an issue.
    return [...report.issues, { path: "", code: "invalid_value", severity: "error", message: `could not be checked: ${describe(error)}` }];
  }
  return report.issues;
}

const unsendable = Symbol("unsendable");

/** Why stringify stopped on a value JSON cannot carry: where, and the issue's code and message. */
type CannotSend = readonly [path: readonly (string | number)[], code: "invalid_type" | "invalid_value", why: string];

/**
 * What `JSON.stringify` sends of `body`, parsed back into null-prototype objects (nothing
 * inherited or polluted in from Object.prototype is read), or `unsendable` once reported why not.
 */
function sentForm(body: unknown, report: Report): unknown {
  // The objects stringify is inside, outermost first, and the key each sits at in the one before (keys[0] is the
  // body's, never printed). Stringify goes depth first, so an object whose holder is not on top has been left.
  const holders: unknown[] = [];
  const keys: (string | number)[] = [];
  let failure: CannotSend | undefined;
  let text: string | undefined;
  try {
    text = JSON.stringify(body, function (this: object, key: string, value: unknown) {
      while (holders.length > 0 && holders[holders.length - 1] !== this) {
        holders.pop();
        keys.pop();
      }
      const step = Array.isArray(this) ? Number(key) : key;
      if (typeof value === "bigint")
        failure = [[...keys.slice(1), step], "invalid_type", "a BigInt cannot be sent as JSON; use a number or a string"];
      else if (typeof value === "object" && value !== null) {
        if (holders.includes(value))
          failure = [[...keys.slice(1), step], "invalid_value", "a cycle: this object contains itself, so it cannot be sent as JSON"];
        holders.push(value);
        keys.push(step);
      }
      if (failure !== undefined) throw failure;
      return value;
    });
  } catch (error) {
    if (failure !== undefined) {
      const [path, code, why] = failure;
      for (const key of path.slice(0, -1)) report.enter(key);
      report.add(path.at(-1), code, why);
    } else report.add(undefined, "invalid_value", `could not be read: ${describe(error)}`);
    return unsendable;
  }
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text, (_, value: unknown) => (isObject(value) ? Object.assign(Object.create(null), value) : value));
  } catch (error) {
    // Nesting deep enough that reading it back overflows the stack: as validate() says of it.
    report.add(undefined, "invalid_value", `could not be read: ${describe(error)}`);
    return unsendable;
  }
}
