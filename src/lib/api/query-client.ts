import { MutationCache, QueryClient, isServer, type Mutation } from "@tanstack/react-query";
import { ApiClientError } from "./errors";

declare module "@tanstack/react-query" {
  interface Register {
    defaultError: ApiClientError;
    mutationMeta: {
      /** The title of the error toast; `false`: the component shows the error itself. */
      errorToast?: string | false;
    };
  }
}

export type MutationErrorReporter = (
  error: ApiClientError,
  mutation: Mutation<unknown, ApiClientError, unknown, unknown>,
) => void;

let reportMutationError: MutationErrorReporter | null = null;

/** How a failed mutation is told to the person (the shell's toast); set once by the provider. */
export function onMutationError(reporter: MutationErrorReporter | null): void {
  reportMutationError = reporter;
}

/**
 * A QueryClient with the studio's defaults: data from the server (or a previous visit) is
 * fresh for a minute, nothing refetches on focus, and a failed load is not retried behind the
 * person's back (the views offer Retry).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: false },
      mutations: { retry: false },
    },
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.meta?.errorToast === false) return;
        reportMutationError?.(
          error instanceof ApiClientError
            ? error
            : new ApiClientError({
                code: "INTERNAL_ERROR",
                message: "Please try again.",
                status: 0,
              }),
          mutation as Mutation<unknown, ApiClientError, unknown, unknown>,
        );
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
