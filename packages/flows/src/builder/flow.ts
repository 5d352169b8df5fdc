import { hasErrors } from "@wacompose/builder";
import { FlowError } from "../errors.js";
import type { FlowJson, FlowScreen } from "../flow-json.js";
import { validateFlow } from "../validate/validate-flow.js";
import { navigateTargets } from "../validate/walk.js";
import { type DataApiVersion, type FlowVersion, latestFlowVersion } from "../versions.js";
import { type AnyScreen, ScreenBuilder } from "./screen.js";

export interface FlowOptions {
  /** The Flow JSON version; default the latest published one (7.3). */
  readonly version?: FlowVersion;
  /** Set when the flow talks to your endpoint (`data_exchange`, `INIT`, `refresh_on_back`); 4.0 is recommended. */
  readonly dataApiVersion?: DataApiVersion;
}

type Empty = {
  readonly data: never;
  readonly layout: { readonly fields: never; readonly count: []; readonly footer: false; readonly targets: never };
};

/** An id that is new and not reserved: `SUCCESS` ends a flow from the endpoint. */
type ScreenId<Id extends string, Ids extends string> = string extends Id
  ? Id
  : Uppercase<Id> extends "SUCCESS"
    ? NoInfer<"screen id SUCCESS is reserved (the endpoint's way to end a flow)">
    : Id extends Ids
      ? NoInfer<`screen id ${Id} is used already`>
      : Id;

interface FlowProps<Ids extends string> {
  readonly version: FlowVersion;
  readonly dataApiVersion?: DataApiVersion;
  readonly screens: readonly FlowScreen<Ids>[];
  readonly routes: { readonly [screen: string]: readonly string[] };
}

/**
 * A Flow JSON document, screen by screen. For literal input the types check that every
 * `navigate` target is a screen of the flow (at `.build()`), and each screen's limits and
 * references; `.build()` runs validateFlow() and throws FlowError on an error.
 *
 * @example
 * flow().screen("WELCOME", (s) => s.title("Welcome").terminal().layout((l) => l.footer("Done", complete()))).build()
 */
export class FlowBuilder<Ids extends string, Targets extends string> {
  readonly #props: FlowProps<Ids>;

  constructor(props: FlowProps<Ids>) {
    this.#props = Object.freeze(props);
    Object.freeze(this);
  }

  /** Adds a screen (in order: the first is where a flow opened without a screen starts). */
  screen<Id extends string, R extends AnyScreen>(
    id: ScreenId<Id, Ids>,
    build: (screen: ScreenBuilder<Id, Empty>) => R,
  ): FlowBuilder<Ids | Id, Targets | R["~state"]["layout"]["targets"]> {
    // The id's type is the error message only when the call does not compile.
    const screenId = id as Id;
    const screen: FlowScreen<Id> = { ...build(new ScreenBuilder<Id, Empty>(screenId)).toJSON(), id: screenId };
    return new FlowBuilder<Ids | Id, Targets | R["~state"]["layout"]["targets"]>({
      ...this.#props,
      screens: [...this.#props.screens, screen],
    });
  }

  /**
   * Forward routes the endpoint may take from `from` (routing_model); `navigate` actions add
   * theirs by themselves. Written only with `dataApiVersion`.
   */
  routes(from: Ids, to: readonly Ids[]): FlowBuilder<Ids, Targets> {
    const known = this.#props.routes[from] ?? [];
    return new FlowBuilder({
      ...this.#props,
      routes: { ...this.#props.routes, [from]: [...known, ...to.filter((t) => !known.includes(t))] },
    });
  }

  /** The Flow JSON, unchecked (what `.build()` validates). */
  toJSON(): FlowJson<Ids> {
    const { version, dataApiVersion, screens, routes } = this.#props;
    if (dataApiVersion === undefined) return { version, screens };
    const routing: Record<string, string[]> = {};
    for (const screen of screens) {
      const targets = [...navigateTargets(screen).map((t) => t.target), ...(routes[screen.id] ?? [])];
      routing[screen.id] = [...new Set(targets)];
    }
    return { version, data_api_version: dataApiVersion, routing_model: routing, screens };
  }

  /** Returns the Flow JSON, or throws FlowError listing every error validateFlow() finds. */
  build(
    this: [Exclude<Targets, Ids>] extends [never]
      ? unknown
      : `navigate("${Exclude<Targets, Ids> & string}"): no screen with that id in this flow`,
  ): FlowJson<Ids>;
  build(): FlowJson<Ids> {
    const json = this.toJSON();
    const issues = validateFlow(json, { version: json.version });
    if (hasErrors(issues)) throw new FlowError(issues);
    return json;
  }
}

/**
 * Starts a Flow JSON document; the latest published version unless `version` says otherwise.
 *
 * @example
 * flow({ version: "6.3", dataApiVersion: "4.0" })
 */
export const flow = (options: FlowOptions = {}): FlowBuilder<never, never> =>
  new FlowBuilder({
    version: options.version ?? latestFlowVersion,
    ...(options.dataApiVersion === undefined ? {} : { dataApiVersion: options.dataApiVersion }),
    screens: [],
    routes: {},
  });
