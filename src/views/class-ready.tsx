/** @module "Your class is ready": the dashboard's opening panel (code, QR, projector link), with the teacher key once. */
import { QrCode } from "./class-qr";

/**
 * The code and QR for the room first; the key last, closed, so a projected page never shows it.
 * `teacherKey` is set only on the view right after creating the class.
 */
export function ClassReady({ code, joinUrl, teacherKey }: { code: string; joinUrl: string; teacherKey?: string }) {
  return (
    <section aria-labelledby="ready-heading" class="join-card panel">
      <h2 id="ready-heading">Your class is ready</h2>
      <p>
        Students go to <strong>{new URL(joinUrl).host}/join</strong> and type:
      </p>
      <p class="code">{code}</p>
      <div class="qr">
        <QrCode text={joinUrl} id="qr-title" label={`QR code that opens ${joinUrl}`} />
        <p>
          Or scan the code, which opens <a href={joinUrl}>{joinUrl}</a>
        </p>
      </div>
      <p>
        <a class="button" href={`/c/${code}/present`}>
          Open the projector screen
        </a>
      </p>
      {teacherKey ? (
        <details class="key-reveal">
          <summary>Show the teacher key</summary>
          <p class="key">
            <code>{teacherKey}</code>
          </p>
          <p>Type it to sign in to this class on another device; it is shown only this once.</p>
        </details>
      ) : (
        <p class="muted">The teacher key was shown once, when the class was created.</p>
      )}
    </section>
  );
}
