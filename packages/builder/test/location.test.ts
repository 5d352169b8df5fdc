import { describe, expect, it } from "@jest/globals";
import { msg, validate } from "../src/index.js";
import { issuesOf } from "./helpers.js";

const to = "16505551234";

describe("location", () => {
  it("builds the documented body", () => {
    const location = { latitude: 37.4847, longitude: -122.1477, name: "Philz Coffee", address: "101 Forest Ave, Palo Alto" };
    expect(msg.to(to).location(location).build()).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to,
      type: "location",
      location,
    });
  });

  it("makes name and address optional", () => {
    expect(msg.to(to).location({ latitude: 0, longitude: 0 }).build().location).toEqual({ latitude: 0, longitude: 0 });
  });

  it("checks ranges and number types", () => {
    expect(issuesOf(msg.to(to).location({ latitude: 91, longitude: -181 }))).toEqual([
      "location.latitude out_of_range",
      "location.longitude out_of_range",
    ]);
    expect(issuesOf(msg.to(to).location({ latitude: Number.NaN, longitude: 1 }))).toEqual(["location.latitude invalid_type"]);
    // Meta's current pages document coordinates as strings (cloud-api.md §15): accepted as numbers are.
    expect(validate({ messaging_product: "whatsapp", to, type: "location", location: { latitude: "1", longitude: 2 } })).toEqual([]);
    const issues = validate({ messaging_product: "whatsapp", to, type: "location", location: { latitude: "north", longitude: 2 } });
    expect(issues.map((i) => i.message)).toEqual(['expected a number, got "north"']);
  });
});
