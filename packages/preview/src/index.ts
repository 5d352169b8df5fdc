export { escapeHtml, formatText } from "./escape.js";
export { type FlowScreenOptions, flowComponents, renderFlowScreen } from "./flow.js";
export { type PreviewOptions, renderBubble, renderPreview, type TemplateTexts } from "./render.js";
export { previewStyles } from "./styles.js";
