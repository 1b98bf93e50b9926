// Refuses, before any resolver runs, an operation whose variables or literal arguments hold
// a string no text column can take (NUL, other C0 controls, unpaired surrogates): one guard
// for every argument, including those of queries that never reach a zod schema.
import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  Kind,
  type ArgumentNode,
  type DirectiveNode,
  type DocumentNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { FORBIDDEN_CHARACTERS_MESSAGE, hasForbiddenCharacters } from "../shared/plain-text";
import type { GraphQLContext } from "./context";

export const stringInputsPlugin: ApolloServerPlugin<GraphQLContext> = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ request, source, document }) {
        const variable = badVariablePath(request.variables);
        if (variable !== null) throw refusal(`Variable "$${variable}"`, { variable });
        // A literal can only hold such a character written raw or as an escape: most
        // documents have neither, and skip the walk.
        if (source === undefined || source.includes("\\") || hasForbiddenCharacters(source)) {
          const argument = badLiteralPath(document);
          if (argument !== null) throw refusal(`Argument "${argument}"`, { argument });
        }
        return Promise.resolve();
      },
    });
  },
};

function refusal(subject: string, where: { variable: string } | { argument: string }): GraphQLError {
  return new GraphQLError(`${subject} ${FORBIDDEN_CHARACTERS_MESSAGE}.`, {
    extensions: { code: "BAD_USER_INPUT", ...where, http: { status: 400 } },
  });
}

type Pending = { value: unknown; key: string; parent: Pending | null };

/**
 * The path (`input.via.0.note`) of the first bad string among the variables, or null.
 * Iterative, so a deeply nested JSON body cannot overflow the stack.
 */
export function badVariablePath(variables: Record<string, unknown> | undefined): string | null {
  if (!variables) return null;
  const stack: Pending[] = Object.entries(variables).map(([key, value]) => ({ value, key, parent: null }));
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value } = item;
    if (typeof value === "string") {
      if (hasForbiddenCharacters(value)) return pathOf(item);
    } else if (Array.isArray(value)) {
      value.forEach((element, index) => stack.push({ value: element, key: String(index), parent: item }));
    } else if (value !== null && typeof value === "object") {
      for (const [key, element] of Object.entries(value)) stack.push({ value: element, key, parent: item });
    }
  }
  return null;
}

function pathOf(item: Pending): string {
  const keys: string[] = [];
  for (let at: Pending | null = item; at; at = at.parent) keys.push(at.key);
  return keys.reverse().join(".");
}

/** The path (`searchClaims.query`, `recordStatement.input.quote`) of the first bad literal string, or null. */
export function badLiteralPath(document: DocumentNode): string | null {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const found = variable.defaultValue && badValuePath(variable.defaultValue, `$${variable.variable.name.value}`);
      if (found) return found;
    }
    const found = inDirectives(definition.directives) ?? inSelections(definition.selectionSet);
    if (found) return found;
  }
  return null;
}

function inSelections(selectionSet: SelectionSetNode): string | null {
  for (const selection of selectionSet.selections) {
    const found =
      inDirectives(selection.directives) ??
      (selection.kind === Kind.FIELD ? inArguments(selection.arguments, selection.name.value) : null) ??
      (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet ? inSelections(selection.selectionSet) : null);
    if (found) return found;
  }
  return null;
}

function inDirectives(directives: readonly DirectiveNode[] | undefined): string | null {
  for (const directive of directives ?? []) {
    const found = inArguments(directive.arguments, `@${directive.name.value}`);
    if (found) return found;
  }
  return null;
}

function inArguments(args: readonly ArgumentNode[] | undefined, owner: string): string | null {
  for (const arg of args ?? []) {
    const found = badValuePath(arg.value, `${owner}.${arg.name.value}`);
    if (found) return found;
  }
  return null;
}

function badValuePath(value: ValueNode, path: string): string | null {
  switch (value.kind) {
    case Kind.STRING:
      return hasForbiddenCharacters(value.value) ? path : null;
    case Kind.LIST:
      for (const [index, item] of value.values.entries()) {
        const found = badValuePath(item, `${path}.${index}`);
        if (found) return found;
      }
      return null;
    case Kind.OBJECT:
      for (const field of value.fields) {
        const found = badValuePath(field.value, `${path}.${field.name.value}`);
        if (found) return found;
      }
      return null;
    default:
      return null;
  }
}
