import type { FlowAction, FlowComponent, NavigateAction } from "../flow-json.js";
import type * as O from "./options.js";
import type { NewName, OptionCount, References, ResolvedAction, Room, Text } from "./type-checks.js";
import { toWireObject } from "./wire.js";

/** The screens an action can lead to: what `navigate` names. */
export type TargetOf<A> = A extends NavigateAction<infer Target> ? Target : never;

/** What a layout knows at compile time: the names of its inputs, its component count, whether it has a Footer, where it navigates. */
export interface LayoutState {
  readonly fields: string;
  readonly count: 0[];
  readonly footer: boolean;
  readonly targets: string;
}
/** Any layout: what a callback returns. */
export interface AnyLayout {
  readonly "~state": LayoutState;
  readonly children: readonly FlowComponent[];
}

/**
 * The components of a screen, top to bottom (`SingleColumnLayout`). Each method returns a new
 * builder; for literal input the types check the limits of Meta's Components page, one Footer
 * per screen, 50 components, unique names, and that every `${form.x}` names an input declared
 * above and every `${data.x}` a field of the screen's `data()`.
 *
 * @example
 * l.heading("Hello ${data.name}").textInput("email", "Email", { inputType: "email" }).footer("Send", complete({ email: "${form.email}" }))
 */
export class LayoutBuilder<Data extends string, F extends string, C extends 0[], Ft extends boolean, T extends string> {
  declare readonly "~state": { readonly fields: F; readonly count: C; readonly footer: Ft; readonly targets: T };
  readonly #children: readonly FlowComponent[];

  constructor(children: readonly FlowComponent[] = []) {
    this.#children = Object.freeze([...children]);
    Object.freeze(this);
  }

  /** The components as Flow JSON. */
  get children(): readonly FlowComponent[] {
    return this.#children;
  }

  /** The children with one more component (the builder's type parameters are only compile-time state). */
  #with(type: string, properties: object): readonly FlowComponent[] {
    return [...this.#children, Object.freeze({ type, ...toWireObject(properties) })];
  }

  /** `TextHeading`, at most 80 characters. */
  declare readonly heading: TextComponent<"TextHeading", 80, VisibleOption, Known<Data, F, C, Ft, T>>;
  /** `TextSubheading`, at most 80 characters. */
  declare readonly subheading: TextComponent<"TextSubheading", 80, VisibleOption, Known<Data, F, C, Ft, T>>;
  /** `TextBody`, at most 4096 characters. */
  declare readonly body: TextComponent<"TextBody", 4096, O.TextOptions, Known<Data, F, C, Ft, T>>;
  /** `TextCaption`, at most 4096 characters. */
  declare readonly caption: TextComponent<"TextCaption", 4096, O.TextOptions, Known<Data, F, C, Ft, T>>;
  /** `TextInput`: one line of text; label at most 20 characters. */
  declare readonly textInput: LabelledInput<"TextInput", 20, O.TextInputOptions, Known<Data, F, C, Ft, T>>;
  /** `TextArea`: several lines of text; label at most 20 characters. */
  declare readonly textArea: LabelledInput<"TextArea", 20, O.TextAreaOptions, Known<Data, F, C, Ft, T>>;
  /** `CheckboxGroup` 1–20 options; label at most 30 characters. */
  declare readonly checkboxGroup: Choice<"CheckboxGroup", [1, 20], 30, O.CheckboxGroupOptions, Known<Data, F, C, Ft, T>>;
  /** `RadioButtonsGroup` 1–20 options; label at most 30 characters. */
  declare readonly radioButtons: Choice<"RadioButtonsGroup", [1, 20], 30, O.RadioButtonsOptions, Known<Data, F, C, Ft, T>>;
  /** `Dropdown` 1–200 options (100 with images); label at most 20 characters. */
  declare readonly dropdown: Choice<"Dropdown", [1, 200], 20, O.DropdownOptions, Known<Data, F, C, Ft, T>>;
  /** `ChipsSelector` (Flow JSON 6.3+): 2–20 options; label at most 80 characters. */
  declare readonly chipsSelector: Choice<"ChipsSelector", [2, 20], 80, O.ChipsSelectorOptions, Known<Data, F, C, Ft, T>>;
  /** `DatePicker`; label at most 40 characters. */
  declare readonly datePicker: LabelledInput<"DatePicker", 40, O.DatePickerOptions, Known<Data, F, C, Ft, T>>;
  /** `CalendarPicker` (Flow JSON 6.1+); label at most 40 characters. */
  declare readonly calendarPicker: LabelledInput<"CalendarPicker", 40, O.CalendarPickerOptions, Known<Data, F, C, Ft, T>>;
  /** `PhotoPicker` (Flow JSON 4.0+): one media picker per screen; label at most 80 characters. */
  declare readonly photoPicker: LabelledInput<"PhotoPicker", 80, O.PickerOptions, Known<Data, F, C, Ft, T>>;
  /** `DocumentPicker` (Flow JSON 4.0+): one media picker per screen; label at most 80 characters. */
  declare readonly documentPicker: LabelledInput<"DocumentPicker", 80, O.PickerOptions, Known<Data, F, C, Ft, T>>;

