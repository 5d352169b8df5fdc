import { describe, expect, test } from "@jest/globals";
import { validateFlow } from "../src/index.js";
import { bookingJson, helloWorldJson, signUpJson } from "./examples.js";

// biome-ignore lint/suspicious/noExplicitAny: tests reach into plain JSON to break one rule at a time
type Json = any;
const edit = (base: object, change: (json: Json) => void): Json => {
  const json = structuredClone(base);
  change(json);
  return json;
};
const hello = (children: object[], screen: object = {}): Json =>
  edit(helloWorldJson, (j) => {
    j.screens[0].layout.children = [...children, ...j.screens[0].layout.children];
    Object.assign(j.screens[0], screen);
  });
const footer = (label = "Done") => ({ type: "Footer", label, "on-click-action": { name: "complete", payload: {} } });
/** An input component: its type, its name in the form, its label. */
const input = (type: string, name: string, label: string) => ({ type, name, label });
const many = (n: number, make: (i: number) => object) => Array.from({ length: n }, (_, i) => make(i));
const options = (n: number) => many(n, (i) => ({ id: `o${i}`, title: `Option ${i}` }));

/** One invalid variant per rule: [rule, document, path of the issue, code]. */
const variants: [string, Json, string, string][] = [
  ["document is an object", [], "", "invalid_type"],
  ["unknown top-level key", edit(helloWorldJson, (j) => (j.extra = 1)), "extra", "unknown_field"],
  ["version required", edit(helloWorldJson, (j) => delete j.version), "version", "required"],
  ["version known", edit(helloWorldJson, (j) => (j.version = "9.9")), "version", "invalid_value"],
  ["screens required", edit(helloWorldJson, (j) => delete j.screens), "screens", "required"],
  ["at least 1 screen", edit(helloWorldJson, (j) => (j.screens = [])), "screens", "too_few"],
  ["at most 100 screens", edit(helloWorldJson, (j) => (j.screens = many(101, () => j.screens[0]))), "screens", "too_many"],
  ["unique screen ids", edit(signUpJson, (j) => (j.screens[1].id = "JOIN_NOW")), "screens[1].id", "duplicate"],
  ["SUCCESS reserved", edit(helloWorldJson, (j) => (j.screens[0].id = "success")), "screens[0].id", "invalid_value"],
  ["unknown screen key", hello([], { colour: "red" }), "screens[0].colour", "unknown_field"],
  ["layout type", edit(helloWorldJson, (j) => (j.screens[0].layout.type = "Grid")), "screens[0].layout.type", "invalid_value"],
  [
    "a terminal screen needs a Footer",
    edit(helloWorldJson, (j) => j.screens[0].layout.children.pop()),
    "screens[0].layout.children",
    "required",
  ],
  ["one terminal screen", edit(signUpJson, (j) => delete j.screens[1].terminal), "screens", "required"],
  ["a successful terminal screen", hello([], { success: false }), "screens", "required"],
  ["success only on terminal screens", edit(signUpJson, (j) => (j.screens[0].success = true)), "screens[0].success", "conflict"],
  ["data needs __example__", hello([], { data: { a: { type: "string" } } }), "screens[0].data.a.__example__", "required"],
  [
    "__example__ of the declared type",
    hello([], { data: { a: { type: "number", __example__: "1" } } }),
    "screens[0].data.a.__example__",
    "invalid_type",
  ],
  ["arrays need items", hello([], { data: { a: { type: "array", __example__: [] } } }), "screens[0].data.a.items", "required"],
  [
    "null is not valid data",
    hello([], { data: { a: { type: "object", __example__: { b: null } } } }),
    "screens[0].data.a.__example__",
    "invalid_value",
  ],
  ["unknown component", hello([{ type: "Marquee", text: "hi" }]), "screens[0].layout.children[0].type", "invalid_value"],
  ["required property", hello([{ type: "TextInput", name: "a" }]), "screens[0].layout.children[0].label", "required"],
  ["heading ≤ 80", hello([{ type: "TextHeading", text: "x".repeat(81) }]), "screens[0].layout.children[0].text", "too_long"],
  ["heading not blank", hello([{ type: "TextHeading", text: "  " }]), "screens[0].layout.children[0].text", "too_short"],
  ["body ≤ 4096", hello([{ type: "TextBody", text: "x".repeat(4097) }]), "screens[0].layout.children[0].text", "too_long"],
  [
    "TextInput label ≤ 20",
    hello([{ type: "TextInput", name: "a", label: "x".repeat(21) }]),
    "screens[0].layout.children[0].label",
    "too_long",
  ],
  [
    "helper text ≤ 80",
    hello([{ type: "TextArea", name: "a", label: "A", "helper-text": "x".repeat(81) }]),
    "screens[0].layout.children[0].helper-text",
    "too_long",
  ],
  [
    "Footer label ≤ 35",
    edit(helloWorldJson, (j) => (j.screens[0].layout.children[2].label = "x".repeat(36))),
    "screens[0].layout.children[2].label",
    "too_long",
  ],
  [
    "Footer captions: sides xor center",
    edit(helloWorldJson, (j) => Object.assign(j.screens[0].layout.children[2], { "left-caption": "a", "center-caption": "b" })),
    "screens[0].layout.children[2].center-caption",
    "conflict",
  ],
  [
    "EmbeddedLink ≤ 25",
    hello([{ type: "EmbeddedLink", text: "x".repeat(26), "on-click-action": { name: "data_exchange", payload: {} } }]),
    "screens[0].layout.children[0].text",
    "too_long",
  ],
  ["OptIn ≤ 120", hello([{ type: "OptIn", name: "a", label: "x".repeat(121) }]), "screens[0].layout.children[0].label", "too_long"],
  [
    "Radio label required from 4.0",
    hello([{ type: "RadioButtonsGroup", name: "a", "data-source": options(2) }]),
    "screens[0].layout.children[0].label",
    "required",
  ],
  [
    "at most 20 options",
    hello([{ type: "CheckboxGroup", name: "a", label: "A", "data-source": options(21) }]),
    "screens[0].layout.children[0].data-source",
    "too_many",
  ],
  [
    "at least 2 chips",
    hello([{ type: "ChipsSelector", name: "a", label: "A", "data-source": options(1) }]),
    "screens[0].layout.children[0].data-source",
    "too_few",
  ],
  [
    "Dropdown ≤ 200 options",
    hello([{ type: "Dropdown", name: "a", label: "A", "data-source": options(201) }]),
    "screens[0].layout.children[0].data-source",
    "too_many",
  ],
  [
    "Dropdown ≤ 100 options with images",
    hello([{ type: "Dropdown", name: "a", label: "A", "data-source": [...options(100), { id: "i", title: "I", image: "AAAA" }] }]),
    "screens[0].layout.children[0].data-source",
    "too_many",
  ],
  [
    "option title ≤ 30",
    hello([{ type: "Dropdown", name: "a", label: "A", "data-source": [{ id: "a", title: "x".repeat(31) }] }]),
    "screens[0].layout.children[0].data-source[0].title",
    "too_long",
  ],
  [
    "option needs an id",
    hello([{ type: "Dropdown", name: "a", label: "A", "data-source": [{ title: "A" }] }]),
    "screens[0].layout.children[0].data-source[0].id",
    "required",
  ],
  [
    "option image ≤ 100 KB from 6.0",
    hello([{ type: "Dropdown", name: "a", label: "A", "data-source": [{ id: "a", title: "A", image: "A".repeat(140_000) }] }]),
    "screens[0].layout.children[0].data-source[0].image",
    "too_long",
  ],
  ["at most 50 components", hello(many(50, () => ({ type: "TextBody", text: "x" }))), "screens[0].layout.children", "too_many"],
  ["one Footer per screen", hello([footer("First")]), "screens[0].layout.children", "too_many"],
  [
    "at most 2 EmbeddedLinks",
    hello(many(3, () => ({ type: "EmbeddedLink", text: "Go", "on-click-action": { name: "data_exchange", payload: {} } }))),
    "screens[0].layout.children",
    "too_many",
  ],
  ["at most 3 Images", hello(many(4, () => ({ type: "Image", src: "AAAA" }))), "screens[0].layout.children", "too_many"],
  ["at most 5 OptIns", hello(many(6, (i) => ({ type: "OptIn", name: `o${i}`, label: "Yes" }))), "screens[0].layout.children", "too_many"],
  [
    "one media picker",
    hello([input("PhotoPicker", "p", "Photo"), input("DocumentPicker", "d", "Doc")]),
    "screens[0].layout.children",
    "too_many",
  ],
  [
    "picker file size 1–25600",
    hello([{ type: "PhotoPicker", name: "p", label: "Photo", "max-file-size-kb": 30000 }]),
    "screens[0].layout.children[0].max-file-size-kb",
    "out_of_range",
  ],
  ["unique names", hello([input("TextInput", "a", "A"), input("TextArea", "a", "B")]), "screens[0].layout.children[1].name", "duplicate"],
  [
    "component needs its version",
    edit(helloWorldJson, (j) => {
      j.version = "6.0";
      j.screens[0].layout.children.unshift({ type: "ChipsSelector", name: "c", label: "C", "data-source": options(2) });
    }),
    "screens[0].layout.children[0].type",
    "invalid_value",
  ],
  [
    "property needs its version",
    edit(helloWorldJson, (j) => {
      j.version = "6.3";
      j.screens[0].layout.children.unshift({ type: "TextInput", name: "t", label: "T", "label-variant": "large" });
    }),
    "screens[0].layout.children[0].label-variant",
    "unknown_field",
  ],
  [
    "pattern needs helper-text",
    hello([{ type: "TextInput", name: "a", label: "A", pattern: "\\d+" }]),
    "screens[0].layout.children[0].helper-text",
    "required",
  ],
  [
    "dates are YYYY-MM-DD from 5.0",
    hello([{ type: "DatePicker", name: "d", label: "D", "min-date": "1700000000000" }]),
    "screens[0].layout.children[0].min-date",
    "invalid_format",
  ],
  [
    "inputs inside a Form before 4.0",
    edit(signUpJson, (j) => j.screens[1].layout.children.unshift(input("TextInput", "x", "X"))),
    "screens[1].layout.children[0]",
    "conflict",
  ],
  [
    "COMPONENTS_OUTSIDE_FORM from 4.0",
    edit(signUpJson, (j) => {
      j.version = "7.3";
      j.screens[0].layout.children.unshift(input("TextInput", "x", "X"));
    }),
    "screens[0].layout.children[0]",
    "conflict",
  ],
  [
    "no init-value inside a Form",
    edit(signUpJson, (j) => (j.screens[0].layout.children[0].children[0]["init-value"] = "Ana")),
    "screens[0].layout.children[0].children[0].init-value",
    "conflict",
  ],
  [
    "NavigationList alone",
    hello([
      {
        type: "NavigationList",
        name: "n",
        "list-items": [{ id: "a", "main-content": { title: "A" }, "on-click-action": { name: "data_exchange", payload: {} } }],
      },
    ]),
    "screens[0].layout.children",
    "conflict",
  ],
  [
    "RichText alone before 6.3",
    edit(helloWorldJson, (j) => {
      j.version = "6.2";
      j.screens[0].layout.children.unshift({ type: "RichText", text: "# Hi" });
    }),
    "screens[0].layout.children[1]",
    "conflict",
  ],
  [
    "If needs a dynamic condition",
    hello([{ type: "If", condition: "true", then: [{ type: "TextBody", text: "x" }] }]),
    "screens[0].layout.children[0].condition",
    "invalid_value",
  ],
  [
    "If nests at most 3 deep",
    hello(
      [
        {
          type: "If",
          condition: "${data.a}",
          then: [
            {
              type: "If",
              condition: "${data.a}",
              then: [
                {
                  type: "If",
                  condition: "${data.a}",
                  then: [{ type: "If", condition: "${data.a}", then: [{ type: "TextBody", text: "x" }] }],
                },
              ],
            },
          ],
        },
      ],
      { data: { a: { type: "boolean", __example__: true } } },
    ),
    "screens[0].layout.children[0].then[0].then[0].then[0]",
    "too_many",
  ],
  [
    "a Footer in both branches of an If",
    edit(helloWorldJson, (j) => {
      j.screens[0].data = { a: { type: "boolean", __example__: true } };
      j.screens[0].layout.children = [{ type: "If", condition: "${data.a}", then: [footer()], else: [{ type: "TextBody", text: "x" }] }];
    }),
    "screens[0].layout.children[0]",
    "conflict",
  ],
  [
    "Switch: every case a Footer or none",
    edit(helloWorldJson, (j) => {
      j.screens[0].data = { a: { type: "string", __example__: "x" } };
      j.screens[0].layout.children = [
        { type: "Switch", value: "${data.a}", cases: { x: [footer()], y: [{ type: "TextBody", text: "y" }] } },
      ];
    }),
    "screens[0].layout.children[0].cases",
    "conflict",
  ],
  [
    "navigate to an existing screen",
    edit(signUpJson, (j) => (j.screens[0].layout.children[0].children[3]["on-click-action"].next.name = "NOPE")),
    "screens[0].layout.children[0].children[3].on-click-action.next.name",
    "invalid_value",
  ],
  [
    "navigate not to itself",
    edit(signUpJson, (j) => (j.screens[0].layout.children[0].children[3]["on-click-action"].next.name = "JOIN_NOW")),
    "screens[0].layout.children[0].children[3].on-click-action.next.name",
    "invalid_value",
  ],
  [
    "navigate payload sets every data field",
    edit(signUpJson, (j) => delete j.screens[0].layout.children[0].children[3]["on-click-action"].payload.email),
    "screens[0].layout.children[0].children[3].on-click-action.payload",
    "required",
  ],
  [
    "navigate payload keys are data fields",
    edit(signUpJson, (j) => (j.screens[0].layout.children[0].children[3]["on-click-action"].payload.age = 3)),
    "screens[0].layout.children[0].children[3].on-click-action.payload.age",
    "unknown_field",
  ],
  [
    "navigate payload types match",
    edit(signUpJson, (j) => (j.screens[0].layout.children[0].children[3]["on-click-action"].payload.email = 3)),
    "screens[0].layout.children[0].children[3].on-click-action.payload.email",
    "invalid_type",
  ],
  [
    "complete only on a terminal screen's Footer",
    edit(signUpJson, (j) => (j.screens[0].layout.children[0].children[3]["on-click-action"] = { name: "complete", payload: {} })),
    "screens[0].layout.children[0].children[3].on-click-action.name",
    "invalid_value",
  ],
  [
    "data_exchange needs data_api_version",
    edit(bookingJson, (j) => {
      delete j.data_api_version;
      delete j.routing_model;
    }),
    "screens[0].layout.children[0].on-select-action.name",
    "required",
  ],
  [
    "update_data from 6.0",
    edit(bookingJson, (j) => {
      j.version = "5.1";
      j.screens[0].layout.children[0]["on-select-action"] = { name: "update_data", payload: { is_time_enabled: true } };
    }),
    "screens[0].layout.children[0].on-select-action.name",
    "invalid_value",
  ],
  [
    "update_data sets this screen's data",
    edit(bookingJson, (j) => (j.screens[0].layout.children[0]["on-select-action"] = { name: "update_data", payload: { nope: true } })),
    "screens[0].layout.children[0].on-select-action.payload.nope",
    "invalid_value",
  ],
  [
    "open_url on EmbeddedLink or OptIn only",
    edit(helloWorldJson, (j) => (j.screens[0].layout.children[2]["on-click-action"] = { name: "open_url", url: "https://example.com" })),
    "screens[0].layout.children[2].on-click-action.name",
    "invalid_value",
  ],
  [
    "unknown action",
    edit(helloWorldJson, (j) => (j.screens[0].layout.children[2]["on-click-action"] = { name: "teleport" })),
    "screens[0].layout.children[2].on-click-action.name",
    "invalid_value",
  ],
  [
    "${data.x} resolves",
    edit(signUpJson, (j) => (j.screens[1].layout.children[1].text = "${data.phone}")),
    "screens[1].layout.children[1].text",
    "invalid_value",
  ],
  [
    "${form.x} resolves",
    edit(signUpJson, (j) => (j.screens[1].layout.children[2]["on-click-action"].payload.plan = "${form.plan}")),
    "screens[1].layout.children[2].on-click-action.payload.plan",
    "invalid_value",
  ],
  [
    "${screen.ID…} names another screen",
    edit(signUpJson, (j) => {
      j.version = "7.3";
      j.screens[1].layout.children[1].text = "${screen.NOPE.form.email}";
    }),
    "screens[1].layout.children[1].text",
    "invalid_value",
  ],
  [
    "${screen.ID…} needs 4.0",
    edit(signUpJson, (j) => (j.screens[1].layout.children[1].text = "${screen.JOIN_NOW.form.email}")),
    "screens[1].layout.children[1].text",
    "invalid_value",
  ],
  [
    "no static text mixed with a reference",
    edit(signUpJson, (j) => (j.screens[1].layout.children[1].text = "Email: ${data.email}")),
    "screens[1].layout.children[1].text",
    "invalid_value",
  ],
  [
    "backtick expressions from 6.0",
    edit(signUpJson, (j) => (j.screens[1].layout.children[1].text = "`'Email: ' ${data.email}`")),
    "screens[1].layout.children[1].text",
    "invalid_value",
  ],
  [
    "no pickers in a navigate payload",
    edit(signUpJson, (j) => {
      j.version = "7.3";
      j.screens[0].layout.children[0].children.unshift(input("PhotoPicker", "photo", "Photo"));
      j.screens[0].layout.children[0].children[4]["on-click-action"].payload.email = "${form.photo}";
    }),
    "screens[0].layout.children[0].children[4].on-click-action.payload.email",
    "invalid_value",
  ],
  [
    "sensitive names inputs (5.1+)",
    edit(bookingJson, (j) => (j.screens[0].sensitive = ["ssn"])),
    "screens[0].sensitive[0]",
    "invalid_value",
  ],
  ["refresh_on_back needs data_api_version", hello([], { refresh_on_back: true }), "screens[0].refresh_on_back", "required"],
  ["routing_model required with data_api_version", edit(bookingJson, (j) => delete j.routing_model), "routing_model", "required"],
  ["routing_model has every screen", edit(bookingJson, (j) => delete j.routing_model.SUMMARY), "routing_model", "required"],
  [
    "routing_model names screens",
    edit(bookingJson, (j) => j.routing_model.APPOINTMENT.push("NOPE")),
    "routing_model.APPOINTMENT[1]",
    "invalid_value",
  ],
  [
    "no route to itself",
    edit(bookingJson, (j) => j.routing_model.APPOINTMENT.push("APPOINTMENT")),
    "routing_model.APPOINTMENT[1]",
    "invalid_value",
  ],
  [
    "forward routes only",
    edit(bookingJson, (j) => (j.routing_model.SUMMARY = ["APPOINTMENT"])),
    "routing_model.APPOINTMENT",
    "invalid_value",
  ],
  [
    "an entry screen",
    edit(bookingJson, (j) => {
      j.screens.push({ ...structuredClone(j.screens[1]), id: "THIRD" });
      j.routing_model = { APPOINTMENT: ["SUMMARY"], SUMMARY: ["THIRD"], THIRD: ["APPOINTMENT"] };
    }),
    "routing_model",
    "invalid_value",
  ],
  [
    "at most 10 routes from a screen",
    edit(bookingJson, (j) => {
      for (let i = 0; i < 10; i++) {
        j.screens.push({ ...structuredClone(j.screens[1]), id: `S_${"abcdefghij"[i]}` });
        j.routing_model[`S_${"abcdefghij"[i]}`] = [];
        j.routing_model.APPOINTMENT.push(`S_${"abcdefghij"[i]}`);
      }
    }),
    "routing_model.APPOINTMENT",
    "too_many",
  ],
  [
    "no disconnected screens",
    edit(bookingJson, (j) => {
      j.screens.push({ ...structuredClone(j.screens[1]), id: "ALONE" });
      j.routing_model.ALONE = [];
    }),
    "routing_model.ALONE",
    "invalid_value",
  ],
  ["routes end at a terminal screen", edit(bookingJson, (j) => delete j.screens[1].terminal), "routing_model.SUMMARY", "invalid_value"],
  [
    "navigate edges are in the routing model",
    edit(signUpJson, (j) => {
      j.version = "7.3";
      j.data_api_version = "4.0";
      j.routing_model = { JOIN_NOW: [], CONFIRM: [] };
    }),
    "screens[0].layout.children[0].children[3].on-click-action.next.name",
    "invalid_value",
  ],
  [
    "data_channel_uri gone from 3.0",
    edit(signUpJson, (j) => (j.data_channel_uri = "https://example.com")),
    "data_channel_uri",
    "unknown_field",
  ],
];

