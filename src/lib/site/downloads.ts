/** How a download link tells people what they get: type, size and, for tables, how many rows. */

/** 23 KB, 1.2 MB: sizes as people read them (1 KB = 1,024 bytes, at least 1 KB). */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Byte length of text as served (UTF-8). */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
