/** @module The start page: what this is, the quiz and joining a class first, a content note, then more for readers and teachers. */
import { Layout, SITE_NAME } from "./layout";

export interface HomePageProps {
  /** The first card in reading order, if the pack has any. */
  firstCard?: { slug: string; title: string } | undefined;
  cardCount: number;
  itemCount: number;
}

export function HomePage({ firstCard, cardCount, itemCount }: HomePageProps) {
  return (
    <Layout
      title={SITE_NAME}
      description="Learn to tell verified facts from unverified claims, using the news coverage of the May 2023 incursion into Russia's Belgorod region."
    >
      <h1>Verified fact or unverified claim?</h1>
      <p class="lede">
        In May 2023, according to Russia's account, armed men crossed from Ukraine into Russia's Belgorod region. The
        news reports mixed matters of record with claims that could not be independently verified at the time. This site
        teaches you to tell the two apart.
      </p>
      {/* The two ways in come first, on the first screen of a phone; a student with only the address joins here. */}
      <p class="start">
        <a class="button" href="/quiz">
          Take the quiz
        </a>
        <a class="button secondary" href="/join">
          Join a class
        </a>
      </p>

      <aside class="note" aria-labelledby="content-note">
        <h2 id="content-note">Content note</h2>
        <p>
          The article we use describes war: attacks, shelling, damaged homes, and claims about people killed and
          wounded. There are no images of violence here.
        </p>
      </aside>

      <h2>For readers</h2>
      <p>
        Read a few short cards ({cardCount} in all, each under a minute), then take the quiz: {itemCount} statements
        taken from the coverage. For each, you decide whether the coverage establishes it or only reports someone's
        claim. After every answer you see who makes the claim, the exact sentences it rests on, and what would settle
        it. No account, no timer.
      </p>

      <h2>For teachers</h2>
      <p>
        Classroom mode fits a 20-minute media-literacy lesson. Create a class and share a short code; students join on
        their phones with a nickname, with no accounts or e-mail. You see who has finished and which claims fooled the
        class most.
      </p>
      <p>
        <a class="button secondary" href="/teach">
          Set up a class
        </a>
      </p>

      <h2>Where to start</h2>
      <p>
        New to this? Read the cards in order, then take the quiz. Know the idea already? Go straight to the quiz and use
        the cards when an answer surprises you.
      </p>
      <p class="row">
        <a class="button" href={firstCard ? `/cards/${firstCard.slug}` : "/cards"}>
          {firstCard ? `Read the first card: ${firstCard.title}` : "Read the cards"}
        </a>
        <a class="button secondary" href="/quiz">
          Take the quiz
        </a>
        {firstCard ? (
          <a class="button secondary" href="/cards">
            All cards
          </a>
        ) : null}
      </p>
    </Layout>
  );
}
