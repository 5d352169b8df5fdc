import { describe, expect, it } from "@jest/globals";
import { type ContactBuilder, createMsg, msg, text } from "../src/index.js";

// JavaScript callers, or a variable with extra keys (the types catch only literals): an options or
// parts object with a key the builder does not read fails at the call, naming where and the keys
// it takes, rather than the typo being dropped without a word.

const n = "16505551234";
const bsuid = "US.13491208655302741918";
const image = { link: "https://example.com/a.jpg" };
type Options = Record<string, unknown>;
const t = () => msg.to(n).template("t").language("en");
const inContact = (step: (p: never) => unknown) => () =>
  msg.to(n).contacts((c) => c.contact((p) => step(p.name({ formattedName: "Ana Diaz", firstName: "Ana" }) as never) as never));

/** [where, every option the builder documents (with a value it takes), the call given the options] */
const sites: [string, Options, (options: Options) => unknown][] = [
  ["text options", { previewUrl: true }, (o) => msg.to(n).text("hi", o as never)],
  ["image options", { caption: "c" }, (o) => msg.to(n).image(image, o as never)],
  ["video options", { caption: "c" }, (o) => msg.to(n).video(image, o as never)],
  ["document options", { caption: "c", filename: "a.pdf" }, (o) => msg.to(n).document(image, o as never)],
  ["audio options", { voice: true }, (o) => msg.to(n).audio(image, o as never)],
  ["location", { latitude: 1, longitude: 2, name: "n", address: "a" }, (o) => msg.to(n).location(o as never)],
  [
    "contacts.name",
    { formattedName: "A B", firstName: "A", lastName: "B", middleName: "M", suffix: "Jr", prefix: "Dr" },
    (o) => msg.to(n).contacts((c) => c.contact((p) => p.name(o as never))),
  ],
  [
    "contacts.phones options",
    { type: "CELL", waId: "1650" },
    (o) => inContact((p: { phone: (...a: unknown[]) => unknown }) => p.phone("+1650", o))(),
  ],
  ["contacts.emails options", { type: "WORK" }, (o) => inContact((p: { email: (...a: unknown[]) => unknown }) => p.email("a@b.c", o))()],
  ["contacts.urls options", { type: "WORK" }, (o) => inContact((p: { url: (...a: unknown[]) => unknown }) => p.url("https://x.io", o))()],
  [
    "contacts.addresses",
    { street: "s", city: "c", state: "st", zip: "z", country: "co", countryCode: "US", type: "HOME" },
    (o) => inContact((p: { address: (a: unknown) => unknown }) => p.address(o))(),
  ],
  ["contacts.org", { company: "c", department: "d", title: "t" }, (o) => inContact((p: { org: (a: unknown) => unknown }) => p.org(o))()],
  [
    "interactive.header options",
    { subText: "s" },
    (o) =>
      msg
        .to(n)
        .buttons("b")
        .header("h", o as never),
  ],
  ["catalog options", { thumbnailProductRetailerId: "sku" }, (o) => msg.to(n).catalog("b", o as never)],
  ["voiceCall options", { text: "Call", ttlMinutes: 100, payload: "p" }, (o) => msg.to(n).voiceCall("b", o as never)],
  ["productList", { header: "h", body: "b", catalogId: "c" }, (o) => msg.to(n).productList(o as never)],
  ["productCarousel", { catalogId: "c", products: ["a", "b"] }, (o) => msg.to(n).productCarousel("b", o as never)],
  ["cta_url button", { text: "Go", url: "https://x.io" }, (o) => msg.to(n).ctaUrl("b", o as never)],
  ["product", { catalogId: "c", productRetailerId: "sku" }, (o) => msg.to(n).product(o as never)],
  [
    "flow options",
    { cta: "Go", token: "t", flowId: "1", flowName: "f", mode: "draft", action: "navigate", screen: "S", data: { a: 1 } },
    (o) => msg.to(n).flow("b", o as never),
  ],
  ["pin options", { days: 7 }, (o) => msg.toGroup("G1").pin("wamid.1", o as never)],
  [
    "carousel card",
    // A URL button or quick replies: the key left undefined is still one the card reads (both is a TypeError, below).
    { body: "b", button: { text: "Buy", url: "https://x.io" }, quickReplies: undefined },
    (o) =>
      msg
        .to(n)
        .carousel("b")
        .card({ image }, o as never),
  ],
  [
    "template.language options",
    { policy: "deterministic" },
    (o) =>
      msg
        .to(n)
        .template("t")
        .language("en", o as never),
  ],
  ["template flow button", { token: "t", data: { a: 1 } }, (o) => t().flowButton(0, o as never)],
  ["template catalog button", { thumbnailProductRetailerId: "sku" }, (o) => t().catalogButton(0, o as never)],
  [
    "template mpm button",
    { thumbnailProductRetailerId: "sku", sections: [{ title: "s", productRetailerIds: ["a"] }] },
    (o) => t().mpmButton(0, o as never),
  ],
  [
    "template mpm button section",
    { title: "s", productRetailerIds: ["a"] },
    (o) => t().mpmButton(0, { thumbnailProductRetailerId: "sku", sections: [o as never] }),
  ],
  ["template voice_call button", { ttlMinutes: 10, payload: "p" }, (o) => t().voiceCallButton(o as never)],
  ["template tap target", { url: "https://x.io", title: "T" }, (o) => t().tapTarget(o as never)],
  ["template.header text options", { name: "who" }, (o) => t().header((p) => p.text("x", o as never))],
  ["template.header location", { latitude: 1, longitude: 2, name: "n", address: "a" }, (o) => t().header((p) => p.location(o as never))],
  ["template.body text options", { name: "who" }, (o) => t().body((p) => p.text("x", o as never))],
  ["template.body currency", { fallback: "$1", code: "USD", amount1000: 1000 }, (o) => t().body((p) => p.currency(o as never))],
  [
    "template.body currency options",
    { name: "price" },
    (o) => t().body((p) => p.currency({ fallback: "$1", code: "USD", amount1000: 1000 }, o as never)),
  ],
  ["template.body date_time", { fallback: "Nov 26" }, (o) => t().body((p) => p.dateTime(o as never))],
  ["template.body date_time options", { name: "when" }, (o) => t().body((p) => p.dateTime({ fallback: "Nov 26" }, o as never))],
  ["toUser options", { phone: "16505551234" }, (o) => msg.toUser(bsuid, o as never)],
  ["toUser options", { phone: "16505551234" }, (o) => createMsg({ text }).toUser(bsuid, o as never)],
];

