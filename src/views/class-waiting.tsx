/**
 * @module The pages of a student who is not (or not yet) in the class: "Waiting for your teacher to
 * let you in" (a class whose teacher admits each name) and "You are not in this class" (removed or
 * refused); and the line with the student's code to get back in, on every class page.
 */
import { Layout } from "./layout";
import { RejoinCodeLine } from "./rejoin-code";
import { pollPath } from "./styles";

/** The Refresh button of a page waiting for the teacher (without JavaScript nothing else moves it on). */
export function RefreshJoined({ code }: { code: string }) {
  return (
    <p class="row">
      <a class="button secondary" href={`/c/${code}/joined`}>
        Refresh
      </a>
    </p>
  );
}

/** What the waiting page shows: who asked to join what, and where the class's socket messages were. */
export interface WaitingRoomProps {
  code: string;
  nick: string;
  classTitle: string;
  back?: string | undefined;
  /** The settings' change number and door count the page was rendered at. */
  live?: { rev: number; door: number } | undefined;
}

/**
 * "Waiting for your teacher to let you in": a class whose teacher admits each name. The page
 * follows the class (poll.js looks again when the door count `d` moves: someone was admitted or
 * refused) and becomes "You're in" once the teacher admits the student; Refresh without JavaScript.
 */
export function WaitingRoomPage(p: WaitingRoomProps) {
  return (
    <Layout title="Waiting for your teacher to let you in">
      <div
        data-poll="20"
        data-live-code={p.code}
        data-door={String(p.live?.door ?? 0)}
        data-rev={String(p.live?.rev ?? 0)}
      >
        <h1>Waiting for your teacher to let you in</h1>
        <div id="joined-now" data-live>
          <p class="lede" role="status">
            You asked to join {p.classTitle} as <strong class="nick">{p.nick}</strong>. Your teacher lets each name in:
            this page moves on by itself when you are in. If it does not, press Refresh.
          </p>
          <RefreshJoined code={p.code} />
        </div>
        <RejoinCodeLine back={p.back} full />
        <p class="muted">
          <a href={`/c/${p.code}?new=1`}>Not {p.nick}? Join under another name</a>
        </p>
      </div>
      <script src={pollPath} defer />
    </Layout>
  );
}

/** The teacher removed this student (or did not let the name in): say so, and offer another name. */
export function RemovedPage(p: { code: string; classTitle: string; nick: string }) {
  return (
    <Layout title="You are not in this class">
      <h1>You are not in this class</h1>
      <p class="lede">
        Your teacher did not let <strong class="nick">{p.nick}</strong> into {p.classTitle}, or removed the name. If
        that is a mistake, ask your teacher.
      </p>
      <p>
        <a class="button" href={`/c/${p.code}?new=1`}>
          Join under another name
        </a>
      </p>
    </Layout>
  );
}
