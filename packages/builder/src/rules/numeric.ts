/** The number a numeric string holds (`"37.44"`), or undefined: coordinates may be sent as strings (§15). */
export const numeric = (text: string): number | undefined => {
  if (text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
};
