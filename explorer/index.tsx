// The explorer page: GraphiQL against this origin's /graphql, with the seed case's example
// operations as its first tabs. Bundled by explorer/build.ts; everything it loads (scripts,
// Monaco's web workers, styles, fonts) is served by this server, so nothing leaves the machine.
import { createGraphiQLFetcher, type Fetcher } from "@graphiql/toolkit";
import { Kind, parse, type DocumentNode } from "graphql";
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
const toolkitFetcher = createGraphiQLFetcher({
  url: "/graphql",
  subscriptionUrl: `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/graphql`,
});

/** A query's document, or null if it does not parse (the server then says why). */
function documentOf(query: string): DocumentNode | null {
  try {
    return parse(query);
  } catch {
    return null;
  }
}

// When a tab is run right after switching to it, GraphiQL can pass the previous tab's
// operationName and parsed document with the new tab's text: the server then answers
// "Unknown operation", and a subscription goes over HTTP instead of the WebSocket (the
// toolkit picks the transport from that document and name). So the document is parsed
// from the text sent, and a name it does not have is replaced by its only operation's.
const fetcher: Fetcher = (params, options) => {
  const document = documentOf(params.query);
  if (!document) return toolkitFetcher(params, options);
  const names = document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION ? [definition.name?.value ?? null] : [],
  );
  const stale = params.operationName != null && !names.includes(params.operationName);
  const operationName = stale && names.length === 1 ? (names[0] ?? null) : params.operationName;
  return toolkitFetcher({ ...params, operationName }, { ...options, documentAST: document });
};

const container = document.getElementById("explorer");
if (!container) throw new Error("the explorer page has no #explorer element");
// GraphiQL's defaults otherwise: docs, history, schema-aware completion, the headers editor.
createRoot(container).render(
  <GraphiQL fetcher={fetcher} defaultTabs={EXAMPLE_TABS}>
    <GraphiQL.Logo>claimtrail</GraphiQL.Logo>
  </GraphiQL>,
);
