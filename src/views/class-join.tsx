/** @module Student pages: join a class (code and nickname), closed or unknown classes, and "you're in". */
import { NICKNAME_MAX, NICKNAME_MIN } from "../domain/nickname";
import { CONTENT_NOTE, ErrorSummary, type FieldError, FieldErrorText, fieldAria } from "./form-fields";
import { Layout } from "./layout";
import { VerifiedDefinitionBlock } from "./verified-definition";

export type JoinField = "code" | "nickname";

export interface JoinPageProps {
  /** The class, when the code is known (from /c/:code or a form that named it). */
  klass?: { code: string; title: string; names: "typed" | "generated" } | undefined;
  values?: { code?: string | undefined; nickname?: string | undefined; generate?: boolean | undefined };
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
      <ErrorSummary errors={errors} />
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
          <button type="submit">Join</button>
        </p>
      </form>
    </Layout>
  );
}

/** A class that takes no new students (closed by the teacher), or a code no class has. */
export function JoinRefusedPage({ title, message }: { title: string; message: string }) {
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p class="row">
        <a class="button" href="/join">
          Type a different code
        </a>
        <a class="button secondary" href="/cards">
          Read the cards
        </a>
      </p>
    </Layout>
  );
}

export interface JoinedPageProps {
  nick: string;
  /** The student has finished (or stopped early): their result is with the teacher. */
  finished: boolean;
  classTitle: string;
  total: number;
  board: boolean;
  code: string;
}

/** GET /c/:code/joined: the student's name (worth remembering when it was made up) and the start button. */
export function JoinedPage({ nick, finished, classTitle, total, board, code }: JoinedPageProps) {
  if (finished) {
    return (
      <Layout title="You have finished">
        <h1>You have finished</h1>
        <p class="lede">
          In {classTitle} your name is <strong class="nick">{nick}</strong>. Your teacher can see your result.
        </p>
        <p class="row">
          {board ? (
            <a class="button" href={`/c/${code}/board`}>
              Class board
            </a>
          ) : null}
          <a class="button secondary" href="/quiz/result">
            Your result
          </a>
        </p>
      </Layout>
    );
  }
  return (
    <Layout title="You're in">
      <h1>You're in!</h1>
      <p class="lede">
        In {classTitle} your name is <strong class="nick">{nick}</strong>.
      </p>
      <p>
        You will judge {total} statements from the news: is each one a verified fact or an unverified claim? After each
        answer you see why. There is no timer. If you need to stop early, press “Finish now”: what you answered still
        counts.
      </p>
      <VerifiedDefinitionBlock />
      <aside class="note" aria-labelledby="join-content-note">
        <h2 id="join-content-note">Content note</h2>
        <p>{CONTENT_NOTE}</p>
      </aside>
      <p class="row">
        <a class="button" href="/quiz/q">
          Start
        </a>
        {board ? (
          <a class="button secondary" href={`/c/${code}/board`}>
            Class board
          </a>
        ) : null}
      </p>
    </Layout>
  );
}
