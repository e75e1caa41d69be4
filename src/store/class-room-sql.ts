/**
 * @module class-room-sql: the tables of a class's Durable Object (src/store/class-room.ts),
 * created by the first join or finish; see that file for what each row means.
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

/** A class opened before schema 2 gets its columns, once (meta `schema` says which it has). */
export const MIGRATE_2 =
  STUDENT_COLUMNS_2.map((column) => `ALTER TABLE students ADD COLUMN ${column};`).join("") +
  "CREATE UNIQUE INDEX IF NOT EXISTS students_back ON students (back);" +
  "INSERT OR REPLACE INTO meta (k, v) VALUES ('schema', 2);";

/**
 * Columns added in schema 4 ("know what you know"): how sure a student said they were of each answer
 * ("s", "f", "g"; NULL: not said) and the student's self-estimate (NULL: skipped), both kept from the
 * first recorded answer on.
 */
export const MIGRATE_4 =
  "ALTER TABLE answers ADD COLUMN confidence TEXT;" +
  "ALTER TABLE students ADD COLUMN estimate INTEGER;" +
  "INSERT OR REPLACE INTO meta (k, v) VALUES ('schema', 4);";

// Created by the first join or finish (opened()), never by a read, so a deleted class stays empty.
// It is schema 2: opened() then applies the later migrations in order, as for an older class.
export const SCHEMA =
  "CREATE TABLE meta (k TEXT PRIMARY KEY, v INTEGER NOT NULL);" +
  "CREATE TABLE students (sid TEXT PRIMARY KEY, nick TEXT NOT NULL, attempt TEXT NOT NULL UNIQUE," +
  " joined INTEGER NOT NULL, answered INTEGER NOT NULL DEFAULT 0, removed INTEGER NOT NULL DEFAULT 0" +
  STUDENT_COLUMNS_2.map((column) => `, ${column}`).join("") +
  ");" +
  "CREATE TABLE answers (attempt TEXT, item TEXT, answer TEXT NOT NULL, PRIMARY KEY (attempt, item)) WITHOUT ROWID;" +
  "CREATE TABLE results (attempt TEXT PRIMARY KEY, body TEXT NOT NULL, saved INTEGER DEFAULT 0, lease INTEGER DEFAULT 0);" +
  "CREATE TABLE gone (attempt TEXT PRIMARY KEY) WITHOUT ROWID;" +
  "CREATE UNIQUE INDEX students_back ON students (back);" +
  "INSERT INTO meta (k, v) VALUES ('schema', 2);" +
  TALLY;
