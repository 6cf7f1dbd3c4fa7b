// Stands in for js-yaml inside the prebuilt bundles (see build.ts): gray-matter's default YAML engine is never used.
function refuse() {
  throw new Error('js-yaml is not bundled: parse frontmatter through src/lib/frontmatter.ts');
}
exports.safeLoad = refuse;
exports.safeDump = refuse;
