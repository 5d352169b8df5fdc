/** The stylesheet of previews: a WhatsApp-like chat. */
export const previewStyles = `
.wa-chat{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#efeae2;padding:12px;display:flex;flex-direction:column;gap:8px}
.wa-bubble{align-self:flex-end;max-width:360px;background:#d9fdd3;border-radius:8px;padding:6px 8px;box-shadow:0 1px .5px rgba(11,20,26,.13);color:#111b21;overflow-wrap:anywhere}
.wa-bubble.wa-invalid{background:#fde2e1;border:1px solid #e06c6c}
.wa-quote{border-left:4px solid #06cf9c;background:rgba(0,0,0,.05);border-radius:4px;padding:4px 6px;margin-bottom:4px;font-size:12px;color:#54656f}
.wa-meta{font-size:11px;color:#667781;text-align:right;margin-top:2px}
.wa-kind{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:#667781;margin-bottom:2px}
.wa-media{background:#c9d4d9;border-radius:6px;min-height:120px;display:flex;flex-direction:column;align-items:center;justify-content:center;color:#3b4a54;font-size:13px;padding:8px;text-align:center}
.wa-doc{background:rgba(0,0,0,.05);border-radius:6px;padding:8px;display:flex;gap:8px;align-items:center}
.wa-link{background:rgba(0,0,0,.05);border-radius:6px;padding:6px;font-size:12px;color:#027eb5;margin-bottom:4px}
.wa-header{font-weight:600;margin-bottom:2px}
.wa-footer{font-size:12px;color:#667781;margin-top:2px}
.wa-buttons{display:flex;flex-direction:column;gap:2px;margin-top:6px}
.wa-button{background:#fff;border-radius:6px;text-align:center;color:#027eb5;padding:6px;font-weight:500}
.wa-sheet{background:#fff;border-radius:6px;margin-top:6px;padding:6px}
.wa-section{font-size:12px;color:#008069;font-weight:600;margin:4px 0 2px}
.wa-row{border-top:1px solid #e9edef;padding:4px 0}
.wa-row small{display:block;color:#667781}
.wa-card{background:#fff;border-radius:6px;padding:6px;margin-top:4px}.wa-carousel{display:flex;gap:6px;overflow-x:auto}.wa-carousel .wa-card{min-width:140px;flex:0 0 auto}.wa-card small{display:block}
.wa-issues{margin:4px 0 0;padding-left:18px;color:#a12622;font-size:12px}
.wa-recipient{font-weight:600;color:#3b4a54;margin-top:8px}
.wa-flow-screen{background:#fff;border-radius:6px;margin-top:6px;padding:8px;display:flex;flex-direction:column;gap:6px}.wa-flow-title{font-weight:600;color:#008069}.wa-flow-heading,.wa-flow-subheading{margin:0}.wa-flow-text{margin:0}.wa-flow-field{display:flex;flex-direction:column;font-size:12px;color:#54656f;gap:2px}.wa-flow-choices{border:0;padding:0;margin:0;font-size:13px}.wa-flow-choices label{display:block}.wa-flow-submit{background:#008069;color:#fff;border:0;border-radius:16px;padding:6px}
code{font-family:ui-monospace,monospace;background:rgba(0,0,0,.06);padding:0 2px;border-radius:3px}
`;
