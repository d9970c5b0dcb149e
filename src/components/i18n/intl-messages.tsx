import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { Messages, Namespace } from "@/i18n/catalogues";

/** Namespaces every client component may use on any page (buttons, errors, the shell). */
export const BASE_NAMESPACES = [
  "common",
  "errors",
  "validation",
  "shell",
  "pwa",
] as const satisfies readonly Namespace[];

/**
 * Hands the client components below it the messages of these namespaces (with the base ones),
 * in the request's language. Only what a page's islands use travels to the browser: a server
 * component wraps its client view in this, naming the namespaces that view reads.
 */
export async function IntlMessages({
  namespaces = [],
  children,
}: {
  namespaces?: readonly Namespace[];
  children: ReactNode;
}) {
  const all = (await getMessages()) as Messages;
  const picked: Partial<Messages> = {};
  for (const name of [...BASE_NAMESPACES, ...namespaces]) {
    (picked as Record<string, unknown>)[name] = all[name];
  }
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
