import type { Issue } from "@wacompose/builder";
import { flowLimits as L } from "../limits.js";
import { atLeast, dataApiVersions, flowVersions, latestFlowVersion, versionNumber } from "../versions.js";
import { branchComponents, componentRules, navigateHosts } from "./components.js";
import { leastJsonBytes } from "./least-json-bytes.js";
import { isDynamic, mixesStaticAndDynamic, referencesIn } from "./references.js";
import { type Add, checkRouting, type RoutingScreen } from "./routing.js";
import { actionsOf, isRecord, maxNesting } from "./walk.js";

export interface ValidateFlowOptions {
  /** The version to check against; default the document's own `version` (or the latest if it has none). */
  readonly version?: string;
  /** Stop after this many issues (default 1,000); a last `truncated` issue says so. */
  readonly maxIssues?: number;
}

/** What validateFlow() knows about one screen before walking the others. */
interface ScreenInfo {
  readonly index: number;
  readonly data: ReadonlyMap<string, unknown>;
  readonly terminal: boolean;
}

const topLevelKeys = new Set(["version", "screens", "data_api_version", "routing_model", "data_channel_uri"]);
const screenKeys = new Set(["id", "layout", "title", "terminal", "success", "data", "refresh_on_back", "sensitive"]);
const dataTypes = new Set(["string", "number", "boolean", "object", "array"]);
const actionNames = new Set(["navigate", "data_exchange", "complete", "update_data", "open_url"]);
const selectionTypes = new Set(["CheckboxGroup", "RadioButtonsGroup", "Dropdown", "ChipsSelector", "DatePicker", "CalendarPicker"]);
const pickerTypes = new Set(["PhotoPicker", "DocumentPicker"]);
const perScreen: { readonly [type: string]: number } = {
  Footer: L.footersPerScreen,
  EmbeddedLink: L.embeddedLinksPerScreen,
  Image: L.imagesPerScreen,
  OptIn: L.optInsPerScreen,
  NavigationList: L.navigationListsPerScreen,
  ImageCarousel: L.imageCarouselsPerScreen,
};

/** Thrown inside to stop at `maxIssues`; never leaves validateFlow(). */
class Enough extends Error {}

/**
 * Checks a Flow JSON document (from the builder, a file, Meta's playground) against the rules
 * of its version: structure, component limits, per-screen counts, actions, `${…}` references,
 * the routing model. Returns every issue with its path (`screens[2].layout.children[4].label`);
 * never throws; linear in the document's size, and bounded on hostile input (nesting, issue count).
 *
 * @example
 * const issues = validateFlow(JSON.parse(text));
 * for (const issue of issues) console.log(formatIssue(issue));
 */
export function validateFlow(json: unknown, options: ValidateFlowOptions = {}): Issue[] {
  const issues: Issue[] = [];
  const max = options.maxIssues ?? 1000;
  const add: Add = (path, code, message, extra = {}) => {
    if (issues.length >= max) {
      issues.push({ path: "", code: "truncated", severity: "error", message: `stopped after ${max} issues` });
      throw new Enough();
    }
    const { severity = "error", ...rest } = extra;
    issues.push({ path, code, severity, message, ...rest });
  };
  try {
    check(json, options, add);
  } catch (error) {
    if (!(error instanceof Enough)) add("", "invalid_value", `the document could not be read: ${String(error)}`);
  }
  return issues;
}

