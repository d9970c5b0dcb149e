/**
 * Every message catalogue, by language and namespace (one JSON file each under messages/),
 * imported statically so that the server bundle carries them (no file reads at run time).
 * English is the reference: its shape is the `Messages` type that next-intl checks every key
 * against (src/i18n/next-intl.d.ts), and Indonesian must have the same shape to compile.
 * A new namespace is added here and to both languages' folders.
 */
import type { Locale } from "./locales";
import en_common from "./messages/en/common.json";
import en_errors from "./messages/en/errors.json";
import en_validation from "./messages/en/validation.json";
import en_shell from "./messages/en/shell.json";
import en_pwa from "./messages/en/pwa.json";
import en_landing from "./messages/en/landing.json";
import en_auth from "./messages/en/auth.json";
import en_explore from "./messages/en/explore.json";
import en_share from "./messages/en/share.json";
import en_generate from "./messages/en/generate.json";
import en_results from "./messages/en/results.json";
import en_gallery from "./messages/en/gallery.json";
import en_collections from "./messages/en/collections.json";
import en_image from "./messages/en/image.json";
import en_settings from "./messages/en/settings.json";
import en_admin from "./messages/en/admin.json";
import en_mail from "./messages/en/mail.json";
import en_push from "./messages/en/push.json";
import en_templates from "./messages/en/templates.json";
import en_metadata from "./messages/en/metadata.json";
import id_common from "./messages/id/common.json";
import id_errors from "./messages/id/errors.json";
import id_validation from "./messages/id/validation.json";
import id_shell from "./messages/id/shell.json";
import id_pwa from "./messages/id/pwa.json";
import id_landing from "./messages/id/landing.json";
import id_auth from "./messages/id/auth.json";
import id_explore from "./messages/id/explore.json";
import id_share from "./messages/id/share.json";
import id_generate from "./messages/id/generate.json";
import id_results from "./messages/id/results.json";
import id_gallery from "./messages/id/gallery.json";
import id_collections from "./messages/id/collections.json";
import id_image from "./messages/id/image.json";
import id_settings from "./messages/id/settings.json";
import id_admin from "./messages/id/admin.json";
import id_mail from "./messages/id/mail.json";
import id_push from "./messages/id/push.json";
import id_templates from "./messages/id/templates.json";
import id_metadata from "./messages/id/metadata.json";

const en = {
  common: en_common,
  errors: en_errors,
  validation: en_validation,
  shell: en_shell,
  pwa: en_pwa,
  landing: en_landing,
  auth: en_auth,
  explore: en_explore,
  share: en_share,
  generate: en_generate,
  results: en_results,
  gallery: en_gallery,
  collections: en_collections,
  image: en_image,
  settings: en_settings,
  admin: en_admin,
  mail: en_mail,
  push: en_push,
  templates: en_templates,
  metadata: en_metadata,
};

export type Messages = typeof en;
export type Namespace = keyof Messages;
export const NAMESPACES = Object.keys(en) as Namespace[];

export const CATALOGUES: Record<Locale, Messages> = {
  en,
  id: {
    common: id_common,
    errors: id_errors,
    validation: id_validation,
    shell: id_shell,
    pwa: id_pwa,
    landing: id_landing,
    auth: id_auth,
    explore: id_explore,
    share: id_share,
    generate: id_generate,
    results: id_results,
    gallery: id_gallery,
    collections: id_collections,
    image: id_image,
    settings: id_settings,
    admin: id_admin,
    mail: id_mail,
    push: id_push,
    templates: id_templates,
    metadata: id_metadata,
  },
};
