/** @module The explainer cards: the list, and one card with a way to report a problem (never the quiz statements). */
import { Layout } from "./layout";

/** What a card page shows of a card; the route passes it in (views read no data). */
export interface CardView {
  slug: string;
  title: string;
  summary: string;
  body: string[];
  reviewed: string;
}

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** A YYYY-MM-DD date as "25 November 2026", machine-readable in `datetime`. */
export function DateText({ date }: { date: string }) {
  const parsed = new Date(`${date}T00:00:00Z`);
  return <time datetime={date}>{Number.isNaN(parsed.getTime()) ? date : longDate.format(parsed)}</time>;
}

export function CardListPage({ cards }: { cards: CardView[] }) {
  return (
    <Layout
      title="Cards"
      description="Short lessons on telling verified facts from unverified claims in war reporting."
    >
      <h1>Cards</h1>
      <p class="lede">
        Short lessons, each under a minute to read. Read them in order, or start with the one you need, then try the{" "}
        <a href="/quiz">quiz</a>.
      </p>
      {cards.length === 0 ? (
        <p>There are no cards yet.</p>
      ) : (
        <ol class="cards">
          {cards.map((card) => (
            <li>
              <h2>
                <a href={`/cards/${card.slug}`}>{card.title}</a>
              </h2>
              <p>{card.summary}</p>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}

export interface CardPageProps {
  card: CardView;
  /** 1-based position in reading order, and how many cards there are. */
  position: number;
  total: number;
  previous?: CardView | undefined;
  next?: CardView | undefined;
}

export function CardPage({ card, position, total, previous, next }: CardPageProps) {
  return (
    <Layout title={card.title} description={card.summary}>
      <p class="muted">
        <a href="/cards">Cards</a> · card {position} of {total}
      </p>
      <h1>{card.title}</h1>
      {card.body.map((paragraph) => (
        <p>{paragraph}</p>
      ))}
      <p class="muted">
        Last reviewed <DateText date={card.reviewed} />.
      </p>

      {/* No quiz statements here: a card that lists them tells which lesson, and so which verdict, each one has. */}

      <p class="row">
        <a class="button secondary" href={`/corrections?card=${encodeURIComponent(card.slug)}`}>
          Report a problem with this card
        </a>
      </p>

      <nav class="pager" aria-label="Cards">
        {previous ? (
          <a class="button secondary" rel="prev" href={`/cards/${previous.slug}`}>
            <span aria-hidden="true">←</span> Previous: {previous.title}
          </a>
        ) : (
          <a class="button secondary" href="/cards">
            All cards
          </a>
        )}
        {next ? (
          <a class="button" rel="next" href={`/cards/${next.slug}`}>
            Next: {next.title} <span aria-hidden="true">→</span>
          </a>
        ) : (
          <a class="button" href="/quiz">
            Take the quiz <span aria-hidden="true">→</span>
          </a>
        )}
      </nav>
    </Layout>
  );
}
