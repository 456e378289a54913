import { z } from 'zod';
import { idOf, Name, Ok, PageQuery, pageOf, Timestamp } from './common';
import { CustomerFilter, CustomerId, TimelineEvent } from './customers';
import { route } from './routes';
import { TagId, TagRule, TagRuleCondition, TagRuleInput, TagRulePatch, TagRuleRunResult } from './customer-tag-rules';

export * from './customer-tag-rules';

export const TagGroupId = idOf('tgg');
export const TagRuleId = idOf('trl');
export const TagSource = z.enum(['manual', 'rule', 'import', 'behaviour', 'wecom']);
export const SelectMode = z.enum(['single', 'multi']).describe('single: a customer holds at most one tag of the group');
const Color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb')
  .transform((s) => s.toLowerCase());

export const Tag = z.object({
  id: z.string(),
  groupId: z.string(),
  name: z.string(),
  color: z.string().nullable(),
  description: z.string().nullable(),
  sort: z.number().int(),
  wecomTagId: z.string().nullable().describe('the WeCom corp tag this maps to, once synced'),
  customerCount: z.number().int().describe('customers within your data scope holding the tag'),
  createdAt: Timestamp,
});
export type Tag = z.infer<typeof Tag>;

export const TagGroup = z.object({
  id: z.string(),
  name: z.string(),
  selectMode: SelectMode,
  sort: z.number().int(),
  wecomGroupId: z.string().nullable(),
  tags: z.array(Tag),
  createdAt: Timestamp,
});
export type TagGroup = z.infer<typeof TagGroup>;

const Sort = z.number().int().min(0).max(10000);
const TagGroupFields = { name: Name.max(30, 'WeCom allows 30 characters'), selectMode: SelectMode, sort: Sort };
export const TagGroupInput = z.object({
  ...TagGroupFields,
  selectMode: SelectMode.default('multi'),
  sort: Sort.default(0),
});
/** Changes carry only the fields sent (no defaults). */
export const TagGroupPatch = z.object(TagGroupFields).partial();
const TagFields = {
  groupId: TagGroupId,
  name: z.string().trim().min(1, 'must not be empty').max(30, 'WeCom allows 30 characters'),
  color: Color.nullable().optional(),
  description: z.string().trim().max(200).nullable().optional(),
  sort: Sort,
};
export const TagInput = z.object({ ...TagFields, sort: Sort.default(0) });
export const TagPatch = z.object(TagFields).partial();

/** A tag on a customer or relationship, with who or what put it there. */
export const AppliedTag = z.object({
  tagId: z.string(),
  name: z.string(),
  color: z.string().nullable(),
  groupId: z.string(),
  groupName: z.string(),
  source: TagSource,
  addedBy: z.string().nullable().describe('staff id, rule id or import job id'),
  addedByName: z.string().nullable(),
  addedAt: Timestamp,
});
export const CustomerTags = z.object({
  items: z.array(AppliedTag),
  /** Tags on each following staff member's relationship (WeCom tags are per follow_user). */
  relationships: z.array(z.object({ staffId: z.string(), tags: z.array(AppliedTag) })),
});
export type CustomerTags = z.infer<typeof CustomerTags>;
const TagIds = z.array(TagId).max(100).default([]);
export const TagChangeInput = z
  .object({ add: TagIds, remove: TagIds })
  .refine((b) => b.add.length + b.remove.length > 0, { message: 'add or remove at least one tag', path: ['add'] })
  .refine((b) => !b.add.some((t) => b.remove.includes(t)), {
    message: 'a tag cannot be added and removed',
    path: ['remove'],
  });
export const BulkTagInput = z
  .object({
    filter: CustomerFilter.default({}),
    customerIds: z.array(CustomerId).min(1).max(10000).optional().describe('limits the filtered list further'),
    add: TagIds,
    remove: TagIds,
  })
  .refine((b) => b.add.length + b.remove.length > 0, { message: 'add or remove at least one tag', path: ['add'] })
  .refine((b) => !b.add.some((t) => b.remove.includes(t)), {
    message: 'a tag cannot be added and removed',
    path: ['remove'],
  });

// ---- Routes -------------------------------------------------------------------------------------

const Id = (prefix: string) => z.object({ id: idOf(prefix) });
const CustomerParams = z.object({ id: CustomerId });

