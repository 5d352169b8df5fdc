import { describe, expect, it } from "@jest/globals";
import { classifyTemplateManagementError, templateManagementErrorCodes as codes, templateManagementErrors } from "@wacompose/builder";
import { orderConfirmationBody } from "../../builder/test/fixtures/documented-templates.js";
import type { FetchLike } from "../src/index.js";
import {
  createTemplateManager,
  GraphApiError,
  isTransportError,
  type TemplateCreateBody,
  type TemplateDeleteTarget,
  TemplateListError,
  type TemplateManager,
  type TemplateManagerOptions,
} from "../src/templates/index.js";

// The template manager against a stub fetch: what each call sends, what it answers, how it fails.
const token = "EAAG-template-secret";
const waba = "102290129340398";
const graph = "https://graph.facebook.com/v23.0";
const base: TemplateManagerOptions = { accessToken: token, businessAccountId: waba, apiVersion: "v23.0" };

interface Call {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}
type Reply =
  | { readonly status?: number; readonly json?: unknown; readonly text?: string; readonly headers?: Record<string, string> }
  | Error;

/** A fetch that records each call and answers with `reply(call, index)`. */
function stub(reply: (call: Call, index: number) => Reply) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    const call = {
      url,
      method: init.method,
      headers: init.headers,
      body: typeof init.body === "string" ? JSON.parse(init.body) : init.body,
    };
    calls.push(call);
    const answer = reply(call, calls.length - 1);
    if (answer instanceof Error) throw answer;
    return new Response(answer.text ?? JSON.stringify(answer.json ?? {}), {
      status: answer.status ?? 200,
      headers: { "content-type": "application/json", ...answer.headers },
    });
  };
  return { fetch, calls };
}

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );

// The reference's named-parameter example, with a URL button taking one parameter.
const documented = orderConfirmationBody();
const body: TemplateCreateBody = {
  ...documented,
  components: [
    ...documented.components,
    {
      type: "BUTTONS",
      buttons: [{ type: "URL", text: "Track", url: "https://example.com/t/{{1}}", example: ["https://example.com/t/1"] }],
    },
  ],
};

