/**
 * Validates content/ before every bundle (wrangler's [build] command) and in CI, and checks that
 * the files generated from it were made from it as it is now: src/content/runtime.json (the slim
 * copy the Worker bundles) and public/content/article.json (the article, which the Worker reads
 * through the ASSETS binding). `npm run content` (this script with --write) makes them again.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Card, Item, PackInfo } from "../src/content/schema.ts";
import { loadSrc } from "./load-src.ts";

const { articleFile, buildPack, runtimeContent } =
  await loadSrc<typeof import("../src/content/build.ts")>("src/content/build.ts");
const {
  formatClaimantKinds,
  formatCue,
  formatLearner,
  MAX_CUE_ACCURACY,
  measureClaimantKinds,
  measureCues,
  measureLearners,
  measurePassageLearners,
} = await loadSrc<typeof import("../src/content/cues.ts")>("src/content/cues.ts");
const { formatWhoCue, MAX_WHO_CUE_ACCURACY, measureWhoCues, offerRates } =
  await loadSrc<typeof import("../src/content/who-cues.ts")>("src/content/who-cues.ts");
const { attributed } = await loadSrc<typeof import("../src/content/voices.ts")>("src/content/voices.ts");
const { planWho, publicSeeds } = await loadSrc<typeof import("../src/domain/who-says.ts")>("src/domain/who-says.ts");
const { validatePack } = await loadSrc<typeof import("../src/content/validate.ts")>("src/content/validate.ts");

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const read = (name: string) => readFileSync(join(root, "content", name), "utf8");

const article = read("belgorod-article.txt");
const items: unknown = JSON.parse(read("items.json"));
const errors = await validatePack({
  info: JSON.parse(read("pack.json")),
  items,
  cards: JSON.parse(read("cards.json")),
  article,
});
// The shared source sits beside the repository on team machines and in CI; compare when it is there.
const source = join(root, "..", "shared", "source", "belgorod-article.txt");
if (existsSync(source) && readFileSync(source, "utf8") !== article) {
  errors.push("belgorod-article.txt: differs from ../shared/source/belgorod-article.txt");
}
// Print every cue's accuracy, passing or not, so an editor sees how close the pack is to the limit.
if (Array.isArray(items)) {
  console.log(
    `Wording learners and surface cues as predictors of the verdict (the limit is ${MAX_CUE_ACCURACY * 100}%):`,
  );
  const statements = items.filter(isStatement);
  for (const learner of measureLearners(statements)) console.log(`  ${formatLearner(learner)}`);
  const withPassages = statements.filter(hasContext);
  if (withPassages.length === statements.length) {
    for (const learner of measurePassageLearners(withPassages)) console.log(`  ${formatLearner(learner)}`);
  }
  for (const cue of measureCues(statements)) console.log(`  ${formatCue(cue)}`);
  const withKinds = items.filter(hasClaimantKind);
  if (withKinds.length === items.length) {
    console.log(`  ${formatClaimantKinds(measureClaimantKinds(withKinds))}`);
    // "Who says so?": the choices the Worker offers, and how well a rule picks the right one without the report.
    // The Worker orders them by keyed seeds (no secret here); the position cue is balanced either way.
    const whoItems = withKinds.map((item) => attributed(item.id, item.claimant as Item["claimant"]));
    const plan = planWho(whoItems, publicSeeds(whoItems));
    const examples = withKinds.flatMap((item) => {
      const choices = plan.get(item.id);
      const twin = (item as { twin?: unknown }).twin;
      return choices
        ? [{ id: item.id, statement: item.statement, twin: typeof twin === "string" ? twin : undefined, ...choices }]
        : [];
    });
    console.log(
      `Rules that pick "who says so?" without the report, over ${examples.length} items (chance 33.3%, the limit ${MAX_WHO_CUE_ACCURACY * 100}%):`,
    );
    for (const cue of measureWhoCues(examples)) {
      console.log(`  ${formatWhoCue(cue)}`);
      if (cue.accuracy > MAX_WHO_CUE_ACCURACY) errors.push(`who says so: ${formatWhoCue(cue)} is above the limit`);
    }
    const rates = offerRates(examples).map((r) => `${r.key} ${r.right}/${r.right + r.wrong}`);
    console.log(`  right/offered per voice: ${rates.join(", ")}`);
  }
}
if (errors.length > 0) {
  console.error(`content/ has ${errors.length} problem(s):\n- ${errors.join("\n- ")}`);
  process.exit(1);
}
console.log("content/ is valid");

// Valid, so the shapes hold: the Worker's slim copy must be made from exactly these files.
const full = buildPack(
  JSON.parse(read("pack.json")) as PackInfo,
  items as Item[],
  JSON.parse(read("cards.json")) as Card[],
  article,
);
const generated = [
  ["src/content/runtime.json", runtimeContent(full)],
  ["public/content/article.json", articleFile(full)],
] as const;
for (const [name, value] of generated) {
  const path = join(root, name);
  const text = `${JSON.stringify(value)}\n`;
  if (process.argv.includes("--write")) {
    writeFileSync(path, text);
    console.log(`wrote ${name}`);
  } else if (!existsSync(path) || readFileSync(path, "utf8") !== text) {
    console.error(`${name} was not made from content/ as it is now: run npm run content`);
    process.exit(1);
  }
}

function isStatement(x: unknown): x is { statement: string; verdict: "verified" | "unverified" } {
  if (typeof x !== "object" || x === null) return false;
  const { statement, verdict } = x as Record<string, unknown>;
  return typeof statement === "string" && (verdict === "verified" || verdict === "unverified");
}

function hasContext(x: {
  statement: string;
}): x is { statement: string; verdict: "verified" | "unverified"; context: string } {
  return typeof (x as { context?: unknown }).context === "string";
}

function hasClaimantKind(
  x: unknown,
): x is Parameters<typeof measureClaimantKinds>[0][number] & { id: string; statement: string } {
  if (!isStatement(x) || typeof (x as { id?: unknown }).id !== "string") return false;
  const { claimant } = x as { claimant?: unknown };
  const kind = typeof claimant === "object" && claimant !== null ? (claimant as { kind?: unknown }).kind : undefined;
  return ["party", "independent-expert", "reporters", "unattributed"].includes(String(kind));
}
