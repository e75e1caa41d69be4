/**
 * @module voices: the speakers of the pack as "who says so?" offers them — a short label per speaker
 * (one line at 360 px where it can be: surname and role) and the camp it belongs to — and which one
 * an item's claimant is.
 *
 * Claimant names carry the report's detail ("Russia's Defence Ministry, giving Sergei Shoigu's
 * words"); a choice needs the speaker alone, and two choices must never both be right, so a voice
 * names the voices it speaks for (`covers`: "Russian officials" covers Peskov; domain/who-says.ts never
 * offers two that overlap). The reporters cover the outlet they pass on and "no one named": "is seen
 * as" is the reporters' own voice, and a reader could fairly call it no one's. The camp is the side
 * (Russia's officials, Ukraine's, the militias, the press, the researcher): what the claimant's own
 * wording can name.
 *
 * Which two wrong voices each item offers is an editor's choice (DISTRACTORS), made with
 * scripts/plan-who.ts so that no shallow rule picks the right one (content/who-cues.ts) and checked
 * by tests/who-cues.test.ts.
 */
import { type Attributed, idHash, type Voice } from "../domain/who-says";
import type { Item } from "./schema";

interface VoiceRule extends Voice {
  /** Claimant names of this voice start with one of these (unattributed claimants match by kind). */
  starts: readonly string[];
}

/** Every voice of the table, "no one named" last. */
export function allVoices(): Voice[] {
  return [...VOICES.map(({ starts: _, ...voice }) => voice), NO_ONE];
}

const VOICES: readonly VoiceRule[] = [
  {
    key: "ru-ministry",
    label: "Russia's Defence Ministry",
    camp: "russia",
    covers: ["ru-konashenkov", "ru-shoigu"],
    starts: ["Russia's Defence Ministry"],
  },
  {
    key: "ru-konashenkov",
    label: "Konashenkov, Russia's military spokesman",
    camp: "russia",
    starts: ["Igor Konashenkov"],
  },
  { key: "ru-shoigu", label: "Shoigu, Russia's defence minister", camp: "russia", starts: ["Sergei Shoigu"] },
  { key: "ru-peskov", label: "Peskov, the Kremlin's spokesman", camp: "russia", starts: ["Dmitry Peskov"] },
  { key: "ru-gladkov", label: "Gladkov, Belgorod's governor", camp: "russia", starts: ["Gladkov"] },
  {
    key: "ru-officials",
    label: "Russian officials",
    camp: "russia",
    covers: ["ru-ministry", "ru-konashenkov", "ru-shoigu", "ru-peskov", "ru-gladkov"],
    starts: ["Russian officials", "Russian authorities"],
  },
  { key: "ua-government", label: "Ukraine's government", camp: "ukraine", starts: ["Ukraine's government"] },
  {
    key: "militias",
    label: "Freedom for Russia and the Volunteer Corps",
    camp: "militias",
    covers: ["rvc-kapustin", "legion-fighters"],
    starts: ["The Freedom for Russia militia"],
  },
  {
    key: "rvc-kapustin",
    label: "Kapustin, Volunteer Corps commander",
    camp: "militias",
    starts: ["Denis Kapustin"],
  },
  {
    key: "legion-fighters",
    label: "Legion of Free Russia fighters",
    camp: "militias",
    starts: ["Fighters of the Legion of Free Russia"],
  },
  { key: "reporters", label: "The reporters", camp: "press", covers: ["nyt", "no-one"], starts: ["The reporters"] },
  { key: "nyt", label: "The New York Times", camp: "press", starts: ["The New York Times"] },
  { key: "colborne", label: "Colborne, Bellingcat researcher", camp: "expert", starts: ["Michael Colborne"] },
];

/** Every unattributed claimant ("unnamed reports", "unclear: …", "nobody in the report") is this voice. */
const NO_ONE: Voice = { key: "no-one", label: "No one named in the report", camp: "none" };

/**
 * Voices that must not be offered for an item although neither its claimant's name nor an overlap bars
 * them, because a reader could fairly argue they are right (one right answer: content/README.md, "The
 * editorial rule"), or because no reader would take them for the speaker. Each with the report's words
 * that make it so.
 */