describe("each endpoint: its request and its typed answer", () => {
  it("create posts the body to /{waba}/message_templates with the token, and answers id, status, category", async () => {
    const { fetch, calls } = stub(() => ({ json: { id: "594425479261596", status: "PENDING", category: "UTILITY" } }));
    const created = await createTemplateManager({ ...base, fetch }).create(body);
    expect(created).toEqual({ id: "594425479261596", status: "PENDING", category: "UTILITY" });
    expect(calls).toEqual([
      {
        url: `${graph}/${waba}/message_templates`,
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body,
      },
    ]);
  });

  it("get reads one template, with fields when asked", async () => {
    const { fetch, calls } = stub(() => ({
      json: { id: "1259544702043867", status: "APPROVED", quality_score: { score: "GREEN", date: 1 } },
    }));
    const templates = createTemplateManager({ ...base, fetch });
    expect((await templates.get("1259544702043867", ["status", "quality_score"])).quality_score?.score).toBe("GREEN");
    await templates.get("1259544702043867");
    expect(calls.map((call) => [call.method, call.url])).toEqual([
      ["GET", `${graph}/1259544702043867?fields=status%2Cquality_score`],
      ["GET", `${graph}/1259544702043867`],
    ]);
    expect(calls[0]?.headers).toEqual({ Authorization: `Bearer ${token}` });
  });

  it("edit posts only the editable fields to /{template-id}", async () => {
    const { fetch, calls } = stub(() => ({ json: { success: true } }));
    const changes = { components: body.components, message_send_ttl_seconds: 3600 };
    expect(await createTemplateManager({ ...base, fetch }).edit("1387372356726668", changes)).toEqual({ success: true });
    expect(calls).toEqual([expect.objectContaining({ url: `${graph}/1387372356726668`, method: "POST", body: changes })]);
  });

  it.each<[TemplateDeleteTarget, string]>([
    [{ name: "order_confirmation" }, "name=order_confirmation"],
    [{ name: "order_confirmation", id: "1387372356726668" }, "hsm_id=1387372356726668&name=order_confirmation"],
    [{ ids: ["1", "22"] }, `hsm_ids=${encodeURIComponent('["1","22"]')}`],
  ])("delete %j: DELETE /{waba}/message_templates?%s", async (target, search) => {
    const { fetch, calls } = stub(() => ({ json: { success: true } }));
    expect(await createTemplateManager({ ...base, fetch }).delete(target)).toEqual({ success: true });
    expect(calls.map((call) => [call.method, call.url, call.body])).toEqual([
      ["DELETE", `${graph}/${waba}/message_templates?${search}`, undefined],
    ]);
  });

  it("archive and unarchive post hsm_ids and answer what was done and what failed, with why", async () => {
    const { fetch, calls } = stub((call) =>
      call.url.endsWith("/archive")
        ? { json: { archived_templates: ["1"], failed_templates: { "2": "Only approved or rejected templates can be archived" } } }
        : { json: { unarchived_templates: ["1"] } },
    );
    const templates = createTemplateManager({ ...base, fetch });
    expect(await templates.archive(["1", "2"])).toEqual({
      archived_templates: ["1"],
      failed_templates: { "2": "Only approved or rejected templates can be archived" },
    });
    // A part the API leaves out is empty, so callers read both without a check.
    expect(await templates.unarchive(["1"])).toEqual({ unarchived_templates: ["1"], failed_templates: {} });
    expect(calls.map((call) => [call.url, call.body])).toEqual([
      [`${graph}/${waba}/message_templates/archive`, { hsm_ids: ["1", "2"] }],
      [`${graph}/${waba}/message_templates/unarchive`, { hsm_ids: ["1"] }],
    ]);
  });

  it("unpause posts to /{template-id}/unpause without a body", async () => {
    const { fetch, calls } = stub(() => ({ json: { success: true, reason: "resumed" } }));
    expect(await createTemplateManager({ ...base, fetch }).unpause("42")).toEqual({ success: true, reason: "resumed" });
    expect(calls).toEqual([{ url: `${graph}/42/unpause`, method: "POST", headers: { Authorization: `Bearer ${token}` }, body: undefined }]);
  });

  it("defaults: the Graph API at the builder's version; baseUrl takes the emulator's place", async () => {
    const { fetch, calls } = stub(() => ({ json: { success: true } }));
    await createTemplateManager({ accessToken: token, businessAccountId: waba, fetch }).unpause("1");
    await createTemplateManager({ ...base, fetch, baseUrl: "http://127.0.0.1:4000/" }).unpause("1");
    expect(calls.map((call) => call.url)).toEqual([
      expect.stringMatching(/^https:\/\/graph\.facebook\.com\/v\d+\.\d+\/1\/unpause$/),
      "http://127.0.0.1:4000/v23.0/1/unpause",
    ]);
  });
});

