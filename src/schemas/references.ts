/**
 * How a schema declares the fields that name other entries. The library's
 * reference check, the site's links in both directions and the headings on
 * entry pages all read these declarations; adding a reference field means
 * adding it to its schema and to that schema's references, nothing else.
 */

/** The collections an entry can point at, and the theme vocabulary. */
export type ReferenceTarget = 'reports' | 'cases' | 'rules' | 'themes';

export interface Reference {
  /**
   * What the values name. One collection: plain ids (`2023/xian`). Several:
   * ids qualified by collection (`reports/2023/xian`).
   */
  target: ReferenceTarget | readonly ReferenceTarget[];
  /** Whether a web address (http:// or https://) is accepted as well. */
  external?: boolean;
  /** Heading, on this entry's page, over the entries it names. Unlabelled references are not listed there. */
  label?: string;
  /** Where the link back appears on each named entry's page: under which name and heading. */
  backlink?: { field: string; label: string };
}

/** A schema's reference fields, by field name. */
export type References = Readonly<Record<string, Reference>>;
