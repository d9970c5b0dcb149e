import { describe, expect, it } from "vitest";
import { tidyApiPath } from "./api-path-guard";

describe("the tidy path of an /api/ request (instead of Next's bare 308)", () => {
  it("drops a trailing slash and empty segments, keeping the query as sent", () => {
    expect(tidyApiPath("/api/v1/templates/")).toBe("/api/v1/templates");
    expect(tidyApiPath("/api/v1//images")).toBe("/api/v1/images");
    expect(tidyApiPath("/api/v1/images//x/")).toBe("/api/v1/images/x");
    expect(tidyApiPath("/api/health/")).toBe("/api/health");
    expect(tidyApiPath("/api/v1/")).toBe("/api/v1");
    expect(tidyApiPath("/api/v1/images/?limit=2&q=a/")).toBe("/api/v1/images?limit=2&q=a/");
  });

  it("leaves tidy paths, query strings and other paths alone", () => {
    expect(tidyApiPath("/api/v1/images")).toBeNull();
    expect(tidyApiPath("/api/v1/images?next=/a//b/")).toBeNull();
    expect(tidyApiPath("/gallery/")).toBeNull();
    expect(tidyApiPath("/")).toBeNull();
    expect(tidyApiPath(undefined)).toBeNull();
  });
});
