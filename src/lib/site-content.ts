/**
 * What the site publishes from content/: every regular Markdown file of each
 * collection folder, parsed by the same frontmatter parser and schemas as the
 * validator. Links are never entered or read (a linked folder, a linked file,
 * a FIFO), so nothing outside the folder is listed, and a file
 * whose name breaks the layout is refused: the page address would come from
 * it. The site, the search index and the tests read content through here.
 */
import { dirname, join, relative } from 'node:path';
import type * as z from 'zod';
import { COLLECTION_NAMES, DigestSchema, type CollectionName, type Digest } from '../schemas/index.ts';
import { walkTree } from './content-tree.ts';
import { diagnostic, formatDiagnostic, type Diagnostic } from './diagnostics.ts';
import type { Entry } from './entry.ts';
import { checkEntryName, type EntryFolder } from './entry-path.ts';
import { decodeEntryBytes } from './frontmatter.ts';
import { parseCollectionEntry, parseWithSchema } from './library.ts';
import { describeProblem, openContentFile } from './read-content-file.ts';

/**
 * Relative paths of the regular Markdown files of a collection folder, sorted. Links and
 * other special files are skipped here and reported by the validator. walkTree enters no
 * linked folder and lists a linked file as a link, so every file it lists lies inside the
 * folder: no path needs resolving (resolving each one cost about 0.3 s at 10,000 entries),
 * and openContentFile refuses a link that appears in the file's place after the listing.
 */
export function listEntryFiles(base: string): string[] {
  return walkTree(base)
    .filter((entry) => entry.kind === 'file' && entry.name.endsWith('.md'))
    .map((entry) => entry.name);
}

/** One file of a collection folder: its id and text, or what is wrong with it. */
interface EntryFile {
  id: string;
  /** Relative to the project root, e.g. content/cases/2023/xian.md. */
  file: string;
  text: string;
}

/** The files of <contentDir>/<folder>, read and decoded; each problem is added to `problems`. */
function* entryFiles(contentDir: string, folder: EntryFolder, problems: Diagnostic[]): Generator<EntryFile> {
  const root = dirname(contentDir);
  const base = join(contentDir, folder);
  for (const name of listEntryFiles(base)) {
    const path = join(base, name);
    const file = relative(root, path) || path;
    const checked = checkEntryName(folder, name);
    if ('problem' in checked) {
      problems.push(diagnostic(file, 'path/location', checked.problem, checked.suggestion ? { fix: `改名为 ${checked.suggestion}` } : {}));
      continue;
    }
    const read = openContentFile(path);
    if ('problem' in read) {
      problems.push(diagnostic(file, read.problem === 'too-large' ? 'parse/file-too-large' : 'path/unreadable', describeProblem(read.problem, read.size)));
      continue;
    }
    const text = decodeEntryBytes(read.bytes, file);
    if (typeof text === 'string') yield { id: checked.id, file, text };
    else problems.push(...text);
  }
}

/**
 * The entries of one collection, one at a time in file order (without the
 * scripts' field positions); each bad file is added to `problems` instead.
 */
export function* collectionEntries<C extends CollectionName>(contentDir: string, collection: C, problems: Diagnostic[]): Generator<Entry<C>> {
  for (const { id, file, text } of entryFiles(contentDir, collection, problems)) {
    const parsed = parseCollectionEntry(collection, id, file, text);
    if (Array.isArray(parsed)) problems.push(...parsed);
    else {
      const { bodyLine: _line, locate: _locate, ...entry } = parsed;
      yield entry as unknown as Entry<C>;
    }
  }
}

export interface DigestFile {
  /** The year, as the file is named: content/digests/2023.md. */
  id: string;
  /** Relative to the project root. */
  file: string;
  data: Digest;
  body: string;
}

/** The yearly digests in content/digests, in file order. */
export function readDigests(contentDir: string, problems: Diagnostic[]): DigestFile[] {
  const digests: DigestFile[] = [];
  for (const { id, file, text } of entryFiles(contentDir, 'digests', problems)) {
    const result = parseWithSchema(DigestSchema as z.ZodType<Digest>, file, text);
    if (Array.isArray(result)) problems.push(...result);
    else digests.push({ id, file, data: result.data, body: result.parsed.body });
  }
  return digests;
}

/** Thrown when content/ has files the site cannot publish; the message lists every one, in Chinese. */
export class SiteContentError extends Error {
  override name = 'SiteContentError';
  readonly problems: Diagnostic[];
  constructor(problems: Diagnostic[]) {
    super(`内容有错误，网站无法生成。请运行 npm run validate 查看说明，改正后重试：\n${problems.map(formatDiagnostic).join('\n')}`);
    this.problems = problems;
  }
}

export interface SiteContent {
  entries: { [C in CollectionName]: Entry<C>[] };
  digests: DigestFile[];
}

/** Every collection and digest of `contentDir` (content/), or a SiteContentError naming every bad file. */
export function readSiteContent(contentDir: string): SiteContent {
  const problems: Diagnostic[] = [];
  const entries = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, [...collectionEntries(contentDir, c, problems)]])) as SiteContent['entries'];
  const digests = readDigests(contentDir, problems);
  if (problems.length) throw new SiteContentError(problems);
  return { entries, digests };
}
