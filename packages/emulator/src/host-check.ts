import { hostname } from "node:os";

/** A host name or address as a `Host` header names it: letters, digits, dots and hyphens, or an IPv6 address in brackets. */
const hostName = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/i;
/** A `Host` header: the name, then an optional port. */
const hostHeader = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/;
const loopback = /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

/** Why `name` cannot be an allowed host (it has a port, a scheme, spaces…), or undefined when it can. */
export function allowedHostProblem(name: string): string | undefined {
  if (hostName.test(name)) return undefined;
  return `a host name without port or scheme (wa.test, my-app, [fd00::1]), got ${JSON.stringify(name)}`;
}

/**
 * Which `Host` headers the emulator serves: loopback names (localhost, 127.x.x.x, [::1]) on any
 * port (a container's port may be mapped to another), the address it is bound to, the names given,
 * and, bound to a wildcard address (0.0.0.0, ::), the machine's own name, so a container can be
 * reached by name from another. Any other name is a DNS-rebound page, or someone on the network who
 * reached it by the machine's address. (A client that forges `Host: localhost` passes: only binding to
 * loopback keeps the network out.) `allowed` was checked with allowedHostProblem.
 */
export function hostChecker(bound: string, allowed: readonly string[]): (header: string | undefined) => boolean {
  const wildcard = bound === "0.0.0.0" || bound === "::";
  const boundName = bound.includes(":") ? `[${bound}]` : bound;
  // The bound address itself too (the URL the command prints): a rebinding page's Host is its own name, never an address.
  const names = new Set([...allowed, boundName, ...(wildcard ? [hostname()] : [])].map((name) => name.toLowerCase()));
  return (header) => {
    const match = hostHeader.exec((header ?? "").toLowerCase());
    if (match === null) return false;
    const name = match[1] as string;
    return loopback.test(name) || names.has(name);
  };
}
