/**
 * @module The corrections page's prose: how we fix mistakes and the editorial rule. Rendered by
 * `npm run prerender` into a private content file (src/content/prose.ts) that the Worker reads and
 * places above the report form, so the prose is not in the Worker's bundle.
 */

/** The prose above the report form; the content version is the one the file is made for. */
export function CorrectionsIntro({ packVersion }: { packVersion: string }) {
  return (
    <>
      <p class="lede">
        We check every card and quiz statement against the article, but we can get things wrong. Here is how we put
        mistakes right, and how to tell us about one.
      </p>

      <h2>How we correct mistakes</h2>
      <p>
        When a card or a quiz statement is wrong, we fix it, update its last-reviewed date, and raise the content
        version (now <strong>{packVersion}</strong>). Every quiz result records the version it was played on, so results
        from before a fix can be told apart. We record what changed, and why, with the new version.
      </p>

      <h2>The editorial rule</h2>
      <p>
        We call a statement <strong>verified</strong> only when the coverage establishes it: a public act or matter of
        record, a historical fact, or the fact that someone said something on the record. Everything else is{" "}
        <strong>unverified</strong>: a claim by a side in the war, an estimate (even an independent expert's), the
        outlet's own judgement, a label from unnamed sources, or anything the coverage hedges. Unverified does not mean
        false. Our verdicts are "as reported in May 2023"; later reporting may settle a claim.
      </p>
    </>
  );
}
