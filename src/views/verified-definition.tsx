/** @module What "verified" means in this quiz, in the words students see wherever they meet the word. */

/**
 * One line for under the answer buttons and on the feedback page. Students read "verified" as
 * "true" or "independently confirmed" unless told otherwise, so every screen with the word says it.
 */
export function VerifiedDefinition() {
  return (
    <p class="muted verified-definition">
      Here, <strong>verified</strong> means this report establishes it: an act on record, or the fact that someone said
      something. It does not mean independently confirmed, or true. Unverified does not mean false.
    </p>
  );
}

/** A short block for the screen before statement 1 (class students go straight there, past the quiz's start page). */
export function VerifiedDefinitionBlock() {
  return (
    <section class="panel" aria-labelledby="verified-means">
      <h2 id="verified-means">What “verified” means here</h2>
      <p>
        <strong>Verified</strong>: this report establishes it. Either it is an act on record (a legal regime was
        declared), or it is the fact that someone said something (“the spokesman said…”).
      </p>
      <p>
        That is not the same as independently confirmed, and not the same as true: a report can establish that a
        minister said something without showing that what he said is right.
      </p>
      <p>
        <strong>Unverified</strong>: a claim, an estimate or a judgement that the report does not establish. Unverified
        does not mean false.
      </p>
    </section>
  );
}
