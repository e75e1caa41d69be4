/**
 * @module The projector screen, GET /c/:code/present (the teacher's; it never holds the key):
 * the lobby (code, QR, join address, names), the class's progress, a teacher-paced class's open
 * statement, and a walk through the claims that fooled the class most, each split drawn as an SVG
 * bar with its text beside it and the verdict revealed only when the teacher asks. Large type for
 * the back of a room (body.present in app.css); live by poll.js over the class's WebSocket.
 */
import type { Child } from "hono/jsx";
import type { Pace } from "../domain/pace";
import type { ClassPhase } from "../domain/room";
import type { Split } from "../domain/split";
import { QrCode } from "./class-qr";
import { Layout } from "./layout";
import { ActionForm, Passage, verdictWord } from "./quiz-parts";
import { pollPath } from "./styles";

/** A statement on the big screen: its split, and the verdict once revealed. */
export interface PresentStatement {
  position: number;
  statement: string;
  /** "What the report says", as the phones show it (empty: none). */
  context: string;
  split: Split;
  /** Shown after the teacher presses "Show the answer" (teacher-paced: on the phones too). */
  reveal: { explanation: string; claimant: string } | null;
}

export interface PresentPageProps {
  code: string;
  /**
   * Rendered in reply to a press sent in place: the last socket message whose change this page
   * holds (poll.js skips it and older ones instead of fetching the page again).
   */
  told?: number;
  title: string;
  joinUrl: string;
  joinHost: string;
  open: boolean;
  itemCount: number;
  names: string[];
  finished: number;
  /** Statements answered by the whole class so far. */
  answered: number;
  /** Claims someone answered wrongly: the walk-through's length (no link to it while none). */
  fooled: number;
  /** "lobby": students who join wait for the teacher's Start. */
  phase: ClassPhase;
  /** Teacher-paced: where the class is. */
  pace: Pace | null;
  /** Teacher-paced, a statement is open or closed: it (its split is drawn once closed). */
  current: PresentStatement | null;
  /** The walk through the most-fooled claims: this one, of how many. */
  claim: { index: number; of: number; item: PresentStatement } | null;
}

/** The split as a bar: what the class said (not who was right), with the same words as text. */
export function SplitBar({ split }: { split: Split }) {
  const v = split.total ? Math.round((split.verified / split.total) * 1000) : 0;
  const words = `${split.verified} said Verified, ${split.unverified} said Unverified (${split.total} ${split.total === 1 ? "answer" : "answers"}).`;
  const share = (n: number) => (split.total ? `${Math.round((n / split.total) * 100)}%` : "–");
  return (
    <figure class="split">
      {/* The caption is the text alternative, so screen readers hear the figures once; the labels are for the room. */}
      <div class="split-labels" aria-hidden="true">
        <span>
          <strong>{split.verified}</strong> said Verified ({share(split.verified)})
        </span>
        <span>
          <strong>{split.unverified}</strong> said Unverified ({share(split.unverified)})
        </span>
      </div>
      <svg viewBox="0 0 1000 60" aria-hidden="true" preserveAspectRatio="none">
        <rect width={v} height="60" class="ver" />
        <rect x={v} width={1000 - v} height="60" class="unv" />
      </svg>
      <figcaption>{words}</figcaption>
    </figure>
  );
}

function Statement({ s, show }: { s: PresentStatement; show: Child }) {
  return (
    <>
      <p class="statement">{s.statement}</p>
      <SplitBar split={s.split} />
      {s.reveal ? (
        <div class={s.split.verdict === "verified" ? "reveal ver" : "reveal unv"}>
          <p>
            <strong>{verdictWord(s.split.verdict)}.</strong> {s.split.right} of {s.split.total} got it right.
          </p>
          <p>{s.reveal.explanation}</p>
          <p class="muted">Who says it: {s.reveal.claimant}</p>
        </div>
      ) : (
        show
      )}
    </>
  );
}

