/** Reading YAML data files (the theme vocabulary, repair lists) with the same safe YAML as entries. */
import { parseDocument } from 'yaml';
import * as z from 'zod';
import { ThemesFileSchema, type Theme } from '../schemas/theme.ts';
import { quickYaml } from './quick-yaml.ts';
import { readContentText } from './read-content-file.ts';

/** The theme vocabulary and repair lists are small; a bigger file is not one of them. */
const MAX_YAML_BYTES = 1024 * 1024;

/** Parse YAML text with the failsafe schema (every scalar a string), no aliases, no duplicate keys. */
export function parseSafeYaml(text: string, file: string): unknown {
  // Read as the yaml package would, about eight times faster, when nothing in it can differ (see quick-yaml.ts).
  const quick = quickYaml(text);
  if (quick !== undefined) return quick;
  const doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: true, prettyErrors: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw new Error(`${file}: ${problem.message}`);
  return doc.toJS({ maxAliasCount: 0 });
}

export function readYamlFile<T extends z.ZodType>(file: string, schema: T): z.output<T> {
  const result = schema.safeParse(parseSafeYaml(readContentText(file, MAX_YAML_BYTES), file));
  if (!result.success) throw new Error(`${file}: ${z.prettifyError(result.error)}`);
  return result.data;
}

export function readThemes(file = 'content/themes.yaml'): Theme[] {
  return readYamlFile(file, ThemesFileSchema);
}
