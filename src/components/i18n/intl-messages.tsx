import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { Messages, Namespace } from "@/i18n/catalogues";
import { BASE_NAMESPACES } from "./base-namespaces";

/** A namespace, or one part of it ("results.variations") when a page needs only that part. */
export type MessagesPath = Namespace | `${Namespace}.${string}`;

type Tree = { [key: string]: string | Tree };

/** Copies the messages at `path` from `all` into `picked`, at the same place. */
function pick(all: Tree, picked: Tree, path: string) {
  const keys = path.split(".");
  let from: Tree | string | undefined = all;
  let into = picked;
  for (const [index, key] of keys.entries()) {
    if (typeof from !== "object") return;
    from = from[key];
    if (from === undefined) return;
    if (index === keys.length - 1) {
      into[key] = from;
    } else {
      const existing: string | Tree = into[key] ?? {};
      if (typeof existing !== "object") return;
      // A copy: a whole namespace picked before is the catalogue's own object.
      const next: Tree = { ...existing };
      into[key] = next;
      into = next;
    }
  }
}

/**
 * Hands the client components below it the messages of these namespaces (with the base ones),
 * in the request's language. Only what a page's islands use travels to the browser: a server
 * component wraps its client view in this, naming the namespaces (or the parts of one) that
 * view reads. Every message picked is in the page's HTML, so a part is worth naming when the
 * view needs little of a large namespace.
 */
export async function IntlMessages({
  namespaces = [],
  children,
}: {
  namespaces?: readonly MessagesPath[];
  children: ReactNode;
}) {
  const all = (await getMessages()) as unknown as Tree;
  const picked: Tree = {};
  for (const path of [...BASE_NAMESPACES, ...namespaces]) pick(all, picked, path);
  return (
    <NextIntlClientProvider messages={picked as Partial<Messages>}>
      {children}
    </NextIntlClientProvider>
  );
}
