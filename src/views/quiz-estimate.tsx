/** @module Before the first statement: how many the reader expects to get right. One tap, or skip. No JavaScript. */
import { Layout } from "./layout";

export interface QuizEstimatePageProps {
  /** How many statements the form asks. */
  total: number;
}

/** Each number is its own submit button, so one tap answers and goes on to the first statement. */
export function QuizEstimatePage({ total }: QuizEstimatePageProps) {
  return (
    <Layout title="Before you start">
      <form method="post" action="/quiz/estimate">
        <fieldset class="estimate">
          <legend>
            <h1>How many of these {total} do you think you will get right?</h1>
          </legend>
          <div class="row">
            {Array.from({ length: total + 1 }, (_, n) => (
              <button type="submit" name="estimate" value={String(n)} class="secondary">
                {n}
              </button>
            ))}
          </div>
        </fieldset>
      </form>
      <p class="muted">One tap takes you to the first statement. At the end you see how close you were.</p>
      <p class="row">
        <a class="button secondary" href="/quiz/q/1">
          Skip this question
        </a>
      </p>
    </Layout>
  );
}
