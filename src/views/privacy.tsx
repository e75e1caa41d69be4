/** @module The privacy page: what the site stores, for how long, who can see it and how it is deleted. */
import { Layout } from "./layout";

/** How long things are kept; the route passes the constants the code itself uses, so the page cannot drift. */
export interface PrivacyPageProps {
  /** Finished quiz attempts outside a class. */
  attemptDays: number;
  /** A class, its nicknames and results. */
  classDays: number;
  /** Reports sent from the corrections page. */
  reportDays: number;
  /** The quiz cookie (answers so far). */
  quizCookieHours: number;
  /** Longest a teacher stays signed in on one device. */
  teacherCookieDays: number;
}

/** GET /privacy: plain words a student, a parent and a teacher can all read. */
export function PrivacyPage(p: PrivacyPageProps) {
  return (
    <Layout title="Privacy" description="What Claim Check stores, for how long, and who can see it.">
      <h1>Privacy</h1>
      <p class="lede">
        We keep as little as we can: no accounts, no e-mail addresses, no real names, no trackers. Here is everything we
        store.
      </p>

      <h2>If you take the quiz on your own</h2>
      <p>
        While you play, your answers so far are kept in a cookie on your device, for at most {p.quizCookieHours} hours.
        When you finish, we store your answers (with how sure you said you were, and how many you expected to get right,
        if you said), your score and when you played, with no name attached, for {p.attemptDays} days. No page of the
        site shows them to anyone else.
      </p>

      <h2>If you join a class</h2>
      <p>
        We store the nickname you chose, when you joined and finished, your answers (with how sure you said you were,
        and how many you expected to get right, if you said) and your score, for {p.classDays} days after the teacher
        created the class. Then they are deleted automatically.
      </p>
      <ul>
        <li>
          <strong>Your teacher</strong> (who has the class key) sees every nickname, every answer, how sure and what you
          expected, and every score, and can download them as a spreadsheet.
        </li>
        <li>
          <strong>Your classmates</strong> see the class board with nicknames and scores, but only if your teacher
          turned the board on.
        </li>
        <li>Nobody else can see them.</li>
      </ul>
      <p>Please do not use your full name as a nickname: your class may see it.</p>

      <h2>If you are a teacher</h2>
      <p>
        We store the class options you chose (its title, the statements, made-up names or typed ones, the board on or
        off) and a fingerprint of your class key, never the key itself, for {p.classDays} days. When you sign in, your
        browser keeps a cookie for that class for up to {p.teacherCookieDays} days (or until the class ends, if sooner),
        so you do not have to type the key again.
      </p>
      <p>
        <strong>Deleting:</strong> on your class page, “Remove” deletes one student's nickname and result, and “Delete
        the class” deletes the class and every student's nickname and result at once. A student who wants their name
        removed can ask you.
      </p>

      <h2>If you report a problem</h2>
      <p>
        We store your message, which card or statement it is about and when you sent it, for {p.reportDays} days, so the
        editors can check it. We do not ask for your name or e-mail; please do not put personal details in the message.
      </p>

      <h2>What we do not collect</h2>
      <ul>
        <li>
          No IP addresses are stored. To stop floods of requests, the site counts requests for a short time in memory;
          the address is never written to our storage.
        </li>
        <li>
          Only two kinds of cookie, both needed for the site to work: the quiz cookie (your answers so far) and, for
          teachers, the sign-in cookie for a class. No advertising or tracking cookies.
        </li>
        <li>
          No analytics, no adverts, no trackers, no fonts or scripts from other sites: every page loads only from here.
        </li>
      </ul>
      <p class="muted">
        The site runs on Cloudflare, which handles the connection to your device and so sees your address while it does.
        Questions or a problem? Use the <a href="/corrections">report form</a>.
      </p>
    </Layout>
  );
}
