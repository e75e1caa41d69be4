/**
 * @module The content pack as the Worker uses it: bundled, already validated, indexed once.
 *
 * content/*.json is checked by scripts/check-content.ts before every bundle and by the content
 * tests; src/content/runtime.json is the slim copy generated from it by `npm run content`
 * (the build fails, and a test fails, when it is stale), so the Worker never re-validates.
 */
import { type Pack, packFromRuntime, type RuntimeContent } from "./build.ts";
import runtime from "./runtime.json";

export type { CardInfo, Pack, PackItem } from "./build.ts";
export type { Card, ClaimantKind, Item, Verdict } from "./schema.ts";

const content = runtime as unknown as RuntimeContent;

export const pack: Pack = packFromRuntime(content);
