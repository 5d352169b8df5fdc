import type { FlowAction, FlowComponent, NavigateAction } from "../flow-json.js";
import type * as O from "./options.js";
import type { NewName, OptionList, References, ResolvedAction, Room, Text } from "./type-checks.js";
import { toWire } from "./wire.js";

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

/** The next state after one more component. */
type Add<S extends LayoutState, Name extends string = never, Target extends string = never, Footer extends boolean = S["footer"]> = {
  readonly fields: S["fields"] | Name;
  readonly count: [...S["count"], 0];
  readonly footer: Footer;
  readonly targets: S["targets"] | Target;
};

/**
 * The components of a screen, top to bottom (`SingleColumnLayout`). Each method returns a new
 * builder; for literal input the types check the limits of Meta's Components page, one Footer
 * per screen, 50 components, unique names, and that every `${form.x}` names an input declared
 * above and every `${data.x}` a field of the screen's `data()`.
 *
 * @example
 * l.heading("Hello ${data.name}").textInput("email", "Email", { inputType: "email" }).footer("Send", complete({ email: "${form.email}" }))
 */
export class LayoutBuilder<Data extends string, S extends LayoutState> {
  declare readonly "~state": S;
  readonly #children: readonly FlowComponent[];

  constructor(children: readonly FlowComponent[] = []) {
    this.#children = Object.freeze([...children]);
    Object.freeze(this);
  }

  /** The components as Flow JSON. */
  get children(): readonly FlowComponent[] {
    return this.#children;
  }