describe("list: every page", () => {
  const page = (ids: string[], next?: string, after?: string) => ({
    data: ids.map((id) => ({ id, name: `t${id}`, status: "APPROVED" })),
    paging: { cursors: { before: "b", ...(after === undefined ? {} : { after }) }, ...(next === undefined ? {} : { next }) },
  });

  it("follows paging.next to the last page, with the filters, and keeps the first summary", async () => {
    const { fetch, calls } = stub(
      (_, index) =>
        [
          { json: { ...page(["1", "2"], `${graph}/${waba}/message_templates?limit=2&after=c1`, "c1"), summary: { total_count: 5 } } },
          { json: page(["3", "4"], `${graph}/${waba}/message_templates?limit=2&after=c2`, "c2") },
          { json: page(["5"], undefined, "c3") },
        ][index] as Reply,
    );
    const list = await createTemplateManager({ ...base, fetch }).list({
      status: "APPROVED",
      fields: ["name", "status"],
      limit: 2,
      summary: ["total_count"],
    });
    expect(list.data.map((node) => node.id)).toEqual(["1", "2", "3", "4", "5"]);
    expect(list).toMatchObject({ pages: 3, summary: { total_count: 5 } });
    expect(calls[0]?.url).toBe(`${graph}/${waba}/message_templates?status=APPROVED&fields=name%2Cstatus&limit=2&summary=total_count`);
    expect(calls.map((call) => call.headers.Authorization)).toEqual(Array(3).fill(`Bearer ${token}`));
  });

  it("no filters: 100 a page; a null next ends the list", async () => {
    const { fetch, calls } = stub(() => ({ json: { data: [], paging: { next: null } } }));
    expect(await createTemplateManager({ ...base, fetch }).list()).toEqual({ data: [], pages: 1 });
    expect(calls[0]?.url).toBe(`${graph}/${waba}/message_templates?limit=100`);
  });

  it.each([
    ["another host", "https://evil.example/v23.0/x/message_templates?after=c1", "next_elsewhere", "evil.example is not the Graph API"],
    [
      "http: on Meta's host",
      `http://graph.facebook.com/v23.0/${waba}/message_templates?after=c1`,
      "next_elsewhere",
      "graph.facebook.com over http: is not the Graph API",
    ],
    [
      "a look-alike host",
      "https://graph.facebook.com.evil.example/v23.0/x?after=c1",
      "next_elsewhere",
      "graph.facebook.com.evil.example is not",
    ],
    ["another endpoint", `${graph}/me/accounts?after=c1`, "next_elsewhere", "paging.next is another endpoint (/v23.0/me/accounts"],
    ["a relative URL", "/v23.0/x?after=c1", "next_not_a_url", "is not an absolute URL"],
  ])("a paging.next to %s: no request there, a TemplateListError naming it", async (_, next, problem, message) => {
    const { fetch, calls } = stub(() => ({ json: page(["1"], next) }));
    const error = await failure(createTemplateManager({ ...base, fetch }).list());
    expect(error).toBeInstanceOf(TemplateListError);
    expect(error).toMatchObject({ problem, page: 1, mayHaveBeenDelivered: false });
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).toContain("stopped, the list would be incomplete");
    expect(isTransportError(error)).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it("a repeated page or cursor stops the list instead of looping", async () => {
    const loop = stub(() => ({ json: page(["1"], `${graph}/${waba}/message_templates?limit=100`) }));
    expect(await failure(createTemplateManager({ ...base, fetch: loop.fetch }).list())).toMatchObject({
      problem: "repeated_page",
      page: 1,
    });
    expect(loop.calls).toHaveLength(1);
    const cursor = stub((_, index) => ({ json: page([String(index)], `${graph}/${waba}/message_templates?after=same&n=${index}`) }));
    const error = await failure(createTemplateManager({ ...base, fetch: cursor.fetch }).list());
    expect(error).toMatchObject({ problem: "repeated_page", page: 2 });
    expect((error as Error).message).toContain("(cursor same)");
    expect(cursor.calls).toHaveLength(2);
  });

  it("maxPages and maxTemplates bound a list that does not end", async () => {
    const endless = () =>
      stub((_, index) => ({ json: page([`${index}0`, `${index}1`], `${graph}/${waba}/message_templates?after=c${index}`) }));
    const pages = endless();
    expect(await failure(createTemplateManager({ ...base, fetch: pages.fetch, maxPages: 5 }).list())).toMatchObject({
      problem: "too_many_pages",
      page: 5,
    });
    expect(pages.calls).toHaveLength(5);
    const many = endless();
    const error = await failure(createTemplateManager({ ...base, fetch: many.fetch, maxTemplates: 7 }).list());
    expect(error).toMatchObject({ problem: "too_many_templates", page: 4 });
    expect((error as Error).message).toContain("over maxTemplates (7)");
  });

  it("maxListBytes bounds the pages together: each under the answer cap, a list of them can still fill the memory", async () => {
    const big = "x".repeat(100_000);
    const heavy = stub((_, index) => ({
      json: {
        data: [{ id: `${index + 1}`, name: `t${index}`, example: big }],
        paging: { next: `${graph}/${waba}/message_templates?after=c${index}` },
      },
    }));
    const error = await failure(createTemplateManager({ ...base, fetch: heavy.fetch, maxListBytes: 1_000_000 }).list());
    expect(error).toMatchObject({ problem: "too_large", page: 10 });
    expect((error as Error).message).toContain("over maxListBytes (1000000)");
    expect(heavy.calls).toHaveLength(10);
  });

  it("the token in a paging.next's query is redacted from the error", async () => {
    const { fetch } = stub(() => ({ json: page(["1"], `https://evil.example/x?access_token=${token}`) }));
    const error = await failure(createTemplateManager({ ...base, fetch }).list());
    expect(String(error)).not.toContain(token);
  });

  it.each([
    ["data is not a list", { data: {} }],
    ["a template without an id", { data: [{ name: "x" }] }],
    ["an id that is a number", { data: [{ id: 1 }] }],
    ["paging.next that is not a string", { data: [], paging: { next: 5 } }],
    ["a summary that is not an object", { data: [], summary: 3 }],
  ])("a page where %s is an UnexpectedResponseError", async (_, json) => {
    const { fetch } = stub(() => ({ json }));
    const error = await failure(createTemplateManager({ ...base, fetch }).list());
    expect(error).toMatchObject({ name: "UnexpectedResponseError", status: 200 });
    expect((error as Error).message).toContain("not a page of templates");
  });

  // Each dependency failing at each step: the list fails as a whole, with that step's error, and no page after it is asked for.
  it.each([1, 2, 3])("page %i failing (network, Graph error, garbled, wrong shape) fails the whole list", async (failing) => {
    const faults: [Reply, string][] = [
      [Object.assign(new Error("reset"), { code: "ECONNRESET" }), "NetworkError"],
      [{ status: 500, json: { error: { code: 1, message: "x" } } }, "GraphApiError"],
      [{ status: 200, text: "<html>" }, "UnexpectedResponseError"],
      [{ status: 200, json: { data: "x" } }, "UnexpectedResponseError"],
    ];
    for (const [fault, name] of faults) {
      const { fetch, calls } = stub((_, index) =>
        index === failing - 1 ? fault : { json: page([String(index)], `${graph}/${waba}/message_templates?after=c${index}`) },
      );
      const error = await failure(createTemplateManager({ ...base, fetch, retry: false }).list());
      expect(error).toMatchObject({ name });
      expect(calls).toHaveLength(failing);
    }
  });

  it("a page that times out fails the list with a TimeoutError", async () => {
    const fetch: FetchLike = (url, init) =>
      url.includes("after=")
        ? new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(init.signal.reason)))
        : Promise.resolve(new Response(JSON.stringify(page(["1"], `${graph}/${waba}/message_templates?after=c1`))));
    const error = await failure(createTemplateManager({ ...base, fetch, timeoutMs: 50 }).list());
    expect(error).toMatchObject({ name: "TimeoutError", timeoutMs: 50 });
  });
});

