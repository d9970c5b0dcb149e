import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { AuthHeading } from "@/components/auth/auth-frame";
import { RegisterForm } from "@/components/auth/register-form";
import { readNextParam } from "@/components/auth/read-next-param";
import { getCurrentUser } from "@/server/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.register");
  return {
    title: t("metaTitle"),
    description: t("metaDescription"),
  };
}

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = readNextParam(await searchParams);
  const user = await getCurrentUser().catch(() => null);
  if (user) redirect(next ?? "/generate");
  const t = await getTranslations("auth.register");
  return (
    <>
      <AuthHeading title={t("title")} description={t("description")} />
      <RegisterForm next={next} />
    </>
  );
}
