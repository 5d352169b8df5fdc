import type { FlowAction } from "../flow-json.js";

/** A property that may be bound to data: a literal, or a `${data.x}` / `${form.x}` reference or expression. */
type Dynamic<T> = T | `\${${string}}` | `\`${string}\``;

interface Common {
  /** Shown when true (default); bind it to data to show or hide the component. */
  readonly visible?: Dynamic<boolean>;
}
interface InputCommon extends Common {
  readonly required?: Dynamic<boolean>;
  readonly enabled?: Dynamic<boolean>;
  readonly helperText?: string;
  readonly errorMessage?: string;
}

export interface TextOptions extends Common {
  readonly fontWeight?: "bold" | "italic" | "bold_italic" | "normal";
  readonly strikethrough?: Dynamic<boolean>;
  /** Flow JSON 5.1+: the text is Markdown. */
  readonly markdown?: boolean;
}

export interface TextInputOptions extends InputCommon {
  readonly inputType?: "text" | "number" | "email" | "password" | "passcode" | "phone";
  /** Flow JSON 6.2+: a regular expression the answer must match; needs `helperText`. */
  readonly pattern?: string;
  readonly minChars?: Dynamic<number>;
  readonly maxChars?: Dynamic<number>;
  readonly initValue?: string;
  /** Flow JSON 7.0+. */
  readonly labelVariant?: "large";
}

export interface TextAreaOptions extends InputCommon {
  readonly maxLength?: Dynamic<number>;
  readonly initValue?: string;
  readonly labelVariant?: "large";
}

/** One entry of a `data-source`: shown as a checkbox, radio button, dropdown entry or chip. */
export interface DataSourceOption {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly metadata?: string;
  readonly enabled?: boolean;
  /** Base64 JPEG or PNG (5.0+). */
  readonly image?: string;
  readonly altText?: string;
  readonly color?: string;
  readonly onSelectAction?: FlowAction;
  readonly onUnselectAction?: FlowAction;
}
/** Literal options, or a `${data.x}` reference to an array of them. */
export type DataSource = readonly DataSourceOption[] | `\${data.${string}}`;

export interface SelectionOptions extends InputCommon {
  readonly description?: string;
  readonly mediaSize?: "regular" | "large";
  readonly onSelectAction?: FlowAction;
  readonly onUnselectAction?: FlowAction;
}
/** A selection of several options (checkboxes, chips): how many, and which to start with. */
interface MultiSelectionOptions extends SelectionOptions {
  readonly minSelectedItems?: Dynamic<number>;
  readonly maxSelectedItems?: Dynamic<number>;
  readonly initValue?: readonly string[];
}
export interface CheckboxGroupOptions extends MultiSelectionOptions {}
export interface RadioButtonsOptions extends SelectionOptions {
  readonly initValue?: string;
}
export interface DropdownOptions extends SelectionOptions {
  readonly initValue?: string;
}
export interface ChipsSelectorOptions extends MultiSelectionOptions {}

export interface DatePickerOptions extends InputCommon {
  /** `"YYYY-MM-DD"` from Flow JSON 5.0 (milliseconds as a string before). */
  readonly minDate?: string;
  readonly maxDate?: string;
  readonly unavailableDates?: readonly string[] | string;
  readonly initValue?: string;
  readonly onSelectAction?: FlowAction;
}
export interface CalendarPickerOptions extends InputCommon {
  readonly title?: string;
  readonly description?: string;
  readonly mode?: "single" | "range";
  readonly minDate?: string;
  readonly maxDate?: string;
  readonly unavailableDates?: readonly string[] | string;
  readonly includeDays?: readonly ("Mon" | "Tue" | "Wed" | "Thu" | "Fri" | "Sat" | "Sun")[];
  readonly minDays?: number;
  readonly maxDays?: number;
  readonly initValue?: string | { readonly "start-date"?: string; readonly "end-date"?: string };
  readonly onSelectAction?: FlowAction;
}

export interface OptInOptions extends Common {
  readonly required?: Dynamic<boolean>;
  readonly initValue?: boolean;
  /** The "Read more" link: navigate to a screen, or open_url (6.0+). */
  readonly onClickAction?: FlowAction;
}

export interface ImageOptions extends Common {
  readonly width?: number;
  readonly height?: number;
  readonly scaleType?: "cover" | "contain";
  readonly aspectRatio?: number;
  readonly altText?: string;
}

export interface ImageCarouselOptions extends Common {
  readonly aspectRatio?: "4:3" | "16:9";
  readonly scaleType?: "cover" | "contain";
}

export interface PickerOptions extends Common {
  readonly description?: string;
  readonly maxFileSizeKb?: number;
  readonly minUploadedPhotos?: number;
  readonly maxUploadedPhotos?: number;
  readonly minUploadedDocuments?: number;
  readonly maxUploadedDocuments?: number;
  readonly photoSource?: "camera_gallery" | "camera" | "gallery";
  readonly allowedMimeTypes?: readonly string[];
  readonly enabled?: Dynamic<boolean>;
  readonly errorMessage?: string | { readonly [mediaId: string]: string };
}

export interface NavigationItem {
  readonly id: string;
  readonly mainContent: { readonly title: string; readonly description?: string; readonly metadata?: string };
  readonly start?: { readonly image: string; readonly altText?: string };
  readonly end?: { readonly title?: string; readonly description?: string; readonly metadata?: string };
  readonly badge?: string;
  readonly tags?: readonly string[];
  readonly onClickAction?: FlowAction;
}
export interface NavigationListOptions {
  readonly label?: string;
  readonly description?: string;
  readonly mediaSize?: "regular" | "large";
  readonly onClickAction?: FlowAction;
}

export interface FooterOptions {
  readonly leftCaption?: string;
  readonly rightCaption?: string;
  readonly centerCaption?: string;
  readonly enabled?: Dynamic<boolean>;
}
