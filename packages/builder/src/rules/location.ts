import { limits } from "../limits.js";
import { documented, number, object, optional, required, string } from "./rule.js";

/** Latitude and longitude: numbers, or strings holding them (Meta's current pages document strings, §15). */
export const coordinates = {
  latitude: required(number({ ...limits.location.latitude, numericString: true })),
  longitude: required(number({ ...limits.location.longitude, numericString: true })),
  name: optional(string()),
  address: optional(string()),
};

const asWritten = "The API also takes a string holding the number; builders write the number.";

/** `location` [S §5]: name and address optional (resolutions §13.9–10). Builders write the coordinates as numbers. */
export const location = object({
  ...coordinates,
  latitude: documented(coordinates.latitude, asWritten, { numbersOnly: true }),
  longitude: documented(coordinates.longitude, asWritten, { numbersOnly: true }),
});
