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
 * Handed to the parameter classes' constructors by this module's methods only: the parameter is one they made, of a
 * shape they know. A JavaScript caller can reach the constructors (through `.constructor`) but not this symbol.
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

/**
 * A fresh copy of a parameter as the builder holds it: the parameter and the one object it
 * nests under its type (`image`, `currency`, …), so a built body shares no object with the
 * builder. Parameters are held as data rather than as closures that make them: a closure and
 * its context cost more bytes per step than the object (template building allocates about
 * twice the literal, not more).
 *
 * A parameter this module's methods made is copied by copyMadeHeader or copyMadeBody. One a JavaScript caller
 * constructed around its own object is copied as given, at a spread per type in this table (one
 * shared spread and a key read by `type` saw every shape and went megamorphic, the slow path). The
 * table has no prototype: a parameter's `type` (a caller can construct a HeaderParameter or
 * BodyParameters with any) never finds Object's members (`constructor`, `toString`, `__proto__`); a
 * type with no entry is copied as it is and left to the checks at build.
 */
type CopyTable = { readonly [T in Parameter["type"]]: (parameter: Extract<Parameter, { type: T }>) => Parameter };
const copyByType: CopyTable = Object.setPrototypeOf(
  {
    text: (given) => ({ ...given }),
    currency: (given) => ({ ...given, currency: { ...given.currency } }),
    date_time: (given) => ({ ...given, date_time: { ...given.date_time } }),
    image: (given) => ({ ...given, image: { ...given.image } }),
    video: (given) => ({ ...given, video: { ...given.video } }),
    document: (given) => ({ ...given, document: { ...given.document } }),
    location: (given) => ({ ...given, location: { ...given.location } }),
  } satisfies CopyTable,
  null,
);

function copyGiven<P extends Parameter>(parameter: P): P {
  // The entry for this parameter's own type; none for a type no builder method makes.
  const copy = copyByType[parameter.type] as ((parameter: Parameter) => Parameter) | undefined;
  return (copy === undefined ? { ...parameter } : copy(parameter)) as P; // a copy of the same type
}

// A fresh copy of a parameter this module made: each type an object literal of its known shape, keys in the order
// the method wrote them. About three times as fast as the spreads of copyGiven, and objects of the shape a caller's
// own literal has. A media or location object came from the caller (`{ ...media }` keeps any key it has, for the
// checks to see), so it is spread.

const copyText = ({ text, parameter_name }: TemplateTextParameter): TemplateTextParameter =>
  parameter_name === undefined ? { type: "text", text } : { type: "text", text, parameter_name };

function copyMadeHeader(parameter: TemplateHeaderParameter): TemplateHeaderParameter {
  switch (parameter.type) {
    case "text":
      return copyText(parameter);
    case "image":
      return { type: "image", image: { ...parameter.image } };
    case "video":
      return { type: "video", video: { ...parameter.video } };
    case "document":
      return { type: "document", document: { ...parameter.document } };
    case "location":
      return { type: "location", location: { ...parameter.location } };
  }
}

function copyMadeBody(parameter: TemplateBodyParameter): TemplateBodyParameter {
  switch (parameter.type) {
    case "text":
      return copyText(parameter);
    case "currency": {
      const { fallback_value, code, amount_1000 } = parameter.currency;
      const currency = { fallback_value, code, amount_1000 };
      const { parameter_name } = parameter;
      return parameter_name === undefined ? { type: "currency", currency } : { type: "currency", currency, parameter_name };
    }
    case "date_time": {
      const date_time = { fallback_value: parameter.date_time.fallback_value };
      const { parameter_name } = parameter;
      return parameter_name === undefined ? { type: "date_time", date_time } : { type: "date_time", date_time, parameter_name };
    }
  }
}

/** The `name` of optional parameter options; no default `{}` made when they are left out. */
const nameOf = (options: ParameterName | undefined, where: string): string | undefined =>
  options === undefined ? undefined : objectArgument(options, where, ["name"]).name;

/** Reads a header parameter, fresh; kept out of the public surface. */
export let renderHeader: (parameter: HeaderParameter) => TemplateHeaderParameter;

/** The one parameter of a template header; made by the `p` of `.header(p => …)`. */
export class HeaderParameter {
  declare private readonly [parameterKey]: TemplateHeaderParameter;
  /** Made by a method of {@link headerParameters}, not constructed by a caller around its own object. */
  declare private readonly [madeKey]: boolean;

  /** @internal */
  constructor(parameter: TemplateHeaderParameter, made?: typeof madeHere) {
    this[parameterKey] = parameter;
    this[madeKey] = made === madeHere;
  }

  static {
    renderHeader = (header) => {
      const parameter = header[parameterKey];
      return header[madeKey] ? copyMadeHeader(parameter) : copyGiven(parameter);
    };
  }
}

const header = (parameter: TemplateHeaderParameter): HeaderParameter => new HeaderParameter(parameter, madeHere);

/**
 * Makes the header parameter: text (≤ 60 characters), an image, video or document (no
 * caption in templates), or a location.
 *
 * @example
 * .header((p) => p.image({ link: "https://example.com/receipt.png" }))
 */
export const headerParameters = Object.freeze({
  text<T extends string>(text: HeaderText<T>, options?: ParameterName): HeaderParameter {
    const name = nameOf(options, "template.header text options");
    return header(name === undefined ? { type: "text", text } : { type: "text", text, parameter_name: name });
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
    const parameter_name = nameOf(options, "template.body text options");
    const parameter: TemplateBodyParameter = parameter_name === undefined ? { type: "text", text } : { type: "text", text, parameter_name };
    return new BodyParameters(this, parameter, madeHere);
  }

  currency(currency: Currency, options?: ParameterName): BodyParameters {
    const { fallback, code, amount1000 } = objectArgument(currency, "template.body currency", ["fallback", "code", "amount1000"]);
    const parameter_name = nameOf(options, "template.body currency options");
    const content = { fallback_value: fallback, code, amount_1000: amount1000 };
    const parameter: TemplateBodyParameter =
      parameter_name === undefined ? { type: "currency", currency: content } : { type: "currency", currency: content, parameter_name };
    return new BodyParameters(this, parameter, madeHere);
  }

  dateTime(dateTime: DateTime, options?: ParameterName): BodyParameters {
    const { fallback } = objectArgument(dateTime, "template.body date_time", ["fallback"]);
    const parameter_name = nameOf(options, "template.body date_time options");
    const content = { fallback_value: fallback };
    const parameter: TemplateBodyParameter =
      parameter_name === undefined ? { type: "date_time", date_time: content } : { type: "date_time", date_time: content, parameter_name };
    return new BodyParameters(this, parameter, madeHere);
  }

  static {
    renderBody = (body) => {
      // Pushed from the last link back, then reversed: a packed array. One made at its final size and filled from
      // the end (`new Array(n)`) is holey, and JSON.stringify took a slower path over it: 4 % of a template's build.
      const parameters: TemplateBodyParameter[] = [];
      for (let link = body; link[previousKey] !== undefined; link = link[previousKey]) {
        const parameter = link[parameterKey] as TemplateBodyParameter; // set on every link but the first
        parameters.push(link[madeKey] ? copyMadeBody(parameter) : copyGiven(parameter));
      }
      return parameters.reverse();
    };
  }
}

/** The `p` every `.body(p => …)` starts from: a builder with no parameter, shared (steps never change it). */
export const noBodyParameters = new BodyParameters();