describe("an options or parts object with a key the builder does not read is a TypeError at the call", () => {
  it.each(sites)("%s: a typo'd key fails, naming where and every key it takes", (where, documented, call) => {
    const takes = Object.keys(documented).join(", ");
    expect(() => call({ ...documented, previewURL: true })).toThrow(
      new TypeError(`${where}: unknown option "previewURL" (takes ${takes})`),
    );
    // An unknown key is unknown whatever its value: `undefined` does not make a typo harmless.
    expect(() => call({ previewURL: undefined })).toThrow(TypeError);
  });

  it.each(sites)("%s: every documented option is still taken, undefined or inherited keys too", (_where, documented, call) => {
    expect(() => call(documented)).not.toThrow();
    // Inherited keys are never read, so never refused.
    expect(() => call(Object.assign(Object.create({ previewURL: true }) as Options, documented))).not.toThrow();
    // A known key left undefined is no unknown option (a required one may still fail, for being missing).
    const undefinedValues = Object.fromEntries(Object.keys(documented).map((key) => [key, undefined]));
    let thrown: unknown;
    try {
      call(undefinedValues);
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).not.toContain("unknown option");
  });
});

describe("an options or parts object whose keys cannot be listed is a TypeError naming where, the cause kept", () => {
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const trapped = () =>
    new Proxy(
      {},
      {
        ownKeys: () => {
          throw new RangeError("ownKeys trap");
        },
      },
    );
  it.each(sites)("%s: a revoked Proxy, or an ownKeys trap that throws", (where, _documented, call) => {
    for (const [unreadable, cause] of [
      [revoked(), TypeError],
      [trapped(), RangeError],
    ] as const) {
      let thrown: unknown;
      try {
        call(unreadable as never);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toEqual(new TypeError(`${where}: could not read the options (see cause)`));
      expect((thrown as Error).cause).toBeInstanceOf(cause);
    }
  });
});

describe("a carousel card's action is read whole, never in part", () => {
  const card = (options: unknown) =>
    msg
      .to(n)
      .carousel("b")
      .card({ image }, options as never);

  it("a key the URL button or a quick reply does not take is a TypeError naming it", () => {
    expect(() => card({ button: { text: "Buy", url: "https://x.io", urll: "https://y.io" } })).toThrow(
      new TypeError('carousel card button: unknown option "urll" (takes text, url)'),
    );
    expect(() =>
      card({
        quickReplies: [
          { id: "a", title: "A" },
          { id: "b", title: "B", payload: "x" },
        ],
      }),
    ).toThrow(new TypeError('carousel card quickReplies[1]: unknown option "payload" (takes id, title)'));
  });

  it("both a button and quick replies, or neither, is a TypeError at the call, not a part dropped or a crash", () => {
    expect(() => card({ button: { text: "Buy", url: "https://x.io" }, quickReplies: [{ id: "a", title: "A" }] })).toThrow(
      new TypeError("carousel card: a URL button or quick replies, not both"),
    );
    expect(() => card({ body: "b" })).toThrow(new TypeError("carousel card: needs a URL button (button) or quick replies (quickReplies)"));
    expect(() => card({ quickReplies: "a" })).toThrow(new TypeError("carousel card quickReplies: expected an array, got string"));
  });

  it("each kind of card still builds as before", () => {
    const built = msg
      .to(n)
      .carousel("b")
      .card({ image }, { button: { text: "Buy", url: "https://x.io/a" } })
      .card({ image }, { body: "two", button: { text: "Buy", url: "https://x.io/b" } })
      .build();
    expect(built.interactive.action.cards.map((c) => c.action)).toEqual([
      { name: "cta_url", parameters: { display_text: "Buy", url: "https://x.io/a" } },
      { name: "cta_url", parameters: { display_text: "Buy", url: "https://x.io/b" } },
    ]);
    const replies = msg
      .to(n)
      .carousel("b")
      .card({ image }, { quickReplies: [{ id: "a", title: "A" }] })
      .card({ image }, { quickReplies: [{ id: "b", title: "B" }] })
      .build();
    expect(replies.interactive.action.cards[1]?.action).toEqual({
      buttons: [{ type: "quick_reply", quick_reply: { id: "b", title: "B" } }],
    });
  });
});

describe("only the options object's own keys are read", () => {
  it("a prototype that cannot be enumerated is never asked (Object.keys, not for…in)", () => {
    const prototype = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("prototype enumerated");
        },
      },
    );
    expect(() => msg.to("16505551234").text("hi", Object.create(prototype))).not.toThrow();
  });
});

