/**
 * The live socket is receive-only: a client frame other than the auto-answered "ping" closes it
 * (1008), so a script sending frames wakes the class's object a few times, not a thousand.
 */
import { describe, expect, it, vi } from "vitest";
import { ClassRoom, MAX_SOCKETS } from "../src/store/class-room";
import { call, createClass, join } from "./class-helpers";

async function openSocket(code: string): Promise<WebSocket> {
  const res = await call(`/c/${code}/live`, { headers: { upgrade: "websocket" } });
  expect(res.status).toBe(101);
  const socket = res.webSocket;
  if (!socket) throw new Error("No WebSocket");
  socket.accept();
  return socket;
}

function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.addEventListener("close", (e) => resolve({ code: e.code, reason: e.reason })));
}

describe("the live socket takes no frames but the ping", () => {
  it("closes a socket that sends 1,000 frames after the first few (1008), counting the object's wake-ups", async () => {
    const { code } = await createClass();
    const woken = vi.spyOn(ClassRoom.prototype, "webSocketMessage");
    const socket = await openSocket(code);
    const closing = closed(socket);
    let sent = 0;
    for (; sent < 1000; sent++) {
      try {
        socket.send(`frame ${sent}`);
      } catch {
        break;
      }
    }
    const close = await closing;
    expect(close.code).toBe(1008);
    expect(woken.mock.calls.length).toBeGreaterThan(0);
    expect(woken.mock.calls.length).toBeLessThanOrEqual(5);
    // The class still takes joins.
    expect((await join(code, { nickname: "Ana" })).response.status).toBe(303);
    woken.mockRestore();
  });

  it('answers "ping" with "pong" and stays open, and closes on one large frame', async () => {
    const { code } = await createClass();
    const socket = await openSocket(code);
    const messages: string[] = [];
    socket.addEventListener("message", (event) => messages.push(String(event.data)));
    socket.send("ping");
    for (let i = 0; i < 100 && !messages.includes("pong"); i++) await new Promise((r) => setTimeout(r, 20));
    expect(messages).toContain("pong");
    const closing = closed(socket);
    socket.send("x".repeat(100_000));
    expect((await closing).code).toBe(1008);
  });
});

describe("the live sockets of one class", () => {
  it(`are capped at MAX_SOCKETS (${MAX_SOCKETS}): one past the cap is refused, the rest stay open`, async () => {
    const { code } = await createClass();
    const open: WebSocket[] = [];
    for (let i = 0; i < MAX_SOCKETS; i++) open.push(await openSocket(code));
    const refused = await call(`/c/${code}/live`, { headers: { upgrade: "websocket" } });
    expect(refused.status).toBe(503);
    expect(refused.webSocket).toBeNull();
    // Closing one makes room for one more.
    open.pop()?.close(1000, "done");
    let again: Response | undefined;
    for (let i = 0; i < 50 && again?.status !== 101; i++) {
      again = await call(`/c/${code}/live`, { headers: { upgrade: "websocket" } });
      if (again.status !== 101) await new Promise((r) => setTimeout(r, 20));
    }
    expect(again?.status).toBe(101);
    // Every socket closed, the last one too: one left open outlives the file, and the next file's
    // fresh modules break its object mid-pipe (workerd logs a stack trace for it).
    again?.webSocket?.accept();
    again?.webSocket?.close(1000, "done");
    for (const socket of open) socket.close(1000, "done");
    // 250 sockets in a row, each asking two limiters: more than vitest's 5 s on a busy machine.
  }, 60_000);
});
