/**
 * KV operations of classroom mode, counted on the real local KV inside workerd:
 * creating a class, a student joining and finishing, and the board and dashboard
 * views. Read by `npm run bench` from each test's `meta.kv`.
 */
import { describe, expect, test } from "vitest";
import { forgetClass } from "../../src/store/roster-cache";
import { Client, countingKv, type KvCounts, location, ORIGIN } from "./counting";

/** Plays a class quiz from the joined page to the finish; returns the counts of the finish alone. */
async function playClassQuiz(client: Client, scores: ReturnType<typeof countingKv>): Promise<KvCounts> {
  let path = location(await client.get("/quiz/q"));
  let answered = 0;
  while (path.startsWith("/quiz/q/")) {
    const page = await client.get(path);
    const itemId = /name="item" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    const feedback = await client.get(
      location(await client.post("/quiz/answer", { item: itemId, answer: "verified" })),
    );
    answered++;
    const next = /href="(\/quiz\/q\/\d+)"/.exec(await feedback.text())?.[1];
    if (!next) break;
    path = next;
  }
  expect(answered).toBeGreaterThan(1);
  scores.reset();
  const res = await client.post("/quiz/finish");
  expect(location(res)).toBe("/quiz/result");
  return { ...scores.counts };
}

describe("KV operations in classroom mode", () => {
  test("create, join, finish, board and dashboard", async ({ task }) => {
    const scores = countingKv();
    const teacher = new Client({ SCORES: scores.kv });
    const created = await teacher.post("/teach", {
      name: "Bench class",
      items: "8",
      names: "typed",
      board: "on",
      start: "join",
    });
    expect(created.status).toBe(303);
    const code = /^\/c\/([A-Z0-9]{6})\/teacher$/.exec(location(created))?.[1];
    expect(code).toBeTruthy();
    const createCounts = { ...scores.counts };
    // The redirect's target: the dashboard opens on the empty class (the key shown once).
    scores.reset();
    expect((await teacher.get(`/c/${code}/teacher`)).status).toBe(200);
    const lobbyCounts = { ...scores.counts };

    const students = ["Ada", "Bo", "Cy"].map(() => new Client({ SCORES: scores.kv }));
    const joinCounts: KvCounts[] = [];
    const finishCounts: KvCounts[] = [];
    for (const [i, student] of students.entries()) {
      scores.reset();
      const joined = await student.post("/join", { code: code ?? "", nickname: ["Ada", "Bo", "Cy"][i] ?? "X" });
      expect(location(joined)).toBe(`/c/${code}/joined`);
      joinCounts.push({ ...scores.counts });
      finishCounts.push(await playClassQuiz(student, scores));
    }

    const board = students[0] as Client;
    scores.reset();
    expect((await board.get(`/c/${code}/board`)).status).toBe(200);
    const firstBoard = { ...scores.counts };
    scores.reset();
    expect((await board.get(`/c/${code}/board`)).status).toBe(200);
    const secondBoard = { ...scores.counts };
    scores.reset();
    expect((await teacher.get(`/c/${code}/teacher`)).status).toBe(200);
    const dashboard = { ...scores.counts };
    // As in a new isolate of the same data centre: memory empty, the Cache API still holds the list.
    await forgetClass(code ?? "");
    scores.reset();
    expect((await teacher.get(`/c/${code}/teacher`)).status).toBe(200);
    const newIsolate = { ...scores.counts };
    // Nothing cached anywhere (also what workers.dev, where the Cache API does nothing, sees per isolate).
    await forgetClass(code ?? "", ORIGIN);
    scores.reset();
    expect((await teacher.get(`/c/${code}/teacher`)).status).toBe(200);
    const coldDashboard = { ...scores.counts };
    scores.reset();
    expect((await teacher.get(`/c/${code}/teacher.csv`)).status).toBe(200);
    const csv = { ...scores.counts };

    task.meta.kv = {
      "create a class": createCounts,
      "dashboard's first view (nobody joined; an empty list is not kept)": lobbyCounts,
      "a student joins": joinCounts[0] ?? {},
      "a class student finishes": finishCounts[0] ?? {},
      "board view (first in its interval)": firstBoard,
      "board view (again within the interval)": secondBoard,
      "dashboard view (list cached by the board)": dashboard,
      "dashboard view (new isolate, Cache API warm)": newIsolate,
      "dashboard view (nothing cached)": coldDashboard,
      "CSV export": csv,
    };
    for (const counts of finishCounts) expect(counts.put ?? 0).toBeLessThanOrEqual(1);
    expect((firstBoard.list ?? 0) + (secondBoard.list ?? 0)).toBeLessThanOrEqual(1);
  });
});
