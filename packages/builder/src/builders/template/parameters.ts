import type { limits } from "../../limits.js";
import type { MaxLength } from "../../type-checks.js";
import type {
  MediaSource,
  TemplateBodyParameter,
  TemplateHeaderParameter,
  TemplateLocationParameter,
  TemplateTextParameter,
} from "../../wire/index.js";
import { objectArgument } from "../arguments.js";

// Builder state under module-private symbols, as MessageBase keeps its own (message-base.ts says why).
const parameterKey: unique symbol = Symbol();
const previousKey: unique symbol = Symbol();
const madeKey: unique symbol = Symbol();
/**
 * Handed to the BodyParameters constructor by its own methods only: the parameter is one they made, of a shape they
 * know. A JavaScript caller can reach the constructor (through `.constructor`) but not this symbol.
 */
const madeHere: unique symbol = Symbol();

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

type Parameter = TemplateHeaderParameter | TemplateBodyParameter;

/** The parameter types that nest their value in an object named after the type: `{ type: "image", image: {…} }`. */
const nestingTypes: ReadonlySet<unknown> = new Set(["currency", "date_time", "image", "video", "document", "location"]);

/**
 * A fresh copy of a parameter as the builder holds it: the parameter and the one object it
 * nests under its type (`image`, `location`, …), so a built body shares no object with the
 * builder. Parameters are held as data rather than as closures that make them: a closure and
 * its context cost more bytes per step than the object (template building allocates less than
 * twice the literal). Header parameters and the ones a JavaScript caller constructs around its own
 * object are copied here, every key kept for the checks to see; body parameters the builder's own
 * methods made, by copyMadeBody. Only the types that nest an object under their name are copied a level deeper (a
 * text's value is kept as given, whatever it is, for the checks to name): a `type` a JavaScript caller made up —
 * `constructor`, `toString`, `__proto__` — never reaches Object's members, and is copied as it is and left to the
 * checks at build.
 */
function copyParameter<P extends Parameter>(parameter: P): P {
  const copy: { [key: string]: unknown } = { ...parameter };
  const { type } = parameter;
  if (nestingTypes.has(type)) copy[type] = { ...((parameter as unknown as { readonly [key: string]: unknown })[type] as object) };
  return copy as P; // the same keys, the nested object copied
}

/** `parameter` with its placeholder name, when it has one: the name last, as the API's examples write it. */
const named = <P extends TemplateTextParameter | TemplateBodyParameter>(parameter: P, name: string | undefined): P =>
  name === undefined ? parameter : { ...parameter, parameter_name: name };

/**
 * A fresh copy of a body parameter the builder's methods made, as an object literal of the shape they wrote (the name
 * last): three times as fast as copyParameter's spreads, and the shape a caller's own literal has.
 */
function copyMadeBody(parameter: TemplateBodyParameter): TemplateBodyParameter {
  const copy: TemplateBodyParameter =
    parameter.type === "text"
      ? { type: "text", text: parameter.text }
      : parameter.type === "currency"
        ? {
            type: "currency",
            currency: {
              fallback_value: parameter.currency.fallback_value,
              code: parameter.currency.code,
              amount_1000: parameter.currency.amount_1000,
            },
          }
        : { type: "date_time", date_time: { fallback_value: parameter.date_time.fallback_value } };
  return named(copy, parameter.parameter_name);
}

/** The `name` of optional parameter options; no default `{}` made when they are left out. */
const nameOf = (options: ParameterName | undefined, where: string): string | undefined =>
  options === undefined ? undefined : objectArgument(options, where, ["name"]).name;

/** Reads a header parameter, fresh; kept out of the public surface. */
export let renderHeader: (parameter: HeaderParameter) => TemplateHeaderParameter;

/** The one parameter of a template header; made by the `p` of `.header(p => …)`. */
export class HeaderParameter {
  declare private readonly [parameterKey]: TemplateHeaderParameter;

  /** @internal */
  constructor(parameter: TemplateHeaderParameter) {
    this[parameterKey] = parameter;
  }

  static {
    renderHeader = (header) => copyParameter(header[parameterKey]);
  }
}

const header = (parameter: TemplateHeaderParameter): HeaderParameter => new HeaderParameter(parameter);

