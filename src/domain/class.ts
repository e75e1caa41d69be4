/**
 * @module class: a classroom session as a pure value — the teacher's options, the
 * items the class plays (chosen once, at creation) and each student's order.
 *
 * No KV here: src/store/class-records.ts stores a ClassRecord, services/classes.ts builds one.
 */
import type { CheckForms } from "./check-forms";
import { drawForm, type FormItem } from "./forms";
import type { Judgement } from "./scoring";

/** Classes, and every student record under them, expire this long after creation. */
export const CLASS_TTL_SECONDS = 30 * 24 * 60 * 60;

/** Item counts a teacher can pick besides "all". */
export const ITEM_COUNT_CHOICES = [6, 8, 12] as const;

/** Longest class name, in characters after trimming. */
export const CLASS_NAME_MAX = 60;

/** How students get their nicknames: typed (with "pick one for me"), or generated only. */
export type NameMode = "typed" | "generated";

/** What the teacher chooses when creating a class. */
export interface ClassOptions {
  /** Optional; "" when the teacher gave none. */
  name: string;
  /** How many items each student answers (already capped at the pack size). */
  itemCount: number;
  /** Each student gets the class's items in their own random order. */
  shuffle: boolean;
  names: NameMode;
  /** Whether students may see the class board (the teacher always can). */
  board: boolean;
  /** Most students at once (1..200, default 40): a full class refuses joins with a clear message. */
  size: number;
  /** The teacher moves the class from statement to statement (then nobody's order is shuffled). */
  paced: boolean;
  /**
   * Students who join wait in the lobby until the teacher presses Start (false: each starts as
   * soon as they join, for homework). A teacher-paced class always waits for its first statement.
   */
  lobby: boolean;
  /** The teacher admits each name: a student who joins waits, greyed on the dashboard, until let in. */
  admit: boolean;
  /** A check-in before the class's statements and a check-out after them (student-paced classes only). */
  checks: boolean;
  /**
   * Statements only: questions show the statement without "What the report says" (harder, for a
   * class that has read the article); the feedback still shows the sentences.
   */
  statementsOnly: boolean;
  /** "Who says so?": before each verdict the student picks who makes the claim (of three), scored apart. */
  who: boolean;
}

/** A class as stored: the options, its fixed items, and the hash of its teacher key. */
export interface ClassRecord {
  v: 1;
  code: string;
  name: string;
  /** The class's items, fixed at creation, in the draw's shuffled order (the order when not shuffled per student). */
  itemIds: string[];
  shuffle: boolean;
  names: NameMode;
  board: boolean;
  /** SHA-256 (hex) of the teacher key; the key itself is never stored. */
  keyHash: string;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch milliseconds; KV drops the class and its students at this time. */
  expiresAt: number;
  /** Closed classes refuse new joins; students already in can still finish. */
  closed: boolean;
  /** Attempt ids removed before the class's Durable Object kept the roster (read, no longer written). */
  removed: string[];
  /** Most students at once (1..200); absent on classes created before it existed: 40. */
  size?: number;
  /** Teacher-paced (absent: student-paced, each student at their own speed). */
  paced?: true;
  /** Student-paced with a lobby: students wait for the teacher's Start (absent: they start on joining). */
  lobby?: true;
  /**
   * Created since every join is recorded by the class's object: an object that holds nothing means
   * nobody joined, so the screens list nothing from KV (absent: an older class, whose roster may be
   * in KV alone; it is listed, at most once per 20 s per isolate).
   */
  room?: true;
  /** The teacher admits each name (absent: everyone who joins is in). */
  admit?: true;
  /**
   * How many times the teacher changed the settings in the lobby (absent: never); the class's
   * object keeps the same number, and a student's token the one they joined under.
   */
  rev?: number;
  /**
   * The check-in and check-out forms (absent: none): six statements each, none of the class's own
   * nor their twins; half the class plays `a` first (domain/check-forms.ts).
   */
  checks?: CheckForms;
  /** Questions show the statement without the report (absent: with it, as every class before the setting). */
  statementsOnly?: true;
  /** Students are asked "who says so?" with each statement (absent: not asked, as every class before the setting). */
  who?: true;
}

/**
 * Whether students who join wait for the teacher: a teacher-paced class always (until its first
 * statement), a student-paced one when made with a lobby (classes from before it start at once).
 * @example hasLobby({ paced: true }) // true
 */
export function hasLobby(record: Pick<ClassRecord, "paced" | "lobby">): boolean {
  return record.paced === true || record.lobby === true;
}

/** An item as class selection needs it. */
export interface ItemVerdict {
  id: string;
  verdict: Judgement;
}

/** A uniform float in [0, 1) from WebCrypto. */
export function secureRandom(): number {
  return (crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) / 2 ** 32;
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(list: readonly T[], random: () => number = secureRandom): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Chooses a class's items: `count` of them (all when count ≥ the pack) drawn as a form is (forms.ts):
 * no two twins (nor two items on one passage), a verified share within 30–70% drawn at random, not
 * always half. Returned in the draw's shuffled order, never the pack's (the pack's order may carry the
 * verdicts). Called once, at creation: every student plays these.
 * @example chooseClassItems(pack.items, 8) // 8 ids, 3 to 5 of them verified, in a shuffled order
 */
export function chooseClassItems(
  items: readonly FormItem[],
  count: number,
  random: () => number = secureRandom,
): string[] {
  return drawForm(items, count, random);
}

/** The order one student answers the class's items in: their own shuffle, or the class order. */
export function studentOrder(record: Pick<ClassRecord, "itemIds" | "shuffle">, random = secureRandom): string[] {
  return record.shuffle ? shuffled(record.itemIds, random) : [...record.itemIds];
}

/** The item count the teacher asked for ("all" or one of the choices), capped at the pack size. */
export function resolveItemCount(choice: string, packSize: number): number | null {
  if (choice === "all") return packSize;
  const n = Number(choice);
  return (ITEM_COUNT_CHOICES as readonly number[]).includes(n) ? Math.min(n, packSize) : null;
}

/** A class name as typed: NFKC, whitespace collapsed, trimmed; null if too long or hidden characters. */
export function cleanClassName(raw: string): string | null {
  const name = raw
    .normalize("NFKC")
    .replace(/\p{White_Space}+/gu, " ")
    .trim();
  if ([...name].length > CLASS_NAME_MAX || /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u.test(name)) return null;
  return name;
}

/** What the class is called on pages: its name, or "Class ABC234". */
export function classTitle(record: Pick<ClassRecord, "name" | "code">): string {
  return record.name || `Class ${record.code}`;
}

/**
 * The worksheet's six statements, three of each verdict: two claim/attribution
 * pairs, a matter of record and an assessment, interleaved so neighbours do not
 * give each other away. Missing ids (after a content change) are filled from the
 * pack in order, still three of each.
 */
export const WORKSHEET_IDS = [
  "counter-terror-regime-declared",
  "seventy-attackers-killed",
  "groups-claimed-responsibility",
  "setback-for-russia",
  "spokesman-gave-toll",
  "groups-carried-out-attack",
] as const;

export function worksheetItems<T extends ItemVerdict>(items: readonly T[], perVerdict = 3): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const chosen = WORKSHEET_IDS.flatMap((id) => byId.get(id) ?? []);
  for (const verdict of ["verified", "unverified"] as const) {
    for (const item of items) {
      if (chosen.filter((c) => c.verdict === verdict).length >= perVerdict) break;
      if (item.verdict === verdict && !chosen.includes(item)) chosen.push(item);
    }
  }
  return chosen;
}
