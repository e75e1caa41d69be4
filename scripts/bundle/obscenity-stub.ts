/**
 * A stand-in for the `obscenity` package, used ONLY by `npm run check:bundle` to build the Worker
 * a second time without the matcher, so its own cost can be measured (the budget lets the
 * matcher raise the ceiling by exactly that). Never bundled into the Worker that is deployed.
 */
export class DataSet {
  addAll(): this {
    return this;
  }
  addPhrase(): this {
    return this;
  }
  build(): Record<string, never> {
    return {};
  }
}
export const englishDataset = new DataSet();
export const englishRecommendedTransformers = {};
export const pattern = (): null => null;
export class RegExpMatcher {
  hasMatch(): boolean {
    return false;
  }
}
export type RegExpMatcherOptions = Record<string, unknown>;
