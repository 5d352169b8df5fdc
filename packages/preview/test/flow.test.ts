import { describe, expect, it } from "@jest/globals";
import { msg } from "@wacompose/builder";
import { renderBubble, renderFlowScreen, renderPreview } from "../src/index.js";

/** A Flow JSON screen laid out in one column. */
const singleColumnScreen = (id: string, title: string, children: readonly object[]) => ({
  id,
  title,
  layout: { type: "SingleColumnLayout", children },
});

const flowJson = {
  version: "7.3",
  screens: [
    singleColumnScreen("WELCOME", "Welcome", [
      { type: "TextHeading", text: "Join our club" },
      { type: "TextBody", text: "${data.greeting}" },
      { type: "TextInput", name: "name", label: "Your name", required: true },
      { type: "TextArea", name: "notes", label: "Notes" },
      { type: "DatePicker", name: "day", label: "Day" },
      { type: "Dropdown", name: "size", label: "Size", "data-source": "${data.sizes}" },
      { type: "RadioButtonsGroup", name: "plan", label: "Plan", "data-source": [{ id: "pro", title: "Pro" }] },
      { type: "CheckboxGroup", name: "extras", label: "Extras", "data-source": [{ id: "towel", title: "Towel" }] },
      { type: "OptIn", name: "news", label: "Newsletter" },
      { type: "Footer", label: "Continue", "on-click-action": { name: "complete", payload: {} } },
    ]),
  ],
};

describe("renderFlowScreen", () => {
  it("draws each component, with ${data.x} resolved; inputs disabled unless fillable", () => {
    const html = renderFlowScreen(flowJson.screens[0], { data: { greeting: "Hello Ana", sizes: [{ id: "m", title: "Medium" }] } });
    expect(html).toContain('<div class="wa-flow-title">Welcome</div><h3 class="wa-flow-heading">Join our club</h3>');
    expect(html).toContain('<p class="wa-flow-text">Hello Ana</p>');
    expect(html).toContain('<input name="name" type="text" required disabled>');
    expect(html).toContain('<textarea name="notes" disabled></textarea>');
    expect(html).toContain('<input name="day" placeholder="YYYY-MM-DD" disabled>');
    expect(html).toContain('<option value="m">Medium</option>');
    expect(html).toContain('<input type="radio" name="plan" value="pro" disabled> Pro');
    expect(html).toContain('<input type="checkbox" name="extras" value="towel" disabled> Towel');
    expect(html).toContain('<input type="checkbox" name="news" value="true" disabled> Newsletter');
    expect(html).toContain('<button class="wa-flow-submit" type="submit" disabled>Continue</button>');
    expect(renderFlowScreen(flowJson.screens[0], { fillable: true })).not.toContain("disabled");
  });

  it("escapes every string and bounds hostile input", () => {
    const evil = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`;
    const screen = singleColumnScreen(evil, evil, [
      { type: "TextBody", text: "${data.x}" },
      { type: "Dropdown", name: evil, label: evil, "data-source": [{ id: evil, title: evil }] },
      { type: evil },
      ...Array.from({ length: 500 }, () => ({ type: "TextBody", text: "x".repeat(10_000) })),
    ]);
    const html = renderFlowScreen(screen, { data: { x: evil } });
    expect(html).not.toMatch(/<script|<img/);
    expect(html.match(/wa-flow-text/g)).toHaveLength(48); // 50 components drawn, at most: 1 + 47 of the 500
    expect(html).toContain(`${"x".repeat(4096)}…<`);
    expect(() => renderFlowScreen(null)).not.toThrow();
    expect(renderFlowScreen({ layout: { children: "nope" } })).toBe('<div class="wa-flow-screen" data-screen=""></div>');
  });
});

describe("a flow message with its Flow JSON", () => {
  it("draws the screen it opens on, with the message's data (an object or a JSON string)", () => {
    const body = msg
      .to("16505551234")
      .flow("Join us", { flowId: "1001", cta: "Join", screen: "WELCOME", data: { greeting: "Hi there" } })
      .build();
    const bubble = renderBubble(body, { flows: { "1001": flowJson } });
    expect(bubble).toContain('data-screen="WELCOME"');
    expect(bubble).toContain('<p class="wa-flow-text">Hi there</p>');
    const asString = JSON.parse(JSON.stringify(body));
    asString.interactive.action.parameters.flow_action_payload.data = JSON.stringify({ greeting: "From a string" });
    expect(renderPreview(asString, { flows: { "1001": flowJson } })).toContain("From a string");
    // Without the Flow JSON, only the button.
    expect(renderBubble(body)).not.toContain("wa-flow-screen");
  });
});
