/**
 * @module The live classroom: GET /c/:code/live (the WebSocket every live page of the class
 * follows), and the teacher's projector screen, GET /c/:code/present, with its Start button for a
 * class in its lobby (POST /c/:code/present/start) and its pace buttons for a teacher-paced class
 * (POST /c/:code/present/pace: open, close, show the answer). Real forms: works without JavaScript.
 */
import { Hono } from "hono";
import type { PaceAction } from "../domain/pace";
import { liveSocket, movePace, movePaceAndLook, startClass } from "../services/class-live";
import { presentOf } from "../services/class-present";
import { AppError } from "../services/errors";
import { PresentPage } from "../views/class-present";
import { classOf, signInInstead } from "./class-dashboard";
import type { SecretEnv } from "./env";
import { clientAddress, noStore, originOf, readForm, screenLimit } from "./middleware";

export const present = new Hono<SecretEnv>();

const PACE_ACTIONS: readonly string[] = ["open", "close", "reveal"] satisfies PaceAction[];

/** The header poll.js sends with a form it puts the reply of in place (a plain form cannot send it). */
const IN_PLACE = "x-in-place";

present.use("/c/:code/present", noStore());
present.use("/c/:code/present/*", noStore());
present.onError(signInInstead);

present.get("/c/:code/live", async (c) => {
  const socket = await liveSocket(c.env, clientAddress(c), c.req.param("code"), c.req.raw);
  // A fresh response: the object's has immutable headers, and the app's middleware adds some.
  return new Response(null, { status: 101, webSocket: socket.webSocket });
});

present.get("/c/:code/present", screenLimit(), async (c) => {
  const record = await classOf(c);
  const claim = Number(c.req.query("claim"));
  const ask = { claim: Number.isInteger(claim) && claim > 0 ? claim : 0, reveal: c.req.query("reveal") === "1" };
  return c.html(<PresentPage {...(await presentOf(c.env, record, originOf(c), ask))} />);
});

present.post("/c/:code/present/pace", async (c) => {
  const record = await classOf(c);
  const form = await readForm(c);
  const action = form.action as PaceAction;
  const step = Number(form.step);
  if (!record.paced || !PACE_ACTIONS.includes(action) || !Number.isInteger(step) || step < 0) {
    throw new AppError(400, {
      slug: "invalid-form",
      title: "That did not work",
      detail: record.paced
        ? "The button's form was incomplete. Go back to the projector screen and press it again."
        : "This class is student-paced: each student moves on by themselves.",
    });
  }
  // A stale page (a second tab, a double click) changes nothing: the object checks what it showed.
  const seen = { step, shut: form.shut === "1" };
  if (c.req.header(IN_PLACE) === "1") {
    // poll.js sent it and puts this reply in place: the press and the next screen in one object request.
    const origin = originOf(c);
    const { live, told } = await movePaceAndLook(c.env, clientAddress(c), record, origin, seen, action);
    const page = await presentOf(c.env, record, origin, { claim: 0, reveal: false }, live);
    return c.html(<PresentPage {...page} told={told} />);
  }
  await movePace(c.env, clientAddress(c), record, seen, action);
  return c.redirect(`/c/${record.code}/present`, 303);
});

/** The teacher's Start (projector or dashboard): back to the page it was pressed on. */
present.post("/c/:code/present/start", async (c) => {
  const record = await classOf(c);
  const form = await readForm(c);
  await startClass(c.env, clientAddress(c), record);
  const back = form.from === "dashboard" ? `/c/${record.code}/teacher` : `/c/${record.code}/present`;
  return c.redirect(back, 303);
});
