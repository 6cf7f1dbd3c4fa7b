/**
 * The one way to read a file under content/: never through a symbolic link, only a regular
 * file, and never more than a size limit. A contributed link to /dev/zero, a FIFO or a huge
 * file would otherwise hang the reader or fill its memory.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_FILE_BYTES } from './frontmatter.ts';

/** Why a file could not be read. */
export type ContentFileProblem = 'missing' | 'symlink' | 'not-regular-file' | 'too-large' | 'unreadable';

export type ContentFileResult = { bytes: Uint8Array<ArrayBuffer> } | { problem: ContentFileProblem; size?: number };

export class ContentFileError extends Error {
  readonly problem: ContentFileProblem;
  readonly path: string;
  constructor(path: string, problem: ContentFileProblem, size?: number, maxBytes = MAX_FILE_BYTES) {
    super(`${path}：${describeProblem(problem, size, maxBytes)}`);
    this.problem = problem;
    this.path = path;
  }
}

export function describeProblem(problem: ContentFileProblem, size = 0, maxBytes = MAX_FILE_BYTES): string {
  switch (problem) {
    case 'missing':
      return '文件不存在';
    case 'symlink':
      return '是符号链接，不会被读取；请提交文件本身';
    case 'not-regular-file':
      return '不是普通文件（可能是目录、管道或设备），不会被读取';
    case 'too-large':
      return `文件有 ${Math.ceil(size / 1024)} KiB，超过上限 ${Math.floor(maxBytes / 1024)} KiB`;
    case 'unreadable':
      return '无法读取该文件（检查文件名和权限）';
  }
}

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/**
 * Reads a regular file of at most `maxBytes`, or says why not. O_NOFOLLOW refuses a link in
 * the last component with no gap between checking and reading; O_NONBLOCK keeps opening a FIFO
 * from waiting for a writer; fstat on the open descriptor rejects devices, FIFOs and folders.
 */
export function openContentFile(path: string, maxBytes = MAX_FILE_BYTES): ContentFileResult {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { problem: 'symlink' };
    if (code === 'ENOENT' || code === 'ENOTDIR') return { problem: 'missing' };
    if (code === 'EISDIR') return { problem: 'not-regular-file' };
    return { problem: 'unreadable' };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { problem: 'not-regular-file' };
    if (stat.size > maxBytes) return { problem: 'too-large', size: stat.size };
    // Read one byte past the limit: a file that grew since fstat is still caught.
    const buffer = Buffer.allocUnsafe(maxBytes + 1);
    let length = 0;
    for (let n = 1; n > 0 && length <= maxBytes; length += n) n = readSync(fd, buffer, length, maxBytes + 1 - length, null);
    if (length > maxBytes) return { problem: 'too-large', size: length };
    return { bytes: buffer.subarray(0, length) };
  } catch {
    return { problem: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes, or a ContentFileError whose message names the file and the reason in Chinese. */
export function readContentFile(path: string, maxBytes = MAX_FILE_BYTES): Uint8Array<ArrayBuffer> {
  const result = openContentFile(path, maxBytes);
  if ('problem' in result) throw new ContentFileError(path, result.problem, result.size, maxBytes);
  return result.bytes;
}

/** The file as strict UTF-8 text (a byte-order mark is kept for the caller to handle). */
export function readContentText(path: string, maxBytes = MAX_FILE_BYTES): string {
  const bytes = readContentFile(path, maxBytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error(`${path}：文件不是 UTF-8 编码，请用编辑器“另存为 UTF-8”后重试`);
  }
}