describe("a contact card's steps read a plain options object by for…in", () => {
  const card = (options: unknown) =>
    msg
      .to(n)
      .contacts((c) => c.contact((p) => p.name({ formattedName: "Ana", firstName: "Ana" }).email("a@b.co", options as never)))
      .build().contacts[0];

  it("a null-prototype options object: its own unknown key is refused, naming it; its known keys are taken", () => {
    const typo = Object.assign(Object.create(null) as Record<string, unknown>, { type: "WORK", kind: "HOME" });
    expect(() => card(typo)).toThrow(new TypeError('contacts.emails options: unknown option "kind" (takes type)'));
    const known = Object.assign(Object.create(null) as Record<string, unknown>, { type: "WORK" });
    expect(card(known)?.emails).toEqual([{ email: "a@b.co", type: "WORK" }]);
  });

  it("an enumerable key added to Object.prototype is inherited, so never refused; an own unknown key still is", () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.polluted = true;
    try {
      expect(card({ type: "WORK" })?.emails).toEqual([{ email: "a@b.co", type: "WORK" }]);
      expect(() => card({ type: "WORK", kind: "HOME" })).toThrow('contacts.emails options: unknown option "kind"');
      expect(msg.to(n).text("hi", { previewUrl: true }).build().text).toEqual({ body: "hi", preview_url: true });
    } finally {
      delete prototype.polluted;
    }
  });

  it("any other prototype is not walked: its keys are never asked for", () => {
    const prototype = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("prototype enumerated");
        },
      },
    );
    expect(card(Object.assign(Object.create(prototype) as object, { type: "WORK" }))?.emails).toEqual([{ email: "a@b.co", type: "WORK" }]);
  });
});

