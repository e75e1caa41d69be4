/** @module The teacher's live dashboard of one class, with its actions (close, remove, delete, sign out). */
import type { Verdict } from "../content/pack";
import { checksDone } from "../domain/check-change";
import type { StudentStatus as Status } from "../domain/class-results";
import { studentDiscernmentWords } from "../domain/class-words";
import type { Lean } from "../domain/scoring";
import { ANSWERS_TO_RANK } from "../domain/split";
import { clock, finishedLine } from "./class-board";
import { CHECKS_DONE_WORDS, CheckStatementsKey, ChecksSection, type ChecksView } from "./class-dashboard-checks";
import { CalibrationCounts, type KnowView, SureAndWrong } from "./class-dashboard-know";
import { REMOVE_TICKED_FORM, RemoveTicked, WaitingRoom } from "./class-dashboard-lobby";
import { ClassLean, LEAN_WORDS, percent, progressWords, RemovedNames, StudentStatus } from "./class-dashboard-parts";
import { QrCode } from "./class-qr";
import { ClassReady } from "./class-ready";
import { Layout } from "./layout";
import { ActionForm, VerdictStatus, verdictWord } from "./quiz-parts";
import { pollPath } from "./styles";
import { ScrollTable, StatementHeads } from "./tables";

/** One student, in the vocabulary the JSON dashboard uses too; figures are null until they finish. */
export interface StudentRowView {
  id: string;
  nickname: string;
  finished: boolean;
  status: Status;
  /** Statements answered so far; null while not known. */
  progress: number | null;
  correct: number | null;
  answered: number | null;
  discernment: number | null;
  c: number | null;
  lean: Lean | null;
}

export interface ItemRowView {
  position: number;
  itemId: string;
  statement: string;
  verdict: Verdict;
  answered: number;
  correct: number;
  shareCorrect: number | null;
}

export interface FooledView extends ItemRowView {
  explanation: string;
  claimant: string;
  prompt: string;
}

/** The dashboard as the service builds it for the page and the JSON alike. */
export interface DashboardData {
  code: string;
  joinUrl: string;
  open: boolean;
  /** "lobby": students who join wait for the teacher's start. */
  state: "lobby" | "running" | "ended";
  pace: "teacher" | "student";
  joined: number;
  finished: number;
  /** ISO time of the list the figures come from. */
  listedAt: string;
  class: {
    answered: number;
    discernment: number;
    c: number;
    lean: Lean;
    verifiedAnswered: number;
    verifiedJudgedUnverified: number;
    unverifiedAnswered: number;
    unverifiedJudgedVerified: number;
  };
  students: StudentRowView[];
  /** Names the teacher removed: refused until allowed back. */
  removed: { id: string; nickname: string }[];
  /** Students waiting for the teacher to admit them (not in `students`). */
  waiting: { id: string; nickname: string }[];
  /** No answer is in yet: the teacher may still change the settings. */
  settingsOpen: boolean;
  items: ItemRowView[];
  mostFooled: FooledView[];
  /** Expected against got, and the statements answered wrongly while sure (class-dashboard-know.tsx). */
  know: KnowView;
  /** The check-in and check-out (null: the class has none). */
  beforeAfter: ChecksView | null;
}

export interface DashboardPageProps {
  dashboard: DashboardData;
  title: string;
  pollSeconds: number;
  notice?: string | undefined;
  /** "Your class is ready" opens the page (right after creating it, and until someone joins). */
  ready?: { teacherKey?: string | undefined } | undefined;
}

