import { MutationCache, QueryClient, isServer } from "@tanstack/react-query";
import { toApiClientError, type ApiClientError } from "./errors";

declare module "@tanstack/react-query" {
  interface Register {
    defaultError: ApiClientError;
    mutationMeta: {
      /**
       * The title of the error toast (or a function of the mutation's variables giving it);
       * `false`: the component shows the error itself.
       */
      errorToast?: ErrorToastSetting;
    };
  }
}

// The variables' type is the mutation's own; the hook that sets the function knows it. `never`
// accepts a function of any variables (parameters are contravariant) without `any`.
export type ErrorToastSetting = string | false | ((variables: never) => string);

/** `title` null: the mutation named none, the reporter says "Something went wrong" in its language. */
export type MutationErrorReporter = (error: ApiClientError, title: string | null) => void;

let reportMutationError: MutationErrorReporter | null = null;

/** How a failed mutation is told to the person (the shell's toast); set once by the provider. */
export function onMutationError(reporter: MutationErrorReporter | null): void {
  reportMutationError = reporter;
}

/**
 * A QueryClient with the studio's defaults: data from the server (or a previous visit) is
 * fresh for a minute, nothing refetches on focus, a failed load is not retried behind the
 * person's back (the views offer Retry), and nothing waits for the browser to say it is online.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // "always": the loaders know what to do offline (the device's mirror, offline copies, the
      // service worker's caches), so a query runs rather than waits for the network.
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: false,
        networkMode: "always",
      },
      mutations: { retry: false, networkMode: "always" },
    },
    mutationCache: new MutationCache({
      onError: (error, variables, _context, mutation) => {
        const setting = mutation.meta?.errorToast;
        if (setting === false) return;
        const title =
          typeof setting === "function"
            ? // The mutation's own variables, which the function was written for.
              (setting as (variables: unknown) => string)(variables)
            : (setting ?? null);
        reportMutationError?.(toApiClientError(error), title);
      },
    }),
  });
}

let browserClient: QueryClient | null = null;

/** On the server a new client per request; in the browser one for the tab. */
export function getQueryClient(): QueryClient {
  if (isServer) return createQueryClient();
  browserClient ??= createQueryClient();
  return browserClient;
}

/** Forgets every loaded answer of this tab (logout, an ended session). */
export function clearQueryCache(): void {
  browserClient?.clear();
}