/** GET /c/:code/present */
export function PresentPage(p: PresentPageProps) {
  const base = `/c/${p.code}/present`;
  const pace = p.pace;
  const paceForm = (action: "open" | "close" | "reveal", label: string) =>
    pace ? (
      <ActionForm
        action={`${base}/pace`}
        label={label}
        hidden={{ action, step: String(pace.step), shut: pace.shut ? "1" : "0" }}
        inPlace
      />
    ) : null;
  const lobby = !p.claim && !p.current;
  return (
    <Layout title={`Projector: ${p.title}`} wide="present" bare>
      <div data-poll="20" data-live-code={p.code} data-told={p.told ? String(p.told) : undefined}>
        <h1>{p.title}</h1>
        {p.claim ? (
          <section aria-labelledby="claim-h">
            <h2 id="claim-h">
              Claim {p.claim.index} of {p.claim.of} that fooled the class most
            </h2>
            <Statement
              s={p.claim.item}
              show={
                <p>
                  <a class="button" href={`${base}?claim=${p.claim.index}&reveal=1`}>
                    Show the answer
                  </a>
                </p>
              }
            />
            <p class="row">
              {p.claim.index < p.claim.of ? (
                <a class="button" href={`${base}?claim=${p.claim.index + 1}`}>
                  Next claim
                </a>
              ) : null}
              <a class="button secondary" href={base}>
                Back to the class
              </a>
            </p>
          </section>
        ) : p.current && pace ? (
          <section aria-labelledby="now-h">
            <h2 id="now-h">
              Statement {p.current.position} of {p.itemCount}
              {pace.shut ? ": closed" : ""}
            </h2>
            {pace.shut ? (
              <Statement
                s={p.current}
                show={
                  <>
                    <p class="muted">
                      The phones say “Answers are in — look at the screen”. Talk about the split first.
                    </p>
                    <p class="row">{paceForm("reveal", "Show the answer on every phone")}</p>
                  </>
                }
              />
            ) : (
              <>
                <p class="statement">{p.current.statement}</p>
                {p.current.context ? <Passage context={p.current.context} id="present-passage" /> : null}
                {/* The two choices the phones offer, as labels for the room (not buttons: the teacher does not answer). */}
                <p class="present-choices">
                  <span class="ver">Verified</span>
                  <span class="unv">Unverified</span>
                </p>
                <p id="present-now" data-live role="status" aria-live="polite" class="big">
                  {p.current.split.total} of {p.names.length} have answered.
                </p>
              </>
            )}
            <p class="row">
              {pace.shut
                ? pace.step < p.itemCount && pace.shown
                  ? paceForm("open", `Open statement ${pace.step + 1}`)
                  : null
                : paceForm("close", "Close this statement and show the split")}
              {pace.shut && pace.shown && pace.step >= p.itemCount && p.fooled > 0 ? (
                <a class="button" href={`${base}?claim=1`}>
                  Talk through the claims that fooled the class
                </a>
              ) : null}
            </p>
          </section>
        ) : (
          <section class="lobby" aria-label="Join the class">
            <div>
              <p class="join-at">
                Go to <strong>{p.joinHost}/join</strong> and type the code
              </p>
              <p class="code">{p.code}</p>
              {p.open ? null : <p>Joining is closed.</p>}
            </div>
            <QrCode text={p.joinUrl} label={`QR code that opens ${p.joinUrl}`} id="present-qr" />
          </section>
        )}
        {lobby ? (
          <>
            {/* Two live regions that stay in place, so screen readers hear the count when it changes. */}
            <p id="present-count" data-live role="status" aria-live="polite" class="big">
              {p.names.length === 0
                ? "Nobody has joined yet."
                : `${p.names.length} joined · ${p.finished} finished · ${p.answered} of ${p.names.length * p.itemCount} answers in`}
            </p>
            <ul id="present-names" data-live class="names" aria-label="Who has joined">
              {p.names.map((name) => (
                <li>{name}</li>
              ))}
            </ul>
          </>
        ) : null}
        {/* Live too: "Talk through the claims" appears once a claim has fooled someone. */}
        <p id="present-actions" data-live class="row no-print">
          {lobby && pace ? paceForm("open", "Start: open statement 1") : null}
          {lobby && !pace && p.phase === "lobby" ? (
            <ActionForm action={`${base}/start`} label="Start the quiz on every phone" />
          ) : null}
          {lobby && !pace && p.fooled > 0 ? (
            <a class="button" href={`${base}?claim=1`}>
              Talk through the claims that fooled the class
            </a>
          ) : null}
          <a class="button secondary" href={base}>
            Refresh
          </a>
        </p>
      </div>
      <script src={pollPath} defer />
    </Layout>
  );
}
