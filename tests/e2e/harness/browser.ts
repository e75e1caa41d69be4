/**
 * @module One headless Chromium per test file (Debian's, never a downloaded one), and browser
 * contexts shaped like the phones our readers use. scripts/screenshots.ts imports this outside
 * vitest: only useBrowser() calls vitest's hooks, so importing the rest is safe there.
 */
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";

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
/** A small phone, 360×640: the screen the quiz and class pages are measured on. */
export const SMALL = { width: 360, height: 640 } as const;
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

/**
 * Records every request the context makes to another host into `into` (and returns it): the app
 * must make none (no fonts, no third parties). Push into one list, never spread a fresh one: the
 * requests come later.
 */
export function watchForeignRequests(context: BrowserContext, baseURL: string, into: string[] = []): string[] {
  const origin = new URL(baseURL).origin;
  context.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) into.push(url);
  });
  return into;
}

/** A test file's browser and the contexts it opens; see useBrowser. */
export interface BrowserSession {
  /** The file's Chromium (launched in beforeAll: read it inside a test or hook). */
  readonly browser: Browser;
  /** The app under test (from the global setup). */
  readonly baseURL: string;
  /** Requests to other hosts made by every context this session opened or watched. */
  readonly foreign: string[];
  /** Records the context's requests to other hosts into `foreign`; for teacherAt's `watch`. */
  watch(context: BrowserContext): void;
  /** A phone context on the app (phoneContext's defaults), watched. */
  phone(options?: Omit<PhoneOptions, "baseURL">): Promise<BrowserContext>;
  /** A phone context, watched, and a first page in it. */
  phonePage(options?: Omit<PhoneOptions, "baseURL">): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * Launches the file's browser before its first test and closes it after its last (call once, at
 * the top of a test file), then fails the file if any context it opened or watched asked another
 * host for anything. Hooks run in the order registered, after-hooks in reverse, so a file's own
 * beforeAll may use the browser and its own afterAll runs before the browser closes.
 */
export function useBrowser(): BrowserSession {
  const baseURL = inject("baseURL");
  const foreign: string[] = [];
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launchBrowser();
  });
  afterAll(async () => {
    await launched?.close();
    expect(foreign, "requests to other hosts from this file's pages").toEqual([]);
  });
  const session: BrowserSession = {
    get browser() {
      if (!launched) throw new Error("useBrowser: the browser is launched in beforeAll; read it inside a test or hook");
      return launched;
    },
    baseURL,
    foreign,
    watch: (context) => {
      watchForeignRequests(context, baseURL, foreign);
    },
    async phone(options = {}) {
      const context = await phoneContext(session.browser, { baseURL, ...options });
      session.watch(context);
      return context;
    },
    async phonePage(options = {}) {
      const context = await session.phone(options);
      return { context, page: await context.newPage() };
    },
  };
  return session;
}