function check(json: unknown, options: ValidateFlowOptions, add: Add): void {
  if (!isRecord(json)) {
    add("", "invalid_type", "a Flow JSON document is an object", {
      actual: json === null ? "null" : Array.isArray(json) ? "array" : typeof json,
    });
    return;
  }
  // Before anything walks it: an object shared many ways writes (and walks) as a tree of its every path.
  const least = leastJsonBytes(json);
  if (least === "cycle") {
    add("", "invalid_value", "not JSON: an object contains itself (a cycle)");
    return;
  }
  if (least > L.documentBytes) {
    const actual = Math.min(least, Number.MAX_SAFE_INTEGER);
    add("", "too_long", `the document is at most ${L.documentBytes} bytes, got at least ${actual}; nothing else was checked`, {
      limit: L.documentBytes,
      actual,
    });
    return;
  }
  let size = 0;
  try {
    size = new TextEncoder().encode(JSON.stringify(json)).length;
  } catch (error) {
    // A cycle or a BigInt cannot be sent; a very deep document is read as far as the walk's bounds go.
    add("", "invalid_value", `not JSON: ${error instanceof RangeError ? "nested too deep to serialise" : "a cycle or a BigInt"}`);
    if (!(error instanceof RangeError)) return;
  }
  if (size > L.documentBytes)
    add("", "too_long", `the document is at most ${L.documentBytes} bytes, got ${size}`, { limit: L.documentBytes, actual: size });

  for (const key of Object.keys(json))
    if (!topLevelKeys.has(key)) add(key, "unknown_field", `INVALID_PROPERTY_KEY: ${key} is not a Flow JSON property`);

  const declared = json.version;
  if (declared === undefined) add("version", "required", 'version is required ("major.minor")');
  else if (typeof declared !== "string") add("version", "invalid_type", "version is a string", { actual: typeof declared });
  else if (!(flowVersions as readonly string[]).includes(declared))
    add("version", "invalid_value", `unknown Flow JSON version ${declared} (known: ${flowVersions.join(", ")})`, { actual: declared });
  const version =
    options.version ?? (typeof declared === "string" && !Number.isNaN(versionNumber(declared)) ? declared : latestFlowVersion);
  if (options.version !== undefined && typeof declared === "string" && declared !== options.version)
    add("version", "conflict", `the document says ${declared}; checked as ${options.version}`, { severity: "warning", actual: declared });

  const dataApi = json.data_api_version;
  if (dataApi !== undefined && !(dataApiVersions as readonly unknown[]).includes(dataApi))
    add("data_api_version", "invalid_value", `data_api_version is ${dataApiVersions.map((v) => `"${v}"`).join(" or ")}`, {
      actual: String(dataApi),
    });
  if (json.data_channel_uri !== undefined && atLeast(version, "3.0"))
    add("data_channel_uri", "unknown_field", "data_channel_uri is gone from Flow JSON 3.0: set endpoint_uri through the Flows API");

  const screens = json.screens;
  if (!Array.isArray(screens)) {
    add("screens", screens === undefined ? "required" : "invalid_type", "screens is an array of 1 to 100 screens");
    return;
  }
  if (screens.length === 0) add("screens", "too_few", "at least 1 screen", { limit: 1, actual: 0 });
  if (screens.length > L.screens)
    add("screens", "too_many", `MAX_SCREENS_NUMBER: at most ${L.screens} screens, got ${screens.length}`, {
      limit: L.screens,
      actual: screens.length,
    });

  // First pass: ids, data models and terminal flags, which other screens' checks read.
  const infos = new Map<string, ScreenInfo>();
  const walked = screens.slice(0, L.screens);
  walked.forEach((screen, index) => {
    if (!isRecord(screen) || typeof screen.id !== "string") return;
    const path = `screens[${index}].id`;
    if (infos.has(screen.id))
      add(path, "duplicate", `screen id ${screen.id} is used by screens[${infos.get(screen.id)?.index}] too`, { actual: screen.id });
    else
      infos.set(screen.id, {
        index,
        data: new Map(isRecord(screen.data) ? Object.entries(screen.data) : []),
        terminal: screen.terminal === true,
      });
  });

  const flow: FlowState = { version, dataApi: typeof dataApi === "string" ? dataApi : undefined, infos, carousels: 0, needsDataApi: [] };
  const routing: RoutingScreen[] = [];
  walked.forEach((screen, index) => {
    const result = checkScreen(screen, `screens[${index}]`, flow, add);
    if (result) routing.push(result);
  });
  if (flow.carousels > L.imageCarouselsPerFlow)
    add("screens", "too_many", `at most ${L.imageCarouselsPerFlow} ImageCarousels per flow, got ${flow.carousels}`, {
      limit: L.imageCarouselsPerFlow,
      actual: flow.carousels,
    });
  if (flow.dataApi === undefined)
    for (const path of flow.needsDataApi.slice(0, 10))
      add(path, "required", "data_api_version is required by data_exchange and refresh_on_back");

  const terminals = routing.filter((s) => s.terminal);
  if (routing.length > 0 && terminals.length === 0) add("screens", "required", "at least one screen must be terminal");
  if (terminals.length > 0 && terminals.every((s) => s.success === false))
    add("screens", "required", "at least one terminal screen must have success: true (the default)");

  checkRouting(json.routing_model, flow.dataApi !== undefined, routing, add);
}

interface FlowState {
  readonly version: string;
  readonly dataApi: string | undefined;
  readonly infos: ReadonlyMap<string, ScreenInfo>;
  carousels: number;
  readonly needsDataApi: string[];
}

/** What one screen's walk collects. */
interface ScreenWalk {
  readonly screenId: string;
  readonly terminal: boolean;
  readonly data: ReadonlyMap<string, unknown>;
  readonly names: Map<string, { path: string; type: string }>;
  readonly counts: Map<string, number>;
  total: number;
  topFooters: number;
  branchFooters: number;
  readonly inputsOutsideForm: string[];
  readonly forms: string[];
  readonly formRefs: { path: string; name: string }[];
  readonly navigates: { target: string; path: string }[];
  readonly pickerPayloads: { path: string; name: string }[];
  readonly types: { type: string; path: string }[];
}

