/**
 * @module voices: the speakers of the pack as "who says so?" offers them — a short label per speaker
 * (one line at 360 px where it can be: surname and role) and the camp it belongs to — and which one
 * an item's claimant is.
 *
 * Claimant names carry the report's detail ("Russia's Defence Ministry, giving Sergei Shoigu's
 * words"); a choice needs the speaker alone, and two choices must never both be right, so speakers
 * who overlap share a camp (domain/who-says.ts never offers two of one camp). The reporters, the
 * outlets they pass on and "no one named" share one: "is seen as" is the reporters' own voice, and
 * a reader could fairly call it no one's.
 */
import { type Attributed, idHash, type Voice } from "../domain/who-says";
import type { Item } from "./schema";

interface VoiceRule extends Voice {
  /** Claimant names of this voice start with one of these (unattributed claimants match by kind). */
  starts: readonly string[];
}

const VOICES: readonly VoiceRule[] = [
  { key: "ru-ministry", label: "Russia's Defence Ministry", camp: "russia", starts: ["Russia's Defence Ministry"] },
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
    starts: ["Russian officials", "Russian authorities"],
  },
  { key: "ua-government", label: "Ukraine's government", camp: "ukraine", starts: ["Ukraine's government"] },
  {
    key: "militias",
    label: "Freedom for Russia and the Volunteer Corps",
    camp: "militias",
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
  { key: "reporters", label: "The reporters", camp: "press", starts: ["The reporters"] },
  { key: "nyt", label: "The New York Times", camp: "press", starts: ["The New York Times"] },
  { key: "colborne", label: "Colborne, Bellingcat researcher", camp: "expert", starts: ["Michael Colborne"] },
];

/** Every unattributed claimant ("unnamed reports", "unclear: …", "nobody in the report") is this voice. */
const NO_ONE: Voice = { key: "no-one", label: "No one named in the report", camp: "press" };

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
  if (rule) return { key: rule.key, label: rule.label, camp: rule.camp, known: true };
  const label = claimant.name.split(/ \(|: |; /)[0] ?? claimant.name;
  const key = `other-${idHash(label).toString(36)}`;
  // Reporters and experts join their camps; a party the table does not know stands alone.
  const camp = claimant.kind === "reporters" ? "press" : claimant.kind === "independent-expert" ? "expert" : key;
  return { key, label, camp, known: false };
}

/**
 * An item as domain/who-says.ts plans it: its voice, and the camps its claimant's name mentions
 * besides its own.
 * @example attributed("podoliak-named-guerrillas", claimant).avoid // ["ukraine"]
 */
export function attributed(id: string, claimant: Item["claimant"]): Attributed {
  const { known: _, ...voice } = voiceOf(claimant);
  const name = claimant.name.toLowerCase();
  const avoid = Object.entries(NAMED_IN).flatMap(([camp, words]) =>
    camp !== voice.camp && words.some((word) => name.includes(word)) ? [camp] : [],
  );
  return { id, voice, avoid };
}
