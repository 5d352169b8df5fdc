import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { graphErrorCodes, msg } from "@wacompose/builder";
import { type Emulator, startEmulator } from "../src/index.js";

const templates = {
  data: [
    {
      name: "order_update",
      language: "en_US",
      status: "APPROVED",
      components: [
        { type: "HEADER", format: "IMAGE" },
        { type: "BODY", text: "Hi {{1}}, your order {{2}} ships on {{3}}." },
        { type: "BUTTONS", buttons: [{ type: "URL", text: "Track", url: "https://example.com/track/{{1}}" }] },
      ],
    },
    { name: "hello_world", language: "en_US", status: "APPROVED", components: [{ type: "BODY", text: "Hello World" }] },
  ],
};
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ accessToken: "t", templates });
});
afterAll(() => emulator.close());

const send = async (body: unknown) => {
  const response = await fetch(`${emulator.url}/v26.0/106540352242922/messages`, {
    method: "POST",
    headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    json: (await response.json()) as { error?: { code: number; message: string; error_data?: { details: string } } },
  };
};
const order = (parameters: string[], withButton = true) => {
  const template = msg
    .to("16505551234")
    .template("order_update")
    .language("en_US")
    .header((p) => p.image({ link: "https://example.com/a.png" }))
    .body((p) => parameters.reduce((b, text) => b.text(text), p));
  return withButton ? template.urlButton(0, "42").build() : template.build();
};

describe("the emulator holds template messages to the templates it was given", () => {
  it("a message that matches its definition is accepted", async () => {
    expect((await send(order(["Ana", "#42", "Friday"]))).status).toBe(200);
    expect((await send(msg.to("16505551234").template("hello_world").language("en_US").build())).status).toBe(200);
  });

  it("an unknown name, or a language the template does not have, is 132001", async () => {
    const unknown = await send(msg.to("16505551234").template("nope").language("en_US").build());
    expect([unknown.status, unknown.json.error?.code]).toEqual([400, graphErrorCodes.templateMissing]);
    expect(unknown.json.error?.message).toBe("(#132001) Template name does not exist in the translation");
    const language = await send(msg.to("16505551234").template("hello_world").language("pt_BR").build());
    expect(language.json.error?.error_data?.details).toBe("template name (hello_world) does not exist in pt_BR (it exists in en_US)");
  });

  it("a parameter count that does not match is 132000, saying which component", async () => {
    const body = await send(order(["Ana", "#42"]));
    expect([body.status, body.json.error?.code, body.json.error?.error_data?.details]).toEqual([
      400,
      graphErrorCodes.templateParameterCount,
      "body: expected 3 parameters, got 2",
    ]);
    const button = await send(order(["Ana", "#42", "Friday"], false));
    expect(button.json.error?.error_data?.details).toBe("button 0: its URL has a variable, and no parameter was sent for it");
    expect(emulator.received.at(-1)?.outcome).toBe("rejected");
  });

  it("without templates given, any template is accepted and the list is empty", async () => {
    const open = await startEmulator({ accessToken: "t" });
    try {
      const response = await fetch(`${open.url}/v26.0/106540352242922/messages`, {
        method: "POST",
        headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
        body: JSON.stringify(msg.to("16505551234").template("anything").language("en_US").build()),
      });
      expect(response.status).toBe(200);
      const list = await fetch(`${open.url}/v26.0/1/message_templates`, { headers: { Authorization: "Bearer t" } });
      expect(await list.json()).toEqual({ data: [], paging: { cursors: { before: "0", after: "0" } } });
    } finally {
      await open.close();
    }
  });
});
