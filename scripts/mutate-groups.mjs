// The files `pnpm mutate` mutates, by package, and the tests that judge them (issue 36): the
// rule table and its readers, webhook signatures and parsing, token redaction and the credential
// allow-list, retry decisions, the emulator's 24-hour window, the queue's gate, escaping in the
// preview and the CLI's codegen. A group's tests are its own package's (each mutant then runs
// only the tests that reach it); slow tests that reach none of these files are left out.
//
// `messages: false`: string literals are not mutated in the group (each one is a mutant, and most are
// the wording of an error whose path, code and limit the tests check). Escaping and codegen
// keep them: there a string is the behaviour (an entity, a quote).
export const groups = {
  builder: {
    messages: false,
    // The rules across fields of the interactive table (titled sections, totals, uniqueness) and validate()'s entry.
    mutate: ["packages/builder/src/rules/{validate,issues,sections,unique}.ts"],
    roots: ["<rootDir>/packages/builder"],
    // The table is built when its module loads, so a mutant of the code that builds it is "static"
    // and runs every test given here: the rules across fields on both sides of each limit (and the
    // shipped schema against the one the table generates), and the interactive kinds' tests. The
    // documented bodies, schema and 2026 tests (15 s a run each on this machine) pass through these
    // rules without testing their limits.
    tests: ["**/test/**/{rules-across,interactive}.test.ts"],
    tsconfig: "packages/builder/tsconfig.json",
  },
  webhooks: {
    // Its strings are the algorithm's names and the header's prefix: kept.
    mutate: ["packages/webhooks/src/signature.ts"],
    roots: ["<rootDir>/packages/webhooks"],
    // The tests that sign and check signatures: its own, the handler's, the hostile requests (not the
    // key and field tables, which import it without calling it and take most of the package's time).
    tests: ["**/test/**/{signature,handler,hostile}.test.ts"],
    tsconfig: "packages/webhooks/tsconfig.json",
  },
  // Run with --group only (not in a bare `pnpm mutate`): more mutants than a run on this machine has room for.
  // The table's rows: a required field made optional is no Stryker mutator (required() → optional()),
  // and required-fields.test.ts removes every member of every documented body instead.
  "builder-explain": {
    extended: true,
    messages: false,
    mutate: ["packages/builder/src/rules/{explain,explain-leaf,interactive}.ts"],
    roots: ["<rootDir>/packages/builder"],
    tests: ["**/test/**/!(build-verdict|properties|rule-table|validate-fuzz|wire).test.ts"],
    tsconfig: "packages/builder/tsconfig.json",
  },
  "webhooks-parse": {
    extended: true,
    messages: false,
    mutate: ["packages/webhooks/src/parse.ts"],
    roots: ["<rootDir>/packages/webhooks"],
    tests: ["**/test/**/*.test.ts"],
    tsconfig: "packages/webhooks/tsconfig.json",
  },
  transport: {
    messages: false,
    mutate: ["packages/transport-fetch/src/{redact,retry,network-error,retry-after}.ts"],
    roots: ["<rootDir>/packages/transport-fetch"],
    // The rules on their own, and the client and sender that retry and redact over HTTP.
    tests: ["**/test/**/{retry-rules,client,sender}.test.ts"],
    tsconfig: "packages/transport-fetch/tsconfig.json",
  },
  // The credential allow-list lives in the protocol module; the transport's media tests use it.
  credentials: {
    messages: false,
    mutate: ["packages/builder/src/protocol/token-destinations.ts"],
    roots: ["<rootDir>/packages/builder", "<rootDir>/packages/transport-fetch"],
    tests: ["**/test/token-destinations.test.ts", "**/test/{hostile,media}.test.ts"],
    tsconfig: "packages/builder/tsconfig.json",
  },
  emulator: {
    messages: false,
    mutate: ["packages/emulator/src/conversation.ts"],
    roots: ["<rootDir>/packages/emulator"],
    // The window, the status ladder and the inbox on their own (fake timers, no HTTP): the package's other
    // tests reach conversation.ts through servers and real webhooks, each mutant then taking seconds.
    tests: ["**/test/**/conversation.test.ts"],
    tsconfig: "packages/emulator/tsconfig.json",
  },
  queue: {
    messages: false,
    mutate: ["packages/queue-bullmq/src/gate.ts"],
    roots: ["<rootDir>/packages/queue-bullmq"],
    // The gate against Redis on its own, and the tests whose workers run in jest's process:
    // queue.test.ts's workers are child processes, which never run a mutant (and its SIGKILL
    // scenario failed the first run under load). Each test starts its own redis-server (test/redis.ts).
    tests: ["**/test/**/{gate,hardening}.test.ts"],
    tsconfig: "packages/queue-bullmq/tsconfig.json",
  },
  preview: {
    // escape.ts only: render.ts's escaping is a call of e() around each field, and no mutator removes
    // a call; hostile-strings.test.ts puts a hostile marker in every field instead.
    mutate: ["packages/preview/src/escape.ts"],
    roots: ["<rootDir>/packages/preview"],
    tests: ["**/test/**/*.test.ts"],
    tsconfig: "packages/preview/tsconfig.json",
  },
  cli: {
    mutate: ["packages/cli/src/templates-codegen.ts"],
    roots: ["<rootDir>/packages/cli"],
    // The codegen's own tests (shapes, hostile names); the docs and command tests run the built bin, which no mutant reaches.
    tests: ["**/test/**/templates-codegen*.test.ts"],
    tsconfig: "packages/cli/tsconfig.json",
  },
};
