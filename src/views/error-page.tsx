/** @module Friendly HTML error pages: a clear message and a way back, never a stack trace. */
import { Layout } from "./layout";

export interface ErrorPageProps {
  title: string;
  message: string;
}

export function ErrorPage({ title, message }: ErrorPageProps) {
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p class="row">
        <a class="button" href="/">
          Go to the start page
        </a>
        <a class="button secondary" href="/cards">
          Read the cards
        </a>
      </p>
    </Layout>
  );
}
