import { describe, expect, it } from "@jest/globals";
import { type ContactName, msg, validate } from "../src/index.js";
import { documentedAddresses } from "./fixtures/documented.js";
import { issuesOf } from "./helpers.js";

const to = "16505551234";
const ana = { formattedName: "Ana Diaz", firstName: "Ana", lastName: "Diaz" } as const;

describe("contacts", () => {
  it("builds every documented field with the API's names", () => {
    const body = msg
      .to(to)
      .contacts((c) =>
        c.contact((p) =>
          p
            .name({ ...ana, middleName: "M", suffix: "Jr", prefix: "Dr" })
            .address({
              street: "200 Jefferson Dr",
              city: "Menlo Park",
              state: "CA",
              zip: "94025",
              country: "United States",
              countryCode: "US",
              type: "WORK",
            })
            .birthday("1990-01-31")
            .email("ana@example.com", { type: "WORK" })
            .org({ company: "Lucky Shrub", department: "Sales", title: "Manager" })
            .phone("+1 (650) 555-1234", { type: "CELL", waId: "16505551234" })
            .phone("+16505550000", { type: "HOME" })
            .url("https://example.com", { type: "WORK" }),
        ),
      )
      .build();
    expect(body.contacts).toEqual([
      {
        name: { formatted_name: "Ana Diaz", first_name: "Ana", last_name: "Diaz", middle_name: "M", suffix: "Jr", prefix: "Dr" },
        addresses: [documentedAddresses[1]],
        birthday: "1990-01-31",
        emails: [{ email: "ana@example.com", type: "WORK" }],
        org: { company: "Lucky Shrub", department: "Sales", title: "Manager" },
        phones: [
          { phone: "+1 (650) 555-1234", type: "CELL", wa_id: "16505551234" },
          { phone: "+16505550000", type: "HOME" },
        ],
        urls: [{ url: "https://example.com", type: "WORK" }],
      },
    ]);
  });

  it("reports a missing formatted name (non-literal input)", () => {
    const name = JSON.parse('{"firstName":"Ana"}') as ContactName;
    const result = msg
      .to(to)
      .contacts((c) => c.contact((p) => p.name(name)))
      .safeBuild();
    expect(result).toMatchObject({
      ok: false,
      issues: [{ path: "contacts[0].name.formatted_name", code: "required", message: "is required" }],
    });
  });

  it("requires a name part besides formatted_name", () => {
    const name = JSON.parse('{"formattedName":"Ana"}') as ContactName;
    expect(issuesOf(msg.to(to).contacts((c) => c.contact((p) => p.name(name))))).toEqual(["contacts[0].name required"]);
  });

  it("checks birthday, types and wa_id with indexed paths", () => {
    const contacts = (c: Parameters<Parameters<ReturnType<typeof msg.to>["contacts"]>[0]>[0]) =>
      c
        .contact((p) => p.name(ana))
        .contact((p) =>
          p
            .name(ana)
            .birthday("31/01/1990")
            .phone("1")
            .phone("2", JSON.parse('{"type":"FAX","waId":"+1 650"}'))
            .email("not-an-email")
            .address({ countryCode: "USA" }),
        );
    expect(issuesOf(msg.to(to).contacts(contacts))).toEqual([
      "contacts[1].addresses[0].country_code invalid_format",
      "contacts[1].birthday invalid_format",
      "contacts[1].emails[0].email invalid_format",
      "contacts[1].phones[1].type invalid_value",
      "contacts[1].phones[1].wa_id invalid_format",
    ]);
  });

  it("allows 1 to 5 contacts", () => {
    const card = { name: { formatted_name: "A", first_name: "A" } };
    const body = (n: number) => ({ messaging_product: "whatsapp", to, type: "contacts", contacts: Array.from({ length: n }, () => card) });
    expect(validate(body(5))).toEqual([]);
    expect(validate(body(0)).map((i) => i.message)).toEqual(["at least 1 contact, got 0"]);
    // 6 to 257: Meta's page allows 257, the OpenAPI spec 5 (cloud-api.md §15): a warning.
    expect(validate(body(6)).map((i) => `${i.path}: ${i.severity}: ${i.message}`)).toEqual([
      "contacts: warning: at most 5 contacts documented (257 accepted), got 6",
    ]);
    expect(validate(body(258)).map((i) => `${i.path}: ${i.severity}: ${i.message}`)).toEqual([
      "contacts: error: at most 257 contacts, got 258",
    ]);
  });

  it("a later call replaces an invalid earlier one (the latest name, birthday and org win)", () => {
    const first = { formattedName: "", firstName: "" } as ContactName; // invalid: replaced below
    const built = msg
      .to(to)
      .contacts((c) => c.contact((p) => p.name(first).birthday("31/01/1990").name(ana).birthday("1990-01-31")))
      .build();
    expect(built.contacts[0]).toEqual({
      name: { formatted_name: "Ana Diaz", first_name: "Ana", last_name: "Diaz" },
      birthday: "1990-01-31",
    });
  });

  it("orders single fields by their first call, then addresses, emails, phones and urls", () => {
    const card = msg
      .to(to)
      .contacts((c) =>
        c.contact((p) =>
          p
            .url("https://example.com")
            .org({ company: "Lucky Shrub" })
            .phone("+16505550000", { type: "HOME" })
            .birthday("1990-01-31")
            .email("ana@example.com")
            .name({ formattedName: "Ana", firstName: "Ana" })
            .address({ city: "Menlo Park" })
            .phone("+16505551234", { type: "CELL", waId: "16505551234" })
            .org({ company: "Lucky Shrub", title: "Manager" })
            .name(ana),
        ),
      )
      .build().contacts[0];
    // Compared as text: toEqual ignores key order, the wire does not.
    expect(JSON.stringify(card)).toBe(
      JSON.stringify({
        org: { company: "Lucky Shrub", title: "Manager" },
        birthday: "1990-01-31",
        name: { formatted_name: "Ana Diaz", first_name: "Ana", last_name: "Diaz" },
        addresses: [{ city: "Menlo Park" }],
        emails: [{ email: "ana@example.com" }],
        phones: [
          { phone: "+16505550000", type: "HOME" },
          { phone: "+16505551234", type: "CELL", wa_id: "16505551234" },
        ],
        urls: [{ url: "https://example.com" }],
      }),
    );
  });

  it("where a step goes, shared by every card, cannot be changed through one builder, even by reflection", () => {
    let last: object | undefined;
    msg.to(to).contacts((c) =>
      c.contact((p) => {
        const step = p.name(ana).phone("+16505550000");
        last = step;
        return step;
      }),
    );
    const step = last as object;
    const placements = Object.getOwnPropertySymbols(step)
      .map((key) => (step as Record<symbol, unknown>)[key])
      .filter((held): held is Record<string, unknown> => typeof held === "object" && held !== null && "field" in held);
    expect(placements).toHaveLength(1);
    const phones = placements[0] as Record<string, unknown>;
    expect(Object.isFrozen(phones)).toBe(true);
    expect(Reflect.set(phones, "index", 0)).toBe(false); // would file every later card's phones under addresses
    expect(Reflect.set(phones, "copy", () => ({ phone: "hijacked" }))).toBe(false);
    const card = msg
      .to(to)
      .contacts((c) => c.contact((p) => p.name(ana).phone("+16505551234")))
      .build().contacts[0];
    expect(JSON.stringify(card?.phones)).toBe('[{"phone":"+16505551234"}]');
    expect(card?.addresses).toBeUndefined();
  });

  it("every message starts from the same empty builders, frozen: a change by reflection cannot reach the next message", () => {
    const starts: object[] = [];
    const build = () =>
      msg
        .to(to)
        .contacts((c) => {
          starts.push(c);
          return c.contact((p) => {
            starts.push(p);
            return p.name(ana).phone("+16505550000");
          });
        })
        .build();
    const first = build();
    const second = build();
    expect(starts[2]).toBe(starts[0]); // shared, not made per message
    expect(starts[3]).toBe(starts[1]);
    for (const start of starts.slice(0, 2)) {
      expect(Object.isFrozen(start)).toBe(true);
      for (const key of Object.getOwnPropertySymbols(start)) expect(Reflect.set(start, key, ["hijacked"])).toBe(false);
    }
    expect(second).toEqual(first);
    expect(second.contacts).not.toBe(first.contacts);
    expect(second.contacts[0]?.phones).not.toBe(first.contacts[0]?.phones);
  });

  it("rejects a callback that does not return the contact builder", () => {
    expect(() => msg.to(to).contacts((c) => c.contact(JSON.parse("null")))).toThrow(TypeError);
  });
});
