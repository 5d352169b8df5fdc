/** Unit tests run from TypeScript sources through a small esbuild transform. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/packages"],
  testMatch: ["**/test/**/*.test.ts"],
  transform: { "^.+\\.ts$": "<rootDir>/scripts/jest-esbuild-transform.cjs" },
  // Sources import "./x.js" (NodeNext style); jest resolves the .ts file.
  moduleNameMapper: {
    "^(\\.{1,2}/.*)\\.js$": "$1",
    // Packages import each other by name; tests run against the sources.
    "^@wacompose/([a-z-]+)$": "<rootDir>/packages/$1/src/index.ts",
    // A subpath export ("@wacompose/transport-fetch/templates") is the folder's index.ts.
    "^@wacompose/([a-z-]+)/([a-z-]+)$": "<rootDir>/packages/$1/src/$2/index.ts",
  },
  moduleFileExtensions: ["ts", "js", "cjs", "mjs", "json"],
  // CI hosts are shared and busy: a test's limit is a guard against a hang, not a speed goal (jest's 5 s default
  // failed loopback tests with 1,000 round trips at a load average of 16 on 2 cores).
  testTimeout: 60_000,
};
