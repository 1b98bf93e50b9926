// The schema's sources, and the one schema they make: src/graphql/base.graphql, then every
// src/modules/<module>/*.graphql, modules in name order. The server (loadTypeDefs) and
// scripts/print-schema.ts read them through here; codegen and the linter read the same files by glob.
// Compiled into dist/src/graphql/, this reads the copies `npm run build` puts into dist/src/.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  Kind,
  parse,
  print,
  type DefinitionNode,
  type DirectiveDefinitionNode,
  type DocumentNode,
  type SchemaDefinitionNode,
  type TypeDefinitionNode,
  type TypeExtensionNode,
} from "graphql";

/** The folder holding graphql/ and modules/: src/, or dist/src/ once compiled. */
const SOURCE_ROOT = path.join(__dirname, "..");

/** The base file, relative to the source root. */
export const BASE_SCHEMA_FILE = "graphql/base.graphql";

/** One source file, its path relative to the source root (`modules/claim/claim.graphql`). */
export interface SchemaSource {
  file: string;
  document: DocumentNode;
}

/** A definition of the merged schema: its type extensions folded in, and the file that defines it. */
export interface MergedDefinition {
  file: string;
  node: TypeDefinitionNode | SchemaDefinitionNode | DirectiveDefinitionNode;
}

/** Code-unit order, the same in every locale. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The source files, relative to `root`: the base first, then each module's `*.graphql`, in name order. */
export function schemaSourceFiles(root: string = SOURCE_ROOT): string[] {
  if (!existsSync(path.join(root, BASE_SCHEMA_FILE))) {
    throw new Error(`the schema's base ${BASE_SCHEMA_FILE} is not in ${root} (npm run build copies it into dist/src/)`);
  }
  const modules = readdirSync(path.join(root, "modules"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort(byCodeUnits);
  const moduleFiles = modules.flatMap((module) =>
    readdirSync(path.join(root, "modules", module))
      .filter((name) => name.endsWith(".graphql"))
      .sort(byCodeUnits)
      .map((name) => `modules/${module}/${name}`),
  );
  return [BASE_SCHEMA_FILE, ...moduleFiles];
}

export function readSchemaSources(root: string = SOURCE_ROOT): SchemaSource[] {
  return schemaSourceFiles(root).map((file) => ({
    file,
    document: parse(readFileSync(path.join(root, file), "utf8"), { noLocation: true }),
  }));
}

function isTypeDefinition(node: DefinitionNode): node is TypeDefinitionNode {
  switch (node.kind) {
    case Kind.SCALAR_TYPE_DEFINITION:
    case Kind.OBJECT_TYPE_DEFINITION:
    case Kind.INTERFACE_TYPE_DEFINITION:
    case Kind.UNION_TYPE_DEFINITION:
    case Kind.ENUM_TYPE_DEFINITION:
    case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      return true;
    default:
      return false;
  }
}

function isTypeExtension(node: DefinitionNode): node is TypeExtensionNode {
  switch (node.kind) {
    case Kind.SCALAR_TYPE_EXTENSION:
    case Kind.OBJECT_TYPE_EXTENSION:
    case Kind.INTERFACE_TYPE_EXTENSION:
    case Kind.UNION_TYPE_EXTENSION:
    case Kind.ENUM_TYPE_EXTENSION:
    case Kind.INPUT_OBJECT_TYPE_EXTENSION:
      return true;
    default:
      return false;
  }
}

/** `list` followed by `more`, failing on a name both have (a field defined by two modules, say). */
function appendNamed<T extends { readonly name: { readonly value: string } }>(
  list: readonly T[] | undefined,
  more: readonly T[] | undefined,
  where: string,
): T[] {
  const merged = [...(list ?? [])];
  for (const item of more ?? []) {
    if (merged.some((existing) => existing.name.value === item.name.value)) {
      throw new Error(`${where}: ${item.name.value} is declared twice`);
    }
    merged.push(item);
  }
  return merged;
}

/** `definition` with `extension`'s fields, values, members, interfaces and directives added after its own. */
function extend(definition: TypeDefinitionNode, extension: TypeExtensionNode, file: string): TypeDefinitionNode {
  const where = `${file}: extend ${extension.name.value}`;
  const directives = [...(definition.directives ?? []), ...(extension.directives ?? [])];
  if (definition.kind === Kind.OBJECT_TYPE_DEFINITION && extension.kind === Kind.OBJECT_TYPE_EXTENSION) {
    return {
      ...definition,
      directives,
      interfaces: appendNamed(definition.interfaces, extension.interfaces, where),
      fields: appendNamed(definition.fields, extension.fields, where),
    };
  }
  if (definition.kind === Kind.INTERFACE_TYPE_DEFINITION && extension.kind === Kind.INTERFACE_TYPE_EXTENSION) {
    return {
      ...definition,
      directives,
      interfaces: appendNamed(definition.interfaces, extension.interfaces, where),
      fields: appendNamed(definition.fields, extension.fields, where),
    };
  }
  if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION && extension.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION) {
    return { ...definition, directives, fields: appendNamed(definition.fields, extension.fields, where) };
  }
  if (definition.kind === Kind.ENUM_TYPE_DEFINITION && extension.kind === Kind.ENUM_TYPE_EXTENSION) {
    return { ...definition, directives, values: appendNamed(definition.values, extension.values, where) };
  }
  if (definition.kind === Kind.UNION_TYPE_DEFINITION && extension.kind === Kind.UNION_TYPE_EXTENSION) {
    return { ...definition, directives, types: appendNamed(definition.types, extension.types, where) };
  }
  if (definition.kind === Kind.SCALAR_TYPE_DEFINITION && extension.kind === Kind.SCALAR_TYPE_EXTENSION) {
    return { ...definition, directives };
  }
  throw new Error(`${where}: ${extension.name.value} is not that kind of type`);
}

/**
 * The sources as one schema: every definition once, in the order the files define them, with the
 * `extend type` blocks of every file folded into the type they extend (their fields after its own,
 * in file order). Fails on a type or field declared twice, and on an extension of an undefined type.
 */
export function mergeSchemaSources(sources: readonly SchemaSource[]): MergedDefinition[] {
  const merged = new Map<string, MergedDefinition>();
  const extensions: { file: string; node: TypeExtensionNode }[] = [];
  for (const { file, document } of sources) {
    for (const node of document.definitions) {
      if (isTypeExtension(node)) {
        extensions.push({ file, node });
        continue;
      }
      let key: string;
      if (node.kind === Kind.SCHEMA_DEFINITION) key = "schema";
      else if (node.kind === Kind.DIRECTIVE_DEFINITION) key = `@${node.name.value}`;
      else if (isTypeDefinition(node)) key = node.name.value;
      else throw new Error(`${file}: a ${node.kind} has no place in the schema's sources`);
      const earlier = merged.get(key);
      if (earlier) throw new Error(`${key} is defined in both ${earlier.file} and ${file}`);
      merged.set(key, { file, node });
    }
  }
  for (const { file, node } of extensions) {
    const target = merged.get(node.name.value);
    if (!target || !isTypeDefinition(target.node)) {
      throw new Error(`${file}: extend ${node.name.value}, which no file defines`);
    }
    target.node = extend(target.node, node, file);
  }
  return [...merged.values()];
}

/** The whole schema as one SDL document (what the server serves), from the sources beside this file. */
export function loadSchemaSDL(root: string = SOURCE_ROOT): string {
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: mergeSchemaSources(readSchemaSources(root)).map(({ node }) => node),
  };
  return print(document);
}
