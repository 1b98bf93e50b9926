// The explorer page: GraphiQL against this origin's /graphql, with the seed case's example
// operations as its first tabs. Bundled by explorer/build.ts; everything it loads (scripts,
// Monaco's web workers, styles, fonts) is served by this server, so nothing leaves the machine.
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import "./page.css";
import { createRoot } from "react-dom/client";
import { EXAMPLE_TABS } from "./operations";

/** The workers' hashed URLs, written in by the build (esbuild `define`). */
declare const EXPLORER_WORKER_URLS: { editor: string; json: string; graphql: string };

// Monaco asks for a worker per language; these are bundled beside this script. (graphiql's
// own setup-workers modules rely on Vite/webpack worker imports or on esm.sh.)
(globalThis as { MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker } }).MonacoEnvironment = {
  getWorker(_workerId, label) {
    if (label === "json") return new Worker(EXPLORER_WORKER_URLS.json);
    if (label === "graphql") return new Worker(EXPLORER_WORKER_URLS.graphql);
    return new Worker(EXPLORER_WORKER_URLS.editor);
  },
};

// Same origin, so the page needs no CORS and the Content-Security-Policy can stay 'self'
// ('self' covers ws: and wss: to the page's own host). Subscriptions go over graphql-ws to the
// same path; the Headers tab's Authorization travels in the connection_init payload.
const fetcher = createGraphiQLFetcher({
  url: "/graphql",
  subscriptionUrl: `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/graphql`,
});

const container = document.getElementById("explorer");
if (!container) throw new Error("the explorer page has no #explorer element");
// GraphiQL's defaults otherwise: docs, history, schema-aware completion, the headers editor.
createRoot(container).render(
  <GraphiQL fetcher={fetcher} defaultTabs={EXAMPLE_TABS}>
    <GraphiQL.Logo>claimtrail</GraphiQL.Logo>
  </GraphiQL>,
);
