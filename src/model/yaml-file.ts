/**
 * Reads a hand-maintained YAML file (content/*.yaml) so that every problem names the file, the
 * line and the column, in plain words: syntax errors, duplicate keys, alias bombs, and (through
 * `fail`) any rule a caller checks on a value, found by its path in the file.
 * Used by the converter (src/convert/cli.ts, src/model/registry.ts) and the content schema
 * (src/content.config.ts), so both report the same position.
 */
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ZodType } from 'astro/zod';
import { SourceError } from './source-error.ts';

/** Aliases (*name) one file may expand: enough for any hand-written file, too few for a "billion laughs". */
export const MAX_ALIASES = 100;

export type YamlPath = readonly (string | number)[];

export interface YamlFile {
  /** The file's data as plain values (null for an empty file). */
  value: unknown;
  /** Line and column of the node at `path` (the nearest enclosing node that exists); with `key`, of its key. */
  position(path: YamlPath, key?: boolean): { line: number; col: number };
  /** Throws a SourceError at the node at `path` (with `key`, at the key of its last step rather than the value). */
  fail(path: YamlPath, message: string, options?: { key?: boolean }): never;
}

/** Line and column (1-based) of a character offset. */
function lineCol(counter: LineCounter, offset: number): { line: number; col: number } {
  return counter.linePos(offset);
}

export function readYaml(file: string, text: string): YamlFile {
  const counter = new LineCounter();
  const at = (offset: number, message: string): never => {
    const { line, col } = lineCol(counter, offset);
    throw new SourceError(file, line, col, message);
  };
  const doc: Document = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    at(error.pos[0], error.code === 'DUPLICATE_KEY' ? `a key is written twice in the same entry (${first})` : `not valid YAML: ${first}`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    // The only errors toJS raises: too many aliases, or an alias to nothing.
    const firstAlias = text.search(/(?<=^|[\s[{,:-])\*[^\s,\]}]/m);
    at(Math.max(0, firstAlias), `the aliases (*name) expand too far or point to nothing: write the values out (${(e as Error).message.split('\n')[0]})`);
  }
  const nodeAt = (path: YamlPath): Node | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return node;
    }
    return undefined;
  };
  const keyNode = (path: YamlPath): Node | undefined => {
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === path.at(-1));
    return isNode(pair?.key) ? pair.key : undefined;
  };
  const position = (path: YamlPath, key = false) => {
    const node = (key ? keyNode(path) : undefined) ?? nodeAt(path);
    return lineCol(counter, node?.range?.[0] ?? 0);
  };
  return {
    value,
    position,
    fail(path, message, options) {
      const { line, col } = position(path, options?.key);
      throw new SourceError(file, line, col, message);
    },
  };
}

/** A Zod schema's first complaint about a YAML file, at the position of the value it names. */
export function checkWithSchema(file: YamlFile, schema: ZodType, what: string): void {
  const checked = schema.safeParse(file.value ?? []);
  if (checked.success) return;
  const issue = checked.error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const unknownKey = issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys?.[0] : undefined;
  const where = unknownKey ? [...path, unknownKey] : path;
  const entry = typeof path[0] === 'number' ? `entry ${path[0] + 1}${path.length > 1 ? `, ${path.slice(1).join('.')}` : ''}: ` : '';
  file.fail(where, `${what}: ${entry}${issue.message}`, { key: Boolean(unknownKey) });
}