function checkScreen(screen: unknown, path: string, flow: FlowState, add: Add): RoutingScreen | undefined {
  if (!isRecord(screen)) {
    add(path, "invalid_type", "a screen is an object", { actual: screen === null ? "null" : typeof screen });
    return undefined;
  }
  for (const key of Object.keys(screen))
    if (!screenKeys.has(key)) add(`${path}.${key}`, "unknown_field", `INVALID_PROPERTY_KEY: ${key} is not a screen property`);
  const id = screen.id;
  if (typeof id !== "string" || id === "") {
    add(`${path}.id`, id === undefined ? "required" : "invalid_type", "a screen needs an id (letters and underscores)");
    return undefined;
  }
  if (id.toUpperCase() === "SUCCESS")
    add(`${path}.id`, "invalid_value", "SUCCESS is reserved: the endpoint answers it to end the flow", { actual: id });
  else if (!/^[A-Za-z_]+$/.test(id))
    add(`${path}.id`, "invalid_format", "screen ids are letters and underscores", { severity: "warning", actual: id });
  const terminal = screen.terminal === true;
  for (const flag of ["terminal", "success", "refresh_on_back"])
    if (screen[flag] !== undefined && typeof screen[flag] !== "boolean")
      add(`${path}.${flag}`, "invalid_type", `${flag} is a boolean`, { actual: typeof screen[flag] });
  if (screen.success !== undefined && !terminal) add(`${path}.success`, "conflict", "success is for terminal screens only");
  if (screen.refresh_on_back === true) flow.needsDataApi.push(`${path}.refresh_on_back`);

  const data = new Map(isRecord(screen.data) ? Object.entries(screen.data) : []);
  if (screen.data !== undefined) checkDataModel(screen.data, `${path}.data`, add);
  const walk: ScreenWalk = {
    screenId: id,
    terminal,
    data,
    names: new Map(),
    counts: new Map(),
    total: 0,
    topFooters: 0,
    branchFooters: 0,
    inputsOutsideForm: [],
    forms: [],
    formRefs: [],
    navigates: [],
    pickerPayloads: [],
    types: [],
  };
  if (typeof screen.title === "string") checkString(screen.title, `${path}.title`, walk, flow, add);

  const layout = screen.layout;
  if (!isRecord(layout))
    add(
      `${path}.layout`,
      layout === undefined ? "required" : "invalid_type",
      'a screen needs a layout {type: "SingleColumnLayout", children}',
    );
  else {
    if (layout.type !== "SingleColumnLayout")
      add(`${path}.layout.type`, "invalid_value", 'the only layout is "SingleColumnLayout"', { actual: String(layout.type) });
    if (!Array.isArray(layout.children)) add(`${path}.layout.children`, "required", "a layout has children (an array of components)");
    else
      walkChildren(
        layout.children,
        `${path}.layout.children`,
        { inForm: false, ifDepth: 0, inSwitch: false, level: 0, depth: 0 },
        walk,
        flow,
        add,
      );
  }
  checkScreenTotals(path, walk, flow, add);

  if (screen.sensitive !== undefined) {
    if (!atLeast(flow.version, "5.1")) add(`${path}.sensitive`, "unknown_field", `sensitive needs Flow JSON 5.1, this is ${flow.version}`);
    if (!Array.isArray(screen.sensitive)) add(`${path}.sensitive`, "invalid_type", "sensitive is an array of field names");
    else
      screen.sensitive.forEach((name, i) => {
        if (typeof name !== "string" || !walk.names.has(name))
          add(`${path}.sensitive[${i}]`, "invalid_value", `no input named ${String(name)} on this screen`, { actual: String(name) });
      });
  }
  return { id, path, terminal, success: screen.success !== false, navigates: walk.navigates };
}

function checkDataModel(model: unknown, path: string, add: Add): void {
  if (!isRecord(model)) {
    add(path, "invalid_type", "data is an object of name → {type, __example__}");
    return;
  }
  for (const [name, field] of Object.entries(model)) {
    const at = `${path}.${name}`;
    if (!isRecord(field)) {
      add(at, "invalid_type", "a data field is {type, __example__}");
      continue;
    }
    if (typeof field.type !== "string" || !dataTypes.has(field.type)) {
      add(`${at}.type`, "invalid_value", "type is string, number, boolean, object or array", { actual: String(field.type) });
      continue;
    }
    if (field.type === "array" && !isRecord(field.items) && typeof field.items !== "boolean")
      add(`${at}.items`, "required", "an array field needs items (an object or a boolean)");
    if (!("__example__" in field)) add(`${at}.__example__`, "required", "__example__ is mandatory");
    else if (!matchesType(field.__example__, field.type))
      add(`${at}.__example__`, "invalid_type", `__example__ must be a ${field.type}`, { actual: describe(field.__example__) });
    else if (containsNull(field.__example__, 0))
      add(`${at}.__example__`, "invalid_value", "null is not valid in Flow JSON data: omit the value or use ''");
    if (field.type === "array" && Array.isArray(field.__example__) && isRecord(field.items) && isRecord(field.items.properties)) {
      const props = field.items.properties;
      // data-source items need id and title strings.
      if ("id" in props && "title" in props)
        field.__example__.forEach((item, i) => {
          if (isRecord(item) && (typeof item.id !== "string" || typeof item.title !== "string"))
            add(`${at}.__example__[${i}]`, "invalid_type", "data-source items have id and title strings");
        });
    }
  }
}

const describe = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
const matchesType = (value: unknown, type: string): boolean =>
  type === "array" ? Array.isArray(value) : type === "object" ? isRecord(value) : typeof value === type;
function containsNull(value: unknown, depth: number): boolean {
  if (value === null) return true;
  if (depth > 32 || typeof value !== "object") return false;
  return Object.values(value).some((v) => containsNull(v, depth + 1));
}

interface Place {
  readonly inForm: boolean;
  readonly ifDepth: number;
  readonly inSwitch: boolean;
  /** 0 at the top; 1 inside the first level of If. */
  readonly level: number;
  /** Nesting of any kind (Form, If, Switch), bounded by maxNesting. */
  readonly depth: number;
}

