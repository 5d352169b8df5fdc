import { limits } from "../limits.js";
import { checkKnownKeys, checkNumber, checkString } from "./fields.js";
import type { JsonObject, Report } from "./report.js";

const fields = ["latitude", "longitude", "name", "address"];

/** `location` [S §5]: numeric coordinates; name and address optional (resolution §13.9–10). */
export function checkLocation(report: Report, location: JsonObject, path: string): void {
  checkKnownKeys(report, location, path, fields);
  checkNumber(report, location.latitude, path, "latitude", limits.location.latitude);
  checkNumber(report, location.longitude, path, "longitude", limits.location.longitude);
  checkString(report, location.name, path, "name");
  checkString(report, location.address, path, "address");
}