describe("each call, with its dependency failing", () => {
  /** One call of each method, on a fresh manager. */
  const methods = {
    list: (t: TemplateManager) => t.list(),
    get: (t: TemplateManager) => t.get("1"),
    create: (t: TemplateManager) => t.create(body),
    edit: (t: TemplateManager) => t.edit("1", { category: "MARKETING" }),
    delete: (t: TemplateManager) => t.delete({ name: "order_confirmation" }),
    archive: (t: TemplateManager) => t.archive(["1"]),
    unarchive: (t: TemplateManager) => t.unarchive(["1"]),
    unpause: (t: TemplateManager) => t.unpause("1"),
  };
  const retry = { limit: 1, baseDelayMs: 0, maxDelayMs: 0 };

  it.each([
    [
      "refused before sending: retried once, then a NetworkError saying nothing was sent",
      Object.assign(new Error("x"), { code: "ECONNREFUSED" }),
      { name: "NetworkError", mayHaveBeenDelivered: false },
      2,
    ],
    [
      "reset after sending: not retried (the change may have been made)",
      Object.assign(new Error("x"), { code: "ECONNRESET" }),
      { name: "NetworkError", mayHaveBeenDelivered: true },
      1,
    ],
    ["an HTML 502 from a proxy", { status: 502, text: "<html>bad gateway</html>" }, { name: "UnexpectedResponseError", status: 502 }, 1],
    [
      "a Graph 500, transient: retried once, then the GraphApiError",
      { status: 500, json: { error: { code: 2, is_transient: true } } },
      { name: "GraphApiError", category: "server" },
      2,
    ],
  ] as const)("%s", async (_, fault, expected, attempts) => {
    for (const [method, run] of Object.entries(methods)) {
      const { fetch, calls } = stub(() => fault as Reply);
      const error = await failure(run(createTemplateManager({ ...base, fetch, retry })));
      expect([method, error]).toMatchObject([method, expected]);
      expect([method, calls.length]).toEqual([method, attempts]);
    }
  });

  it("no answer within timeoutMs: a TimeoutError from every call, none retried", async () => {
    const calls: string[] = [];
    const fetch: FetchLike = (url, init) => {
      calls.push(url);
      return new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(init.signal.reason)));
    };
    const templates = createTemplateManager({ ...base, fetch, timeoutMs: 20 });
    for (const [method, run] of Object.entries(methods))
      expect([method, await failure(run(templates))]).toMatchObject([method, { name: "TimeoutError", timeoutMs: 20 }]);
    expect(calls).toHaveLength(8);
  });
});

