/**
 * @module A student's phone in a teacher-paced class, between statements. With JavaScript it
 * follows the class's WebSocket and moves on by itself when the teacher does (poll.js,
 * `data-follow`); without it, "Next" asks for the current statement.
 */
import type { Pace, WaitReason } from "../domain/pace";
import type { ClassPhase } from "../domain/room";
import { Layout } from "./layout";
import { ActionForm, Progress } from "./quiz-parts";
import { pollPath } from "./styles";

export interface QuizWaitPageProps {
  /** "held": the student finished early, and their result waits until the class has seen every answer. */
  why: WaitReason | "held";
  /** The class as its object holds it: the page moves on when a socket message differs. */
  status: { phase: ClassPhase; pace: Pace };
  total: number;
  answered: number;
  code: string;
  /** A class student's code to get back in (shown in the page's Menu or at its end). */
  rejoin?: string | undefined;
}

const WORDS: Record<QuizWaitPageProps["why"], [string, string]> = {
  held: [
    "You have finished",
    "Your teacher is still going through the statements with the class. Your result shows here once the last answer is on the big screen.",
  ],
  "not-started": ["You are in", "Your teacher will open the first statement on the big screen. Wait for it here."],
  answered: ["Your answer is in", "Your teacher will close this statement, then show the answer on the big screen."],
  "answers-in": [
    "Answers are in",
    "Look at the big screen. When your teacher shows the answer, you will see yours here.",
  ],
  closed: ["This statement is closed", "Your teacher moved on before you answered. Wait for the next statement."],
  done: ["That was the last statement", "Your teacher has shown every answer. See how you did."],
};

/**
 * What a waiting page compares the class's socket messages with (poll.js): the phase and the pace,
 * as the object sends them. Any difference means the page must change.
 * @example followOf({ phase: "running", pace: { step: 2, shut: true, shown: false } }) // "running,2,1,0"
 */
export function followOf({ phase, pace }: { phase: ClassPhase; pace: Pace }): string {
  return `${phase},${pace.step},${pace.shut ? 1 : 0},${pace.shown ? 1 : 0}`;
}

/** GET /quiz/q in a teacher-paced class, while the student waits for the teacher. */
export function QuizWaitPage(p: QuizWaitPageProps) {
  const [title, line] = WORDS[p.why];
  return (
    <Layout title={title} rejoin={p.rejoin}>
      <div data-poll="20" data-live-code={p.code} data-follow={followOf(p.status)}>
        {/* One region: poll.js copies the next wait state in here, keeping this page's socket. */}
        <div id="wait-now" data-live>
          <Progress total={p.total} answered={p.answered} />
          <h1>{title}</h1>
          <p role="status">{line}</p>
          <div class="row">
            {p.why === "done" ? (
              <ActionForm action="/quiz/finish" label="See my result" />
            ) : (
              <a class="button" href="/quiz/q">
                Next
              </a>
            )}
          </div>
          {p.why === "done" ? null : (
            <p class="muted">
              This page moves on by itself when your teacher does. If it does not, press Next. There is no clock and no
              points for speed.
            </p>
          )}
        </div>
      </div>
      <script src={pollPath} defer />
    </Layout>
  );
}
