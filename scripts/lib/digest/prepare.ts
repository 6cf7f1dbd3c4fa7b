/**
 * The one digest pipeline, for `npm run digest` and the digest workflow alike:
 * validate the year's cases, read the library, compile and render. Anything
 * that would make the digest wrong or incomplete blocks it, the same way for
 * both: an error in a case of the year, or any file the library cannot read
 * (a case's source that fails to parse would otherwise drop out silently).
 */
import { join } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../../../src/lib/diagnostics.ts';
import { readLibrary } from '../read-library.ts';
import { runValidation } from '../validate/run.ts';
import { compileDigest } from './compile.ts';
import { digestDocx } from './docx.ts';
import type { DigestModel } from './model.ts';

export interface PreparedDigest {
  year: number;
  model: DigestModel;
  markdown: string;
  docx: Uint8Array;
  /** The case files validated, and the warnings among their diagnostics (errors block). */
  checked: string[];
  warnings: number;
}

export interface PrepareOptions {
  /** The repository root holding content/. */
  root?: string;
  /** The published site's root URL, for the case links in the Word file. */
  siteUrl: string;
}

export async function prepareDigest(year: number, { root = process.cwd(), siteUrl }: PrepareOptions): Promise<PreparedDigest | Diagnostic[]> {
  const { files: checked, diagnostics } = await runValidation(root, { folder: `content/cases/${year}/` });
  const { library, diagnostics: unreadable } = readLibrary(join(root, 'content'));
  // The validator reports the year's unparseable cases too: each problem once.
  const seen = new Set<string>();
  const blocking = [...diagnostics.filter((d) => d.severity === 'error'), ...unreadable].filter((d) => {
    const key = formatDiagnostic(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (blocking.length > 0) return blocking;
  const compiled = compileDigest(library, year);
  if (Array.isArray(compiled)) return compiled;
  const docx = await digestDocx(compiled.model, { siteUrl });
  return { year, model: compiled.model, markdown: compiled.markdown, docx, checked, warnings: diagnostics.length };
}