describe("a contact card's step given a Proxy whose getPrototypeOf trap throws", () => {
  // The plain-object fast path asks for the prototype; such a Proxy goes the generic way (own keys, as every other
  // builder argument is read), so it builds as it did before that path existed, and its own unknown key is still named.
  const throwingPrototype = <const T extends object>(target: T): T =>
    new Proxy(target, {
      getPrototypeOf: () => {
        throw new Error("getPrototypeOf trap");
      },
    });
  const contact = (step: (p: ContactBuilder) => ContactBuilder<true>) =>
    msg
      .to(n)
      .contacts((c) => c.contact(step))
      .build().contacts[0];
  const name = { formattedName: "Ana", firstName: "Ana" };

  it("every step's options build from the Proxy's own keys", () => {
    expect(contact((p) => p.name(throwingPrototype({ ...name })))?.name).toEqual({ formatted_name: "Ana", first_name: "Ana" });
    const card = contact((p) =>
      p
        .name(name)
        .phone("+16505551234", throwingPrototype({ type: "WORK", waId: "16505551234" }))
        .email("a@b.co", throwingPrototype({ type: "HOME" }))
        .url("https://example.com", throwingPrototype({ type: "WORK" }))
        .org(throwingPrototype({ company: "Lucky Shrub" }))
        .address(throwingPrototype({ city: "Menlo Park", type: "WORK" })),
    );
    expect(card).toEqual({
      name: { formatted_name: "Ana", first_name: "Ana" },
      phones: [{ phone: "+16505551234", type: "WORK", wa_id: "16505551234" }],
      emails: [{ email: "a@b.co", type: "HOME" }],
      urls: [{ url: "https://example.com", type: "WORK" }],
      org: { company: "Lucky Shrub" },
      addresses: [{ city: "Menlo Park", type: "WORK" }],
    });
  });

  it("its own unknown key is refused, naming the step and the key", () => {
    expect(() => contact((p) => p.name(name).email("a@b.co", throwingPrototype({ type: "HOME", kind: "x" }) as never))).toThrow(
      new TypeError('contacts.emails options: unknown option "kind" (takes type)'),
    );
  });

  it("a trap that throws on every read is a TypeError naming the step, the trap's error its cause", () => {
    const unreadable = new Proxy(
      {},
      {
        getPrototypeOf: () => {
          throw new Error("getPrototypeOf trap");
        },
        ownKeys: () => {
          throw new Error("ownKeys trap");
        },
      },
    );
    const error = (() => {
      try {
        contact((p) => p.name(name).email("a@b.co", unreadable as never));
      } catch (caught) {
        return caught as Error;
      }
      throw new Error("no error");
    })();
    expect(error).toEqual(new TypeError("contacts.emails options: could not read the options (see cause)"));
    expect(error.cause).toEqual(new Error("ownKeys trap"));
  });
});

describe("a key is quoted as JSON in the message", () => {
  it("a line break or a quote in a key cannot forge a line or end the quotes", () => {
    expect(() => msg.to(n).text("hi", { 'preview"\nURL': true } as never)).toThrow(
      new TypeError('text options: unknown option "preview\\"\\nURL" (takes previewUrl)'),
    );
  });
});

describe("the example from the newcomer's report", () => {
  it("msg.to(n).text('hi', { previewURL: true }) says what it takes instead of building { body: 'hi' }", () => {
    expect(() => msg.to(n).text("hi", { previewURL: true } as never)).toThrow(
      'text options: unknown option "previewURL" (takes previewUrl)',
    );
    expect(msg.to(n).text("hi", { previewUrl: true }).build().text).toEqual({ body: "hi", preview_url: true });
  });
});
