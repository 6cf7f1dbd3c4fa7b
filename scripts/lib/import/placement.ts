/**
 * Where an import's files go. A report may replace only a report made from the
 * same source file; a name held by another source moves on to the next free
 * slug (xian → xian-2). Source files are kept under one stem:
 * `<stem>.txt` (the extracted text every report names in source.file) and the
 * original beside it (`<stem>.docx`, `<stem>.doc`, `<stem>.html`, or
 * `<stem>.original.txt` for a text file in another encoding).
 */
import { pinyinSlug } from '../../../src/lib/slug.ts';

/** What is already on disk under a name: nothing, a report from this source file, or something else. */
export type Occupant = 'free' | 'same-source' | 'other';

/** Report names inside the output folder, each moved to the next free slug when another source holds it. */
export function placeReports<T extends { name: string }>(files: readonly T[], occupant: (name: string) => Occupant): T[] {
  const taken = new Set<string>();
  return files.map((file) => {
    const base = file.name.replace(/\.md$/, '');
    let name = file.name;
    for (let n = 2; taken.has(name) || occupant(name) === 'other'; n++) name = `${base}-${n}.md`;
    taken.add(name);
    return { ...file, name };
  });
}

/** A source stem from the received file's name when it is already a plain ASCII name, else from date and report slug. */
export function sourceStem(fileName: string, date: string, reportSlug: string): string {
  const stem = fileName.replace(/\.[^.]+$/, '').toLowerCase();
  if (/^[a-z0-9][a-z0-9._-]*$/.test(stem) && !/\.(?:original|repairs)$/.test(stem)) return stem;
  return [date, reportSlug || pinyinSlug(stem)].filter(Boolean).join('-').slice(0, 80).replace(/-+$/, '');
}

/** The next stem whose files are free, or hold exactly these bytes already. */
export function freeStem(stem: string, isFree: (candidate: string) => boolean): string {
  let candidate = stem;
  for (let n = 2; !isFree(candidate); n++) candidate = `${stem}-${n}`;
  return candidate;
}
