import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthHeading } from "@/components/auth/auth-frame";
import { LoginForm } from "@/components/auth/login-form";
import { readNextParam } from "@/components/auth/read-next-param";
import { getCurrentUser } from "@/server/auth/current-user";

export const metadata: Metadata = {
  title: "Log in",
  description: "Log in to AI Image Studio to generate images and open your gallery.",
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = readNextParam(params);
  const user = await getCurrentUser().catch(() => null);
  if (user) redirect(next ?? "/generate");
  return (
    <>
      {params.reason === "suspended" ? (
        <AuthHeading
          title="Account suspended"
          description="This account is suspended, so you were signed out. Contact the studio's operator to have it restored."
        />
      ) : params.reset === "done" ? (
        <AuthHeading
          title="Password changed"
          description="Every device was signed out. Log in with your new password."
        />
      ) : (
        <AuthHeading title="Welcome back" description="Log in to pick up where you left off." />
      )}
      <LoginForm next={next} />
    </>
  );
}
