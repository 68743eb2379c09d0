/**
 * 主题分类 (content/topics.yaml, src/model/topics.ts) and the topics documents are filed under
 * (content/documents.yaml and the test libraries' documents.yaml): the scheme passes its schema,
 * ids are unique ASCII slugs, every assigned topic exists, and the 21 topics of the State
 * Council's scheme are there in its order. byTopic/byKind/byStatus group made-up documents.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { TOPIC_ID, flattenTopics, topicsOf, topicsSchema } from '../../src/model/topics.ts';
import { byKind, byStatus, byTopic } from '../../src/views/library.ts';
import { STATUS_SLUGS, STATUSES, type Status } from '../../src/model/status.ts';
import type { PolicyDocument } from '../../src/model/types.ts';
import { CONTENT_DIR, LIBRARY_FIXTURES, REAL_FIXTURES } from '../helpers/paths.ts';
import { makeDoc } from './make-doc.ts';

const scheme = topicsSchema.parse(parseYaml(readFileSync(join(CONTENT_DIR, 'topics.yaml'), 'utf8')));
const topics = flattenTopics(scheme);

describe('content/topics.yaml', () => {
  test('the 21 topics of the 国务院公文主题分类, in its order', () => {
    expect(scheme.map((t) => t.name)).toEqual([
      '综合政务', '国民经济管理、国有资产监管', '财政、金融、审计', '国土资源、能源', '农业、林业、水利', '工业、交通', '商贸、海关、旅游',
      '市场监管、安全生产监管', '城乡建设、环境保护', '科技、教育', '文化、广电、新闻出版', '卫生、体育', '人口与计划生育、妇女儿童工作',
      '劳动、人事、监察', '公安、安全、司法', '民政、扶贫、救灾', '民族、宗教', '对外事务', '港澳台侨工作', '国防', '其他',
    ]);
  });

  test('ids are unique ASCII slugs across both levels; sub-topics know their parent', () => {
    const ids = topics.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(TOPIC_ID);
    const labour = topics.find((t) => t.name === '劳动就业')!;
    expect(topics.find((t) => t.id === labour.parent)!.name).toBe('劳动、人事、监察');
  });

  test('the schema refuses an id used twice and an unknown field', () => {
    expect(topicsSchema.safeParse([{ id: 'a', name: '甲', topics: [{ id: 'a', name: '乙' }] }]).success).toBe(false);
    expect(topicsSchema.safeParse([{ id: 'a', name: '甲', colour: 'red' }]).success).toBe(false);
    expect(topicsSchema.safeParse([{ id: 'A b', name: '甲' }]).success).toBe(false);
  });

  test.each([
    ['content/documents.yaml', join(CONTENT_DIR, 'documents.yaml')],
    ['tests/fixtures/library/documents.yaml', join(LIBRARY_FIXTURES, 'documents.yaml')],
    ['tests/fixtures/real/documents.yaml', join(REAL_FIXTURES, 'documents.yaml')],
  ])('every topic assigned in %s exists, and every document there has one', (_, path) => {
    const entries = (parseYaml(readFileSync(path, 'utf8')) ?? []) as { source: string; topics?: string[] }[];
    const ids = new Set(topics.map((t) => t.id));
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(e.topics?.length, `${e.source} has topics`).toBeGreaterThan(0);
      for (const id of e.topics!) expect(ids.has(id), `${e.source}: topic ${id}`).toBe(true);
      expect(new Set(e.topics).size, `${e.source}: no topic twice`).toBe(e.topics!.length);
    }
  });
});

describe('topicsOf', () => {
  test('a sub-topic brings its parent, in the scheme order; an unknown id is refused', () => {
    expect(topicsOf(['renshi', 'laodong-jiuye'], topics).map((t) => t.id)).toEqual(['laodong-renshi', 'laodong-jiuye', 'renshi']);
    expect(topicsOf(['guofang'], topics).map((t) => t.id)).toEqual(['guofang']);
    expect(() => topicsOf(['no-such-topic'], topics)).toThrow(/no-such-topic/);
  });
});

describe('the library grouped by topic, kind and status', () => {
  const doc = (id: string, title: string, provisionsTitle: string, filed: string[]): PolicyDocument =>
    makeDoc({ id, title, provisionsTitle, meta: { topics: filed } });
  const a = doc('a', '关于印发《示例办法》的通知', '示例办法', ['laodong-jiuye']);
  const b = doc('b', '示例意见', '示例意见', ['renshi', 'guofang']);
  const c = doc('c', '关于印发《示例方案》的通知', '示例方案', []);
  const all = [a, b, c];
  const ids = (docs: readonly PolicyDocument[]) => docs.map((x) => x.id);

  test('byTopic: under each topic named and its parent, topics without documents left out', () => {
    expect(byTopic(all, topics).map((f) => [f.slug, ids(f.documents), f.parent ?? null])).toEqual([
      ['laodong-renshi', ['a', 'b'], null], ['laodong-jiuye', ['a'], 'laodong-renshi'], ['renshi', ['b'], 'laodong-renshi'], ['guofang', ['b'], null],
    ]);
  });

  test('byKind: an 印发 notice under 通知 and under the carried kind', () => {
    expect(byKind(all).map((f) => [f.label, f.slug, ids(f.documents)])).toEqual([
      ['通知', 'tongzhi', ['a', 'c']], ['意见', 'yijian', ['b']], ['办法', 'banfa', ['a']], ['方案', 'fangan', ['c']],
    ]);
  });

  test('byStatus: each document under exactly one status, in the order of STATUSES, with ASCII slugs', () => {
    const statusOf = (d: PolicyDocument): Status => (d.id === 'b' ? '已废止' : '现行有效');
    const facets = byStatus(all, statusOf);
    expect(facets.map((f) => [f.label, ids(f.documents)])).toEqual([['现行有效', ['a', 'c']], ['已废止', ['b']]]);
    expect(facets.map((f) => f.slug)).toEqual([STATUS_SLUGS.现行有效, STATUS_SLUGS.已废止]);
    const slugs = STATUSES.map((s) => STATUS_SLUGS[s]);
    expect(new Set(slugs).size).toBe(STATUSES.length);
    for (const s of slugs) expect(s).toMatch(/^[a-z][a-z-]*$/);
  });
});
