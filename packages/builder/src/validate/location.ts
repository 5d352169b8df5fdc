import { limits } from "../limits.js";
import { checkKnownKeys, checkNumber, checkString } from "./fields.js";
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