  #add<Next extends LayoutState>(type: string, properties: object): LayoutBuilder<Data, Next> {
    const component = Object.freeze({ type, ...(toWire(properties) as object) });
    return new LayoutBuilder<Data, Next>([...this.#children, component]);
  }

  /** `TextHeading`, at most 80 characters. */
  heading<T extends string>(
    text: Room<S["count"], Text<T, 80, "TextHeading.text", Data, S["fields"]>>,
    options: { readonly visible?: boolean | string } = {},
  ): LayoutBuilder<Data, Add<S>> {
    return this.#add("TextHeading", { text, ...options });
  }

  /** `TextSubheading`, at most 80 characters. */
  subheading<T extends string>(
    text: Room<S["count"], Text<T, 80, "TextSubheading.text", Data, S["fields"]>>,
    options: { readonly visible?: boolean | string } = {},
  ): LayoutBuilder<Data, Add<S>> {
    return this.#add("TextSubheading", { text, ...options });
  }

  /** `TextBody`, at most 4096 characters. */
  body<T extends string>(text: Room<S["count"], Text<T, 4096, "TextBody.text", Data, S["fields"]>>, options: O.TextOptions = {}): LayoutBuilder<Data, Add<S>> {
    return this.#add("TextBody", { text, ...options });
  }

  /** `TextCaption`, at most 4096 characters. */
  caption<T extends string>(
    text: Room<S["count"], Text<T, 4096, "TextCaption.text", Data, S["fields"]>>,
    options: O.TextOptions = {},
  ): LayoutBuilder<Data, Add<S>> {
    return this.#add("TextCaption", { text, ...options });
  }

  /** `RichText` (Flow JSON 5.1+): Markdown, as a string or one string per line. */
  richText<T extends string>(
    text: Room<S["count"], References<T, Data, S["fields"]>> | readonly string[],
    options: { readonly visible?: boolean | string } = {},
  ): LayoutBuilder<Data, Add<S>> {
    return this.#add("RichText", { text, ...options });
  }

  /** `TextInput`: one line of text; label at most 20 characters. */
  textInput<N extends string, L extends string>(
    name: Room<S["count"], NewName<N, S["fields"]>>,
    label: Text<L, 20, "TextInput.label", Data, S["fields"]>,
    options: O.TextInputOptions = {},
  ): LayoutBuilder<Data, Add<S, N>> {
    return this.#add("TextInput", { name, label, ...options });
  }

  /** `TextArea`: several lines of text; label at most 20 characters. */
  textArea<N extends string, L extends string>(
    name: Room<S["count"], NewName<N, S["fields"]>>,
    label: Text<L, 20, "TextArea.label", Data, S["fields"]>,
    options: O.TextAreaOptions = {},
  ): LayoutBuilder<Data, Add<S, N>> {
    return this.#add("TextArea", { name, label, ...options });
  }

  /** `CheckboxGroup`: 1–20 options; label at most 30 characters. */
  checkboxGroup<N extends string, L extends string, const D extends O.DataSource>(
    name: Room<S["count"], NewName<N, S["fields"]>>,
    label: Text<L, 30, "CheckboxGroup.label", Data, S["fields"]>,
    dataSource: OptionList<D, 1, 20, "CheckboxGroup.data-source", Data>,
    options: O.CheckboxGroupOptions = {},
  ): LayoutBuilder<Data, Add<S, N>> {
    return this.#add("CheckboxGroup", { name, label, dataSource, ...options });
  }

  /** `RadioButtonsGroup`: 1–20 options; label at most 30 characters. */
  radioButtons<N extends string, L extends string, const D extends O.DataSource>(
    name: Room<S["count"], NewName<N, S["fields"]>>,
    label: Text<L, 30, "RadioButtonsGroup.label", Data, S["fields"]>,
    dataSource: OptionList<D, 1, 20, "RadioButtonsGroup.data-source", Data>,
    options: O.RadioButtonsOptions = {},
  ): LayoutBuilder<Data, Add<S, N>> {
    return this.#add("RadioButtonsGroup", { name, label, dataSource, ...options });
  }

  /** `Dropdown`: 1–200 options (100 with images); label at most 20 characters. */
  dropdown<N extends string, L extends string, const D extends O.DataSource>(
    name: Room<S["count"], NewName<N, S["fields"]>>,
    label: Text<L, 20, "Dropdown.label", Data, S["fields"]>,
    dataSource: OptionList<D, 1, 200, "Dropdown.data-source", Data>,
    options: O.DropdownOptions = {},
  ): LayoutBuilder<Data, Add<S, N>> {
    return this.#add("Dropdown", { name, label, dataSource, ...options });
  }

  /** `ChipsSelector` (Flow JSON 6.3+): 2–20 options; label at most 80 characters. */
  chipsSelector<N extends string, L extends string, const D extends O.DataSource>(
    name: Room<S["count"], NewName<N, S["fields"]>>,
    label: Text<L, 80, "ChipsSelector.label", Data, S["fields"]>,
    dataSource: OptionList<D, 2, 20, "ChipsSelector.data-source", Data>,
    options: O.ChipsSelectorOptions = {},
  ): LayoutBuilder<Data, Add<S, N>> {
    return this.#add("ChipsSelector", { name, label, dataSource, ...options });
  }

  /** `DatePicker`; label at most 40 characters. */
  datePicker<N extends string, L extends string>(
    name: Room<S["count"], NewName<N, S["fields"]>>,
    label: Text<L, 40, "DatePicker.label", Data, S["fields"]>,
    options: O.DatePickerOptions = {},
  ): LayoutBuilder<Data, Add<S, N>> {
    return this.#add("DatePicker", { name, label, ...options });
  }

  /** `CalendarPicker` (Flow JSON 6.1+); label at most 40 characters. */
  calendarPicker<N extends string, L extends string>(
    name: Room<S["count"], NewName<N, S["fields"]>>,
    label: Text<L, 40, "CalendarPicker.label", Data, S["fields"]>,
    options: O.CalendarPickerOptions = {},
  ): LayoutBuilder<Data, Add<S, N>> {
    return this.#add("CalendarPicker", { name, label, ...options });
  }

  /** `OptIn`: a checkbox with a statement (at most 120 characters), up to 5 per screen. */
  optIn<N extends string, L extends string, A extends FlowAction = never>(
    name: Room<S["count"], NewName<N, S["fields"]>>,
    label: Text<L, 120, "OptIn.label", Data, S["fields"]>,
    options: O.OptInOptions & { readonly onClickAction?: ResolvedAction<A, Data, S["fields"]> } = {},
  ): LayoutBuilder<Data, Add<S, N, TargetOf<A>>> {
    return this.#add("OptIn", { name, label, ...options });
  }

  /** `EmbeddedLink`: at most 25 characters, up to 2 per screen. */
  embeddedLink<T extends string, A extends FlowAction>(
    text: Room<S["count"], Text<T, 25, "EmbeddedLink.text", Data, S["fields"]>>,
    action: ResolvedAction<A, Data, S["fields"]>,
    options: { readonly visible?: boolean | string } = {},
  ): LayoutBuilder<Data, Add<S, never, TargetOf<A>>> {
    return this.#add("EmbeddedLink", { text, onClickAction: action, ...options });
  }

  /** `Image`: base64 JPEG or PNG, up to 3 per screen. */
  image(src: Room<S["count"], string>, options: O.ImageOptions = {}): LayoutBuilder<Data, Add<S>> {
    return this.#add("Image", { src, ...options });
  }

  /** `ImageCarousel` (Flow JSON 7.1+): 1–3 images. */
  imageCarousel<const I extends readonly { readonly src: string; readonly altText: string }[]>(
    images: Room<S["count"], OptionList<I, 1, 3, "ImageCarousel.images", Data>>,
    options: O.ImageCarouselOptions = {},
  ): LayoutBuilder<Data, Add<S>> {
    return this.#add("ImageCarousel", { images, ...options });
  }

  /** `PhotoPicker` (Flow JSON 4.0+): one media picker per screen; label at most 80 characters. */
  photoPicker<N extends string, L extends string>(
    name: Room<S["count"], NewName<N, S["fields"]>>,
    label: Text<L, 80, "PhotoPicker.label", Data, S["fields"]>,
    options: O.PickerOptions = {},
  ): LayoutBuilder<Data, Add<S, N>> {
    return this.#add("PhotoPicker", { name, label, ...options });
  }

  /** `DocumentPicker` (Flow JSON 4.0+): one media picker per screen; label at most 80 characters. */
  documentPicker<N extends string, L extends string>(
    name: Room<S["count"], NewName<N, S["fields"]>>,
    label: Text<L, 80, "DocumentPicker.label", Data, S["fields"]>,
    options: O.PickerOptions = {},
  ): LayoutBuilder<Data, Add<S, N>> {
    return this.#add("DocumentPicker", { name, label, ...options });
  }

  /** `NavigationList` (Flow JSON 6.2+): 1–20 items, alone on a non-terminal screen. */
  navigationList<N extends string, const I extends readonly O.NavigationItem[] | `\${data.${string}}`>(
    name: Room<S["count"], NewName<N, S["fields"]>>,
    listItems: OptionList<I, 1, 20, "NavigationList.list-items", Data>,
    options: O.NavigationListOptions = {},
  ): LayoutBuilder<Data, Add<S, N, TargetOf<ItemActions<I>>>> {
    return this.#add("NavigationList", { name, listItems, ...options });
  }

  /** The screen's one `Footer`: its button (label at most 35 characters) and what it does. */
  footer<L extends string, A extends FlowAction>(
    label: Room<
      S["count"],
      S["footer"] extends true ? NoInfer<"Footer: one per screen (this screen has one already)"> : Text<L, 35, "Footer.label", Data, S["fields"]>
    >,
    action: ResolvedAction<A, Data, S["fields"]>,
    options: O.FooterOptions = {},
  ): LayoutBuilder<Data, Add<S, never, TargetOf<A>, true>> {
    return this.#add("Footer", { label, onClickAction: action, ...options });
  }

  /** A `Form` around inputs (needed before Flow JSON 4.0; optional since). */
  form<N extends string, R extends AnyLayout>(
    name: Room<S["count"], N>,
    build: (form: LayoutBuilder<Data, Add<S>>) => R,
  ): LayoutBuilder<Data, R["~state"]> {
    const inner = build(new LayoutBuilder<Data, Add<S>>());
    return this.#add("Form", { name, children: inner.children });
  }

  /**
   * `If` (Flow JSON 4.0+): components shown when `condition` holds. A Footer in one branch
   * needs one in the other, and none elsewhere on the screen.
   */
  if<C extends string, Then extends AnyLayout, Else extends AnyLayout = LayoutBuilder<Data, Branch<S>>>(
    condition: Room<S["count"], References<C, Data, S["fields"]>>,
    then: (branch: LayoutBuilder<Data, Branch<S>>) => Then,
    otherwise?: (branch: LayoutBuilder<Data, Branch<S>>) => Else,
  ): LayoutBuilder<Data, Merge<S, Then["~state"] | Else["~state"]>> {
    const thenChildren = then(new LayoutBuilder<Data, Branch<S>>()).children;
    const elseChildren = otherwise?.(new LayoutBuilder<Data, Branch<S>>()).children;
    return this.#add("If", { condition, then: thenChildren, ...(elseChildren ? { else: elseChildren } : {}) });
  }

  /** `Switch` (Flow JSON 4.0+): the components of the case named by `value`'s current value. */
  switch<V extends string, const Cases extends { readonly [value: string]: (branch: LayoutBuilder<Data, Branch<S>>) => AnyLayout }>(
    value: Room<S["count"], References<V, Data, S["fields"]>>,
    cases: Cases,
  ): LayoutBuilder<Data, Merge<S, ReturnType<Cases[keyof Cases]>["~state"]>> {
    const built: Record<string, readonly FlowComponent[]> = {};
    for (const [key, build] of Object.entries(cases)) built[key] = build(new LayoutBuilder<Data, Branch<S>>()).children;
    return this.#add("Switch", { value, cases: built });
  }
}

/** A branch of If/Switch starts with the screen's names (they stay unique) and its own count. */
type Branch<S extends LayoutState> = { readonly fields: S["fields"]; readonly count: []; readonly footer: false; readonly targets: never };
/** After an If/Switch: the branches' names and targets; one more component; a Footer if the branches have one. */
type Merge<S extends LayoutState, B extends LayoutState> = {
  readonly fields: S["fields"] | B["fields"];
  readonly count: [...S["count"], 0];
  readonly footer: true extends B["footer"] ? true : S["footer"];
  readonly targets: S["targets"] | B["targets"];
};
type ItemActions<I> = I extends readonly (infer Item)[] ? (Item extends { readonly onClickAction?: infer A } ? A : never) : never;