/** GET /c/:code/teacher: everything live, plus the teacher's actions; prints cleanly. */
export function DashboardPage({ dashboard: d, ...p }: DashboardPageProps) {
  const listedAt = Date.parse(d.listedAt);
  // The Students table's "Check-in / out" column reads the JSON's beforeAfter.students (null: not done).
  const checksOf = d.beforeAfter ? new Map(d.beforeAfter.students.map((s) => [s.id, s])) : null;
  return (
    <Layout title={`Dashboard: ${p.title}`} wide="dashboard">
      <div data-poll={String(p.pollSeconds)} data-live-code={d.code} class="dashboard">
        <h1>Dashboard: {p.title}</h1>
        {p.notice ? (
          <p class="note" role="status">
            {p.notice}
          </p>
        ) : null}
        {p.ready ? <ClassReady code={d.code} joinUrl={d.joinUrl} teacherKey={p.ready.teacherKey} /> : null}
        {d.open && !p.ready ? (
          // Latecomers keep arriving: the code and the QR stay in reach, compact, while joining is open.
          <div class="join-strip">
            <QrCode text={d.joinUrl} label={`QR code that opens ${d.joinUrl}`} />
            <p>
              Join code <strong class="code-strip">{d.code}</strong>
              <br />
              <a href={d.joinUrl}>{d.joinUrl}</a> · Joining is open.
            </p>
          </div>
        ) : (
          <p>
            Join code <strong class="code-inline">{d.code}</strong> · <a href={d.joinUrl}>{d.joinUrl}</a> ·{" "}
            {!d.open ? "Joining is closed." : "Joining is open."}
          </p>
        )}
        <p id="dash-status" data-live role="status" aria-live="polite">
          Joined: {d.joined}. {d.waiting.length > 0 ? `Waiting to be let in: ${d.waiting.length}. ` : ""}
          {finishedLine(d.finished, d.joined)}
        </p>
        <div id="dash-start" data-live>
          {d.state === "ended" ? (
            <p>
              <strong>The class has ended.</strong> Nobody can join or answer; everyone who was playing was finished
              with what they had answered.
            </p>
          ) : d.state === "lobby" ? (
            d.pace === "student" ? (
              <p class="row">
                Students who join wait for your start.{" "}
                <ActionForm
                  action={`/c/${d.code}/present/start`}
                  label="Start the quiz"
                  hidden={{ from: "dashboard" }}
                />
              </p>
            ) : (
              <p>
                Students who join wait for the first statement: open it on the{" "}
                <a href={`/c/${d.code}/present`}>projector screen</a>.
              </p>
            )
          ) : null}
          {d.settingsOpen ? (
            <p>
              <a href={`/c/${d.code}/teacher/settings`}>Change the settings</a> (until the first answer).
            </p>
          ) : null}
        </div>

        <div id="dash-body" data-live>
          <h2>The class as a whole</h2>
          <ClassLean k={d.class} />
          <CalibrationCounts k={d.know.calibration} />
          {d.beforeAfter ? <ChecksSection checks={d.beforeAfter} /> : null}

          <WaitingRoom code={d.code} waiting={d.waiting} />

          <h2>Students</h2>
          {d.students.length === 0 ? (
            <p>Nobody has joined yet. Students go to {d.joinUrl}.</p>
          ) : (
            <ScrollTable
              label="Students"
              caption={`Every student who joined: how far each has got${checksOf ? ", which of the check-in and check-out they have done" : ""}, and a result once they finish.`}
            >
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  {checksOf ? <th scope="col">Check-in / out</th> : null}
                  <th scope="col" class="num">
                    Progress
                  </th>
                  <th scope="col" class="num">
                    Correct
                  </th>
                  <th scope="col">Facts told from claims</th>
                  <th scope="col">Lean</th>
                  <th scope="col" class="no-print">
                    Tick, code, remove
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.students.map((s) => (
                  <tr>
                    <th scope="row" class="nick">
                      {s.nickname}
                    </th>
                    <td>
                      <StudentStatus status={s.status} />
                    </td>
                    {checksOf ? (
                      <td>{CHECKS_DONE_WORDS[checksDone(checksOf.get(s.id) ?? { before: null, after: null })]}</td>
                    ) : null}
                    <td class="num">{progressWords(s.progress, d.items.length)}</td>
                    {s.finished ? (
                      <>
                        <td class="num">{s.correct}</td>
                        <td>{studentDiscernmentWords(s.discernment ?? 0)}</td>
                        <td>{s.lean ? LEAN_WORDS[s.lean] : ""}</td>
                      </>
                    ) : (
                      <td colspan={3} class="muted">
                        no result yet
                      </td>
                    )}
                    <td class="no-print">
                      <div class="row">
                        {/* The label is the 44 px target around a 20 px box. */}
                        <label class="tick-box">
                          <input
                            type="checkbox"
                            name="student"
                            value={s.id}
                            form={REMOVE_TICKED_FORM}
                            aria-label={`Tick ${s.nickname}`}
                          />
                        </label>
                        <form method="post" action={`/c/${d.code}/teacher/code`}>
                          <input type="hidden" name="student" value={s.id} />
                          <button
                            type="submit"
                            class="secondary"
                            aria-label={`Show ${s.nickname}'s code to get back in`}
                          >
                            Code
                          </button>
                        </form>
                        <form method="post" action={`/c/${d.code}/teacher/remove`}>
                          <input type="hidden" name="student" value={s.id} />
                          <button type="submit" class="secondary" aria-label={`Remove ${s.nickname}`}>
                            Remove
                          </button>
                        </form>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
          {d.students.length > 1 ? <RemoveTicked code={d.code} /> : null}

          <RemovedNames code={d.code} removed={d.removed} />

          <p class="muted">
            Updated at <time datetime={d.listedAt}>{clock(listedAt)}</time> UTC.
          </p>
        </div>

        {/* Closed by default and outside the live region, so a projected dashboard shows no verdict
            and a live refresh never closes it under the teacher. */}
        <details class="key">
          <summary>Answer key: the verdicts and the statements that fooled the class (don't project)</summary>
          <div id="dash-key" data-live>
            <h2>The claims that fooled the class most</h2>
            {d.mostFooled.length === 0 ? (
              <p>
                Nothing yet: a statement is listed here once it has {ANSWERS_TO_RANK} answers from students who
                finished, and someone got it wrong.
              </p>
            ) : (
              <ol class="fooled">
                {d.mostFooled.map((item) => (
                  <li>
                    <p>
                      <strong>{item.statement}</strong>
                    </p>
                    <p>
                      {verdictWord(item.verdict)} · {item.answered - item.correct} of {item.answered} got it wrong ·{" "}
                      {item.verdict === "verified" ? "said by" : "claimed by"} {item.claimant}
                    </p>
                    <p>{item.explanation}</p>
                    <p>
                      <em>Discuss:</em> {item.prompt}
                    </p>
                  </li>
                ))}
              </ol>
            )}

            <SureAndWrong items={d.know.sureAndWrong} />

            <h2>Every statement</h2>
            <ScrollTable
              label="Every statement"
              caption="Share of correct answers among students who answered each statement."
            >
              <thead>
                <tr>
                  <StatementHeads />
                  <th scope="col" class="num">
                    Correct
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((item) => (
                  <tr>
                    <td class="num">{item.position}</td>
                    <th scope="row">{item.statement}</th>
                    <td>
                      <VerdictStatus verdict={item.verdict} />
                    </td>
                    <td class="num">
                      {percent(item.shareCorrect)}
                      {item.answered > 0 ? (
                        <span class="muted">
                          {" "}
                          ({item.correct} of {item.answered})
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>

            {d.beforeAfter ? (
              <CheckStatementsKey statements={d.beforeAfter.statements} checkedIn={d.beforeAfter.change.checkedIn} />
            ) : null}
          </div>
        </details>

        <div class="no-print">
          <h2>Actions</h2>
          <p class="row">
            <a class="button" href={`/c/${d.code}/teacher`}>
              Refresh
            </a>
            <a class="button secondary" href={`/c/${d.code}/teacher.csv`} download={`class-${d.code}.csv`}>
              Download CSV
            </a>
            <a class="button secondary" href={`/c/${d.code}/present`}>
              Projector screen
            </a>
            <a class="button secondary" href={`/c/${d.code}/board`}>
              Class board
            </a>
            <a class="button secondary" href={`/c/${d.code}/teacher/lesson`}>
              Lesson plan and answer key
            </a>
            <a class="button secondary" href={`/c/${d.code}/teacher/worksheet`}>
              Worksheet with answer key
            </a>
          </p>
          <p class="muted">
            With JavaScript on, this page updates itself as students play; the Refresh button always works. A student
            whose tab closed or phone died gets back in with their code (shown after joining): if they lost it, press
            “Code” on their row and tell it to them. “Away” means nothing has come from that phone for 5 minutes. A
            removed name stays out until you allow it back.
          </p>
          <div class="row">
            {!d.open ? null : (
              <form method="post" action={`/c/${d.code}/teacher/close`}>
                <button type="submit" class="secondary">
                  Close joining
                </button>
              </form>
            )}
            {d.state === "ended" ? null : (
              <a class="button secondary" href={`/c/${d.code}/teacher/end`}>
                End the class…
              </a>
            )}
            <a class="button secondary" href={`/c/${d.code}/teacher/delete`}>
              Delete the class…
            </a>
            <form method="post" action={`/c/${d.code}/teacher/sign-out`}>
              <button type="submit" class="secondary">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </div>
      <script src={pollPath} defer />
    </Layout>
  );
}