function walkChildren(children: unknown, path: string, place: Place, walk: ScreenWalk, flow: FlowState, add: Add): void {
  if (!Array.isArray(children)) {
    add(path, "invalid_type", "children is an array of components");
    return;
  }
  if (place.depth > maxNesting) {
    add(path, "too_many", `components nest at most ${maxNesting} deep here; the rest was not checked`, {
      limit: maxNesting,
      actual: place.depth,
    });
    return;
  }
  children.forEach((component, index) => {
    checkComponent(component, `${path}[${index}]`, place, walk, flow, add);
  });
}

function checkComponent(component: unknown, path: string, place: Place, walk: ScreenWalk, flow: FlowState, add: Add): void {
  if (!isRecord(component)) {
    add(path, "invalid_type", "a component is an object with a type", { actual: describe(component) });
    return;
  }
  const type = component.type;
  const rule = typeof type === "string" ? componentRules[type] : undefined;
  if (typeof type !== "string" || rule === undefined) {
    add(`${path}.type`, "invalid_value", `unknown component type ${String(type)}`, { actual: String(type) });
    return;
  }
  walk.total++;
  walk.counts.set(type, (walk.counts.get(type) ?? 0) + 1);
  walk.types.push({ type, path });
  const { version } = flow;
  if (!atLeast(version, rule.since))
    add(`${path}.type`, "invalid_value", `${type} needs Flow JSON ${rule.since}, this is ${version}`, { actual: type });
  if ((place.ifDepth > 0 || place.inSwitch) && !branchComponents.has(type) && !(type === "ChipsSelector" && atLeast(version, "7.1")))
    add(`${path}.type`, "invalid_value", `${type} cannot sit inside If or Switch`, { actual: type });

  for (const key of rule.required) if (component[key] === undefined) add(`${path}.${key}`, "required", `${type} needs ${key}`);
  if ((type === "CheckboxGroup" || type === "RadioButtonsGroup") && atLeast(version, "4.0") && component.label === undefined)
    add(`${path}.label`, "required", `${type} needs label from Flow JSON 4.0`);
  const known = new Set(["type", ...rule.required, ...rule.optional]);
  for (const key of Object.keys(component))
    if (!known.has(key))
      add(`${path}.${key}`, "unknown_field", `${key} is not a ${type} property in Meta's reference`, { severity: "warning" });

  // Text limits, dynamic values aside (their length is known only when the flow runs).
  for (const [key, limit] of Object.entries(rule.lengths ?? {})) {
    const value = component[key];
    if (typeof value !== "string" || isDynamic(value)) continue;
    if (value.length > limit)
      add(`${path}.${key}`, "too_long", `at most ${limit} characters, got ${value.length}`, { limit, actual: value.length });
    if ((type === "TextHeading" || type === "TextSubheading") && value.trim() === "")
      add(`${path}.${key}`, "too_short", "must not be blank");
  }
  // Every string property: references resolve, no static text mixed with a reference.
  for (const [key, value] of Object.entries(component)) {
    if (key === "type" || key === "children" || key === "then" || key === "else" || key === "cases") continue;
    scanStrings(value, `${path}.${key}`, walk, flow, add, 0);
  }

  if (rule.input) {
    const name = component.name;
    if (typeof name === "string") {
      const earlier = walk.names.get(name);
      if (earlier)
        add(`${path}.name`, "duplicate", `name ${name} is used by ${earlier.path} too (names are unique on a screen)`, { actual: name });
      else walk.names.set(name, { path, type });
    }
    if (!place.inForm) walk.inputsOutsideForm.push(path);
    if (place.inForm)
      for (const key of ["init-value", "error-message"])
        if (component[key] !== undefined)
          add(`${path}.${key}`, "conflict", `${key} is for components outside a Form; inside one use the Form's ${key}s`);
  }
  if (type === "NavigationList" && typeof component.name === "string") walk.names.set(component.name, { path, type });

  checkSpecifics(type, component, path, flow, add);
  for (const { path: at, action, slot } of actionsOf(component, path)) checkAction(action, at, type, slot, walk, flow, add);

  if (type === "Form") {
    if (place.inForm) add(path, "conflict", "a Form cannot contain a Form");
    walk.forms.push(path);
    walkChildren(component.children, `${path}.children`, { ...place, inForm: true, depth: place.depth + 1 }, walk, flow, add);
  } else if (type === "If") {
    const depth = place.ifDepth + 1;
    if (depth > L.ifDepth) add(path, "too_many", `If nests at most ${L.ifDepth} deep`, { limit: L.ifDepth, actual: depth });
    if (typeof component.condition !== "string" || !component.condition.includes("${"))
      add(`${path}.condition`, "invalid_value", "a condition needs at least one ${form…} or ${data…} operand");
    if (Array.isArray(component.then) && component.then.length === 0)
      add(`${path}.then`, "too_few", "then needs at least one component", { limit: 1, actual: 0 });
    const footersBefore = walk.topFooters + walk.branchFooters;
    const branchFooter = (children: unknown, at: string): boolean => {
      const before = walk.branchFooters;
      walkChildren(children, at, { ...place, ifDepth: depth, level: place.level + 1, depth: place.depth + 1 }, walk, flow, add);
      return walk.branchFooters > before;
    };
    const inThen = branchFooter(component.then, `${path}.then`);
    const inElse = component.else !== undefined && branchFooter(component.else, `${path}.else`);
    if (inThen !== inElse) add(path, "conflict", "a Footer in one branch of an If needs one in the other");
    if (inThen && inElse) walk.branchFooters -= 1; // the pair is one Footer on screen
    if ((inThen || inElse) && place.level > 0) add(path, "conflict", "a Footer is allowed only in the first level of an If");
    if ((inThen || inElse) && footersBefore > 0) add(path, "conflict", "a Footer inside an If allows no other Footer on the screen");
  } else if (type === "Switch") {
    const cases = component.cases;
    if (!isRecord(cases) || Object.keys(cases).length === 0) add(`${path}.cases`, "too_few", "a Switch needs at least one case");
    else {
      let withFooter = 0;
      const keys = Object.keys(cases);
      for (const key of keys) {
        const before = walk.branchFooters;
        walkChildren(
          cases[key],
          `${path}.cases.${key}`,
          { ...place, inSwitch: true, level: place.level + 1, depth: place.depth + 1 },
          walk,
          flow,
          add,
        );
        if (walk.branchFooters > before) withFooter++;
      }
      if (withFooter > 0 && withFooter < keys.length)
        add(`${path}.cases`, "conflict", "either every case of a Switch has a Footer or none does");
      walk.branchFooters -= Math.max(0, withFooter - 1);
    }
  } else if (type === "Footer") {
    if (place.ifDepth > 0 || place.inSwitch) walk.branchFooters++;
    else walk.topFooters++;
  }
}

