import { describe, expect, it } from "@jest/globals";
import { validate } from "../src/index.js";

// Request bodies from the reference (shared/reference, seed [S] examples), with the
// placeholders filled in. Every one must validate cleanly.
const to = "16505551234";
const wamid = "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";
const documented: Record<string, unknown> = {
  text: { messaging_product: "whatsapp", recipient_type: "individual", to, type: "text", text: { preview_url: false, body: "Hello" } },
  reaction: {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    type: "reaction",
    reaction: { message_id: wamid, emoji: "\uD83D\uDE00" },
  },
  image: { messaging_product: "whatsapp", recipient_type: "individual", to, type: "image", image: { id: "1479537139650973" } },
  location: {
    messaging_product: "whatsapp",
    to,
    type: "location",
    location: { longitude: -122.425332, latitude: 37.758056, name: "Facebook HQ", address: "1 Hacker Way, Menlo Park, CA 94025" },
  },
  contacts: {
    messaging_product: "whatsapp",
    to,
    type: "contacts",
    contacts: [
      {
        addresses: [
          {
            street: "1 Hacker Way",
            city: "Menlo Park",
            state: "CA",
            zip: "94025",
            country: "United States",
            country_code: "US",
            type: "HOME",
          },
          {
            street: "200 Jefferson Dr",
            city: "Menlo Park",
            state: "CA",
            zip: "94025",
            country: "United States",
            country_code: "US",
            type: "WORK",
          },
        ],
        birthday: "2012-08-18",
        emails: [
          { email: "test@fb.com", type: "WORK" },
          { email: "test@whatsapp.com", type: "HOME" },
        ],
        name: { formatted_name: "John Smith", first_name: "John", last_name: "Smith", middle_name: "D.", suffix: "Jr", prefix: "Dr" },
        org: { company: "WhatsApp", department: "Design", title: "Manager" },
        phones: [
          { phone: "+1 (940) 555-1234", type: "HOME" },
          { phone: "+1 (650) 555-1234", type: "WORK", wa_id: "16505551234" },
        ],
        urls: [
          { url: "https://www.facebook.com", type: "WORK" },
          { url: "https://www.whatsapp.com", type: "HOME" },
        ],
      },
    ],
  },
  product: {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    type: "interactive",
    interactive: {
      type: "product",
      body: { text: "optional body text" },
      footer: { text: "optional footer text" },
      action: { catalog_id: "367025965434465", product_retailer_id: "ID_TEST_ITEM_1" },
    },
  },
  productList: {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    type: "interactive",
    interactive: {
      type: "product_list",
      header: { type: "text", text: "header-content" },
      body: { text: "body-content" },
      footer: { text: "footer-content" },
      action: {
        catalog_id: "367025965434465",
        sections: [
          { title: "section-title", product_items: [{ product_retailer_id: "sku-1" }, { product_retailer_id: "sku-2" }] },
          { title: "section-title-2", product_items: [{ product_retailer_id: "sku-3" }] },
        ],
      },
    },
  },
  catalog: {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    type: "interactive",
    interactive: {
      type: "catalog_message",
      body: { text: "Thanks for your order! Tell us what address you’d like this order delivered to." },
      action: { name: "catalog_message", parameters: { thumbnail_product_retailer_id: "sku-1" } },
    },
  },
  flow: {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    type: "interactive",
    interactive: {
      type: "flow",
      header: { type: "text", text: "Flow message header" },
      body: { text: "Flow message body" },
      footer: { text: "Flow message footer" },
      action: {
        name: "flow",
        parameters: {
          flow_message_version: "3",
          flow_token: "AQAAAAACS5FpgQ_cAAAAAD0QI3s",
          flow_id: "1",
          flow_cta: "Book!",
          flow_action: "navigate",
          flow_action_payload: { screen: "SCREEN_ID", data: { user_name: "name", user_age: 25 } },
        },
      },
    },
  },
  list: {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    type: "interactive",
    interactive: {
      type: "list",
      header: { type: "text", text: "HEADER_TEXT" },
      body: { text: "BODY_TEXT" },
      footer: { text: "FOOTER_TEXT" },
      action: {
        button: "BUTTON_TEXT",
        sections: [
          {
            title: "SECTION_1_TITLE",
            rows: [
              { id: "SECTION_1_ROW_1_ID", title: "SECTION_1_ROW_1_TITLE", description: "SECTION_1_ROW_1_DESCRIPTION" },
              { id: "SECTION_1_ROW_2_ID", title: "SECTION_1_ROW_2_TITLE", description: "SECTION_1_ROW_2_DESCRIPTION" },
            ],
          },
          {
            title: "SECTION_2_TITLE",
            rows: [
              { id: "SECTION_2_ROW_1_ID", title: "SECTION_2_ROW_1_TITLE", description: "SECTION_2_ROW_1_DESCRIPTION" },
              { id: "SECTION_2_ROW_2_ID", title: "SECTION_2_ROW_2_TITLE", description: "SECTION_2_ROW_2_DESCRIPTION" },
            ],
          },
        ],
      },
    },
  },
  buttons: {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    type: "interactive",
    interactive: {
      type: "button",
      body: { text: "BUTTON_TEXT" },
      action: {
        buttons: [
          { type: "reply", reply: { id: "UNIQUE_BUTTON_ID_1", title: "BUTTON_TITLE_1" } },
          { type: "reply", reply: { id: "UNIQUE_BUTTON_ID_2", title: "BUTTON_TITLE_2" } },
        ],
      },
    },
  },
  ctaUrl: {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    type: "interactive",
    interactive: {
      type: "cta_url",
      header: { type: "image", image: { link: "https://www.luckyshrub.com/assets/lucky-shrub-banner-logo-v1.png" } },
      body: { text: "Tap the button below to see available dates." },
      footer: { text: "Dates subject to change." },
      action: {
        name: "cta_url",
        parameters: {
          display_text: "See Dates",
          url: "https://www.luckyshrub.com?clickID=kqDGWd24Q5TRwoEQTICY7W1JKoXvaZOXWAS7h1P76s0R7Paec4",
        },
      },
    },
  },
  locationRequest: {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    type: "interactive",
    to,
    interactive: {
      type: "location_request_message",
      body: { text: "Let's start with your pickup. You can either manually *enter an address* or *share your current location*." },
      action: { name: "send_location" },
    },
  },
  reply: {
    messaging_product: "whatsapp",
    context: { message_id: wamid },
    to,
    type: "text",
    text: { preview_url: false, body: "This is a reply" },
  },
  markRead: { messaging_product: "whatsapp", status: "read", message_id: wamid },
  typing: { messaging_product: "whatsapp", status: "read", message_id: wamid, typing_indicator: { type: "text" } },
};

describe("documented request bodies", () => {
  it.each(Object.entries(documented))("%s validates cleanly", (_, body) => {
    expect(validate(body)).toEqual([]);
  });
});
