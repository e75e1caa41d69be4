/**
 * @module class-room-sql: the tables of a class's Durable Object (src/store/class-room.ts),
 * created by the first join or finish; see that file for what each row means. A class opened
 * before the latest schema gets each later MIGRATIONS step once, in order (meta `schema` says
 * which it has); a new schema adds its columns to SCHEMA and one step to MIGRATIONS.
 */

// Each statement's answers from present students, kept as they come: a screen refresh reads 8 rows, not 240.
export const TALLY =
  "CREATE TABLE IF NOT EXISTS tally (item TEXT PRIMARY KEY, v INTEGER NOT NULL, u INTEGER NOT NULL) WITHOUT ROWID;";
/** Counts the tally again from the answers (after a removal, or for a class opened before it). */
export const RETALLY =
  "DELETE FROM tally; INSERT INTO tally SELECT a.item, SUM(a.answer = 'v'), SUM(a.answer = 'u') FROM answers a" +
  " JOIN students s ON s.attempt = a.attempt AND s.removed = 0 GROUP BY a.item;";

/**
 * Columns added in schema 2: the student's order of statements (JSON), their code to get back in,
 * and when a page of theirs last reached the object (the dashboard's "away").
 */
const STUDENT_COLUMNS_2 = ["items TEXT", "back TEXT", "seen INTEGER"];

/** Columns added in schema 3: 1 while the student waits for the teacher to admit them (a class whose teacher admits each name). */
const STUDENT_COLUMNS_3 = ["waiting INTEGER NOT NULL DEFAULT 0"];

/**
 * Tables added in schema 3: the class's settings as the teacher last changed them in the lobby
 * (one row: `rev`, the change's number, and the settings as JSON); absent until the first change.
 */
const TABLES_3 =
  "CREATE TABLE IF NOT EXISTS settings (k INTEGER PRIMARY KEY CHECK (k = 1), rev INTEGER NOT NULL, body TEXT NOT NULL);";

/**
 * Columns added in schema 4 ("know what you know"): how sure a student said they were of each answer
 * ("s", "f", "g"; NULL: not said) and the student's self-estimate (NULL: skipped), both kept from the
 * first recorded answer on.
 */
const ANSWER_COLUMNS_4 = ["confidence TEXT"];
const STUDENT_COLUMNS_4 = ["estimate INTEGER"];

/**
 * Tables added in schema 5: each student's check-in (`phase` "in") and check-out ("out") — the
 * statements shown (JSON), one "v"/"u" per statement, the estimate (NULL: skipped) — first one standing.
 */
const TABLES_5 =
  "CREATE TABLE IF NOT EXISTS checks (attempt TEXT NOT NULL, phase TEXT NOT NULL, items TEXT NOT NULL," +
  " answers TEXT NOT NULL, estimate INTEGER, at INTEGER NOT NULL, PRIMARY KEY (attempt, phase)) WITHOUT ROWID;";

/**
 * Columns added in schema 6 ("who says so?" as a class setting): which of the statement's three
 * choices the student picked ("0", "1", "2", in the order shown; NULL: not said, or not asked),
 * kept with the answer, so the first pick stands like the first verdict.
 */
const ANSWER_COLUMNS_6 = ["who TEXT"];

/** The schema SCHEMA creates; MIGRATIONS brings an older class up to it. */
export const SCHEMA_VERSION = 6;

const addStudentColumns = (columns: readonly string[]) =>
  columns.map((column) => `ALTER TABLE students ADD COLUMN ${column};`).join("");
const addAnswerColumns = (columns: readonly string[]) =>
  columns.map((column) => `ALTER TABLE answers ADD COLUMN ${column};`).join("");
const schemaIs = (version: number) => `INSERT OR REPLACE INTO meta (k, v) VALUES ('schema', ${version});`;

/** A class opened before schema 2 gets its columns, once. */
export const MIGRATE_2 =
  addStudentColumns(STUDENT_COLUMNS_2) +
  "CREATE UNIQUE INDEX IF NOT EXISTS students_back ON students (back);" +
  schemaIs(2);

/** A class opened before schema 3 gets the waiting column and the settings table, once (after MIGRATE_2). */
export const MIGRATE_3 = addStudentColumns(STUDENT_COLUMNS_3) + TABLES_3 + schemaIs(3);

/** A class opened before schema 4 gets the confidence and estimate columns, once (after MIGRATE_3). */
export const MIGRATE_4 = addAnswerColumns(ANSWER_COLUMNS_4) + addStudentColumns(STUDENT_COLUMNS_4) + schemaIs(4);

/** A class opened before schema 5 gets the checks table, once (after MIGRATE_4). */
export const MIGRATE_5 = TABLES_5 + schemaIs(5);

/** A class opened before schema 6 gets the answers' who column, once (after MIGRATE_5). */
export const MIGRATE_6 = addAnswerColumns(ANSWER_COLUMNS_6) + schemaIs(6);

/** Each step from the schema before it, in order: [the version it makes, its SQL]. */
export const MIGRATIONS: readonly (readonly [number, string])[] = [
  [2, MIGRATE_2],
  [3, MIGRATE_3],
  [4, MIGRATE_4],
  [5, MIGRATE_5],
  [6, MIGRATE_6],
];

/**
 * A deleted class's tombstone (its own table, made by destroy() after every other is dropped; not
 * part of SCHEMA): the class's expiry, until which the object refuses joins and finishes.
 */
export const TOMB = "CREATE TABLE tomb (expires INTEGER NOT NULL);";

// Created by the first join or finish (opened()), never by a read, so a deleted class stays empty.
export const SCHEMA =
  "CREATE TABLE meta (k TEXT PRIMARY KEY, v INTEGER NOT NULL);" +
  "CREATE TABLE students (sid TEXT PRIMARY KEY, nick TEXT NOT NULL, attempt TEXT NOT NULL UNIQUE," +
  " joined INTEGER NOT NULL, answered INTEGER NOT NULL DEFAULT 0, removed INTEGER NOT NULL DEFAULT 0" +
  [...STUDENT_COLUMNS_2, ...STUDENT_COLUMNS_3, ...STUDENT_COLUMNS_4].map((column) => `, ${column}`).join("") +
  ");" +
  "CREATE TABLE answers (attempt TEXT, item TEXT, answer TEXT NOT NULL" +
  [...ANSWER_COLUMNS_4, ...ANSWER_COLUMNS_6].map((column) => `, ${column}`).join("") +
  ", PRIMARY KEY (attempt, item)) WITHOUT ROWID;" +
  "CREATE TABLE results (attempt TEXT PRIMARY KEY, body TEXT NOT NULL, saved INTEGER DEFAULT 0, lease INTEGER DEFAULT 0);" +
  "CREATE TABLE gone (attempt TEXT PRIMARY KEY) WITHOUT ROWID;" +
  "CREATE UNIQUE INDEX students_back ON students (back);" +
  TABLES_3 +
  TABLES_5 +
  schemaIs(SCHEMA_VERSION) +
  TALLY;
