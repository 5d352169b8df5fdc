// Mutation testing (`pnpm mutate`, not in CI): scripts/mutate.mjs runs Stryker once per group
// below, each with its own package's tests only, and writes bench/MUTATION.md. A group is
// chosen with WACOMPOSE_MUTATE_GROUP; without it (a bare `stryker run`) the builder group runs.
//
// Sized for a shared 2-core machine: one test process, perTest coverage (a mutant runs only
// the tests that reach it) and jest's findRelatedTests (only test files that import the
// mutated file), no TypeScript checker by default (it doubles the run; `--checkers
// typescript` turns it on). Every group's mutants are the security- or rule-bearing files.
import { groups } from "./scripts/mutate-groups.mjs";

const group = groups[process.env.WACOMPOSE_MUTATE_GROUP ?? "builder"];
if (group === undefined) throw new Error(`WACOMPOSE_MUTATE_GROUP: expected one of ${Object.keys(groups).join(", ")}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "pnpm",
  testRunner: "jest",
  plugins: ["@stryker-mutator/jest-runner", "@stryker-mutator/typescript-checker"],
  mutate: group.mutate,
  coverageAnalysis: "perTest",
  mutator: { excludedMutations: group.messages === false ? ["StringLiteral"] : [] },
  concurrency: 1,
  // Past the expected time × 2, this much more: the groups' tests take milliseconds, so a mutant still running after
  // 10 s is a loop it made (a timed-out mutant counts as detected), not a slow host.
  timeoutMS: 10_000,
  timeoutFactor: 2,
  // The first run, with coverage per test, over a whole package on a busy host.
  dryRunTimeoutMinutes: 20,
  disableTypeChecks: "packages/*/src/**/*.ts",
  tsconfigFile: group.tsconfig,
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  jest: {
    projectType: "custom",
    enableFindRelatedTests: true,
    config: {
      testEnvironment: "node",
      roots: group.roots,
      testMatch: group.tests,
      transform: { "^.+\\.ts$": "<rootDir>/scripts/jest-esbuild-transform.cjs" },
      moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1", "^@wacompose/([a-z-]+)$": "<rootDir>/packages/$1/src/index.ts" },
      moduleFileExtensions: ["ts", "js", "cjs", "mjs", "json"],
    },
  },
  // Each group in its own sandbox directory, so two groups may run at once.
  tempDirName: `.stryker-tmp-${process.env.WACOMPOSE_MUTATE_REPORT ?? process.env.WACOMPOSE_MUTATE_GROUP ?? "builder"}`,
  ignorePatterns: [".stryker-tmp*", "reports", "bench/*.json", ".bench-tmp", "coverage", "**/.docs-*", "**/.expect-error-*"],
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: {
    fileName: `reports/mutation/${process.env.WACOMPOSE_MUTATE_REPORT ?? process.env.WACOMPOSE_MUTATE_GROUP ?? "builder"}.json`,
  },
  cleanTempDir: "always",
};
