/**
 * A fast path for frontmatter YAML. js-yaml with its failsafe schema (every
 * scalar a string) parses a frontmatter about 14 times faster than the `yaml`
 * package's document API, which stays the reference: the fast path takes only
 * text in which nothing the safety rules forbid can be written, and in which
 * the two parsers agree (test/lib/quick-yaml.test.ts compares them):
 * no anchors (&), aliases (*), tags (!), directives (a line opening with %), flow collections or
 * complex keys ([ ] { } ?), reserved characters (@ `), tabs, other line breaks
 * than \n, document markers (--- ...), or quotes left open at the end of a
 * line. For anything else, and on any error, it returns undefined and the
 * caller parses with `yaml`, which also says where a problem is.
 */
import { FAILSAFE_SCHEMA, load } from 'js-yaml';

const OUTSIDE_FAST_PATH = /[&*!?[\]{}@`\t\r\u0085\u2028\u2029\ufeff]|(?:^|\n)(?:%|---|\.\.\.)/;

/** A quote opened on a line and not closed on it: a quoted scalar running over several lines. */
function hasOpenQuote(text: string): boolean {
  if (!text.includes('"') && !text.includes("'")) return false;
  for (const line of text.split('\n')) {
    let double = 0;
    let single = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '\\') i++;
      else if (c === '"') double++;
      else if (c === "'") single++;
    }
    if (double % 2 === 1 || single % 2 === 1) return true;
  }
  return false;
}

/** js-yaml's failsafe schema reads an empty value as null where `yaml`'s reads it as '': made '' in place (js-yaml's result is fresh). */
function emptyAsString(value: object): void {
  const slots = value as Record<string, unknown>;
  for (const key of Object.keys(slots)) {
    const item = slots[key];
    if (item === null) slots[key] = '';
    else if (typeof item === 'object') emptyAsString(item as object);
  }
}

/** The mapping or list a YAML text holds, when the fast path can read it; otherwise undefined (parse it with `yaml`). */
export function quickYaml(source: string): Record<string, unknown> | unknown[] | undefined {
  if (OUTSIDE_FAST_PATH.test(source) || hasOpenQuote(source)) return undefined;
  let value: unknown;
  try {
    value = load(source, { schema: FAILSAFE_SCHEMA });
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  emptyAsString(value);
  return value as Record<string, unknown> | unknown[];
}

/** The mapping a frontmatter holds, when the fast path can read it; otherwise undefined (parse it with `yaml`). */
export function quickFrontmatter(source: string): Record<string, unknown> | undefined {
  const value = quickYaml(source);
  return Array.isArray(value) ? undefined : value;
}
