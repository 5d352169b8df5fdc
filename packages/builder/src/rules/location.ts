import { limits } from "../limits.js";
import { number, object, optional, required, string } from "./rule.js";

/** Latitude and longitude: numbers, or strings holding them (Meta's current pages document strings, §15). */
export const coordinates = {
  latitude: required(number({ ...limits.location.latitude, numericString: true })),
  longitude: required(number({ ...limits.location.longitude, numericString: true })),
  name: optional(string()),
  address: optional(string()),
};

/** `location` [S §5]: name and address optional (resolutions §13.9–10). */
export const location = object(coordinates);
