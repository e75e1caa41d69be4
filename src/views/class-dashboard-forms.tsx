/** @module The teacher's forms for one class: signing in with the key, and confirming a delete. */
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
