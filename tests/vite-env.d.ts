// Vite's import.meta.glob, and CSS files read as text (the css-as-text plugin in vitest.config.ts).
/// <reference types="vite/client" />
declare module "*.css?text" {
  const text: string;
  export default text;
}