/** Every string under a property: references and static/dynamic mixing; bounded depth. */
function scanStrings(value: unknown, path: string, walk: ScreenWalk, flow: FlowState, add: Add, depth: number): void {
  if (typeof value === "string") {
    checkString(value, path, walk, flow, add);
    return;
  }
  if (value === null || typeof value !== "object" || depth > 8) return;
  if (Array.isArray(value))
    value.forEach((v, i) => {
      scanStrings(v, `${path}[${i}]`, walk, flow, add, depth + 1);
    });
  else for (const [k, v] of Object.entries(value)) scanStrings(v, `${path}.${k}`, walk, flow, add, depth + 1);
}

function checkString(text: string, path: string, walk: ScreenWalk, flow: FlowState, add: Add): void {
  if (!text.includes("${")) return;
  const backtick = text.startsWith("`") && text.endsWith("`") && text.length > 1;
  if (backtick && !atLeast(flow.version, "6.0"))
    add(path, "invalid_value", `backtick expressions need Flow JSON 6.0, this is ${flow.version}`);
  else if (mixesStaticAndDynamic(text))
    add(path, "invalid_value", "static text mixed with a ${…} reference: use the reference alone, or a backtick expression (6.0+)", {
      actual: text.slice(0, 80),
    });
  for (const ref of referencesIn(text)) {
    if (ref.kind === "data") {
      if (!walk.data.has(ref.name))
        add(path, "invalid_value", `\${data.${ref.name}} does not resolve: no field ${ref.name} in screen ${walk.screenId}'s data`, {
          actual: ref.name,
        });
    } else if (ref.kind === "form") walk.formRefs.push({ path, name: ref.name });
    else if (ref.kind === "screen") {
      if (!atLeast(flow.version, "4.0")) add(path, "invalid_value", `\${screen.…} references need Flow JSON 4.0, this is ${flow.version}`);
      const target = flow.infos.get(ref.screen);
      if (ref.screen === walk.screenId)
        add(path, "invalid_value", "a ${screen.…} reference must not point at its own screen: use ${form…} or ${data…}");
      else if (!target)
        add(path, "invalid_value", `\${screen.${ref.screen}…} does not resolve: no screen ${ref.screen}`, { actual: ref.screen });
      else if (ref.scope === "data" && !target.data.has(ref.name))
        add(
          path,
          "invalid_value",
          `\${screen.${ref.screen}.data.${ref.name}} does not resolve: no field ${ref.name} in that screen's data`,
          { actual: ref.name },
        );
    } else
      add(path, "invalid_value", `\${${ref.text}} is not a reference (\${form.x}, \${data.x} or \${screen.ID.form.x})`, {
        actual: ref.text,
      });
  }
}

