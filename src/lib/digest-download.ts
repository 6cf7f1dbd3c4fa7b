/** The digest's downloads as committed under content/digests/: never through a link, never a device. */
import { join } from 'node:path';
import { readContentFile } from './read-content-file.ts';

/** A Word file of a yearly digest is far below this; anything larger is not a digest. */
export const MAX_DOWNLOAD_BYTES = 32 * 1024 * 1024;

const TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
};

/** `digest-<year>.docx` or `<year>.md` from `dir`, with its media type; any other name is refused. */
export function readDigestDownload(dir: string, file: string): { body: Uint8Array<ArrayBuffer>; type: string } {
  const match = /^(?:digest-\d{4}\.(docx)|\d{4}\.(md))$/.exec(file);
  if (!match) throw new Error(`${file}：不是年度汇编的下载文件`);
  const type = TYPES[(match[1] ?? match[2]) as string] as string;
  return { body: readContentFile(join(dir, file), MAX_DOWNLOAD_BYTES), type };
}
