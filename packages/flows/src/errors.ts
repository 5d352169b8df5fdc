import { formatIssue, type Issue } from "@wacompose/builder";

/** Thrown by `flow().build()` when validateFlow() finds errors; lists every issue. */
export class FlowError extends Error {
  override readonly name = "FlowError";
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    const errors = issues.filter((issue) => issue.severity === "error");
    super(
      `Invalid Flow JSON (${errors.length === 1 ? "1 issue" : `${errors.length} issues`}):\n${errors.map((i) => `  ${formatIssue(i)}`).join("\n")}`,
    );
    this.issues = issues;
  }
}
