/** @module GET /c/:code/board: the class board (its refresh script is a static file, see src/styles/poll.js). */
import { Hono } from "hono";
import { classTitle } from "../domain/class";
import { BOARD_POLL_SECONDS, boardOf } from "../services/class-results";
import { lookUpClass } from "../services/classes";
import { AppError } from "../services/errors";
import { quizSecret } from "../services/secrets";
import { cookieOpens } from "../services/teacher-auth";
import { BoardPage } from "../views/class-board";
import { teacherCookie } from "./cookies";
import type { AppEnv } from "./env";
import { clientAddress, noStore, originOf } from "./middleware";

export const board = new Hono<AppEnv>();

board.get("/c/:code/board", noStore(), async (c) => {
  const record = await lookUpClass(c.env, clientAddress(c), c.req.param("code"));
  const teacher = await cookieOpens(teacherCookie(c, record.code), record, quizSecret(c.env));
  if (!record.board && !teacher) {
    throw new AppError(403, {
      slug: "board-hidden",
      title: "No class board",
      detail:
        "Your teacher has chosen not to show a class board. They can see everyone's results and will talk them through with you.",
    });
  }
  const view = await boardOf(c.env, record, originOf(c), teacher);
  return c.html(
    <BoardPage
      code={record.code}
      title={classTitle(record)}
      rows={view.rows}
      joined={view.joined}
      finished={view.finished}
      pollSeconds={BOARD_POLL_SECONDS}
      listedAt={Date.parse(view.listedAt)}
      teacher={teacher}
      open={!record.closed}
    />,
  );
});
