/** @module Friendly HTML error pages: a clear message and a way back, never a stack trace. */
import { Layout } from "./layout";

export interface ErrorPageProps {
  title: string;
  message: string;
  /** The first way back (default: the start page). */
  back?: { href: string; label: string };
}

export function ErrorPage({ title, message, back = { href: "/", label: "Go to the start page" } }: ErrorPageProps) {
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p class="row">
        <a class="button" href={back.href}>
          {back.label}
        </a>
        <a class="button secondary" href="/cards">
          Read the cards
        </a>
      </p>
    </Layout>
  );
}
