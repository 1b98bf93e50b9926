// Compiled execution: operations run through graphql-jit instead of graphql-js's
// interpreter. graphql-jit turns an operation into a JavaScript function once (per
// document and operation name; Apollo hands back the same parsed document for the same
// query text), which then resolves fields without graphql-js's per-field bookkeeping.
// The profile of the dashboard list showed graphql-js's execution, and the garbage it
// leaves, as the largest share of the server's CPU after PostgreSQL's wire.
//
// Apollo Server 5 takes a custom executor only through its gateway interface: this
// module is a "gateway" that serves one fixed schema. Parsing, validation, plugins and
// error formatting stay Apollo's. An operation graphql-jit cannot compile falls back to
// graphql-js's execute, so nothing is refused that graphql-js would answer.
import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import { execute, GraphQLError, printSchema, type DocumentNode, type GraphQLSchema } from "graphql";
import { getVariableValues } from "graphql/execution/values";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

/** Compiled operations of one document, by operation name ("" for an unnamed one). */
type Compiled = Map<string, CompiledQuery | null>;

export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const cache = new WeakMap<DocumentNode, Compiled>();

  const compiled = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    let byName = cache.get(document);
    if (!byName) {
      byName = new Map();
      cache.set(document, byName);
    }
    const key = operationName ?? "";
    if (!byName.has(key)) {
      const result = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
      byName.set(key, isCompiledQuery(result) ? result : null);
    }
    return byName.get(key) ?? null;
  };

  const executor: GatewayExecutor = async (requestContext) => {
    const { document, request, context, operationName } = requestContext;
    if (!requestContext.operation) {
      // No operation of the name asked for (a client's stale operationName): graphql-js's execute,
      // given that name (Apollo's operationName is then null), returns the error Apollo answers
      // 400 with. graphql-jit, and graphql-js without the name, would run a document's only operation.
      const asked = request.operationName;
      return execute({
        schema,
        document,
        contextValue: context,
        variableValues: request.variables,
        operationName: asked,
      });
    }
    const query = compiled(document, operationName ?? undefined);
    if (!query) {
      return execute({ schema, document, contextValue: context, variableValues: request.variables, operationName });
    }
    const result = await query.query(undefined, context, request.variables ?? {});
    if (!result.errors) return result;
    // A refused variable (no data): graphql-js's own errors name the variable's definition,
    // which is how Apollo tells a client's bad variable (400 BAD_USER_INPUT) from a fault.
    const definitions = requestContext.operation.variableDefinitions ?? [];
    if (result.data === undefined && definitions.length > 0) {
      const coerced = getVariableValues(schema, definitions, request.variables ?? {}, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors };
    }
    return { ...result, errors: result.errors.map(asGraphQLError) };
  };

  return {
    load: () => Promise.resolve({ executor }),
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    stop: () => Promise.resolve(),
  };
}

/**
 * graphql-jit's errors imitate graphql-js's but may lack `extensions`, which Apollo reads;
 * each becomes a graphql-js GraphQLError with the same message, locations, path, cause.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions ?? undefined,
  });
  if (error.locations) (converted as { locations?: unknown }).locations = error.locations;
  return converted;
}
