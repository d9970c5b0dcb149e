import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthHeading } from "@/components/auth/auth-frame";
import { RegisterForm } from "@/components/auth/register-form";
import { readNextParam } from "@/components/auth/read-next-param";
import { getCurrentUser } from "@/server/auth/current-user";

export const metadata: Metadata = {
  title: "Create your account",
  description:
    "Create a free AI Image Studio account: generate images with Cloudflare Workers AI (free daily allocation) or Google Gemini (needs billing) on your own account, and keep them in a private gallery.",
};

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = readNextParam(await searchParams);
  const user = await getCurrentUser().catch(() => null);
  if (user) redirect(next ?? "/generate");
  return (
    <>
      <AuthHeading
        title="Create your studio"
        description="The account is free. Images are free on your Cloudflare account's daily allocation; Gemini needs billing on your Google key. It takes a few seconds."
      />
      <RegisterForm next={next} />
    </>
  );
}
