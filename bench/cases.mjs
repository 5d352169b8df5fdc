// The messages every runtime benchmark builds, each three ways: an object literal, the
// wacompose builder, and whatsapp-api-js (its classes and the request object its
// sendMessage() assembles before JSON.stringify). All produce the same JSON.
import { msg as currentMsg } from "@wacompose/builder";
import {
  ActionButtons,
  ActionList,
  Body,
  BodyComponent,
  BodyParameter,
  Button,
  Currency,
  DateTime,
  Footer,
  Header,
  HeaderComponent,
  HeaderParameter,
  Image,
  Interactive,
  ListSection,
  Row,
  Template,
  Text,
} from "whatsapp-api-js/messages";

const to = "16505551234";
const body =
  "Hi Ana! Your order #42 has shipped and is on its way. Track it here: https://example.com/track/42 — it should arrive by Friday. Reply STOP to opt out of updates.";
const rows = Array.from({ length: 10 }, (_, i) => ({
  id: `slot-${i}`,
  title: `Slot ${i + 8}:00`,
  description: `Available at ${i + 8}:00 tomorrow`,
}));

/** What whatsapp-api-js's sendMessage() stringifies for a message object. */
const peerRequest = (message) => ({
  messaging_product: "whatsapp",
  recipient_type: "individual",
  to,
  type: message._type,
  [message._type]: message,
});

