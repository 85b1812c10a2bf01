/** Vite's `?raw` imports (the Studio's bundler, and vitest): a file's text. */
declare module '*?raw' {
  const text: string;
  export default text;
}