/**
 * Makes the header parameter: text (≤ 60 characters), an image, video or document (no
 * caption in templates), or a location.
 *
 * @example
 * .header((p) => p.image({ link: "https://example.com/receipt.png" }))
 */
export const headerParameters = Object.freeze({
  text<T extends string>(text: HeaderText<T>, options?: ParameterName): HeaderParameter {
    return header(named({ type: "text", text }, nameOf(options, "template.header text options")));
  },
  image(media: MediaSource): HeaderParameter {
    return header({ type: "image", image: { ...media } });
  },
  video(media: MediaSource): HeaderParameter {
    return header({ type: "video", video: { ...media } });
  },
  document(media: MediaSource & { readonly filename?: string }): HeaderParameter {
    return header({ type: "document", document: { ...media } });
  },
  location(location: TemplateLocation): HeaderParameter {
    const { latitude, longitude, name, address } = objectArgument(location, "template.header location", [
      "latitude",
      "longitude",
      "name",
      "address",
    ]);
    const content: { -readonly [K in keyof TemplateLocation]: TemplateLocation[K] } = { latitude, longitude };
    if (name !== undefined) content.name = name;
    if (address !== undefined) content.address = address;
    return header({ type: "location", location: content });
  },
});
export type HeaderParameters = typeof headerParameters;

/** Reads the parameters of a body builder, fresh; kept out of the public surface. */
export let renderBody: (body: BodyParameters) => TemplateBodyParameter[];

/**
 * The body's parameters, in placeholder order (`{{1}}`, `{{2}}`, …) or by name.
 *
 * @example
 * .body((p) => p.text("Ana").currency({ fallback: "$10.99", code: "USD", amount1000: 10990 }).dateTime({ fallback: "Nov 26" }))
 */
export class BodyParameters {
  // One link per parameter (the previous builder and this parameter): no array copied per step.
  declare private readonly [previousKey]: BodyParameters | undefined;
  declare private readonly [parameterKey]: TemplateBodyParameter | undefined;
  /** Made by a method of this class, not constructed by a caller around its own object. */
  declare private readonly [madeKey]: boolean;

  /** @internal */
  constructor(previous?: BodyParameters, parameter?: TemplateBodyParameter, made?: typeof madeHere) {
    this[previousKey] = previous;
    this[parameterKey] = parameter;
    this[madeKey] = made === madeHere;
  }

  text(text: string, options?: ParameterName): BodyParameters {
    const name = nameOf(options, "template.body text options");
    return new BodyParameters(this, named({ type: "text", text }, name), madeHere);
  }

  currency(currency: Currency, options?: ParameterName): BodyParameters {
    const { fallback, code, amount1000 } = objectArgument(currency, "template.body currency", ["fallback", "code", "amount1000"]);
    const name = nameOf(options, "template.body currency options");
    return new BodyParameters(
      this,
      named({ type: "currency", currency: { fallback_value: fallback, code, amount_1000: amount1000 } }, name),
      madeHere,
    );
  }

  dateTime(dateTime: DateTime, options?: ParameterName): BodyParameters {
    const { fallback } = objectArgument(dateTime, "template.body date_time", ["fallback"]);
    const name = nameOf(options, "template.body date_time options");
    return new BodyParameters(this, named({ type: "date_time", date_time: { fallback_value: fallback } }, name), madeHere);
  }

  static {
    renderBody = (body) => {
      // Pushed from the last link back, then reversed: a packed array. One made at its final size and filled from
      // the end (`new Array(n)`) is holey, and JSON.stringify takes a slower path over a holey array.
      const parameters: TemplateBodyParameter[] = [];
      for (let link = body; link[previousKey] !== undefined; link = link[previousKey]) {
        const parameter = link[parameterKey] as TemplateBodyParameter; // set on every link but the first
        parameters.push(link[madeKey] ? copyMadeBody(parameter) : copyParameter(parameter));
      }
      return parameters.reverse();
    };
  }
}

/** The `p` every `.body(p => …)` starts from: a builder with no parameter, shared (steps never change it; frozen, as reflection reaches it). */
export const noBodyParameters = Object.freeze(new BodyParameters());
