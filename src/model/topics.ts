/**
 * 主题分类: the State Council's topic scheme (国务院公文主题分类, as gov.cn's 政策文件库 files its
 * documents), kept in content/topics.yaml, and the topics each document is filed under (the
 * `topics` field of content/documents.yaml). Both are editorial, reviewed data. One Zod schema,
 * used by the content collection (src/content.config.ts) and the unit tests (tests/unit/topics.test.ts).
 */
import { z } from 'astro/zod';

/** A topic's id: a stable ASCII slug (laodong-renshi), its address on the site. */
export const TOPIC_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

const topicFields = {
  /** Stable ASCII slug, never changed once published: laodong-jiuye. */
  id: z.string().regex(TOPIC_ID, 'lower-case ASCII letters and digits, joined by hyphens'),
  /** The name as the scheme writes it: 劳动就业. */
  name: z.string().min(1),
};

export const subTopicSchema = z.object(topicFields).strict();

export const topicSchema = z.object({
  ...topicFields,
  /** Its sub-topics (二级主题), where the scheme's are certain. */
  topics: z.array(subTopicSchema).optional(),
}).strict();

export type TopicEntry = z.infer<typeof topicSchema>;

/** The whole file: ids unique across both levels, names unique among siblings. */
export const topicsSchema = z.array(topicSchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  const names = new Set<string>();
  entries.forEach((e, i) => {
    const check = (id: string, path: (string | number)[]) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path, message: `topic id "${id}" is used twice` });
      seen.add(id);
    };
    check(e.id, [i, 'id']);
    if (names.has(e.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `topic “${e.name}” is listed twice` });
    names.add(e.name);
    (e.topics ?? []).forEach((s, k) => check(s.id, [i, 'topics', k, 'id']));
  });
});

/** A topic of either level, with its parent's id for a sub-topic. */
export interface Topic {
  id: string;
  name: string;
  parent?: string | undefined;
}

/** Every topic of the scheme, in its order: each top-level topic followed by its sub-topics. */
export function flattenTopics(entries: readonly TopicEntry[]): Topic[] {
  return entries.flatMap((e) => [{ id: e.id, name: e.name }, ...(e.topics ?? []).map((s) => ({ id: s.id, name: s.name, parent: e.id }))]);
}

/**
 * The topics a document is filed under: those assigned, and the parent of each sub-topic assigned
 * (a document on 劳动就业 is one on 劳动、人事、监察), in the scheme's order. Throws on an id the
 * scheme lacks.
 */
export function topicsOf(assigned: readonly string[], scheme: readonly Topic[]): Topic[] {
  const byId = new Map(scheme.map((t) => [t.id, t]));
  const ids = new Set<string>();
  for (const id of assigned) {
    const t = byId.get(id);
    if (!t) throw new Error(`topic "${id}" is not in content/topics.yaml`);
    ids.add(id);
    if (t.parent) ids.add(t.parent);
  }
  return scheme.filter((t) => ids.has(t.id));
}
