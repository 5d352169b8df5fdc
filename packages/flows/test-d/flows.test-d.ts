import { complete, dataExchange, type FlowJson, finishFlow, flow, flowEndpoint, type LayoutBuilder, navigate } from "@wacompose/flows";
import { type Equal, expectType } from "./helpers.js";

// A valid two-screen flow compiles, and build() returns Flow JSON.
const signUp = flow()
  .screen("WELCOME", (s) =>
    s.title("Welcome").layout((l) =>
      l
        .heading("Join us")
        .textInput("name", "Your name", { required: true })
        .footer("Continue", navigate("DETAILS", { name: "${form.name}" })),
    ),
  )
  .screen("DETAILS", (s) =>
    s
      .data({ name: { type: "string", __example__: "Ana" } })
      .title("${data.name}")
      .terminal()
      .layout((l) =>
        l
          .radioButtons("plan", "Plan", [
            { id: "basic", title: "Basic" },
            { id: "pro", title: "Pro" },
          ])
          .footer("Done", complete({ name: "${data.name}", plan: "${form.plan}" })),
      ),
  )
  .build();
expectType<Equal<typeof signUp, FlowJson<"WELCOME" | "DETAILS">>>(true);

// References: ${form.x} must name an input declared above, ${data.x} a field of data().
flow().screen("A", (s) =>
  s.terminal().layout((l) =>
    l
      .textInput("email", "Email")
      // @ts-expect-error ${form.mail} does not resolve: no input named mail on this screen
      .footer("Send", complete({ email: "${form.mail}" })),
  ),
);
flow().screen("A", (s) =>
  s.data({ name: { type: "string", __example__: "Ana" } }).layout((l) =>
    // @ts-expect-error ${data.nmae} does not resolve: no field nmae in this screen's data()
    l.heading("${data.nmae}"),
  ),
);
// @ts-expect-error ${data.city} does not resolve: no field city in this screen's data()
flow().screen("A", (s) => s.title("${data.city}"));
flow().screen("A", (s) =>
  s
    .data({ cities: { type: "array", items: { type: "object" }, __example__: [{ id: "ber", title: "Berlin" }] } })
    .layout((l) => l.dropdown("city", "City", "${data.cities}")),
);
flow().screen("A", (s) =>
  // @ts-expect-error ${data.cities} does not resolve: no field cities in this screen's data()
  s.layout((l) => l.dropdown("city", "City", "${data.cities}")),
);

// Lengths: a TextInput label is at most 20 characters, a Footer label 35.
flow().screen("A", (s) =>
  // @ts-expect-error TextInput.label: at most 20 characters, got 26
  s.layout((l) => l.textInput("name", "Your full name, as written")),
);
flow().screen("A", (s) =>
  // @ts-expect-error Footer.label: at most 35 characters, got 36
  s.layout((l) => l.footer("Continue to the next step right away", complete())),
);

// One Footer per screen; names unique.
flow().screen("A", (s) =>
  s.layout((l) =>
    l
      .footer("One", complete())
      // @ts-expect-error Footer: one per screen (this screen has one already)
      .footer("Two", complete()),
  ),
);
flow().screen("A", (s) =>
  // @ts-expect-error name email is already used on this screen
  s.layout((l) => l.textInput("email", "Email").textArea("email", "Email again")),
);

// Option counts: ChipsSelector needs 2–20 options, radio buttons at most 20.
flow().screen("A", (s) =>
  // @ts-expect-error ChipsSelector.data-source: at least 2 options, got 1
  s.layout((l) => l.chipsSelector("tags", "Tags", [{ id: "a", title: "A" }])),
);
const many = [...["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21"]].map(
  (id) => ({ id, title: id }),
);
// A non-literal list is left to validateFlow().
flow().screen("A", (s) => s.layout((l) => l.radioButtons("n", "Number", many)));
flow().screen("A", (s) =>
  s.layout((l) =>
    // @ts-expect-error RadioButtonsGroup.data-source: at most 20 options, got 21
    l.radioButtons("n", "Number", [
      { id: "1", title: "1" },
      { id: "2", title: "2" },
      { id: "3", title: "3" },
      { id: "4", title: "4" },
      { id: "5", title: "5" },
      { id: "6", title: "6" },
      { id: "7", title: "7" },
      { id: "8", title: "8" },
      { id: "9", title: "9" },
      { id: "10", title: "10" },
      { id: "11", title: "11" },
      { id: "12", title: "12" },
      { id: "13", title: "13" },
      { id: "14", title: "14" },
      { id: "15", title: "15" },
      { id: "16", title: "16" },
      { id: "17", title: "17" },
      { id: "18", title: "18" },
      { id: "19", title: "19" },
      { id: "20", title: "20" },
      { id: "21", title: "21" },
    ]),
  ),
);

