/** @module Form helpers shared by the teacher and join forms: field errors tied to their inputs, the content note. */

export interface FieldError<F extends string = string> {
  field: F;
  message: string;
}

/** aria attributes tying an input to its error message, if it has one. */
export function fieldAria(field: string, errors: readonly FieldError[], hint?: string) {
  const error = errors.some((e) => e.field === field);
  const ids = [hint, error ? `${field}-error` : undefined].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": error ? ("true" as const) : undefined };
}

export function FieldErrorText({ field, errors }: { field: string; errors: readonly FieldError[] }) {
  const error = errors.find((e) => e.field === field);
  return error ? (
    <p class="field-error" id={`${field}-error`}>
      {error.message}
    </p>
  ) : null;
}

/** The list of problems at the top of a form that was sent back. */
export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="note" role="alert">
      <p>
        <strong>Please check {errors.length === 1 ? "this" : "these"}:</strong>
      </p>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const CONTENT_NOTE =
  "The article describes war: an armed incursion, shelling, damaged homes, and claims about people killed and wounded. There are no images of violence.";
