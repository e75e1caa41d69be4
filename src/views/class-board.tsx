/** @module The class board: ranks by score then discernment, equal results share a rank, refreshed by a button or polling. */

import { Layout } from "./layout";
import { signed } from "./quiz-result";
import { pollPath } from "./styles";
import { ScrollTable } from "./tables";

/** One finished student on the board, in the vocabulary the JSON board uses too. */
export interface BoardRowView {
  rank: number;
  tied: boolean;
  nickname: string;
  correct: number;
  answered: number;
  discernment: number;
}

export interface BoardPageProps {
  code: string;
  title: string;
  rows: BoardRowView[];
  joined: number;
  finished: number;
  pollSeconds: number;
  /** Epoch ms of the list the board was computed from. */
  listedAt: number;
  teacher: boolean;
  /** Joining is open: the join code is shown large, for the room to read off the projector. */
  open?: boolean;
}

/** "12 of 30 students have finished." */
export function finishedLine(finished: number, joined: number): string {
  if (joined === 0) return "Nobody has joined yet.";
  return `${finished} of ${joined} ${joined === 1 ? "student has" : "students have"} finished.`;
}

/** GET /c/:code/board */
export function BoardPage(p: BoardPageProps) {
  return (
    <Layout title={`Class board: ${p.title}`} wide="board">
      {/* The teacher's board follows the class live; students' boards poll (a room of phones would spend the school's look-ups). */}
      <div data-poll={String(p.pollSeconds)} data-live-code={p.teacher ? p.code : undefined}>
        <h1>Class board: {p.title}</h1>
        {p.open ? (
          <p class="board-code">
            <span>Join a class with the code</span>
            <strong class="code">{p.code}</strong>
          </p>
        ) : null}
        <p id="board-status" data-live role="status" aria-live="polite">
          {finishedLine(p.finished, p.joined)}
        </p>
        <div id="board-table" data-live>
          {p.rows.length === 0 ? (
            <p>Results appear here as students finish.</p>
          ) : (
            <ScrollTable
              label="Class board"
              tableClass="board"
              caption="Ranked by correct answers, then by how well facts were told from claims (discernment, −1 to +1). Equal results share a rank."
            >
              <thead>
                <tr>
                  <th scope="col">Rank</th>
                  <th scope="col">Name</th>
                  <th scope="col" class="num">
                    Correct
                  </th>
                  <th scope="col" class="num">
                    Facts told from claims
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.rows.map((row) => (
                  <tr>
                    <td>
                      {row.rank}
                      {row.tied ? <span class="muted"> (shared)</span> : null}
                    </td>
                    <th scope="row" class="nick">
                      {row.nickname}
                    </th>
                    <td class="num">
                      {row.correct} of {row.answered}
                    </td>
                    <td class="num">{signed(row.discernment)}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
          <p class="muted">
            Updated at <time datetime={new Date(p.listedAt).toISOString()}>{clock(p.listedAt)}</time> UTC. No points for
            speed.
          </p>
        </div>
        <p class="row no-print">
          <a class="button" href={`/c/${p.code}/board`}>
            Refresh
          </a>
          {p.teacher ? (
            <a class="button secondary" href={`/c/${p.code}/teacher`}>
              Dashboard
            </a>
          ) : null}
        </p>
        <p class="muted no-print">
          Discernment runs from −1 to +1: how much more often someone called real facts verified than unproven claims.
          With JavaScript on, this page refreshes itself every {p.pollSeconds} seconds while it is on screen.
        </p>
      </div>
      <script src={pollPath} defer />
    </Layout>
  );
}

/** "14:05:09" in UTC: the same for everyone in the room, whatever their device's clock says. */
export function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}
