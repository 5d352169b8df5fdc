import { build } from "esbuild";
import { gzipSync } from "node:zlib";
const src = process.argv[2];
const r = await build({ stdin: { contents: src, resolveDir: process.cwd() + "/bench", loader: "js" }, bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "silent", metafile: true });
const out = Object.values(r.metafile.outputs)[0];
console.log("total gz", gzipSync(r.outputFiles[0].contents, {level:9}).length, "min", r.outputFiles[0].contents.length);
const rows = Object.entries(out.inputs).map(([k,v])=>[v.bytesInOutput,k.replace(/.*packages\//,'')]).sort((a,b)=>b[0]-a[0]);
for (const [b,k] of rows) if (b>0) console.log(String(b).padStart(7), k);
