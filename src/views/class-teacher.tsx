/** @module The teacher's pages: sign in with the key, the live dashboard, closing, removing, deleting. */
import type { Verdict } from "../content/pack";
import type { Lean } from "../domain/scoring";
import { clock, finishedLine } from "./class-board";
import { ClassLean, LEAN_WORDS, percent, StudentStatus } from "./class-dashboard-parts";
import { pollPath } from "./class-poll";
import { CheckIcon, QuestionIcon } from "./icons";
import { Layout } from "./layout";
import { verdictWord } from "./quiz-parts";
import { signed } from "./quiz-result";

/** GET /c/:code/teacher without a valid sign-in (401), or a wrong key (403): the same page whether or not the class exists. */
export function TeacherSignInPage({ code, message }: { code: string; message?: string | undefined }) {
  return (
    <Layout title="Teacher sign-in">
      <h1>Teacher sign-in</h1>
      {message ? (
        <p class="note" role="alert">
          {message}
        </p>
      ) : null}
      <p>
        To see the results of class <strong>{code}</strong>, type the teacher key you were given when you created the
        class. It starts with “tk_”.
      </p>
      <form method="post" action={`/c/${code}/teacher/sign-in`}>
        <input type="hidden" name="username" value={code} autocomplete="username" />
        <label for="key">Teacher key</label>
        <input
          type="password"
          id="key"
          name="key"
          autocomplete="current-password"
          spellcheck={false}
          maxlength={200}
          required
        />
        <p>
          <button type="submit">Sign in</button>
        </p>
      </form>
      <p class="muted">
        Lost the key? We keep only a fingerprint of it, so nobody can look it up. The class and its results are deleted
        after 30 days; you can <a href="/teach">create a new class</a> at any time.
      </p>
    </Layout>
  );
}

