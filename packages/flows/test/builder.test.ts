import { describe, expect, test } from "@jest/globals";
import { complete, dataExchange, FlowError, flow, navigate, openUrl, updateData } from "../src/index.js";

describe("flow builder", () => {
  test("every step returns a new frozen builder; a shared base is not changed by what extends it", () => {
    const base = flow().screen("END", (s) => s.terminal().layout((l) => l.footer("Done", complete())));
    const one = base.screen("OTHER", (s) => s.terminal().layout((l) => l.footer("Done", complete())));
    expect(Object.isFrozen(base)).toBe(true);
    expect(base.toJSON().screens).toHaveLength(1);
    expect(one.toJSON().screens).toHaveLength(2);
  });

  test("the latest published version by default, older ones on request", () => {
    const end = (f: ReturnType<typeof flow>) => f.screen("END", (s) => s.terminal().layout((l) => l.footer("Done", complete()))).build();
    expect(end(flow()).version).toBe("7.3");
    expect(end(flow({ version: "6.0" })).version).toBe("6.0");
  });

  test("camelCase options become Flow JSON's kebab-case; payload keys and init-values stay as written", () => {
    const json = flow({ version: "7.1" })
      .screen("FORM", (s) =>
        s
          .data({ cityName: { type: "string", __example__: "Berlin" } })
          .terminal()
          .layout((l) =>
            l
              .textInput("firstName", "First name", { inputType: "text", helperText: "As on your ID", labelVariant: "large" })
              .checkboxGroup(
                "extras",
                "Extras",
                [
                  { id: "a", title: "A", altText: "a", onSelectAction: updateData({ cityName: "Paris" }) },
                  { id: "b", title: "B" },
                ],
                { minSelectedItems: 1 },
              )
              .optIn("news", "News", { onClickAction: openUrl("https://example.com/terms") })
              .footer("Send", complete({ firstName: "${form.firstName}" }), { leftCaption: "1/1", rightCaption: "Send" }),
          ),
      )
      .build();
    const [input, checkboxes, optIn, footer] = json.screens[0]?.layout.children ?? [];
    expect(input).toEqual({
      type: "TextInput",
      name: "firstName",
      label: "First name",
      "input-type": "text",
      "helper-text": "As on your ID",
      "label-variant": "large",
    });
    expect(checkboxes).toMatchObject({
      "min-selected-items": 1,
      "data-source": [
        { id: "a", "alt-text": "a", "on-select-action": { name: "update_data", payload: { cityName: "Paris" } } },
        { id: "b" },
      ],
    });
    expect(optIn).toMatchObject({ "on-click-action": { name: "open_url", url: "https://example.com/terms" } });
    expect(footer).toMatchObject({ "left-caption": "1/1", "on-click-action": { payload: { firstName: "${form.firstName}" } } });
  });

  test("If and Switch take their branches from builders", () => {
    const json = flow()
      .screen("PICK", (s) =>
        s
          .data({ vip: { type: "boolean", __example__: true }, tier: { type: "string", __example__: "gold" } })
          .terminal()
          .layout((l) =>
            l
              .if(
                "${data.vip}",
                (t) => t.heading("Welcome back").footer("Done", complete({ vip: true })),
                (e) => e.heading("Hello").footer("Done", complete({ vip: false })),
              )
              .switch("${data.tier}", { gold: (c) => c.body("Gold"), silver: (c) => c.body("Silver") }),
          ),
      )
      .build();
    expect(json.screens[0]?.layout.children).toEqual([
      expect.objectContaining({
        type: "If",
        condition: "${data.vip}",
        then: [expect.objectContaining({ type: "TextHeading" }), expect.objectContaining({ type: "Footer" })],
      }),
      {
        type: "Switch",
        value: "${data.tier}",
        cases: { gold: [{ type: "TextBody", text: "Gold" }], silver: [{ type: "TextBody", text: "Silver" }] },
      },
    ]);
  });

  test("with dataApiVersion the routing model is written from navigate edges and routes()", () => {
    const json = flow({ dataApiVersion: "4.0" })
      .screen("START", (s) => s.layout((l) => l.textInput("q", "Question").footer("Next", dataExchange({ q: "${form.q}" }))))
      .screen("MIDDLE", (s) => s.layout((l) => l.footer("Next", navigate("END"))))
      .screen("END", (s) => s.terminal().layout((l) => l.footer("Done", complete())))
      .routes("START", ["MIDDLE"])
      .build();
    expect(json.routing_model).toEqual({ START: ["MIDDLE"], MIDDLE: ["END"], END: [] });
    expect(json.data_api_version).toBe("4.0");
  });

  test("build() throws FlowError with every issue and its path for what types cannot see", () => {
    const label: string = "x".repeat(21);
    const build = () =>
      flow()
        .screen("A", (s) => s.layout((l) => l.textInput("name", label)))
        .build();
    expect(build).toThrow(FlowError);
    try {
      build();
    } catch (error) {
      expect(error).toBeInstanceOf(FlowError);
      const issues = (error as FlowError).issues.map((i) => `${i.path} ${i.code}`);
      expect(issues).toEqual(expect.arrayContaining(["screens[0].layout.children[0].label too_long", "screens required"]));
      expect((error as Error).message).toContain("screens[0].layout.children[0].label: at most 20 characters, got 21");
    }
  });
});
