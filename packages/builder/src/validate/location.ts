import { limits } from "../limits.js";
import type { LocationMessage } from "../payload/index.js";
import { checkKnownKeys, checkNumber, checkString, fits, fitsNumber } from "./fields.js";
import type { JsonObject, Report } from "./report.js";

const fields = ["latitude", "longitude", "name", "address"];

/** `location` [S §5]: numeric coordinates; name and address optional (resolution §13.9–10). */
export function checkLocation(report: Report, location: JsonObject): void {
  checkKnownKeys(report, location, fields);
  checkNumber(report, location.latitude, "latitude", limits.location.latitude);
  checkNumber(report, location.longitude, "longitude", limits.location.longitude);
  checkString(report, location.name, "name");
  checkString(report, location.address, "address");
}

/** The builder's quick test (its keys are known): true only when checkLocation reports nothing. */
export const acceptsLocation = ({ location }: LocationMessage): boolean =>
  fitsNumber(location.latitude, limits.location.latitude) &&
  fitsNumber(location.longitude, limits.location.longitude) &&
  fits(location.name) &&
  fits(location.address);
