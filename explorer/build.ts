// Builds the explorer page with esbuild: dist/explorer/index.html, and dist/explorer/assets/
// with content-hashed names (the script, its styles and fonts, and Monaco's three web
// workers). `npm run explorer:build`; part of `npm run build`, so `npm start` and the Docker
// image serve a fresh one. Nothing is fetched at run time: the page is whole.
import { build, type Metafile } from "esbuild";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
/** Where the server serves the assets (src/http/explorer.ts mounts the same path). */
const ASSETS_URL = "/explorer/assets/";
export const DEFAULT_OUT_DIR = path.join(ROOT, "dist", "explorer");

/** The web workers Monaco asks for, by the label GraphiQL's editors give them. */
const WORKERS = {
  editor: "monaco-editor/esm/vs/editor/editor.worker.js",
  json: "monaco-editor/esm/vs/language/json/json.worker.js",
  graphql: "monaco-graphql/esm/graphql.worker.js",
} as const;

type WorkerLabel = keyof typeof WORKERS;

export interface ExplorerBuild {
  outDir: string;
  /** File names under assets/, for the log. */
  assets: string[];
}

export async function buildExplorer(outDir: string = DEFAULT_OUT_DIR): Promise<ExplorerBuild> {
  const assetsDir = path.join(outDir, "assets");
  await rm(outDir, { recursive: true, force: true });
  await mkdir(assetsDir, { recursive: true });
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    outdir: assetsDir,
    entryNames: "[name]-[hash]",
    assetNames: "[name]-[hash]",
    metafile: true,
    logLevel: "warning",
    define: { "process.env.NODE_ENV": '"production"' },
  } as const;

  // Classic workers first: the page needs their hashed names.
  const workers = await build({
    ...common,
    format: "iife",
    entryPoints: Object.entries(WORKERS).map(([label, entry]) => ({ in: entry, out: `${label}.worker` })),
  });
  const workerUrls = Object.fromEntries(
    (Object.keys(WORKERS) as WorkerLabel[]).map((label) => [label, ASSETS_URL + outputFor(workers.metafile, label)]),
  ) as Record<WorkerLabel, string>;

  const page = await build({
    ...common,
    format: "esm",
    jsx: "automatic",
    entryPoints: [{ in: "explorer/index.tsx", out: "explorer" }],
    define: { ...common.define, EXPLORER_WORKER_URLS: JSON.stringify(workerUrls) },
    loader: { ".ttf": "file", ".woff": "file", ".woff2": "file", ".svg": "file", ".png": "file" },
    // graphql-ws (GraphiQL's toolkit imports it for subscriptions) is bundled: the page stays whole.
  });
  const entry = Object.entries(page.metafile.outputs).find(([, output]) => output.entryPoint === "explorer/index.tsx");
  if (!entry) throw new Error("esbuild produced no script for explorer/index.tsx");
  const [script, { cssBundle }] = entry;
  if (!cssBundle) throw new Error("esbuild produced no stylesheet for explorer/index.tsx");

  const template = await readFile(path.join(ROOT, "explorer", "index.html"), "utf8");
  const html = template
    .replace("%EXPLORER_CSS%", ASSETS_URL + path.basename(cssBundle))
    .replace("%EXPLORER_JS%", ASSETS_URL + path.basename(script));
  await writeFile(path.join(outDir, "index.html"), html);
  const assets = [...Object.keys(workers.metafile.outputs), ...Object.keys(page.metafile.outputs)];
  return { outDir, assets: assets.map((file) => path.basename(file)).sort() };
}

function outputFor(metafile: Metafile, label: WorkerLabel): string {
  const found = Object.entries(metafile.outputs).find(([file, output]) =>
    output.entryPoint ? path.basename(file).startsWith(`${label}.worker-`) && file.endsWith(".js") : false,
  );
  if (!found) throw new Error(`esbuild produced no ${label} worker`);
  return path.basename(found[0]);
}

if (require.main === module) {
  const started = Date.now();
  buildExplorer().then(
    ({ outDir, assets }) =>
      console.log(
        `explorer built in ${Date.now() - started} ms: ${path.relative(ROOT, outDir)} (${assets.join(", ")})`,
      ),
    (error: unknown) => {
      console.error("explorer build failed:", error);
      process.exit(1);
    },
  );
}
