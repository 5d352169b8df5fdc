import { flowLimits as L } from "../limits.js";

/**
 * Each component's rules as data (flows.md §2, Meta's Components page): the version it
 * arrived in, its required and known properties, and the length of its text properties.
 * validateFlow() and the JSON Schema both read this table.
 */
export interface ComponentRule {
  /** The first Flow JSON version with the component. */
  readonly since: string;
  readonly required: readonly string[];
  /** Properties besides `type` and the required ones. */
  readonly optional: readonly string[];
  /** Text properties and their maximum length. */
  readonly lengths?: { readonly [property: string]: number };
  /** Where actions are allowed. */
  readonly actions?: readonly string[];
  /** Takes user input (a named field that must sit in a Form before 4.0). */
  readonly input?: true;
}

const text = ["visible"];
const input = ["required", "enabled", "visible", "helper-text", "init-value", "error-message"];
const selection = [...input, "description", "media-size", "on-select-action", "on-unselect-action"];
const formatted = [...text, "font-weight", "strikethrough", "markdown"];
const onClick = ["on-click-action"];

/** What sets one component of a family apart: the rest of its rule is the family's. */
type Particulars = Pick<ComponentRule, "optional" | "lengths" | "actions">;

/** An input named by `name` and shown with a `label`. */
const labelledInput = (since: string, rule: Particulars): ComponentRule => ({ since, required: ["name", "label"], ...rule, input: true });

/**
 * A choice among the options of its `data-source`, with an action when one is selected or unselected;
 * `alsoRequired` lists what it requires besides its `name` and `data-source` (a `label`, for some).
 */
const choice = (since: string, alsoRequired: readonly string[], rule: Omit<Particulars, "actions">): ComponentRule => ({
  since,
  required: ["name", ...alsoRequired, "data-source"],
  ...rule,
  actions: ["on-select-action", "on-unselect-action"],
  input: true,
});

/** A media picker (one per screen): `source` says where the media come from, then its least and most count. */
const mediaPicker = (source: string, least: string, most: string): ComponentRule =>
  labelledInput("4.0", {
    optional: [...text, "description", source, "max-file-size-kb", least, most, "enabled", "error-message"],
    lengths: { label: L.pickerLabel, description: L.pickerDescription },
  });

export const componentRules: { readonly [type: string]: ComponentRule } = {
  TextHeading: { since: "1.0", required: ["text"], optional: text, lengths: { text: L.heading } },
  TextSubheading: { since: "1.0", required: ["text"], optional: text, lengths: { text: L.heading } },
  TextBody: { since: "1.0", required: ["text"], optional: formatted, lengths: { text: L.body } },
  TextCaption: { since: "1.0", required: ["text"], optional: formatted, lengths: { text: L.body } },
  RichText: { since: "5.1", required: ["text"], optional: text },
  TextInput: labelledInput("1.0", {
    optional: [...input, "input-type", "pattern", "min-chars", "max-chars", "label-variant"],
    lengths: { label: L.textInputLabel, "helper-text": L.helperText, "error-message": L.textInputErrorMessage },
  }),
  TextArea: labelledInput("1.0", {
    optional: [...input, "max-length", "label-variant"],
    lengths: { label: L.textAreaLabel, "helper-text": L.helperText },
  }),
  CheckboxGroup: choice("1.0", [], {
    optional: [...selection, "label", "min-selected-items", "max-selected-items"],
    lengths: { label: L.selectionLabel, description: L.optionDescription },
  }),
  RadioButtonsGroup: choice("1.0", [], {
    optional: [...selection, "label"],
    lengths: { label: L.selectionLabel, description: L.optionDescription },
  }),
  Dropdown: choice("1.0", ["label"], { optional: selection, lengths: { label: L.dropdownLabel } }),
  ChipsSelector: choice("6.3", ["label"], {
    optional: [...selection, "min-selected-items", "max-selected-items"],
    lengths: { label: L.chipsLabel, description: L.optionDescription },
  }),
  DatePicker: labelledInput("1.0", {
    optional: [...input, "min-date", "max-date", "unavailable-dates", "on-select-action"],
    lengths: { label: L.datePickerLabel, "helper-text": L.datePickerHelperText, "error-message": L.datePickerHelperText },
    actions: ["on-select-action"],
  }),
  CalendarPicker: labelledInput("6.1", {
    optional: [
      ...input,
      "title",
      "description",
      "mode",
      "min-date",
      "max-date",
      "unavailable-dates",
      "include-days",
      "min-days",
      "max-days",
      "on-select-action",
    ],
    lengths: { label: L.calendarLabel, title: L.calendarTitle, "helper-text": L.helperText },
    actions: ["on-select-action"],
  }),
  OptIn: labelledInput("1.0", {
    optional: ["required", "visible", "init-value", "on-click-action"],
    lengths: { label: L.optInLabel },
    actions: onClick,
  }),
  EmbeddedLink: {
    since: "1.0",
    required: ["text", "on-click-action"],
    optional: text,
    lengths: { text: L.embeddedLinkText },
    actions: onClick,
  },
  Footer: {
    since: "1.0",
    required: ["label", "on-click-action"],
    optional: ["left-caption", "right-caption", "center-caption", "enabled"],
    lengths: { label: L.footerLabel, "left-caption": L.footerCaption, "right-caption": L.footerCaption, "center-caption": L.footerCaption },
    actions: onClick,
  },
  Image: { since: "1.0", required: ["src"], optional: [...text, "width", "height", "scale-type", "aspect-ratio", "alt-text"] },
  ImageCarousel: { since: "7.1", required: ["images"], optional: [...text, "aspect-ratio", "scale-type"] },
  PhotoPicker: mediaPicker("photo-source", "min-uploaded-photos", "max-uploaded-photos"),
  DocumentPicker: mediaPicker("allowed-mime-types", "min-uploaded-documents", "max-uploaded-documents"),
  NavigationList: {
    since: "6.2",
    required: ["name", "list-items"],
    optional: ["label", "description", "media-size", "on-click-action"],
    lengths: { label: L.navigationListLabel },
    actions: onClick,
  },
  Form: { since: "1.0", required: ["name", "children"], optional: ["init-values", "error-messages"] },
  If: { since: "4.0", required: ["condition", "then"], optional: ["else"] },
  Switch: { since: "4.0", required: ["value", "cases"], optional: [] },
};

/** Components a `navigate` may sit on (flows.md §3); `data_exchange` also on selection and date components. */
export const navigateHosts = new Set(["Footer", "EmbeddedLink", "OptIn", "NavigationList"]);
/** Components allowed inside If/Switch (flows.md §2). */
export const branchComponents = new Set([
  "TextHeading",
  "TextSubheading",
  "TextBody",
  "TextCaption",
  "CheckboxGroup",
  "DatePicker",
  "Dropdown",
  "EmbeddedLink",
  "Footer",
  "Image",
  "OptIn",
  "RadioButtonsGroup",
  "TextArea",
  "TextInput",
  "If",
  "Switch",
]);
