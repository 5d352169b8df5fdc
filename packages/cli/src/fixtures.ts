import { type Issue, validate } from "@wacompose/builder";

/** One export of a fixtures module: its name, and the body it builds or the issues that stop it. */
export type Fixture = { readonly name: string; readonly body: unknown; readonly issues: readonly Issue[] };

const isBuilder = (value: unknown): value is { safeBuild(): { ok: boolean; value?: unknown; issues?: readonly Issue[] } } =>
  typeof value === "object" && value !== null && typeof (value as { safeBuild?: unknown }).safeBuild === "function";

const looksLikeBody = (value: unknown): boolean =>
  typeof value === "object" && value !== null && (value as { messaging_product?: unknown }).messaging_product !== undefined;

/**
 * The fixtures of a module's exports: every builder is built, every body (an object with
 * `messaging_product`) validated; other exports are skipped.
 *
 * @example
 * const fixtures = collectFixtures(await import("./messages.js"));
 */
export function collectFixtures(exports: Readonly<Record<string, unknown>>): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const [name, value] of Object.entries(exports)) {
    if (isBuilder(value)) {
      const result = value.safeBuild();
      fixtures.push({ name, body: result.ok ? result.value : undefined, issues: result.issues ?? [] });
    } else if (looksLikeBody(value)) {
      fixtures.push({ name, body: value, issues: validate(value) });
    }
  }
  return fixtures;
}