describe("errors: typed Graph errors with the management codes classified", () => {
  const graphError = (error: object, status = 400) => stub(() => ({ status, json: { error } }));

  it.each(Object.values(codes).map((code) => [code]))(
    "%i, as a code and as a subcode under 100: classified, retried only when its action says so",
    async (code) => {
      const forms = code > 1_000_000 ? [{ code: 100, error_subcode: code }, { code }] : [{ code }];
      for (const form of forms) {
        const { fetch, calls } = graphError({ ...form, message: `(#${form.code}) x`, type: "OAuthException", fbtrace_id: "A" });
        const error = await failure(
          createTemplateManager({ ...base, fetch, retry: { limit: 1, baseDelayMs: 0, maxDelayMs: 0 } }).create(body),
        );
        const entry = templateManagementErrors[code];
        expect(error).toBeInstanceOf(GraphApiError);
        expect(error).toMatchObject({ code: form.code, category: entry?.category, action: entry?.action, fbtraceId: "A" });
        const retries = entry?.action === "retry" || entry?.action === "retry_after";
        expect(calls).toHaveLength(retries ? 2 : 1);
      }
    },
  );

  it("a duplicate name and language: template / fix_and_retry, with the subcode kept", async () => {
    const { fetch } = graphError({
      code: 100,
      error_subcode: codes.nameAndLanguageExist,
      message: "Content in This Language Already Exists",
    });
    const error = (await failure(createTemplateManager({ ...base, fetch }).create(body))) as GraphApiError;
    expect(error).toMatchObject({
      category: "template",
      action: "fix_and_retry",
      code: 100,
      subcode: codes.nameAndLanguageExist,
      retryable: false,
    });
  });

  it("other codes fall back to the send table; the token never reaches the message", async () => {
    const { fetch } = graphError({ code: 190, message: `Invalid OAuth access token ${token}` }, 401);
    const error = await failure(createTemplateManager({ ...base, fetch }).list());
    expect(error).toMatchObject({ category: "authorization", action: "refresh_token" });
    expect(classifyTemplateManagementError({ code: 190 }, 401)).toEqual({ category: "authorization", action: "refresh_token" });
    expect(String(error)).toContain("[redacted]");
    expect(JSON.stringify(error) + String(error) + (error as Error).stack).not.toContain(token);
  });

  it("a throttled create is retried after Retry-After, then succeeds once", async () => {
    const { fetch, calls } = stub((_, index) =>
      index === 0
        ? { status: 400, json: { error: { code: codes.accountCallRateLimit, message: "too many calls" } }, headers: { "retry-after": "0" } }
        : { json: { id: "1", status: "PENDING", category: "UTILITY" } },
    );
    expect(await createTemplateManager({ ...base, fetch }).create(body)).toMatchObject({ id: "1" });
    expect(calls).toHaveLength(2);
  });

  it.each([
    ["create", { id: "1", status: "PENDING" }, "not the answer to a create"],
    ["edit", { ok: true }, "JSON without success"],
    ["archive", { archived_templates: [1] }, "not the answer to an archive"],
    ["archive", {}, "not the answer to an archive"],
    ["unarchive", { unarchived_templates: ["1"], failed_templates: { "2": 3 } }, "not the answer to an unarchive"],
    ["get", { name: "x" }, "not a template (no id)"],
  ] as const)("%s answering %j: an UnexpectedResponseError that says what is missing", async (method, json, message) => {
    const { fetch } = stub(() => ({ json }));
    const templates = createTemplateManager({ ...base, fetch });
    const calls = {
      create: () => templates.create(body),
      edit: () => templates.edit("1", { category: "MARKETING" }),
      archive: () => templates.archive(["1"]),
      unarchive: () => templates.unarchive(["1"]),
      get: () => templates.get("1"),
    };
    const error = await failure(calls[method]());
    expect(error).toMatchObject({ name: "UnexpectedResponseError" });
    expect((error as Error).message).toContain(message);
  });
});

