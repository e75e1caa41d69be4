/** @module Student pages: join a class (code and nickname), closed or unknown classes, and "you're in". */
import { NICKNAME_MAX, NICKNAME_MIN } from "../domain/nickname";
import type { Pace } from "../domain/pace";
import type { ClassPhase } from "../domain/room";
import { RefreshJoined, RemovedPage, WaitingRoomPage } from "./class-waiting";
import { ErrorPage } from "./error-page";
import { CONTENT_NOTE, type FieldError, FieldErrorText, fieldAria } from "./form-fields";
import { Layout } from "./layout";
import { WaitingEstimate } from "./quiz-estimate";
import { followOf } from "./quiz-wait";
import { RejoinCodeLine } from "./rejoin-code";
import { pollPath } from "./styles";
import { VerifiedDefinitionBlock } from "./verified-definition";

export type JoinField = "code" | "nickname" | "back";

export interface JoinPageProps {
  /** The class, when the code is known (from /c/:code or a form that named it). */
  klass?: { code: string; title: string; names: "typed" | "generated" } | undefined;
  values?: {
    code?: string | undefined;
    nickname?: string | undefined;
    generate?: boolean | undefined;
    back?: string | undefined;
  };
  errors?: FieldError<JoinField>[];
  /** A message above the form, e.g. "wait a minute and press Join again". */
  notice?: string | undefined;
}

/** GET /join and /c/:code: one short form, big targets, works without JavaScript. */
export function JoinPage({ klass, values = {}, errors = [], notice }: JoinPageProps) {
  const generatedOnly = klass?.names === "generated";
  return (
    <Layout title={klass ? `Join ${klass.title}` : "Join a class"} description="Join your class's quiz with a code.">
      <h1>{klass ? `Join ${klass.title}` : "Join a class"}</h1>
      {notice ? (
        <p class="note" role="status">
          {notice}
        </p>
      ) : null}
      {/* One field at fault at most: its message is said once, beside it, and the focus goes there. */}
      <form method="post" action="/join" novalidate>
        {klass ? (
          <input type="hidden" name="code" value={klass.code} />
        ) : (
          <>
            <label for="code">Class code</label>
            <p class="muted" id="code-hint">
              6 letters and numbers, from your teacher.
            </p>
            <FieldErrorText field="code" errors={errors} />
            <input
              type="text"
              id="code"
              name="code"
              value={values.code ?? ""}
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              maxlength={20}
              class="code-input"
              autofocus={errors.some((e) => e.field === "code")}
              {...fieldAria("code", errors, "code-hint")}
            />
          </>
        )}
        {generatedOnly ? (
          <p>Your teacher chose made-up names, so we will pick a friendly one for you.</p>
        ) : (
          <>
            <label for="nickname">Nickname</label>
            <p class="muted" id="nickname-hint">
              {NICKNAME_MIN} to {NICKNAME_MAX} characters; emoji are fine. Not your full name: your class may see it.{" "}
              <a href="/privacy">What we keep, and for how long</a>
            </p>
            <FieldErrorText field="nickname" errors={errors} />
            <input
              type="text"
              id="nickname"
              name="nickname"
              value={values.nickname ?? ""}
              autocomplete="off"
              spellcheck={false}
              maxlength={200}
              autofocus={errors.some((e) => e.field === "nickname")}
              {...fieldAria("nickname", errors, "nickname-hint")}
            />
            <div class="check">
              <label>
                <input type="checkbox" name="generate" checked={values.generate ?? false} /> Pick a name for me
              </label>
            </div>
          </>
        )}
        <p>
          <button type="submit" class="full">
            Join
          </button>
        </p>
      </form>
      {klass ? <RejoinForm code={klass.code} value={values.back} errors={errors} /> : null}
    </Layout>
  );
}

/** "Been here before?": a student's code brings back their row and answers (folded unless it was just wrong). */
function RejoinForm({
  code,
  value,
  errors,
}: {
  code: string;
  value?: string | undefined;
  errors: FieldError<JoinField>[];
}) {
  const wrong = errors.some((e) => e.field === "back");
  return (
    <details open={wrong || undefined}>
      <summary>Been here before? Get back in with your code</summary>
      <form method="post" action="/join/back" novalidate>
        <input type="hidden" name="code" value={code} />
        <label for="back">Your code to get back in</label>
        <p class="muted" id="back-hint">
          5 letters and numbers, shown after you joined. Lost it? Your teacher can look it up.
        </p>
        <FieldErrorText field="back" errors={errors} />
        <input
          type="text"
          id="back"
          name="back"
          value={value ?? ""}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxlength={20}
          class="code-input"
          autofocus={wrong}
          {...fieldAria("back", errors, "back-hint")}
        />
        <p>
          <button type="submit" class="full secondary">
            Get back in
          </button>
        </p>
      </form>
    </details>
  );
}

/** A class that takes no new students (closed by the teacher), or a code no class has. */
export function JoinRefusedPage({ title, message }: { title: string; message: string }) {
  return <ErrorPage title={title} message={message} back={{ href: "/join", label: "Type a different code" }} />;
}

