/**
 * @module One headless Chromium for the whole run (Debian's, never a downloaded one),
 * and browser contexts shaped like the phones our readers use.
 */
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from "playwright-core";

/** Debian's Chromium; CI installs it with apt. Override with CHROME_PATH. */
export const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";

/** Flags for a quiet, offline, sandbox-free headless run (the tests run as root in CI). */
export const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Playwright gives every launch a fresh, temporary user-data-dir. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME_PATH, args: CHROME_FLAGS, headless: true, chromiumSandbox: false });
}

/** A 390×844 phone (iPhone 12–15 size), touch, device scale 3. */
export const PHONE = { width: 390, height: 844 } as const;
/** The narrowest screen we support (WCAG 1.4.10 reflow: 320 CSS px). */
export const NARROW = { width: 320, height: 640 } as const;

export interface PhoneOptions {
  baseURL: string;
  width?: number;
  height?: number;
  javaScriptEnabled?: boolean;
  colorScheme?: BrowserContextOptions["colorScheme"];
  reducedMotion?: BrowserContextOptions["reducedMotion"];
}

/** Contexts created with JavaScript off, and their options (axe audits them in a scripted twin). */
export const scriptlessContexts = new WeakMap<BrowserContext, PhoneOptions>();

/** A new context (own cookies, own cache) that looks like a phone. */
export async function phoneContext(browser: Browser, options: PhoneOptions): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: options.baseURL,
    viewport: { width: options.width ?? PHONE.width, height: options.height ?? PHONE.height },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? "light",
    reducedMotion: options.reducedMotion ?? "no-preference",
    locale: "en-GB",
    // The app must make no third-party requests; anything not on our host fails the test that sees it.
    serviceWorkers: "block",
  });
  // Fail a step in seconds with a message naming it, well before the test's own timeout.
  context.setDefaultTimeout(10_000);
  if (options.javaScriptEnabled === false) scriptlessContexts.set(context, options);
  return context;
}
