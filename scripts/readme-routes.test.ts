/**
 * The README's API table lists every route of the OpenAPI document, and nothing else: it says it
 * does, and a newcomer reads it first (the check-in's two routes were missing from it).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const read = (...path: string[]) => readFileSync(join(root, ...path), "utf8");

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** "POST /api/v1/attempts" for each operation of the document. */
function documented(): string[] {
  const doc = JSON.parse(read("public", "api", "v1", "openapi.json")) as { paths: Record<string, object> };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => method in item).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** "POST /api/v1/attempts" for each row of the README's table. */
function listed(): string[] {
  const rows = read("README.md").matchAll(/^\|\s*`?(GET|POST|PUT|PATCH|DELETE)`?\s*\|\s*`([^`]+)`/gm);
  return [...rows].map((row) => `${row[1]} ${row[2]}`);
}

describe("the README's route table", () => {
  it("lists every route of public/api/v1/openapi.json once, and no other", () => {
    const doc = documented();
    expect(doc.length).toBeGreaterThan(20);
    const readme = listed();
    expect(new Set(readme).size, "no route listed twice").toBe(readme.length);
    expect([...readme].sort()).toEqual([...doc].sort());
  });
});
