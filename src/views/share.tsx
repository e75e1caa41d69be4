/** @module The share page of a score: a summary, link-preview tags (Open Graph, Twitter card), and a way in. */
import type { SharedScore } from "../domain/share";
import { Layout, SITE_NAME } from "./layout";

export interface SharePageProps {
  score: SharedScore;
  /** Plain words for what the score means. */
  meaning: string;
  /** This page's absolute URL (og:url). */
  url: string;
  /** The absolute URL of the pre-rendered PNG card for this score (og:image). */
  image: string;
}

/** Open Graph and Twitter card tags: messaging apps read these to draw the link preview. */
function PreviewTags({
  title,
  description,
  url,
  image,
}: {
  title: string;
  description: string;
  url: string;
  image: string;
}) {
  return (
    <>
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content={SITE_NAME} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      <meta property="og:image" content={image} />
      <meta property="og:image:type" content="image/png" />
      <meta property="og:image:width" content="1200" />
      <meta property="og:image:height" content="630" />
      <meta property="og:image:alt" content={title} />
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={description} />
      <meta name="twitter:image" content={image} />
      <link rel="canonical" href={url} />
    </>
  );
}

/**
 * The page behind a shared result: no nickname, no answers, only the score and what it means.
 * @example <SharePage score={{ correct: 7, total: 8 }} meaning={shareMeaning(score)} url={url} image={image} />
 */
export function SharePage({ score, meaning, url, image }: SharePageProps) {
  const headline = `${score.correct} of ${score.total} right`;
  const title = `${headline} on ${SITE_NAME}`;
  const description = `${meaning} Can you tell a verified fact from an unverified claim?`;
  return (
    <Layout title={headline} description={description} head={<PreviewTags {...{ title, description, url, image }} />}>
      <h1>
        Someone got {score.correct} of {score.total} right
      </h1>
      <p class="lede">{meaning}</p>
      <p>
        Claim Check is a short quiz on the news coverage of the May 2023 incursion into Russia's Belgorod region. For
        each statement you decide whether the coverage establishes it or only reports someone's claim, then see the
        sentences it rests on.
      </p>
      <p>
        <a class="button" href="/quiz">
          Try the quiz yourself
        </a>
      </p>
    </Layout>
  );
}