/** The cases with `msg` from a given build of the builder (bench/runtime.mjs also times an earlier one). */
export const casesWith = (msg) => ({
  contacts: {
    literal: () => ({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to,
      type: "contacts",
      contacts: [
        {
          name: { formatted_name: "Ana Diaz", first_name: "Ana", last_name: "Diaz" },
          birthday: "1990-01-31",
          emails: [{ email: "ana@example.com", type: "WORK" }],
          org: { company: "Lucky Shrub", title: "Manager" },
          phones: [{ phone: "+16505550000", type: "WORK", wa_id: "16505550000" }],
          urls: [{ url: "https://example.com", type: "WORK" }],
        },
      ],
    }),
    wacompose: () =>
      msg
        .to(to)
        .contacts((c) =>
          c.contact((p) =>
            p
              .name({ formattedName: "Ana Diaz", firstName: "Ana", lastName: "Diaz" })
              .birthday("1990-01-31")
              .email("ana@example.com", { type: "WORK" })
              .org({ company: "Lucky Shrub", title: "Manager" })
              .phone("+16505550000", { type: "WORK", waId: "16505550000" })
              .url("https://example.com", { type: "WORK" }),
          ),
        )
        .build(),
  },
  text: {
    literal: () => ({ messaging_product: "whatsapp", recipient_type: "individual", to, type: "text", text: { body, preview_url: true } }),
    wacompose: () => msg.to(to).text(body, { previewUrl: true }).build(),
    peer: () => peerRequest(new Text(body, true)),
  },
  buttons: {
    literal: () => ({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to,
      type: "interactive",
      interactive: {
        type: "button",
        header: { type: "text", text: "Delivery slot" },
        body: { text: "When should we deliver your order?" },
        footer: { text: "Reply below" },
        action: {
          buttons: [
            { type: "reply", reply: { id: "am", title: "Morning" } },
            { type: "reply", reply: { id: "pm", title: "Afternoon" } },
            { type: "reply", reply: { id: "ev", title: "Evening" } },
          ],
        },
      },
    }),
    wacompose: () =>
      msg
        .to(to)
        .buttons("When should we deliver your order?")
        .header("Delivery slot")
        .footer("Reply below")
        .reply("am", "Morning")
        .reply("pm", "Afternoon")
        .reply("ev", "Evening")
        .build(),
    peer: () =>
      peerRequest(
        new Interactive(
          new ActionButtons(new Button("am", "Morning"), new Button("pm", "Afternoon"), new Button("ev", "Evening")),
          new Body("When should we deliver your order?"),
          new Header("Delivery slot"),
          new Footer("Reply below"),
        ),
      ),
  },
  list: {
    literal: () => ({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to,
      type: "interactive",
      interactive: {
        type: "list",
        body: { text: "Pick a delivery slot" },
        action: {
          button: "View slots",
          sections: [
            {
              title: "Morning",
              rows: [
                { id: "slot-0", title: "Slot 8:00", description: "Available at 8:00 tomorrow" },
                { id: "slot-1", title: "Slot 9:00", description: "Available at 9:00 tomorrow" },
                { id: "slot-2", title: "Slot 10:00", description: "Available at 10:00 tomorrow" },
                { id: "slot-3", title: "Slot 11:00", description: "Available at 11:00 tomorrow" },
                { id: "slot-4", title: "Slot 12:00", description: "Available at 12:00 tomorrow" },
              ],
            },
            {
              title: "Afternoon",
              rows: [
                { id: "slot-5", title: "Slot 13:00", description: "Available at 13:00 tomorrow" },
                { id: "slot-6", title: "Slot 14:00", description: "Available at 14:00 tomorrow" },
                { id: "slot-7", title: "Slot 15:00", description: "Available at 15:00 tomorrow" },
                { id: "slot-8", title: "Slot 16:00", description: "Available at 16:00 tomorrow" },
                { id: "slot-9", title: "Slot 17:00", description: "Available at 17:00 tomorrow" },
              ],
            },
          ],
        },
      },
    }),
    wacompose: () => {
      const [a, b, c, d, e, f, g, h, i, j] = rows;
      return msg
        .to(to)
        .list("Pick a delivery slot", "View slots")
        .section("Morning", (s) =>
          s
            .row(a.id, a.title, a.description)
            .row(b.id, b.title, b.description)
            .row(c.id, c.title, c.description)
            .row(d.id, d.title, d.description)
            .row(e.id, e.title, e.description),
        )
        .section("Afternoon", (s) =>
          s
            .row(f.id, f.title, f.description)
            .row(g.id, g.title, g.description)
            .row(h.id, h.title, h.description)
            .row(i.id, i.title, i.description)
            .row(j.id, j.title, j.description),
        )
        .build();
    },
    peer: () =>
      peerRequest(
        new Interactive(
          new ActionList(
            "View slots",
            new ListSection("Morning", ...rows.slice(0, 5).map((r) => new Row(r.id, r.title, r.description))),
            new ListSection("Afternoon", ...rows.slice(5).map((r) => new Row(r.id, r.title, r.description))),
          ),
          new Body("Pick a delivery slot"),
        ),
      ),
  },
  template: {
    literal: () => ({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to,
      type: "template",
      template: {
        name: "order_update",
        language: { code: "en_US", policy: "deterministic" },
        components: [
          { type: "header", parameters: [{ type: "image", image: { link: "https://example.com/receipt.png" } }] },
          {
            type: "body",
            parameters: [
              { type: "text", text: "Ana" },
              { type: "currency", currency: { fallback_value: "$10.99", code: "USD", amount_1000: 10990 } },
              { type: "date_time", date_time: { fallback_value: "November 26" } },
            ],
          },
        ],
      },
    }),
    wacompose: () =>
      msg
        .to(to)
        .template("order_update")
        .language("en_US", { policy: "deterministic" })
        .header((p) => p.image({ link: "https://example.com/receipt.png" }))
        .body((p) => p.text("Ana").currency({ fallback: "$10.99", code: "USD", amount1000: 10990 }).dateTime({ fallback: "November 26" }))
        .build(),
    peer: () =>
      peerRequest(
        new Template(
          "order_update",
          "en_US",
          new HeaderComponent(new HeaderParameter(new Image("https://example.com/receipt.png"))),
          new BodyComponent(
            new BodyParameter("Ana"),
            new BodyParameter(new Currency(10990, "USD", "$10.99")),
            new BodyParameter(new DateTime("November 26")),
          ),
        ),
      ),
  },
});

export const cases = casesWith(currentMsg);