export interface JoinedPageProps {
  nick: string;
  /** The student has finished (or stopped early): their result is with the teacher. */
  finished: boolean;
  classTitle: string;
  total: number;
  /** Statements the student has answered (a student coming back sees where they are). */
  answered: number;
  board: boolean;
  code: string;
  /** The class as its object holds it; "lobby": the student waits for the teacher, live. */
  status: { phase: ClassPhase; pace: Pace };
  paced: boolean;
  /** The student's code to get back in (absent for a student who joined before codes). */
  back?: string | undefined;
  /** "waiting": the teacher has not admitted the student yet; "gone": the teacher removed them (absent: in). */
  seat?: "in" | "waiting" | "gone" | undefined;
  /** The settings' change number and door count the page was rendered at (poll.js looks again when either moves). */
  live?: { rev: number; door: number } | undefined;
  /** The self-estimate given (null: not yet, so it is asked before the first statement). */
  estimate?: number | null | undefined;
}

/**
 * GET /c/:code/joined: "You're in as Zara" and the one next step on the first screen — Start, or
 * (in the lobby, or teacher-paced) wait for the teacher; the definitions and the content note are
 * folded below. In the lobby the page follows the class (poll.js) and moves on when it starts.
 */
export function JoinedPage(p: JoinedPageProps) {
  if (p.finished) {
    return (
      <Layout title="You have finished">
        <h1>You have finished</h1>
        <p class="lede">
          In {p.classTitle} your name is <strong class="nick">{p.nick}</strong>. Your teacher can see your result.
        </p>
        <p class="row">
          <a class="button" href="/quiz/result">
            Your result
          </a>
          {p.board ? (
            <a class="button secondary" href={`/c/${p.code}/board`}>
              Class board
            </a>
          ) : null}
        </p>
      </Layout>
    );
  }
  if (p.status.phase === "ended") {
    return (
      <Layout title="The class has ended">
        <h1>The class has ended</h1>
        <p class="lede">
          Your teacher has ended {p.classTitle}.{" "}
          {p.answered > 0
            ? `Your result counts the ${p.answered} of ${p.total} statements you answered.`
            : "You did not answer any statement, so there is no result to show."}
        </p>
        {p.answered > 0 ? (
          <form method="post" action="/quiz/finish">
            <p>
              <button type="submit" class="full">
                See my result
              </button>
            </p>
          </form>
        ) : (
          <p>
            <a class="button" href="/cards">
              Read the cards
            </a>
          </p>
        )}
      </Layout>
    );
  }
  if (p.seat === "gone") return <RemovedPage code={p.code} classTitle={p.classTitle} nick={p.nick} />;
  if (p.seat === "waiting") return <WaitingRoomPage {...p} />;
  const waiting = p.status.phase === "lobby" || (p.paced && p.status.pace.step === 0);
  const started = p.answered > 0;
  // Asked once, before the first statement: on this page while the class waits, else on the way in.
  const askEstimate = !started && p.estimate === null;
  return (
    <Layout title={`You're in as ${p.nick}`}>
      <div
        data-poll="20"
        data-live-code={waiting ? p.code : undefined}
        data-follow={waiting ? followOf(p.status) : undefined}
        data-rev={waiting && p.live ? String(p.live.rev) : undefined}
      >
        <h1>
          You're in as <span class="nick">{p.nick}</span>
        </h1>
        {/* Live: without a WebSocket, poll.js copies the fresh block in, so Start appears by itself. */}
        <div id="joined-now" data-live>
          {waiting ? (
            <>
              <p class="lede" role="status">
                Your teacher will start the quiz. Wait here: this page moves on by itself. If it does not, press
                Refresh.
              </p>
              <RefreshJoined code={p.code} />
            </>
          ) : (
            <>
              <p class="lede">
                {started
                  ? `${p.classTitle}: you have answered ${p.answered} of ${p.total}.`
                  : `${p.classTitle}: ${p.total} statements. Is each one a verified fact or an unverified claim? No timer.`}
              </p>
              <p>
                <a class="button full" href={askEstimate ? "/quiz/estimate" : "/quiz/q"}>
                  {started ? "Continue" : "Start"}
                </a>
              </p>
            </>
          )}
        </div>
        {/* Right after joining, before anything else to do: the code that gets them back in. */}
        <RejoinCodeLine back={p.back} full />
        {waiting ? <WaitingEstimate total={p.total} estimate={p.estimate} asked={askEstimate} /> : null}
        <details>
          <summary>What “verified” means here, and a content note</summary>
          <VerifiedDefinitionBlock />
          <p>{CONTENT_NOTE}</p>
          <p>
            After each answer you see why. If you need to stop early, press “Finish now”: what you answered still
            counts.
          </p>
        </details>
        <p class="muted">
          {p.board ? (
            <>
              <a href={`/c/${p.code}/board`}>Class board</a> ·{" "}
            </>
          ) : null}
          <a href={`/c/${p.code}?new=1`}>Not {p.nick}? Join under another name</a>
        </p>
      </div>
      {waiting ? <script src={pollPath} defer /> : null}
    </Layout>
  );
}