export const tagRoutes = {
  listGroups: route({
    method: 'GET',
    path: '/admin/tag-groups',
    audience: 'admin',
    permission: 'tags.read',
    summary: 'Tag groups with their tags and customer counts, in sort order',
    response: z.object({ items: z.array(TagGroup) }),
  }),
  createGroup: route({
    method: 'POST',
    path: '/admin/tag-groups',
    audience: 'admin',
    permission: 'tags.write',
    summary: 'Create a tag group (name unique)',
    body: TagGroupInput,
    response: TagGroup,
    status: 201,
  }),
  updateGroup: route({
    method: 'PATCH',
    path: '/admin/tag-groups/:id',
    audience: 'admin',
    permission: 'tags.write',
    summary:
      'Rename a tag group, change its select mode or its sort. Making it single-select answers 409 ' +
      'SEVERAL_TAGS_OF_GROUP (details.customers: how many) while customers hold more than one of its tags',
    params: Id('tgg'),
    body: TagGroupPatch,
    response: TagGroup,
  }),
  deleteGroup: route({
    method: 'DELETE',
    path: '/admin/tag-groups/:id',
    audience: 'admin',
    permission: 'tags.write',
    summary: 'Delete an empty tag group (409 TAG_GROUP_NOT_EMPTY otherwise)',
    params: Id('tgg'),
    response: Ok,
  }),
  listTags: route({
    method: 'GET',
    path: '/admin/tags',
    audience: 'admin',
    permission: 'tags.read',
    summary: 'Tags (of one group, when given) with customer counts',
    query: z.object({ groupId: TagGroupId.optional() }),
    response: z.object({ items: z.array(Tag) }),
  }),
  createTag: route({
    method: 'POST',
    path: '/admin/tags',
    audience: 'admin',
    permission: 'tags.write',
    summary: 'Create a tag (name unique in its group); 409 TAG_LIMIT at the WeCom corp-tag limit',
    body: TagInput,
    response: Tag,
    status: 201,
  }),
  updateTag: route({
    method: 'PATCH',
    path: '/admin/tags/:id',
    audience: 'admin',
    permission: 'tags.write',
    summary:
      'Change a tag (name, colour, description, sort, group); moving it into a single-select group answers ' +
      '409 SEVERAL_TAGS_OF_GROUP while customers would hold more than one tag of that group',
    params: Id('tag'),
    body: TagPatch,
    response: Tag,
  }),
  deleteTag: route({
    method: 'DELETE',
    path: '/admin/tags/:id',
    audience: 'admin',
    permission: 'tags.write',
    summary: 'Delete a tag and remove it from every customer (409 TAG_HAS_RULES while rules use it)',
    params: Id('tag'),
    response: z.object({ ok: z.literal(true), removedFrom: z.number().int() }),
  }),
  customerTags: route({
    method: 'GET',
    path: '/admin/customers/:id/tags',
    audience: 'admin',
    permission: 'tags.read',
    summary: "A customer's tags and relationship tags, with source, who added them and when",
    params: CustomerParams,
    response: CustomerTags,
  }),
  changeCustomerTags: route({
    method: 'POST',
    path: '/admin/customers/:id/tags',
    audience: 'admin',
    permission: 'customers.write',
    summary: 'Tag and untag a customer; a tag of a single-select group replaces the others of its group',
    params: CustomerParams,
    body: TagChangeInput,
    response: CustomerTags,
  }),
  changeOwnerTags: route({
    method: 'POST',
    path: '/admin/customers/:id/owners/:staffId/tags',
    audience: 'admin',
    permission: 'customers.write',
    summary: "Tag and untag one staff member's relationship with the customer (404 when not an owner)",
    params: z.object({ id: CustomerId, staffId: idOf('stf') }),
    body: TagChangeInput,
    response: CustomerTags,
  }),
  tagHistory: route({
    method: 'GET',
    path: '/admin/customers/:id/tag-history',
    audience: 'admin',
    permission: 'tags.read',
    summary: 'tag.added and tag.removed timeline events ({tagId, tagName, source, by}), newest first',
    params: CustomerParams,
    query: PageQuery,
    response: pageOf(TimelineEvent),
  }),
  bulkTags: route({
    method: 'POST',
    path: '/admin/customers/bulk-tags',
    audience: 'admin',
    permission: 'customers.write',
    summary: 'Tag and untag every customer of a filtered list (within your data scope); returns how many changed',
    body: BulkTagInput,
    response: z.object({ affected: z.number().int() }),
  }),
  listRules: route({
    method: 'GET',
    path: '/admin/tag-rules',
    audience: 'admin',
    permission: 'tags.read',
    summary: 'Automatic tag rules',
    response: z.object({ items: z.array(TagRule) }),
  }),
  getRule: route({
    method: 'GET',
    path: '/admin/tag-rules/:id',
    audience: 'admin',
    permission: 'tags.read',
    summary: 'One tag rule',
    params: Id('trl'),
    response: TagRule,
  }),
  createRule: route({
    method: 'POST',
    path: '/admin/tag-rules',
    audience: 'admin',
    permission: 'tags.write',
    summary: 'Create a tag rule (evaluated on events, every 15 minutes and on demand)',
    body: TagRuleInput,
    response: TagRule,
    status: 201,
  }),
  updateRule: route({
    method: 'PATCH',
    path: '/admin/tag-rules/:id',
    audience: 'admin',
    permission: 'tags.write',
    summary: 'Change a tag rule',
    params: Id('trl'),
    body: TagRulePatch,
    response: TagRule,
  }),
  deleteRule: route({
    method: 'DELETE',
    path: '/admin/tag-rules/:id',
    audience: 'admin',
    permission: 'tags.write',
    summary: 'Delete a tag rule (tags it added stay)',
    params: Id('trl'),
    response: Ok,
  }),
  runRule: route({
    method: 'POST',
    path: '/admin/tag-rules/:id/run',
    audience: 'admin',
    permission: 'tags.write',
    summary: 'Evaluate a rule over every customer of the tenant now',
    params: Id('trl'),
    response: TagRuleRunResult,
  }),
  previewRule: route({
    method: 'POST',
    path: '/admin/tag-rules/preview',
    audience: 'admin',
    permission: 'tags.write',
    summary: 'How many customers (within your data scope) a condition matches now, with a sample of ids',
    body: z.object({ condition: TagRuleCondition }),
    response: z.object({ count: z.number().int(), sample: z.array(z.string()) }),
  }),
};
