import type { IssueCode, Severity } from "@wacompose/builder";
import { flowLimits as L } from "../limits.js";
import { isRecord } from "./walk.js";

/** What the routing check needs of a screen. */
export interface RoutingScreen {
  readonly id: string;
  readonly path: string;
  readonly terminal: boolean;
  readonly success: boolean;
  readonly navigates: readonly { readonly target: string; readonly path: string }[];
}

/** How a check reports an issue: the path, its code and message, and what it measured. */
export type Add = (
  path: string,
  code: IssueCode,
  message: string,
  extra?: { limit?: number; actual?: number | string; severity?: Severity },
) => void;

/**
 * The routing model's rules (flows.md §4, Meta's INVALID_ROUTING_MODEL): every screen a key,
 * known targets, forward routes only, at most 10 per screen, an entry screen, no loops, every
 * screen connected, routes ending at a terminal screen, and every `navigate` in the model.
 * Without a model (no endpoint) the same graph rules apply to the `navigate` edges.
 */
export function checkRouting(model: unknown, hasDataApi: boolean, screens: readonly RoutingScreen[], add: Add): void {
  const ids = new Map(screens.map((s) => [s.id, s]));
  const edges = new Map<string, string[]>(screens.map((s) => [s.id, []]));
  const where = (id: string): string => `routing_model.${id}`;
  if (model === undefined) {
    if (hasDataApi) add("routing_model", "required", "routing_model is required when data_api_version is set");
    for (const screen of screens)
      for (const { target } of screen.navigates)
        if (ids.has(target) && target !== screen.id && !edges.get(screen.id)?.includes(target)) edges.get(screen.id)?.push(target);
  } else if (!isRecord(model)) {
    add("routing_model", "invalid_type", "routing_model is an object: screen id → the ids it can go to");
    return;
  } else {
    for (const [from, targets] of Object.entries(model)) {
      if (!ids.has(from)) {
        add(where(from), "invalid_value", `INVALID_ROUTING_MODEL: ${from} is not a screen of this flow`, { actual: from });
        continue;
      }
      if (!Array.isArray(targets)) {
        add(where(from), "invalid_type", "routes are an array of screen ids");
        continue;
      }
      if (targets.length > L.routesPerScreen)
        add(where(from), "too_many", `INVALID_ROUTING_MODEL: at most ${L.routesPerScreen} routes from a screen, got ${targets.length}`, {
          limit: L.routesPerScreen,
          actual: targets.length,
        });
      targets.slice(0, L.screens).forEach((target, i) => {
        if (typeof target !== "string" || !ids.has(target))
          add(`${where(from)}[${i}]`, "invalid_value", `INVALID_ROUTING_MODEL: ${String(target)} is not a screen of this flow`, {
            actual: String(target),
          });
        else if (target === from)
          add(`${where(from)}[${i}]`, "invalid_value", "INVALID_ROUTING_MODEL: a route cannot lead to its own screen", { actual: target });
        else edges.get(from)?.push(target);
      });
    }
    for (const screen of screens) {
      if (!(screen.id in model))
        add("routing_model", "required", `INVALID_ROUTING_MODEL: screen ${screen.id} is missing as a key`, { actual: screen.id });
      for (const { target, path } of screen.navigates)
        if (ids.has(target) && target !== screen.id && !edges.get(screen.id)?.includes(target))
          add(path, "invalid_value", `INVALID_ROUTING_MODEL: navigate ${screen.id} → ${target} is not in routing_model`, {
            actual: target,
          });
    }
  }
  if (screens.length === 0) return;
  const at = (id: string): string => (model === undefined ? (ids.get(id)?.path ?? "screens") : where(id));

  for (const [from, targets] of edges)
    for (const target of targets)
      if (edges.get(target)?.includes(from) && from < target)
        add(
          at(from),
          "invalid_value",
          `INVALID_ROUTING_MODEL: ${from} → ${target} and back: only forward routes belong in the model (BACK is implied)`,
        );

  const inbound = new Set([...edges.values()].flat());
  const entries = screens.filter((s) => !inbound.has(s.id));
  if (entries.length === 0)
    add(
      model === undefined ? "screens" : "routing_model",
      "invalid_value",
      "INVALID_ROUTING_MODEL: no entry screen (one that no route leads to)",
    );

  // A loop: iterative depth-first search, so a long chain of screens cannot overflow the stack.
  const state = new Map<string, 1 | 2>();
  let loopReported = false;
  for (const start of screens) {
    if (state.has(start.id) || loopReported) continue;
    const stack: { id: string; next: number }[] = [{ id: start.id, next: 0 }];
    state.set(start.id, 1);
    while (stack.length > 0 && !loopReported) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const targets = edges.get(top.id) ?? [];
      if (top.next >= targets.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const target = targets[top.next++] as string;
      if (state.get(target) === 1) {
        // Two-screen loops are reported as backward routes above.
        if (!edges.get(target)?.includes(top.id)) {
          add(at(top.id), "invalid_value", `INVALID_ROUTING_MODEL: a loop through ${top.id} → ${target}`);
          loopReported = true;
        }
      } else if (!state.has(target)) {
        state.set(target, 1);
        stack.push({ id: target, next: 0 });
      }
    }
  }

  if (model !== undefined && screens.length > 1)
    for (const screen of screens)
      if ((edges.get(screen.id)?.length ?? 0) === 0 && !inbound.has(screen.id))
        add(at(screen.id), "invalid_value", `INVALID_ROUTING_MODEL: screen ${screen.id} is disconnected (no route to or from it)`);

  for (const screen of screens)
    if (!screen.terminal && (edges.get(screen.id)?.length ?? 0) === 0 && (model !== undefined || !hasDataApi))
      add(at(screen.id), "invalid_value", `routes must end at a terminal screen: ${screen.id} is not terminal and leads nowhere`);
}
