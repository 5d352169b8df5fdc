import type { DataModel, FlowComponent, FlowScreen } from "../flow-json.js";
import type { AnyLayout, LayoutBuilder, LayoutState } from "./layout.js";
import { LayoutBuilder as Layout } from "./layout.js";
import type { References } from "./type-checks.js";

/** What a screen knows at compile time: its data fields, and what its layout declared. */
export interface ScreenState {
  readonly data: string;
  readonly layout: LayoutState;
}
/** Any screen: what a `.screen()` callback returns. */
export interface AnyScreen {
  readonly "~state": ScreenState;
  toJSON(): FlowScreen;
}

interface ScreenProps {
  readonly title?: string;
  readonly terminal?: boolean;
  readonly success?: boolean;
  readonly refreshOnBack?: boolean;
  readonly sensitive?: readonly string[];
  readonly data?: DataModel;
  readonly children: readonly FlowComponent[];
}

/**
 * One screen: its title, data model (what `navigate` payloads and the endpoint fill in) and
 * layout. Declare `data()` before anything that reads `${data.x}`.
 *
 * @example
 * s.data({ name: { type: "string", __example__: "Ana" } }).title("Hi ${data.name}").layout((l) => l.body("Welcome"))
 */
export class ScreenBuilder<Id extends string, S extends ScreenState> {
  declare readonly "~state": S;
  readonly id: Id;
  readonly #props: ScreenProps;

  constructor(id: Id, props: ScreenProps = { children: [] }) {
    this.id = id;
    this.#props = Object.freeze(props);
    Object.freeze(this);
  }

  /** The screen's title in the top bar; may read `${data.x}`. */
  title<T extends string>(title: References<T, S["data"], never>): ScreenBuilder<Id, S> {
    return new ScreenBuilder(this.id, { ...this.#props, title });
  }

  /** The screen's data model: each field's JSON type and its mandatory `__example__`. */
  data<const M extends DataModel>(
    model: M,
  ): ScreenBuilder<Id, { readonly data: S["data"] | (keyof M & string); readonly layout: S["layout"] }> {
    return new ScreenBuilder(this.id, { ...this.#props, data: { ...this.#props.data, ...model } });
  }

  /** A last screen: its Footer may `complete` the flow. `success: false` marks an unhappy ending. */
  terminal(options: { readonly success?: boolean } = {}): ScreenBuilder<Id, S> {
    return new ScreenBuilder(this.id, {
      ...this.#props,
      terminal: true,
      ...(options.success === undefined ? {} : { success: options.success }),
    });
  }

  /** Ask the endpoint again (a `BACK` request) when the user comes back to this screen; needs `dataApiVersion`. */
  refreshOnBack(): ScreenBuilder<Id, S> {
    return new ScreenBuilder(this.id, { ...this.#props, refreshOnBack: true });
  }

  /** Fields masked in the completion summary (Flow JSON 5.1+). */
  sensitive(fields: readonly S["layout"]["fields"][]): ScreenBuilder<Id, S> {
    return new ScreenBuilder(this.id, { ...this.#props, sensitive: [...fields] });
  }

  /** The components, top to bottom. */
  layout<R extends AnyLayout>(
    build: (layout: LayoutBuilder<S["data"], never, [], false, never>) => R,
  ): ScreenBuilder<Id, { readonly data: S["data"]; readonly layout: R["~state"] }> {
    return new ScreenBuilder(this.id, { ...this.#props, children: build(new Layout<S["data"], never, [], false, never>()).children });
  }

  /** The screen as Flow JSON. */
  toJSON(): FlowScreen {
    const { title, terminal, success, refreshOnBack, sensitive, data, children } = this.#props;
    return {
      id: this.id,
      ...(title === undefined ? {} : { title }),
      ...(terminal === undefined ? {} : { terminal }),
      ...(success === undefined ? {} : { success }),
      ...(refreshOnBack === undefined ? {} : { refresh_on_back: refreshOnBack }),
      ...(sensitive === undefined ? {} : { sensitive }),
      ...(data === undefined ? {} : { data }),
      layout: { type: "SingleColumnLayout", children },
    };
  }
}