export interface StudentRowView {
  sid: string;
  nick: string;
  /** True when more than one student holds this name (two joined at the same moment). */
  shared: boolean;
  finished: boolean;
  score?: number | undefined;
  answered?: number | undefined;
  discernment?: number | undefined;
  c?: number | undefined;
  lean?: Lean | undefined;
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

export interface DashboardPageProps {
  code: string;
  title: string;
  joinUrl: string;
  closed: boolean;
  board: boolean;
  joined: number;
  finished: number;
  listedAt: number;
  pollSeconds: number;
  students: StudentRowView[];
  items: ItemRowView[];
  fooled: FooledView[];
  klass: {
    answered: number;
    discernment: number;
    c: number;
    lean: Lean;
    verifiedAnswered: number;
    verifiedDoubted: number;
    unverifiedAnswered: number;
    unverifiedAccepted: number;
  };
  notice?: string | undefined;
}

/** GET /c/:code/teacher: everything live, plus the teacher's actions; prints cleanly. */
export function DashboardPage(p: DashboardPageProps) {
  return (
    <Layout title={`Dashboard: ${p.title}`} wide="dashboard">
      <div data-poll={String(p.pollSeconds)} class="dashboard">
        <h1>Dashboard: {p.title}</h1>
        {p.notice ? (
          <p class="note" role="status">
            {p.notice}
          </p>
        ) : null}
        <p>
          Join code <strong class="code-inline">{p.code}</strong> · <a href={p.joinUrl}>{p.joinUrl}</a> ·{" "}
          {p.closed ? "Joining is closed." : "Joining is open."}
        </p>
        <p id="dash-status" data-live role="status" aria-live="polite">
          Joined: {p.joined}. {finishedLine(p.finished, p.joined)}
        </p>

        <div id="dash-body" data-live>
          <h2>The class as a whole</h2>
          <ClassLean k={p.klass} />

          <h2>The claims that fooled the class most</h2>
          {p.fooled.length === 0 ? (
            <p>Nothing yet: this fills in as students finish.</p>
          ) : (
            <ol class="fooled">
              {p.fooled.map((item) => (
                <li>
                  <p>
                    <strong>{item.statement}</strong>
                  </p>
                  <p>
                    {verdictWord(item.verdict)} · {item.answered - item.correct} of {item.answered} got it wrong ·
                    claimed by {item.claimant}
                  </p>
                  <p>{item.explanation}</p>
                  <p>
                    <em>Discuss:</em> {item.prompt}
                  </p>
                </li>
              ))}
            </ol>
          )}

          <h2>Students</h2>
          {p.students.length === 0 ? (
            <p>Nobody has joined yet. Students go to {p.joinUrl}.</p>
          ) : (
            <section class="table-wrap" tabindex={0} aria-label="Students (scrolls sideways on small screens)">
              <table>
                <caption>Every student who joined; those still playing have no result yet.</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Status</th>
                    <th scope="col" class="num">
                      Correct
                    </th>
                    <th scope="col" class="num">
                      Facts told from claims
                    </th>
                    <th scope="col">Lean</th>
                    <th scope="col" class="no-print">
                      Remove
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {p.students.map((s) => (
                    <tr>
                      <th scope="row" class="nick">
                        {s.nick}
                        {s.shared ? <span class="muted"> (two students share this name)</span> : null}
                      </th>
                      <td>
                        <StudentStatus student={s} total={p.items.length} />
                      </td>
                      {s.finished ? (
                        <>
                          <td class="num">
                            {s.score} of {s.answered}
                          </td>
                          <td class="num">{signed(s.discernment ?? 0)}</td>
                          <td>{s.lean ? LEAN_WORDS[s.lean] : ""}</td>
                        </>
                      ) : (
                        <td colspan={3} class="muted">
                          no result yet
                        </td>
                      )}
                      <td class="no-print">
                        <form method="post" action={`/c/${p.code}/teacher/remove`}>
                          <input type="hidden" name="student" value={s.sid} />
                          <button type="submit" class="secondary" aria-label={`Remove ${s.nick}`}>
                            Remove
                          </button>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}

          <h2>Every statement</h2>
          <section class="table-wrap" tabindex={0} aria-label="Every statement (scrolls sideways on small screens)">
            <table>
              <caption>Share of correct answers among students who answered each statement.</caption>
              <thead>
                <tr>
                  <th scope="col" class="num">
                    #
                  </th>
                  <th scope="col">Statement</th>
                  <th scope="col">Verdict</th>
                  <th scope="col" class="num">
                    Correct
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((item) => (
                  <tr>
                    <td class="num">{item.position}</td>
                    <th scope="row">{item.statement}</th>
                    <td>
                      <span class="status">
                        {item.verdict === "verified" ? <CheckIcon /> : <QuestionIcon />}
                        {verdictWord(item.verdict)}
                      </span>
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
            </table>
          </section>
          <p class="muted">
            Updated at <time datetime={new Date(p.listedAt).toISOString()}>{clock(p.listedAt)}</time> UTC.
          </p>
        </div>

        <div class="no-print">
          <h2>Actions</h2>
          <p class="row">
            <a class="button" href={`/c/${p.code}/teacher`}>
              Refresh
            </a>
            <a class="button secondary" href={`/c/${p.code}/teacher.csv`} download={`class-${p.code}.csv`}>
              Download CSV
            </a>
            <a class="button secondary" href={`/c/${p.code}/board`}>
              Class board
            </a>
          </p>
          <p class="muted">
            Results refresh every {p.pollSeconds} seconds with JavaScript on; the Refresh button always works. Removing
            a name lets that student join again (for example after their phone died).
          </p>
          <div class="row">
            {p.closed ? null : (
              <form method="post" action={`/c/${p.code}/teacher/close`}>
                <button type="submit" class="secondary">
                  Close joining
                </button>
              </form>
            )}
            <a class="button secondary" href={`/c/${p.code}/teacher/delete`}>
              Delete the class…
            </a>
            <form method="post" action={`/c/${p.code}/teacher/sign-out`}>
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

/** GET /c/:code/teacher/delete: the confirm step. */
export function DeleteConfirmPage({ code, title, joined }: { code: string; title: string; joined: number }) {
  return (
    <Layout title="Delete this class?">
      <h1>Delete {title}?</h1>
      <p>
        This deletes the class and the results of all {joined} {joined === 1 ? "student" : "students"} at once. It
        cannot be undone. Download the CSV first if you want to keep the results.
      </p>
      <form method="post" action={`/c/${code}/teacher/delete`}>
        <input type="hidden" name="confirm" value="delete" />
        <p class="row">
          <button type="submit">Yes, delete the class</button>
          <a class="button secondary" href={`/c/${code}/teacher`}>
            No, keep it
          </a>
        </p>
      </form>
    </Layout>
  );
}
