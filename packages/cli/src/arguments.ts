/**
 * What one command takes: each option's kind (`flag`: present or not; `value`: once, with a value;
 * `values`: any number of times), and how many files or names it takes (`min`..`max`, named `what`).
 */
export interface CommandShape {
  readonly options: { readonly [option: string]: "flag" | "value" | "values" };
  readonly positionals: { readonly min: number; readonly max: number; readonly what: string };
}

export interface ParsedArguments {
  readonly positionals: readonly string[];
  has(option: string): boolean;
  /** The value of a `value` option, if given. */
  value(option: string): string | undefined;
  /** Every value of a `values` option, in order. */
  values(option: string): readonly string[];
}

/**
 * Reads `args` as `shape` says, or throws an Error naming `command` and what is wrong: an option it
 * does not take (a typo is refused, never ignored), an option without its value, one given twice, a
 * missing or an extra file. A value may start with one "-" (`-` is standard input) but not with "--".
 */
export function parseArguments(command: string, args: readonly string[], shape: CommandShape): ParsedArguments {
  try {
    return parse(command, args, shape);
  } catch (error) {
    throw new Error(`${(error as Error).message} (wacompose ${command.split(" ")[0]} --help)`);
  }
}

function parse(command: string, args: readonly string[], shape: CommandShape): ParsedArguments {
  const taken = Object.keys(shape.options);
  const given = new Map<string, string[]>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const kind = Object.hasOwn(shape.options, arg) ? shape.options[arg] : undefined;
    if (kind === undefined) {
      // `--out=x`: these commands read a value after a space. Only the name is printed: what follows "=" may be a secret.
      const name = arg.split("=")[0] as string;
      if (name !== arg && Object.hasOwn(shape.options, name))
        throw new Error(`${command}: write ${name} and its value apart ("${name} <value>"), not joined by "="`);
      throw new Error(
        `${command}: unknown option ${JSON.stringify(name)}; it takes ${taken.length === 0 ? "no options" : taken.join(", ")}`,
      );
    }
    const values = given.get(arg) ?? [];
    if (kind !== "values" && given.has(arg)) throw new Error(`${command}: ${arg} is given twice`);
    if (kind === "flag") {
      given.set(arg, values);
      continue;
    }
    const value = args[i + 1];
    if (value === undefined || value.startsWith("--"))
      throw new Error(`${command}: ${arg} needs a value${value === undefined ? "" : `, got the option ${JSON.stringify(value)}`}`);
    given.set(arg, [...values, value]);
    i++;
  }
  const { min, max, what } = shape.positionals;
  if (positionals.length < min) throw new Error(`${command}: which ${what}?`);
  if (positionals.length > max)
    throw new Error(
      `${command}: ${max === 0 ? `takes no ${what}` : `takes ${max === 1 ? `one ${what}` : `at most ${max} ${what}s`}`}, got ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(" ")}`,
    );
  return {
    positionals,
    has: (option) => given.has(option),
    value: (option) => given.get(option)?.[0],
    values: (option) => given.get(option) ?? [],
  };
}
