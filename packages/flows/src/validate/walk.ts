import type { FlowScreen } from "../flow-json.js";

/** Deeper component nesting than this is not a flow (If nests at most 3 deep, inside a Form): walking stops there. */
export const maxNesting = 12;

/** The child lists of a component: a Form's children, an If's then/else, a Switch's cases. */
export function childLists(component: Record<string, unknown>, path: string): { readonly path: string; readonly children: unknown }[] {
  switch (component.type) {
    case "Form":
      return [{ path: `${path}.children`, children: component.children }];
    case "If":
      return [
        { path: `${path}.then`, children: component.then },
        ...(component.else === undefined ? [] : [{ path: `${path}.else`, children: component.else }]),
      ];
    case "Switch": {
      const cases = component.cases;
      if (cases === null || typeof cases !== "object" || Array.isArray(cases)) return [];
      return Object.keys(cases).map((key) => ({ path: `${path}.cases.${key}`, children: (cases as Record<string, unknown>)[key] }));
    }
    default:
      return [];
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Every action of a component (its own and its data-source / list items'), with its path. */
export function actionsOf(
  component: Record<string, unknown>,
  path: string,
): { readonly path: string; readonly action: unknown; readonly slot: string }[] {
  const found: { path: string; action: unknown; slot: string }[] = [];
  for (const slot of ["on-click-action", "on-select-action", "on-unselect-action"])
    if (component[slot] !== undefined) found.push({ path: `${path}.${slot}`, action: component[slot], slot });
  for (const listKey of ["data-source", "list-items"]) {
    const list = component[listKey];
    if (!Array.isArray(list)) continue;
    list.forEach((item, index) => {
      if (!isRecord(item)) return;
      for (const slot of ["on-click-action", "on-select-action", "on-unselect-action"])
        if (item[slot] !== undefined)
          found.push({ path: `${path}.${listKey}[${index}].${slot}`, action: item[slot], slot: `item ${slot}` });
    });
  }
  return found;
}

/** Every `navigate` target of a screen, with where it is (for the routing model). */
export function navigateTargets(screen: FlowScreen): { readonly target: string; readonly path: string }[] {
  const found: { target: string; path: string }[] = [];
  const visit = (children: unknown, path: string, depth: number): void => {
    if (!Array.isArray(children) || depth > maxNesting) return;
    children.forEach((component, index) => {
      if (!isRecord(component)) return;
      const here = `${path}[${index}]`;
      for (const { action, path: at } of actionsOf(component, here))
        if (isRecord(action) && action.name === "navigate" && isRecord(action.next) && typeof action.next.name === "string")
          found.push({ target: action.next.name, path: `${at}.next.name` });
      for (const list of childLists(component, here)) visit(list.children, list.path, depth + 1);
    });
  };
  visit(screen.layout?.children, "layout.children", 0);
  return found;
}