function checkSpecifics(type: string, c: Record<string, unknown>, path: string, flow: FlowState, add: Add): void {
  const { version } = flow;
  const since = (key: string, v: string): void => {
    if (c[key] !== undefined && !atLeast(version, v))
      add(`${path}.${key}`, "unknown_field", `${key} needs Flow JSON ${v}, this is ${version}`);
  };
  since("markdown", "5.1");
  since("label-variant", "7.0");
  since("pattern", "6.2");
  since("media-size", "5.0");
  if (type === "TextInput" && c.pattern !== undefined && c["helper-text"] === undefined)
    add(`${path}.helper-text`, "required", "a TextInput with a pattern needs helper-text (it tells people the format)");
  if ((type === "TextBody" || type === "TextCaption") && Array.isArray(c.text) && !atLeast(version, "5.1"))
    add(`${path}.text`, "invalid_type", `text as an array of strings needs Flow JSON 5.1, this is ${version}`);
  if (type === "Footer") {
    const sides = c["left-caption"] !== undefined || c["right-caption"] !== undefined;
    if (sides && c["center-caption"] !== undefined)
      add(`${path}.center-caption`, "conflict", "left/right captions or center-caption, not both");
  }
  if (type === "DatePicker" || type === "CalendarPicker")
    for (const key of ["min-date", "max-date"]) {
      const value = c[key];
      if (typeof value !== "string" || isDynamic(value)) continue;
      const ok = type === "CalendarPicker" || atLeast(version, "5.0") ? /^\d{4}-\d{2}-\d{2}$/.test(value) : /^\d+$/.test(value);
      if (!ok)
        add(
          `${path}.${key}`,
          "invalid_format",
          atLeast(version, "5.0") || type === "CalendarPicker"
            ? 'dates are "YYYY-MM-DD"'
            : "dates before Flow JSON 5.0 are milliseconds as a string",
          {
            actual: value,
          },
        );
    }
  if (type === "CalendarPicker" && c.mode !== undefined && c.mode !== "single" && c.mode !== "range")
    add(`${path}.mode`, "invalid_value", "mode is single or range", { actual: String(c.mode) });
  if (selectionTypes.has(type) && type !== "DatePicker" && type !== "CalendarPicker")
    checkDataSource(type, c["data-source"], `${path}.data-source`, flow, add);
  if (type === "ImageCarousel") {
    flow.carousels++;
    const images = c.images;
    if (Array.isArray(images)) {
      if (images.length < 1 || images.length > L.carouselImages)
        add(`${path}.images`, images.length < 1 ? "too_few" : "too_many", `1 to ${L.carouselImages} images, got ${images.length}`, {
          limit: L.carouselImages,
          actual: images.length,
        });
      images.slice(0, 10).forEach((image, i) => {
        if (!isRecord(image) || typeof image.src !== "string" || typeof image["alt-text"] !== "string")
          add(`${path}.images[${i}]`, "required", "an image is {src, alt-text}");
      });
    }
  }
  if (pickerTypes.has(type)) {
    const range = (key: string, min: number, maxValue: number): void => {
      const value = c[key];
      if (value === undefined) return;
      if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > maxValue)
        add(`${path}.${key}`, "out_of_range", `${key} is a whole number from ${min} to ${maxValue}`, {
          limit: maxValue,
          actual: String(value),
        });
    };
    range("max-file-size-kb", 1, L.pickerFileSizeKb);
    for (const kind of ["photos", "documents"]) {
      range(`min-uploaded-${kind}`, 0, L.pickerUploads);
      range(`max-uploaded-${kind}`, 1, L.pickerUploads);
    }
  }
  if (type === "NavigationList") {
    const items = c["list-items"];
    if (Array.isArray(items)) {
      if (items.length < 1 || items.length > L.navigationListItems)
        add(`${path}.list-items`, items.length < 1 ? "too_few" : "too_many", `1 to ${L.navigationListItems} items, got ${items.length}`, {
          limit: L.navigationListItems,
          actual: items.length,
        });
      let itemActions = false;
      items.slice(0, L.navigationListItems * 2).forEach((item, i) => {
        const at = `${path}.list-items[${i}]`;
        if (!isRecord(item)) {
          add(at, "invalid_type", "an item is {id, main-content}");
          return;
        }
        if (typeof item.id !== "string") add(`${at}.id`, "required", "an item needs an id");
        if (item["on-click-action"] !== undefined) itemActions = true;
        const main = item["main-content"];
        if (!isRecord(main) || typeof main.title !== "string")
          add(`${at}.main-content.title`, "required", "an item needs main-content.title");
        else
          for (const [key, limit] of [
            ["title", L.navigationItemTitle],
            ["description", L.navigationItemDescription],
            ["metadata", L.navigationItemMetadata],
          ] as const)
            tooLong(main[key], `${at}.main-content.${key}`, limit, add);
        if (isRecord(item.end))
          for (const key of ["title", "description", "metadata"]) tooLong(item.end[key], `${at}.end.${key}`, L.navigationItemEnd, add);
        tooLong(item.badge, `${at}.badge`, L.navigationItemBadge, add);
        if (Array.isArray(item.tags)) {
          if (item.tags.length > L.navigationItemTags)
            add(`${at}.tags`, "too_many", `at most ${L.navigationItemTags} tags, got ${item.tags.length}`, {
              limit: L.navigationItemTags,
              actual: item.tags.length,
            });
          for (const [t, tag] of item.tags.slice(0, 10).entries()) tooLong(tag, `${at}.tags[${t}]`, L.navigationItemTag, add);
        }
      });
      if (itemActions && c["on-click-action"] !== undefined)
        add(`${path}.on-click-action`, "conflict", "on-click-action on the list or on its items, not both");
    }
  }
}

function tooLong(value: unknown, path: string, limit: number, add: Add): void {
  if (typeof value === "string" && !isDynamic(value) && value.length > limit)
    add(path, "too_long", `at most ${limit} characters, got ${value.length}`, { limit, actual: value.length });
}

