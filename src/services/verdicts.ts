/** @module verdicts: the pack's verdicts, in the shape the domain's scoring functions take. */
import { pack } from "../content/pack";
import type { VerdictOf } from "../domain/quiz";

/** The verdict of a pack item, for the domain functions. */
export const verdictOf: VerdictOf = (itemId) => pack.itemById.get(itemId)?.verdict;