describe("validateFlow: one invalid variant per rule fails with its path", () => {
  test.each(variants)("%s", (_rule, json, path, code) => {
    const issues = validateFlow(json);
    const errors = issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => `${i.path} ${i.code}`)).toContainEqual(`${path} ${code}`);
  });
});

test("limits and actual values are reported", () => {
  const [issue] = validateFlow(hello([{ type: "TextInput", name: "a", label: "x".repeat(21) }]));
  expect(issue).toEqual({
    path: "screens[0].layout.children[0].label",
    code: "too_long",
    severity: "error",
    message: "at most 20 characters, got 21",
    limit: 20,
    actual: 21,
  });
});

test("a screen id that is not letters and underscores is a warning, not an error (Meta's own examples use digits)", () => {
  const issues = validateFlow(edit(helloWorldJson, (j) => (j.screens[0].id = "SCREEN_1")));
  expect(issues).toEqual([expect.objectContaining({ path: "screens[0].id", severity: "warning", code: "invalid_format" })]);
});

test("validated as another version on request", () => {
  const issues = validateFlow(helloWorldJson, { version: "6.0" });
  expect(issues).toEqual([expect.objectContaining({ path: "version", severity: "warning", code: "conflict" })]);
  expect(
    validateFlow(
      edit(bookingJson, (j) => (j.screens[0].sensitive = ["date"])),
      { version: "5.0" },
    ),
  ).toContainEqual(expect.objectContaining({ path: "screens[0].sensitive", code: "unknown_field" }));
});