const BARRED: Readonly<Record<string, readonly string[]>> = {
  // "There are guerrilla groups…" follows Podoliak's quote in the paragraph "Ukraine rejects any responsibility".
  "podoliak-named-guerrillas": ["ua-government"],
  "guerrilla-groups-in-russia": ["ua-government"],
  // "An anti-terrorist operation was also temporarily ordered": ordered by Russian officials, perhaps the governor.
  "counter-terror-regime-declared": ["ru-officials", "ru-gladkov"],
  // The Investigative Committee is itself a Russian authority.
  "criminal-case-opened": ["ru-officials"],
  // "According to Russian information, civilians were also killed", a paragraph later.
  "dozens-killed-border-region": ["ru-officials", "ru-gladkov"],
  // The toll is the ministry's ("cannot be independently verified"): not the claim, but close enough to argue.
  "toll-independently-confirmed": ["ru-officials", "ru-ministry", "ru-konashenkov", "ru-shoigu"],
  // "A claim from the day before" was Konashenkov's.
  "shoigu-repeated-toll": ["ru-konashenkov"],
  // "In addition, a pipeline…" carries "according to the governor" over: the reporters' sentence.
  "pipeline-damaged": ["reporters", "no-one"],
  // Its own commander calling his corps right-wing extremist: a choice a reader strikes out unread.
  "rvc-right-wing-extremist": ["rvc-kapustin"],
  // "Russia failed to protect its own border" closes the paragraph of Colborne and the NYT.
  "setback-for-russia": ["colborne", "nyt"],
  // "However, it also seems clear that its influence is limited", just before Colborne told the NYT.
  "influence-limited": ["colborne", "nyt"],
  // "A propaganda success after the Bakhmut defeat" closes the paragraph of Colborne and the NYT, naming no one.
  "bakhmut-defeat": ["reporters", "colborne", "nyt", "no-one"],
  // "Numerous evacuation orders followed": orders Russian officials, perhaps the governor, gave.
  "evacuation-orders": ["ru-officials", "ru-gladkov"],
};

/** The two wrong choices of each item (see docs/QUIZ.md, "Who says so?"). */
const DISTRACTORS: Readonly<Record<string, readonly [string, string]>> = {
  "seventy-attackers-killed": ["reporters", "legion-fighters"],
  "counter-terror-regime-declared": ["colborne", "ru-peskov"],
  "groups-claimed-responsibility": ["ru-officials", "no-one"],
  "nobody-harmed-wednesday": ["ru-ministry", "reporters"],
  "no-figures-own-losses": ["ru-officials", "rvc-kapustin"],
  "attack-was-kyivs-response": ["reporters", "ru-gladkov"],
  "spokesman-gave-toll": ["ru-gladkov", "no-one"],
  "groups-carried-out-attack": ["ru-officials", "reporters"],
  "chechnya-1999": ["ru-peskov", "ru-konashenkov"],
  "toll-independently-confirmed": ["nyt", "legion-fighters"],
  "moscow-accused-kyiv": ["reporters", "militias"],
  "ukraine-not-involved": ["ru-ministry", "reporters"],
  "adviser-denied-involvement": ["reporters", "ru-officials"],
  "air-strikes-and-artillery": ["militias", "ua-government"],
  "ministry-released-video": ["no-one", "ru-peskov"],
  "one-dead-thirteen-wounded": ["militias", "no-one"],
  "peskov-not-concerned": ["ru-gladkov", "no-one"],
  "all-attackers-killed": ["reporters", "ru-shoigu"],
  "counter-terror-regime-lifted": ["colborne", "reporters"],
  "pipeline-damaged": ["ru-ministry", "ru-peskov"],
  "criminal-case-opened": ["ru-konashenkov", "ua-government"],
  "moscow-not-worried": ["reporters", "ru-gladkov"],
  "setback-for-russia": ["legion-fighters", "rvc-kapustin"],
  "commander-spoke-to-reporters": ["ru-officials", "reporters"],
  "kapustin-nickname": ["reporters", "legion-fighters"],
  "most-serious-incident": ["ru-officials", "rvc-kapustin"],
  "bakhmut-defeat": ["ua-government", "rvc-kapustin"],
  "researcher-spoke-to-nyt": ["no-one", "nyt"],
  "no-wide-appeal": ["ru-officials", "reporters"],
  "members-in-the-hundreds": ["ru-officials", "rvc-kapustin"],
  "nyt-reported-trust": ["no-one", "legion-fighters"],
  "influence-limited": ["militias", "ru-konashenkov"],
  "shoigu-promised-harsh-response": ["ru-peskov", "no-one"],
  "commanders-trust-fighters": ["ru-ministry", "no-one"],
  "ukraine-preparing-offensive": ["nyt", "ru-konashenkov"],
  "rvc-right-wing-extremist": ["colborne", "ru-officials"],
  "russian-account-of-incursion": ["ua-government", "reporters"],
  "armed-men-from-ukraine": ["ua-government", "no-one"],
  "attackers-were-ukrainian": ["reporters", "ua-government"],
  "peskov-called-attackers-ukrainian": ["ru-ministry", "reporters"],
  "shoigu-repeated-toll": ["reporters", "ru-gladkov"],
  "guerrilla-groups-in-russia": ["militias", "ru-officials"],
  "podoliak-named-guerrillas": ["ru-officials", "colborne"],
  "legion-gave-reasons": ["ru-gladkov", "colborne"],
  "legion-motives": ["ru-ministry", "rvc-kapustin"],
  "more-raids-coming": ["ru-gladkov", "no-one"],
  "dozens-killed-border-region": ["rvc-kapustin", "ru-konashenkov"],
  "evacuation-orders": ["ua-government", "ru-ministry"],
  "maljar-internal-crisis": ["ru-shoigu", "no-one"],
  "internal-russian-crisis": ["ru-shoigu", "no-one"],
};