function checkDataSource(type: string, source: unknown, path: string, flow: FlowState, add: Add): void {
  if (source === undefined) return;
  if (typeof source === "string") {
    if (!isDynamic(source))
      add(path, "invalid_value", "data-source is an array of options or a ${data.x} reference", { actual: source.slice(0, 80) });
    return;
  }
  if (!Array.isArray(source)) {
    add(path, "invalid_type", "data-source is an array of options or a ${data.x} reference", { actual: describe(source) });
    return;
  }
  const withImages = source.some((o) => isRecord(o) && o.image !== undefined);
  const max = type === "Dropdown" ? (withImages ? L.dropdownOptionsWithImages : L.dropdownOptions) : L.selectionOptions;
  const min = type === "ChipsSelector" ? L.chipsOptionsMin : 1;
  if (source.length > max)
    add(
      path,
      "too_many",
      `at most ${max} options${type === "Dropdown" && withImages ? " when any has an image" : ""}, got ${source.length}`,
      {
        limit: max,
        actual: source.length,
      },
    );
  if (source.length < min)
    add(path, "too_few", `at least ${min} option${min === 1 ? "" : "s"}, got ${source.length}`, { limit: min, actual: source.length });
  const imageLimit = atLeast(flow.version, "6.0") ? 100 * 1024 : 300 * 1024;
  source.slice(0, L.dropdownOptions + 1).forEach((option, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(option)) {
      add(at, "invalid_type", "an option is {id, title}", { actual: describe(option) });
      return;
    }
    if (typeof option.id !== "string") add(`${at}.id`, "required", "an option needs an id string");
    if (typeof option.title !== "string") add(`${at}.title`, "required", "an option needs a title string");
    tooLong(option.title, `${at}.title`, L.optionTitle, add);
    tooLong(option.description, `${at}.description`, L.optionDescription, add);
    tooLong(option.metadata, `${at}.metadata`, L.optionMetadata, add);
    if (typeof option.image === "string" && !isDynamic(option.image)) {
      const bytes = Math.floor((option.image.length * 3) / 4);
      if (bytes > imageLimit)
        add(`${at}.image`, "too_long", `an option image is at most ${imageLimit / 1024} KB, got ${Math.ceil(bytes / 1024)} KB`, {
          limit: imageLimit,
          actual: bytes,
        });
    }
  });
}

function checkAction(action: unknown, path: string, host: string, slot: string, walk: ScreenWalk, flow: FlowState, add: Add): void {
  if (!isRecord(action) || typeof action.name !== "string" || !actionNames.has(action.name)) {
    add(`${path}.name`, "invalid_value", `an action is one of ${[...actionNames].join(", ")}`, {
      actual: isRecord(action) ? String(action.name) : describe(action),
    });
    return;
  }
  const name = action.name;
  const item = slot.startsWith("item ");
  const clickHost = navigateHosts.has(host);
  if (name === "navigate") {
    if (!clickHost || (slot !== "on-click-action" && !(item && host === "NavigationList")))
      add(`${path}.name`, "invalid_value", `navigate is not allowed on ${host} ${slot}`, { actual: name });
    const next = action.next;
    const target = isRecord(next) ? next.name : undefined;
    if (!isRecord(next) || next.type !== "screen" || typeof target !== "string") {
      add(`${path}.next`, "required", 'navigate needs next: {type: "screen", name}');
      return;
    }
    walk.navigates.push({ target, path: `${path}.next.name` });
    if (target === walk.screenId) add(`${path}.next.name`, "invalid_value", "navigate cannot lead to its own screen", { actual: target });
    const info = flow.infos.get(target);
    if (!info) add(`${path}.next.name`, "invalid_value", `navigate to ${target}: no screen with that id`, { actual: target });
    if (host === "Footer" && walk.terminal)
      add(`${path}.name`, "conflict", "a terminal screen's Footer should complete the flow, not navigate", { severity: "warning" });
    if (info && target !== walk.screenId) checkNavigatePayload(action.payload, info, target, path, add);
  } else if (name === "data_exchange") {
    if (!clickHost && !(selectionTypes.has(host) && slot.includes("select")))
      add(`${path}.name`, "invalid_value", `data_exchange is not allowed on ${host} ${slot}`, { actual: name });
    flow.needsDataApi.push(`${path}.name`);
  } else if (name === "complete") {
    if (host !== "Footer") add(`${path}.name`, "invalid_value", `complete is allowed only on a Footer, not on ${host}`, { actual: name });
    else if (!walk.terminal)
      add(`${path}.name`, "invalid_value", "complete is allowed only on a terminal screen's Footer", { actual: name });
  } else if (name === "update_data") {
    if (!atLeast(flow.version, "6.0")) add(`${path}.name`, "invalid_value", `update_data needs Flow JSON 6.0, this is ${flow.version}`);
    if (!slot.includes("select"))
      add(`${path}.name`, "invalid_value", `update_data belongs in on-select-action or on-unselect-action, not ${slot}`);
    if (isRecord(action.payload))
      for (const key of Object.keys(action.payload))
        if (!walk.data.has(key))
          add(`${path}.payload.${key}`, "invalid_value", `update_data sets data fields of this screen; ${key} is not one`, { actual: key });
  } else if (name === "open_url") {
    if (!atLeast(flow.version, "6.0")) add(`${path}.name`, "invalid_value", `open_url needs Flow JSON 6.0, this is ${flow.version}`);
    if (host !== "EmbeddedLink" && host !== "OptIn")
      add(`${path}.name`, "invalid_value", `open_url is allowed on EmbeddedLink and OptIn, not ${host}`);
    if (typeof action.url !== "string") add(`${path}.url`, "required", "open_url needs a url");
  }
  if (name !== "open_url" && action.payload !== undefined && !isRecord(action.payload))
    add(`${path}.payload`, "invalid_type", "a payload is an object", { actual: describe(action.payload) });
  // Pickers go only as top-level values of data_exchange / complete payloads.
  if (isRecord(action.payload))
    for (const [key, value] of Object.entries(action.payload))
      if (typeof value === "string")
        for (const ref of referencesIn(value))
          if (ref.kind === "form") walk.pickerPayloads.push({ path: `${path}.payload.${key}#${name}`, name: ref.name });
}

