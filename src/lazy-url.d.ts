/** `import url from './module.ts?lazy-url'` (src/lib/site/lazy-url.ts): the built address of the module, for import(). */
declare module '*?lazy-url' {
  const url: string;
  export default url;
}
