/** @module The teacher's forms for one class: signing in with the key, confirming a delete or an end, a student's code. */
import { Layout } from "./layout";

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

/** GET /c/:code/teacher/end: the confirm step, with who would be finished now. */
export function EndConfirmPage(p: { code: string; title: string; playing: number }) {
  return (
    <Layout title="End this class?">
      <h1>End {p.title}?</h1>
      <p>
        {p.playing === 0
          ? "Nobody is still playing."
          : `Still playing: ${p.playing} ${p.playing === 1 ? "student" : "students"}. Ending the class finishes ${p.playing === 1 ? "them" : "each of them"} now with what they have answered; the statements they have not reached count as not answered.`}{" "}
        After this nobody can join or answer. The results stay on the dashboard and in the CSV until the class is
        deleted.
      </p>
      <form method="post" action={`/c/${p.code}/teacher/end`}>
        <input type="hidden" name="confirm" value="end" />
        <p class="row">
          <button type="submit">Yes, end the class</button>
          <a class="button secondary" href={`/c/${p.code}/teacher`}>
            No, keep it going
          </a>
        </p>
      </form>
    </Layout>
  );
}

/** POST /c/:code/teacher/code: one student's code to get back in, for the teacher to tell that student. */
export function RejoinCodePage(p: { code: string; nickname: string; back: string | null }) {
  return (
    <Layout title={`${p.nickname}'s code`}>
      <h1>
        <span class="nick">{p.nickname}</span>’s code to get back in
      </h1>
      {p.back ? (
        <>
          <p class="code-strip">{p.back}</p>
          <p>
            Tell it to <span class="nick">{p.nickname}</span> alone (not the whole class): on the class’s join page they
            type it under “Been here before?”, on this or another device, and go on with their answers.
          </p>
        </>
      ) : (
        <p>
          <span class="nick">{p.nickname}</span> joined before codes existed: remove the name, then allow it back, and
          they join again under it (their answers so far are not kept).
        </p>
      )}
      <p>
        <a class="button" href={`/c/${p.code}/teacher`}>
          Back to the dashboard
        </a>
      </p>
    </Layout>
  );
}