function checkNavigatePayload(payload: unknown, target: ScreenInfo, name: string, path: string, add: Add): void {
  // A set, not a scan of the payload per model field: both may hold 100,000 keys in a 10 MB document.
  const keys = new Set(isRecord(payload) ? Object.keys(payload) : []);
  for (const key of keys)
    if (!target.data.has(key))
      add(`${path}.payload.${key}`, "unknown_field", `screen ${name} declares no data field ${key}`, { actual: key });
  for (const [key, field] of target.data) {
    if (!keys.has(key)) {
      add(`${path}.payload`, "required", `navigate to ${name} must set its data field ${key} (payload keys equal the next screen's data)`, {
        actual: key,
      });
      continue;
    }
    const value = isRecord(payload) ? payload[key] : undefined;
    const type = isRecord(field) ? field.type : undefined;
    if (typeof type === "string" && !(typeof value === "string" && isDynamic(value)) && !matchesType(value, type))
      add(`${path}.payload.${key}`, "invalid_type", `screen ${name} declares ${key} as ${type}`, { actual: describe(value) });
  }
}

function checkScreenTotals(path: string, walk: ScreenWalk, flow: FlowState, add: Add): void {
  const at = `${path}.layout.children`;
  if (walk.total > L.componentsPerScreen)
    add(at, "too_many", `at most ${L.componentsPerScreen} components per screen, got ${walk.total}`, {
      limit: L.componentsPerScreen,
      actual: walk.total,
    });
  for (const [type, limit] of Object.entries(perScreen)) {
    const count = type === "Footer" ? walk.topFooters + walk.branchFooters : (walk.counts.get(type) ?? 0);
    if (count > limit) add(at, "too_many", `at most ${limit} ${type} per screen, got ${count}`, { limit, actual: count });
  }
  const pickers = (walk.counts.get("PhotoPicker") ?? 0) + (walk.counts.get("DocumentPicker") ?? 0);
  if (pickers > L.mediaPickersPerScreen)
    add(at, "too_many", `one PhotoPicker or one DocumentPicker per screen, got ${pickers}`, { limit: 1, actual: pickers });
  const footers = walk.topFooters + walk.branchFooters;
  if (walk.terminal && footers === 0) add(at, "required", "a terminal screen needs a Footer");
  if ((walk.counts.get("NavigationList") ?? 0) > 0) {
    if (
      walk.total >
      (walk.counts.get("NavigationList") ?? 0) +
        (walk.counts.get("TextHeading") ?? 0) +
        (walk.counts.get("TextSubheading") ?? 0) +
        (walk.counts.get("TextBody") ?? 0)
    )
      add(at, "conflict", "a NavigationList must be alone on its screen (text aside)");
    if (walk.terminal) add(at, "conflict", "a NavigationList cannot be on a terminal screen");
  }
  if ((walk.counts.get("RichText") ?? 0) > 0) {
    const footerAllowed = atLeast(flow.version, "6.3");
    const others = walk.types.filter((t) => t.type !== "RichText" && !(footerAllowed && t.type === "Footer"));
    if (others.length > 0)
      add(
        others[0]?.path ?? at,
        "conflict",
        `RichText must be alone on its screen${footerAllowed ? " (a Footer aside)" : " before Flow JSON 6.3"}`,
      );
  }
  const before4 = !atLeast(flow.version, "4.0");
  if (before4 || walk.forms.length > 0)
    for (const input of walk.inputsOutsideForm.slice(0, 10))
      add(
        input,
        "conflict",
        before4
          ? `inputs sit inside a Form before Flow JSON 4.0 (this is ${flow.version})`
          : "COMPONENTS_OUTSIDE_FORM: this screen has a Form, so every input goes inside it",
      );
  for (const ref of walk.formRefs)
    if (!walk.names.has(ref.name))
      add(ref.path, "invalid_value", `\${form.${ref.name}} does not resolve: no input named ${ref.name} on screen ${walk.screenId}`, {
        actual: ref.name,
      });
  for (const ref of walk.pickerPayloads) {
    const [where, action] = ref.path.split("#");
    const field = walk.names.get(ref.name);
    if (field && pickerTypes.has(field.type) && action === "navigate")
      add(
        where ?? ref.path,
        "invalid_value",
        `${field.type} values cannot go in a navigate payload (only top-level in data_exchange or complete)`,
      );
  }
}
