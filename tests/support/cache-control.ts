/** A response's Cache-Control as directive → value ("" for a directive without one). */
export function directivesOf(response: Response): Map<string, string> {
  const header = response.headers.get("cache-control") ?? "";
  return new Map(
    header
      .split(",")
      .map((part) => part.trim().toLowerCase())
      .filter(Boolean)
      .map((part) => {
        const [name = "", value = ""] = part.split("=");
        return [name.trim(), value.trim()] as const;
      }),
  );
}
