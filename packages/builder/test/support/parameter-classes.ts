import { type BodyParameters, type HeaderParameter, msg } from "../../src/index.js";

// The template parameter classes are not exported as values, but every header and body parameter a caller gets
// holds its class in `.constructor`: a JavaScript caller can construct one around any object. These helpers do so.

type Construct<C> = new (...args: unknown[]) => C;
let Header: Construct<HeaderParameter> | undefined;
let Body: Construct<BodyParameters> | undefined;
msg
  .to("16505551234")
  .template("t")
  .language("en_US")
  .header((p) => {
    const made = p.text("x");
    Header = made.constructor as Construct<HeaderParameter>;
    return made;
  })
  .body((p) => {
    Body = p.constructor as Construct<BodyParameters>;
    return p.text("x");
  })
  .build();

/** A header parameter constructed around `parameter`, as a JavaScript caller can. */
export const headerAround = (parameter: object): HeaderParameter => new (Header as Construct<HeaderParameter>)(parameter);

/** Body parameters holding one parameter constructed around `parameter`. */
export const bodyAround = (parameter: object): BodyParameters =>
  new (Body as Construct<BodyParameters>)(new (Body as Construct<BodyParameters>)(), parameter);

/** A template to `to` built around a caller's own header and body parameter objects. */
export const templateAround = (to: string, header: object, body: object) =>
  msg
    .to(to)
    .template("t")
    .language("en_US")
    .header(() => headerAround(header))
    .body(() => bodyAround(body));