/**
 * Words that put a camp in a claimant's name: "unclear: the Bellingcat researcher or the outlet"
 * half-names two camps, so neither is offered beside it.
 */
const NAMED_IN: Record<string, readonly string[]> = {
  russia: ["ministry", "moscow", "kremlin", "konashenkov", "shoigu", "peskov", "gladkov", "russian account"],
  ukraine: ["podoliak", "maljar", "kiev", "kyiv", "ukraine"],
  militias: ["volunteer corps", "legion", "militia"],
  press: ["new york times", "outlet", "reporter"],
  expert: ["bellingcat", "colborne", "researcher"],
};

/**
 * The voice of a claimant: the rule its name starts with, "no one named" for an unattributed one,
 * else (a claimant this table does not know yet: a test fails) its name up to any aside.
 * @example voiceOf({ name: "Igor Konashenkov, Russia's military spokesman", kind: "party" }).key // "ru-konashenkov"
 */
export function voiceOf(claimant: Item["claimant"]): Voice & { known: boolean } {
  if (claimant.kind === "unattributed") return { ...NO_ONE, known: true };
  const rule = VOICES.find((voice) => voice.starts.some((start) => claimant.name.startsWith(start)));
  if (rule) {
    const { starts: _, ...voice } = rule;
    return { ...voice, known: true };
  }
  const label = claimant.name.split(/ \(|: |; /)[0] ?? claimant.name;
  const key = `other-${idHash(label).toString(36)}`;
  // Reporters and experts join their camps; a party the table does not know stands alone.
  const camp = claimant.kind === "reporters" ? "press" : claimant.kind === "independent-expert" ? "expert" : key;
  return { key, label, camp, known: false };
}

/**
 * An item as domain/who-says.ts plans it (by its id; the editor's tables by its name in content/,
 * the slug, which is the id there): its voice, the camps its claimant's name mentions besides
 * its own, the voices barred for it and its two chosen wrong voices.
 * @example attributed("members-in-the-hundreds", claimant).avoid // ["press", "expert"]
 */
export function attributed(id: string, claimant: Item["claimant"], slug = id): Attributed {
  const { known: _, ...voice } = voiceOf(claimant);
  const claimantName = claimant.name.toLowerCase();
  const avoid = Object.entries(NAMED_IN).flatMap(([camp, words]) =>
    camp !== voice.camp && words.some((word) => claimantName.includes(word)) ? [camp] : [],
  );
  return { id, voice, avoid, barred: BARRED[slug] ?? [], distractors: DISTRACTORS[slug] ?? [] };
}
