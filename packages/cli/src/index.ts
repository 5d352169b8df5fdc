export { collectFixtures, type Fixture } from "./fixtures.js";
export { type CodegenOptions, generateTemplates, type TemplateExport, type TemplateListExport } from "./templates-codegen.js";
