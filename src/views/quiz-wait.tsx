/**
 * @module A student's phone in a teacher-paced class, between statements. With JavaScript it
 * follows the class's WebSocket and moves on by itself when the teacher does (poll.js,
 * `data-follow`); without it, "Next" asks for the current statement.
 */
import type { Pace } from "../domain/pace";
import { Layout } from "./layout";
import { ActionForm, Progress } from "./quiz-parts";
import { pollPath } from "./styles";

export interface QuizWaitPageProps {
  why: "not-started" | "answered" | "closed" | "done";
  pace: Pace;
  total: number;
  answered: number;
  code: string;
}

const WORDS: Record<QuizWaitPageProps["why"], [string, string]> = {
  "not-started": ["You are in", "Your teacher will open the first statement on the big screen. Wait for it here."],
  answered: ["Your answer is in", "When your teacher closes this statement, you will see whether you were right."],
  closed: ["This statement is closed", "Your teacher moved on before you answered. Wait for the next statement."],
  done: ["That was the last statement", "Your teacher has closed every statement. See how you did."],
};

/** GET /quiz/q in a teacher-paced class, while the student waits for the teacher. */
export function QuizWaitPage(p: QuizWaitPageProps) {
  const [title, line] = WORDS[p.why];
  return (
    <Layout title={title}>
      <div data-poll="20" data-live-code={p.code} data-follow={`${p.pace.step},${p.pace.shut ? 1 : 0}`}>
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
      <script src={pollPath} defer />
    </Layout>
  );
}