describe("wrong input is refused before any request, naming where and why", () => {
  const { fetch, calls } = stub(() => ({ json: { success: true } }));
  const templates = createTemplateManager({ ...base, fetch });
  const hundredAndOne = Array.from({ length: 101 }, (_, i) => String(i + 1));

  it.each([
    [
      "get(42)",
      () => templates.get(42 as unknown as string),
      TypeError,
      'templates.get: id must be a template id, a string of digits (e.g. "594425479261596"), got number 42',
    ],
    ["get('1/../me')", () => templates.get("1/../me"), TypeError, "templates.get: id must be a template id"],
    ["get(id, [])", () => templates.get("1", []), TypeError, "templates.get: fields must be a non-empty array of field names"],
    ["get(id, [''])", () => templates.get("1", [""]), TypeError, 'templates.get: fields[0] must be a non-empty string, got ""'],
    [
      "delete({ ids: 101 })",
      () => templates.delete({ ids: hundredAndOne }),
      RangeError,
      "templates.delete: ids must hold 1 to 100 template ids (one request), got 101",
    ],
    ["delete({ ids: [] })", () => templates.delete({ ids: [] }), RangeError, "got 0"],
    [
      "delete({ ids: [1] })",
      () => templates.delete({ ids: [1] as unknown as string[] }),
      TypeError,
      "templates.delete: ids[0] must be a template id, a string of digits",
    ],
    ["delete({ ids: repeated })", () => templates.delete({ ids: ["1", "1"] }), TypeError, "templates.delete: ids[1] repeats the id 1"],
    [
      "delete({ ids: '1,2' })",
      () => templates.delete({ ids: "1,2" as unknown as string[] }),
      TypeError,
      'templates.delete: ids must be an array of template ids, got "1,2"',
    ],
    ["delete({ name: '' })", () => templates.delete({ name: "" }), TypeError, 'templates.delete: name must be a non-empty string, got ""'],
    [
      "delete({ name, ids })",
      () => templates.delete({ name: "x", ids: ["1"] } as unknown as TemplateDeleteTarget),
      TypeError,
      "ids cannot be combined with name or id",
    ],
    [
      "delete({ id })",
      () => templates.delete({ id: "1" } as unknown as TemplateDeleteTarget),
      TypeError,
      "templates.delete: name must be a non-empty string, got undefined",
    ],
    [
      "delete({ hsm_id })",
      () => templates.delete({ hsm_id: "1" } as unknown as TemplateDeleteTarget),
      TypeError,
      "templates.delete.hsm_id is not accepted: delete by name, by name and id, or by ids (name, id, ids)",
    ],
    [
      "delete(null)",
      () => templates.delete(null as unknown as TemplateDeleteTarget),
      TypeError,
      "templates.delete must be an object, got null",
    ],
    ["archive(101 ids)", () => templates.archive(hundredAndOne), RangeError, "templates.archive: ids must hold 1 to 100 template ids"],
    [
      "unarchive([''])",
      () => templates.unarchive([""]),
      TypeError,
      'templates.unarchive: ids[0] must be a template id, a string of digits (e.g. "594425479261596"), got ""',
    ],
    [
      "unpause(undefined)",
      () => templates.unpause(undefined as unknown as string),
      TypeError,
      "templates.unpause: id must be a template id",
    ],
    [
      "edit(id, {})",
      () => templates.edit("1", {}),
      TypeError,
      "templates.edit: changes must hold one of category, components, message_send_ttl_seconds",
    ],
    [
      "edit(id, { name })",
      () => templates.edit("1", { name: "x" } as never),
      TypeError,
      "templates.edit: changes.name is not accepted: only these can be edited (category, components, message_send_ttl_seconds)",
    ],
    [
      "edit(id, { components: {} })",
      () => templates.edit("1", { components: {} } as never),
      TypeError,
      "templates.edit: changes.components must be an array of components, got an object",
    ],
    [
      "edit(id, { ttl: 1.5 })",
      () => templates.edit("1", { message_send_ttl_seconds: 1.5 }),
      TypeError,
      "templates.edit: changes.message_send_ttl_seconds must be a whole number",
    ],
    ["create(null)", () => templates.create(null as never), TypeError, "templates.create: body must be an object, got null"],
    [
      "create({ name: '' })",
      () => templates.create({ ...body, name: "" }),
      TypeError,
      'templates.create: body.name must be a non-empty string, got ""',
    ],
    [
      "create({ name: 7 })",
      () => templates.create({ ...body, name: 7 } as never),
      TypeError,
      "templates.create: body.name must be a non-empty string, got number 7",
    ],
    [
      "create({ components: 'x' })",
      () => templates.create({ ...body, components: "x" } as never),
      TypeError,
      'templates.create: body.components must be an array of components, got "x"',
    ],
    [
      "create(a BigInt)",
      () => templates.create({ ...body, message_send_ttl_seconds: 1n } as never),
      TypeError,
      "templates.create: body cannot be sent as JSON",
    ],
    [
      "list({ statuss })",
      () => templates.list({ statuss: "APPROVED" } as never),
      TypeError,
      "templates.list: filters.statuss is not accepted",
    ],
    [
      "list({ limit: 0 })",
      () => templates.list({ limit: 0 }),
      TypeError,
      "templates.list: filters.limit must be a whole number from 1 to 1000, got 0",
    ],
    [
      "list({ status: 5 })",
      () => templates.list({ status: 5 } as never),
      TypeError,
      "templates.list: filters.status must be a non-empty string, got number 5",
    ],
  ])("%s", async (_, run, type, message) => {
    const error = await failure(run());
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toContain(message);
    expect(calls).toHaveLength(0);
  });

  it.each([
    [
      { ...base, businessAccountId: 102290129340398 },
      "createTemplateManager: businessAccountId must be the numeric id of the WhatsApp Business Account",
    ],
    [{ ...base, accessToken: " " }, "createTemplateManager: accessToken is required"],
    [{ ...base, apiVersion: "23" }, 'createTemplateManager: apiVersion must look like "v26.0", got "23"'],
    [
      { ...base, baseUrl: "graph.facebook.com" },
      'createTemplateManager: baseUrl must be an absolute http(s) URL without a query, got "graph.facebook.com"',
    ],
    [{ ...base, baseUrl: "ftp://graph.facebook.com" }, "baseUrl must be an absolute http(s) URL"],
    [{ ...base, timeoutMs: 0 }, "createTemplateManager: timeoutMs must be a number from 1 to 2147483647, got 0"],
    [{ ...base, maxPages: 0 }, "createTemplateManager: maxPages must be a whole number from 1 to 100000, got 0"],
    [{ ...base, maxTemplates: Number.NaN }, "createTemplateManager: maxTemplates must be a whole number"],
    [{ ...base, maxResponseBytes: -1 }, "createTemplateManager: maxResponseBytes must be a whole number"],
  ])("options %#: refused where they are given", (options, message) => {
    expect(() => createTemplateManager(options as TemplateManagerOptions)).toThrow(message);
    expect(() => createTemplateManager(options as TemplateManagerOptions)).toThrow(TypeError);
  });

  it("the types refuse what the API refuses, and so does the runtime for a JavaScript caller", async () => {
    // @ts-expect-error only category, components and message_send_ttl_seconds can be edited
    await expect(templates.edit("1", { name: "renamed" })).rejects.toThrow("changes.name is not accepted");
    // @ts-expect-error ids do not combine with a name
    await expect(templates.delete({ name: "x", ids: ["1"] })).rejects.toThrow("ids cannot be combined with name or id");
    // @ts-expect-error an id is a string of digits, not a number
    await expect(templates.unpause(42)).rejects.toThrow("must be a template id");
    // @ts-expect-error a filter the API does not take
    await expect(templates.list({ statuses: ["APPROVED"] })).rejects.toThrow("filters.statuses is not accepted");
    // The API's own checks (checkTemplateCreation in the builder) judge a body's content; its types catch an unknown category.
    const unknownCategory = (): Promise<unknown> =>
      // @ts-expect-error not a category
      templates.create({ ...body, category: "PROMOTIONAL" });
    expect(typeof unknownCategory).toBe("function");
    expect(calls).toHaveLength(0);
  });

  it("the manager is frozen", () => {
    expect(Object.isFrozen(templates)).toBe(true);
  });
});
