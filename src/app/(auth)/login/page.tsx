import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { AuthHeading } from "@/components/auth/auth-frame";
import { LoginForm } from "@/components/auth/login-form";
import { readNextParam } from "@/components/auth/read-next-param";
import { getCurrentUser } from "@/server/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.login");
  return {
    title: t("metaTitle"),
    description: t("metaDescription"),
  };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = readNextParam(params);
  const user = await getCurrentUser().catch(() => null);
  if (user) redirect(next ?? "/generate");
  const t = await getTranslations("auth.login");
  return (
    <>
      {params.reason === "suspended" ? (
        <AuthHeading title={t("suspendedTitle")} description={t("suspendedDescription")} />
      ) : params.reset === "done" ? (
        <AuthHeading
          title={t("passwordChangedTitle")}
          description={t("passwordChangedDescription")}
        />
      ) : (
        <AuthHeading title={t("welcomeTitle")} description={t("welcomeDescription")} />
      )}
      <LoginForm next={next} />
    </>
  );
}