// Screen ids: navigate targets must exist (checked at build()), ids are unique, SUCCESS is reserved.
const lost = flow().screen("A", (s) => s.terminal().layout((l) => l.footer("Next", navigate("NOWHERE"))));
// @ts-expect-error navigate("NOWHERE"): no screen with that id in this flow
lost.build();
const twice = flow().screen("A", (s) => s.terminal().layout((l) => l.footer("Done", complete())));
// @ts-expect-error screen id A is used already
twice.screen("A", (s) => s);
// @ts-expect-error screen id SUCCESS is reserved
flow().screen("SUCCESS", (s) => s);

// At most 50 components per screen: the 51st is refused. Each component counts one (ten calls count ten); the
// builder at 49 is written as a type rather than as 49 calls.
type Zeros<N extends number, C extends 0[] = []> = C["length"] extends N ? C : Zeros<N, [...C, 0]>;
type WithCount<L, N extends number> =
  L extends LayoutBuilder<infer D, infer F, 0[], infer Ft, infer T> ? LayoutBuilder<D, F, Zeros<N>, Ft, T> : never;
flow().screen("A", (s) =>
  s.layout((l) => {
    const ten = l.body("1").body("2").body("3").body("4").body("5").body("6").body("7").body("8").body("9").body("10");
    expectType<Equal<(typeof ten)["~state"]["count"]["length"], 10>>(true);
    const fifty = (l as unknown as WithCount<typeof l, 49>).body("50");
    // @ts-expect-error screen: at most 50 components per screen
    return fifty.body("51");
  }),
);

// A step's type reads as the builder in hovers and errors (not as an alias the method families are written with).
declare const fresh: LayoutBuilder<never, never, [], false, never>;
const twoSteps = fresh.heading("Hello").textInput("email", "Email");
// @ts-expect-error Type 'LayoutBuilder<never, "email", [0, 0], false, never>' is not assignable to type 'number'
export const notANumber: number = twoSteps;
const choice = fresh.dropdown("city", "City", [{ id: "a", title: "A" }]);
// @ts-expect-error Type 'LayoutBuilder<never, "city", [0], false, never>' is not assignable to type 'number'
export const notANumberEither: number = choice;

// data_exchange payloads are checked like any other.
flow({ dataApiVersion: "4.0" }).screen("A", (s) =>
  s.layout((l) =>
    l
      .datePicker("day", "Day")
      // @ts-expect-error ${form.time} does not resolve
      .footer("Check", dataExchange({ day: "${form.day}", time: "${form.time}" })),
  ),
);
// A plain string is not checked at compile time (validateFlow does it at build()).
declare const label: string;
flow().screen("A", (s) => s.layout((l) => l.textInput("x", label)));

// The endpoint's handlers are typed by the flow they serve: its screen ids, and SUCCESS through finishFlow().
const served = flow({ dataApiVersion: "4.0" })
  .screen("START", (s) => s.layout((l) => l.textInput("q", "Question").footer("Ask", dataExchange({ q: "${form.q}" }))))
  .screen("END", (s) => s.terminal().layout((l) => l.footer("Done", complete())))
  .routes("START", ["END"])
  .build();
flowEndpoint({
  privateKey: "",
  flow: served,
  handlers: {
    INIT: () => ({ screen: "START", data: {} }),
    data_exchange: { START: (request) => finishFlow(request, { q: request.data.q ?? "" }) },
  },
});
flowEndpoint({
  privateKey: "",
  flow: served,
  // @ts-expect-error Type '"NOWHERE"' is not assignable to type
  handlers: { INIT: () => ({ screen: "NOWHERE", data: {} }) },
});
flowEndpoint({
  privateKey: "",
  flow: served,
  // @ts-expect-error 'MIDDLE' does not exist in type
  handlers: { data_exchange: { MIDDLE: () => ({ screen: "END", data: {} }) } },
});
