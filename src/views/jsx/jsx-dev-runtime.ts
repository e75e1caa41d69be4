/** @module jsx-dev-runtime: the development entry of the JSX runtime (the same renderer). */
export type { JSX } from "./jsx-runtime";
export { Fragment, jsx, jsx as jsxDEV, jsxs } from "./jsx-runtime";
