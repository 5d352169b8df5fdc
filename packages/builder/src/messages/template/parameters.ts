import type { limits } from "../../limits.js";
import type { MediaSource, TemplateBodyParameter, TemplateHeaderParameter, TemplateLocationParameter } from "../../payload/index.js";
import type { MaxLength } from "../../type-checks.js";
import { objectArgument } from "../arguments.js";

/** A currency parameter: `amount1000` is the amount × 1000 (10990 is 10.99). */
export interface Currency {
  readonly fallback: string;
  /** ISO 4217, e.g. "USD". */
  readonly code: string;
  readonly amount1000: number;
}

/** A date-time parameter; the Cloud API always shows the fallback text. */
export interface DateTime {
  readonly fallback: string;
}

export type TemplateLocation = TemplateLocationParameter["location"];

/** Named templates label each parameter with its placeholder name, e.g. `{{first_name}}`. */
export interface ParameterName {
  readonly name?: string;
}

type HeaderText<T extends string> = MaxLength<T, typeof limits.template.headerText.max, "template.components.header.parameters.text">;

/** Reads a header parameter; kept out of the public surface. */
export let renderHeader: (parameter: HeaderParameter) => TemplateHeaderParameter;

/** The one parameter of a template header; made by the `p` of `.header(p => …)`. */
export class HeaderParameter {
  readonly #render: () => TemplateHeaderParameter;

  /** @internal */
  constructor(render: () => TemplateHeaderParameter) {
    this.#render = render;
  }

  static {
    renderHeader = (parameter) => parameter.#render();
  }
}

const header = (render: () => TemplateHeaderParameter): HeaderParameter => new HeaderParameter(render);

/**
 * Makes the header parameter: text (≤ 60 characters), an image, video or document (no
 * caption in templates), or a location.
 *
 * @example
 * .header((p) => p.image({ link: "https://example.com/receipt.png" }))
 */
export const headerParameters = Object.freeze({
  text<T extends string>(text: HeaderText<T>, options: ParameterName = {}): HeaderParameter {
    const { name } = objectArgument(options, "template.header text options");
    return header(() => (name === undefined ? { type: "text", text } : { type: "text", text, parameter_name: name }));
  },
  image(media: MediaSource): HeaderParameter {
    const source = { ...media };
    return header(() => ({ type: "image", image: { ...source } }));
  },
  video(media: MediaSource): HeaderParameter {
    const source = { ...media };
    return header(() => ({ type: "video", video: { ...source } }));
  },
  document(media: MediaSource & { readonly filename?: string }): HeaderParameter {
    const source = { ...media };
    return header(() => ({ type: "document", document: { ...source } }));
  },
  location(location: TemplateLocation): HeaderParameter {
    const { latitude, longitude, name, address } = objectArgument(location, "template.header location");
    return header(() => {
      const content: { -readonly [K in keyof TemplateLocation]: TemplateLocation[K] } = { latitude, longitude };
      if (name !== undefined) content.name = name;
      if (address !== undefined) content.address = address;
      return { type: "location", location: content };
    });
  },
});
export type HeaderParameters = typeof headerParameters;

/** Renders one body parameter, fresh on every build. */
type BodyPart = () => TemplateBodyParameter;

/** Reads the parameters of a body builder; kept out of the public surface. */
export let renderBody: (body: BodyParameters) => TemplateBodyParameter[];

const named = <P extends TemplateBodyParameter>(parameter: P, name: string | undefined): P =>
  name === undefined ? parameter : { ...parameter, parameter_name: name };

/**
 * The body's parameters, in placeholder order (`{{1}}`, `{{2}}`, …) or by name.
 *
 * @example
 * .body((p) => p.text("Ana").currency({ fallback: "$10.99", code: "USD", amount1000: 10990 }).dateTime({ fallback: "Nov 26" }))
 */
export class BodyParameters {
  readonly #parts: readonly BodyPart[];

  /** @internal */
  constructor(parts: readonly BodyPart[] = []) {
    this.#parts = parts;
  }

  text(text: string, options: ParameterName = {}): BodyParameters {
    const { name } = objectArgument(options, "template.body text options");
    return this.#add(() => named({ type: "text", text }, name));
  }

  currency(currency: Currency, options: ParameterName = {}): BodyParameters {
    const { fallback, code, amount1000 } = objectArgument(currency, "template.body currency");
    const { name } = objectArgument(options, "template.body currency options");
    return this.#add(() => named({ type: "currency", currency: { fallback_value: fallback, code, amount_1000: amount1000 } }, name));
  }

  dateTime(dateTime: DateTime, options: ParameterName = {}): BodyParameters {
    const { fallback } = objectArgument(dateTime, "template.body date_time");
    const { name } = objectArgument(options, "template.body date_time options");
    return this.#add(() => named({ type: "date_time", date_time: { fallback_value: fallback } }, name));
  }

  #add(part: BodyPart): BodyParameters {
    return new BodyParameters([...this.#parts, part]);
  }

  static {
    renderBody = (body) => body.#parts.map((part) => part());
  }
}