  // The methods declared above, one implementation per family (their types differ only in the
  // component's name and limits): each writes its component's `type` and the properties of its call.
  static {
    const define = (methods: { readonly [Method in keyof AnyBuilder]?: string }, properties: (...call: never[]) => object) => {
      for (const [method, type] of Object.entries(methods)) {
        // A computed method key names the function after its method (stack traces read
        // `LayoutBuilder.textInput`, not `value`); its arity is the one its signature had.
        const implementation = {
          [method](this: AnyBuilder, ...call: never[]) {
            return new LayoutBuilder(this.#with(type, properties(...call)));
          },
        }[method];
        Object.defineProperty(implementation, "length", { value: properties.length });
        Object.defineProperty(LayoutBuilder.prototype, method, { value: implementation, writable: true, configurable: true });
      }
    };
    define(
      { heading: "TextHeading", subheading: "TextSubheading", body: "TextBody", caption: "TextCaption" },
      (text: unknown, options = {}) => ({ text, ...options }),
    );
    define(
      {
        textInput: "TextInput",
        textArea: "TextArea",
        datePicker: "DatePicker",
        calendarPicker: "CalendarPicker",
        photoPicker: "PhotoPicker",
        documentPicker: "DocumentPicker",
      },
      (name: string, label: string, options = {}) => ({ name, label, ...options }),
    );
    define(
      { checkboxGroup: "CheckboxGroup", radioButtons: "RadioButtonsGroup", dropdown: "Dropdown", chipsSelector: "ChipsSelector" },
      (name: string, label: string, dataSource: O.DataSource, options = {}) => ({ name, label, dataSource, ...options }),
    );
  }

  /** `RichText` (Flow JSON 5.1+): Markdown, as a string or one string per line. */
  richText<Tx extends string>(
    text: Room<C, References<Tx, Data, F>> | readonly string[],
    options: { readonly visible?: boolean | string } = {},
  ): LayoutBuilder<Data, F, [...C, 0], Ft, T> {
    return new LayoutBuilder(this.#with("RichText", { text, ...options }));
  }

  /** `OptIn`: a checkbox with a statement (at most 120 characters), up to 5 per screen. */
  optIn<N extends string, L extends string, A extends FlowAction = never>(
    name: Room<C, NewName<N, F>>,
    label: Text<L, 120, "OptIn.label", Data, F>,
    options: O.OptInOptions & { readonly onClickAction?: ResolvedAction<A, Data, F> } = {},
  ): LayoutBuilder<Data, F | N, [...C, 0], Ft, T | TargetOf<A>> {
    return new LayoutBuilder(this.#with("OptIn", { name, label, ...options }));
  }

  /** `EmbeddedLink`: at most 25 characters, up to 2 per screen. */
  embeddedLink<Tx extends string, A extends FlowAction>(
    text: Room<C, Text<Tx, 25, "EmbeddedLink.text", Data, F>>,
    action: ResolvedAction<A, Data, F>,
    options: { readonly visible?: boolean | string } = {},
  ): LayoutBuilder<Data, F, [...C, 0], Ft, T | TargetOf<A>> {
    return new LayoutBuilder(this.#with("EmbeddedLink", { text, onClickAction: action, ...options }));
  }

  /** `Image`: base64 JPEG or PNG, up to 3 per screen. */
  image(src: Room<C, string>, options: O.ImageOptions = {}): LayoutBuilder<Data, F, [...C, 0], Ft, T> {
    return new LayoutBuilder(this.#with("Image", { src, ...options }));
  }

  /** `ImageCarousel` (Flow JSON 7.1+): 1–3 images. */
  imageCarousel<const I extends readonly { readonly src: string; readonly altText: string }[]>(
    this: OptionCount<I, 1, 3, "ImageCarousel.images", Data>,
    images: Room<C, I>,
    options?: O.ImageCarouselOptions,
  ): LayoutBuilder<Data, F, [...C, 0], Ft, T>;
  imageCarousel(images: unknown, options: O.ImageCarouselOptions = {}): AnyLayout {
    return new LayoutBuilder(this.#with("ImageCarousel", { images, ...options }));
  }

  /** `NavigationList` (Flow JSON 6.2+): 1–20 items, alone on a non-terminal screen. */
  navigationList<N extends string, const I extends readonly O.NavigationItem[] | `\${data.${string}}`>(
    this: OptionCount<I, 1, 20, "NavigationList.list-items", Data>,
    name: Room<C, NewName<N, F>>,
    listItems: I,
    options?: O.NavigationListOptions,
  ): LayoutBuilder<Data, F | N, [...C, 0], Ft, T | TargetOf<ItemActions<I>>>;
  navigationList(name: string, listItems: readonly O.NavigationItem[] | string, options: O.NavigationListOptions = {}): AnyLayout {
    return new LayoutBuilder(this.#with("NavigationList", { name, listItems, ...options }));
  }

  /** The screen's one `Footer`: its button (label at most 35 characters) and what it does. */
  footer<L extends string, A extends FlowAction>(
    label: Room<
      C,
      Ft extends true ? NoInfer<"Footer: one per screen (this screen has one already)"> : Text<L, 35, "Footer.label", Data, F>
    >,
    action: ResolvedAction<A, Data, F>,
    options: O.FooterOptions = {},
  ): LayoutBuilder<Data, F, [...C, 0], true, T | TargetOf<A>> {
    return new LayoutBuilder(this.#with("Footer", { label, onClickAction: action, ...options }));
  }

  /** A `Form` around inputs (needed before Flow JSON 4.0; optional since). */
  form<N extends string, R extends AnyLayout>(
    name: Room<C, N>,
    build: (form: LayoutBuilder<Data, F, [...C, 0], Ft, T>) => R,
  ): LayoutBuilder<Data, R["~state"]["fields"], R["~state"]["count"], R["~state"]["footer"], R["~state"]["targets"]> {
    const inner = build(new LayoutBuilder<Data, F, [...C, 0], Ft, T>());
    return new LayoutBuilder(this.#with("Form", { name, children: inner.children }));
  }

  /**
   * `If` (Flow JSON 4.0+): components shown when `condition` holds. A Footer in one branch
   * needs one in the other, and none elsewhere on the screen.
   */
  if<Cond extends string, Then extends AnyLayout, Else extends AnyLayout = Branch<Data, F>>(
    condition: Room<C, References<Cond, Data, F>>,
    then: (branch: Branch<Data, F>) => Then,
    otherwise?: (branch: Branch<Data, F>) => Else,
  ): Merged<Data, F, C, Ft, T, Then["~state"] | Else["~state"]> {
    const thenChildren = then(branch<Data, F>()).children;
    const elseChildren = otherwise?.(branch<Data, F>()).children;
    return new LayoutBuilder(this.#with("If", { condition, then: thenChildren, ...(elseChildren ? { else: elseChildren } : {}) }));
  }

  /** `Switch` (Flow JSON 4.0+): the components of the case named by `value`'s current value. */
  switch<V extends string, const Cases extends { readonly [value: string]: (branch: Branch<Data, F>) => AnyLayout }>(
    value: Room<C, References<V, Data, F>>,
    cases: Cases,
  ): Merged<Data, F, C, Ft, T, ReturnType<Cases[keyof Cases]>["~state"]> {
    const built: Record<string, readonly FlowComponent[]> = {};
    for (const [key, build] of Object.entries(cases)) built[key] = build(branch<Data, F>()).children;
    return new LayoutBuilder(this.#with("Switch", { value, cases: built }));
  }
}

/** A branch of If/Switch starts with the screen's names (they stay unique) and its own count. */
type Branch<Data extends string, F extends string> = LayoutBuilder<Data, F, [], false, never>;
const branch = <Data extends string, F extends string>(): Branch<Data, F> => new LayoutBuilder<Data, F, [], false, never>();
/** After an If/Switch: the branches' names and targets; one more component; a Footer if the branches have one. */
type Merged<
  Data extends string,
  F extends string,
  C extends 0[],
  Ft extends boolean,
  T extends string,
  B extends LayoutState,
> = LayoutBuilder<Data, F | B["fields"], [...C, 0], true extends B["footer"] ? true : Ft, T | B["targets"]>;
type ItemActions<I> = I extends readonly (infer Item)[] ? (Item extends { readonly onClickAction?: infer A } ? A : never) : never;

/** Any builder, whatever it knows at compile time. */
type AnyBuilder = LayoutBuilder<string, string, 0[], boolean, string>;
type VisibleOption = { readonly visible?: boolean | string };

/** A builder's type parameters by name, as the method families below take them. */
interface Known<Data extends string, F extends string, C extends 0[], Ft extends boolean, T extends string> {
  readonly data: Data;
  readonly fields: F;
  readonly count: C;
  readonly footer: Ft;
  readonly targets: T;
}
type AnyKnown = Known<string, string, 0[], boolean, string>;

// The families below write their result out as `LayoutBuilder<…>` (no alias of it), so hovers and
// compiler errors show `LayoutBuilder<never, "email", [0, 0], false, never>`, as a method's would.

/** A text component: `text` at most `Max` characters, every reference resolved. */
type TextComponent<Type extends string, Max extends number, Options, K extends AnyKnown> = <Tx extends string>(
  text: Room<K["count"], Text<Tx, Max, `${Type}.text`, K["data"], K["fields"]>>,
  options?: Options,
) => LayoutBuilder<K["data"], K["fields"], [...K["count"], 0], K["footer"], K["targets"]>;

/** An input: a name not used yet on the screen, and a label of at most `Max` characters. */
type LabelledInput<Type extends string, Max extends number, Options, K extends AnyKnown> = <N extends string, L extends string>(
  name: Room<K["count"], NewName<N, K["fields"]>>,
  label: Text<L, Max, `${Type}.label`, K["data"], K["fields"]>,
  options?: Options,
) => LayoutBuilder<K["data"], K["fields"] | N, [...K["count"], 0], K["footer"], K["targets"]>;

/**
 * An input choosing among the options of its data source (`Count`: the least and most options),
 * with a label of at most `Max` characters. The count types `this`, as `OptionCount` explains.
 */
type Choice<Type extends string, Count extends [number, number], Max extends number, Options, K extends AnyKnown> = <
  N extends string,
  L extends string,
  const D extends O.DataSource,
>(
  this: OptionCount<D, Count[0], Count[1], `${Type}.data-source`, K["data"]>,
  name: Room<K["count"], NewName<N, K["fields"]>>,
  label: Text<L, Max, `${Type}.label`, K["data"], K["fields"]>,
  dataSource: D,
  options?: Options,
) => LayoutBuilder<K["data"], K["fields"] | N, [...K["count"], 0], K["footer"], K["targets"]>;
