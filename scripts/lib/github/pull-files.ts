/**
 * A pull request's changed files, read through the API as data: the list from
 * `pulls.listFiles`, each file's mode and size from the head commit's trees, its
 * bytes from the blob. Nothing here runs or checks out the pull request's code.
 */
import { MAX_FILE_BYTES } from '../../../src/lib/frontmatter.ts';
import type { GitHub, Repo } from './octokit.ts';

/** GitHub lists at most this many files of a pull request; a list this long may be cut, so it is refused. */
export const MAX_LISTED_FILES = 3000;
/** At most this many content files are downloaded and re-checked: each costs API requests from the repository's hourly budget. */
export const MAX_CHECKED_FILES = 300;

export interface PullFile {
  path: string;
  /** `symlink` and `submodule` are never downloaded; `oversize` is larger than the validator accepts. */
  kind: 'file' | 'symlink' | 'submodule' | 'oversize';
  size: number;
  bytes: Uint8Array;
}

export interface PullFiles {
  /** Every path the pull request adds or changes, sorted. */
  changed: string[];
  /** Paths it deletes (including the old name of a renamed file). */
  removed: string[];
  /** The changed paths under content/, with their bytes at the head commit. */
  content: PullFile[];
}

export class TooManyFiles extends Error {
  readonly count: number;
  constructor(message: string, count: number) {
    super(message);
    this.count = count;
  }
}

interface TreeEntry {
  path?: string;
  mode?: string;
  type?: string;
  sha?: string;
  size?: number;
}

/** Looks paths up in the head commit's trees, one folder at a time, each folder fetched once. */
function treeReader(github: GitHub, repo: Repo, headSha: string) {
  const folders = new Map<string, Promise<Map<string, TreeEntry>>>();
  const folder = (path: string): Promise<Map<string, TreeEntry>> => {
    let found = folders.get(path);
    if (!found) {
      found = (async () => {
        const slash = path.lastIndexOf('/');
        const sha = path === '' ? headSha : (await folder(path.slice(0, Math.max(slash, 0)))).get(path.slice(slash + 1))?.sha;
        if (!sha) return new Map();
        const { data } = await github.rest.git.getTree({ ...repo, tree_sha: sha });
        if (data.truncated) throw new Error(`folder ${path || '/'} of ${headSha} has too many entries to read`);
        return new Map(data.tree.map((entry) => [entry.path ?? '', entry]));
      })();
      folders.set(path, found);
    }
    return found;
  };
  return async (path: string): Promise<TreeEntry | undefined> => {
    const slash = path.lastIndexOf('/');
    return (await folder(slash < 0 ? '' : path.slice(0, slash))).get(path.slice(slash + 1));
  };
}

async function readPullFile(github: GitHub, repo: Repo, entryOf: (path: string) => Promise<TreeEntry | undefined>, path: string): Promise<PullFile> {
  const entry = await entryOf(path);
  if (!entry?.sha) throw new Error(`${path} is listed as changed but is not in the head commit`);
  const empty = new Uint8Array();
  if (entry.mode === '120000') return { path, kind: 'symlink', size: entry.size ?? 0, bytes: empty };
  if (entry.type === 'commit') return { path, kind: 'submodule', size: 0, bytes: empty };
  const size = entry.size ?? 0;
  if (size > MAX_FILE_BYTES) return { path, kind: 'oversize', size, bytes: empty };
  const { data } = await github.rest.git.getBlob({ ...repo, file_sha: entry.sha });
  const bytes = data.encoding === 'base64' ? Buffer.from(data.content, 'base64') : Buffer.from(data.content, 'utf8');
  return { path, kind: 'file', size: bytes.byteLength, bytes: new Uint8Array(bytes) };
}

export async function fetchPullFiles(github: GitHub, repo: Repo, pullRequest: number, headSha: string): Promise<PullFiles> {
  const listed = await github.paginate(github.rest.pulls.listFiles, { ...repo, pull_number: pullRequest, per_page: 100 });
  if (listed.length >= MAX_LISTED_FILES) throw new TooManyFiles(`pull request #${pullRequest} changes ${listed.length} files or more; GitHub lists no more than ${MAX_LISTED_FILES}`, listed.length);
  const changed = listed.filter((f) => f.status !== 'removed').map((f) => f.filename);
  const inContent = changed.filter((f) => f.startsWith('content/')).sort();
  if (inContent.length > MAX_CHECKED_FILES) throw new TooManyFiles(`pull request #${pullRequest} changes ${inContent.length} content files; at most ${MAX_CHECKED_FILES} are re-checked`, inContent.length);
  const removed = listed.flatMap((f) => (f.status === 'removed' ? [f.filename] : f.status === 'renamed' && f.previous_filename ? [f.previous_filename] : []));
  const entryOf = treeReader(github, repo, headSha);
  const content: PullFile[] = [];
  for (const path of inContent) content.push(await readPullFile(github, repo, entryOf, path));
  return { changed: [...new Set(changed)].sort(), removed: [...new Set(removed)].sort(), content };
}
