import { CATALOG_LIMITS, type Category, CategoryInput, catalogCategoryRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useShowError } from '../../app/errors';
import { zodRule } from '../../app/validation';
import { IconField } from './icon-field';
import {
  buildCategoryTree,
  categorySubtree,
  categoryTreeOptions,
  subtreeHeight,
  useInvalidateCatalog,
} from './catalog-api';

export type CategoryEditing = { category?: Category; parentId?: string | null };
type Values = { name: string; parentId?: string | null; sort: number; iconImageId?: string | null };
type Props = { editing: CategoryEditing | null; items: Category[]; onClose: () => void };

const shape = CategoryInput.shape;

/** Create a category (top level or under a parent), or rename / move / re-sort one. */
export function CategoryModal({ editing, items, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateCatalog();
  const [form] = Form.useForm<Values>();
  const category = editing?.category;

  // A category cannot move below itself, nor so deep that its subtree passes the depth limit.
  const parentTree = useMemo(() => {
    const blocked = category ? categorySubtree(items, category.id) : new Set<string>();
    const height = category ? subtreeHeight(items, category.id) : 1;
    return categoryTreeOptions(
      buildCategoryTree(items),
      (c) => blocked.has(c.id) || c.depth + height > CATALOG_LIMITS.categoryDepth,
    );
  }, [items, category]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name.trim(),
        parentId: v.parentId ?? null,
        sort: v.sort ?? 0,
        iconImageId: v.iconImageId ?? null,
      };
      return category
        ? call(catalogCategoryRoutes.updateCategory, { params: { id: category.id }, body })
        : call(catalogCategoryRoutes.createCategory, { body });
    },
    onSuccess: async () => {
      await invalidate();
      void message.success(t(category ? 'catalog.categories.updated' : 'catalog.categories.created'));
      onClose();
    },
    onError: (e) => showError(e, form),
  });

  return (
    <Modal
      open={!!editing}
      title={
        category ? t('catalog.categories.editTitle', { name: category.name }) : t('catalog.categories.createTitle')
      }
      onCancel={onClose}
      destroyOnHidden
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: save.isPending }}
      modalRender={(dom) => (
        <Form
          name="category"
          form={form}
          layout="vertical"
          clearOnDestroy
          initialValues={
            category
              ? {
                  name: category.name,
                  parentId: category.parentId,
                  sort: category.sort,
                  iconImageId: category.icon?.id ?? null,
                }
              : { parentId: editing?.parentId ?? null, sort: 0 }
          }
          onFinish={(v: Values) => save.mutate(v)}
        >
          {dom}
        </Form>
      )}
    >
      <Form.Item name="name" label={t('catalog.categories.name')} required rules={[zodRule(shape.name, t)]}>
        <Input autoFocus maxLength={30} showCount />
      </Form.Item>
      <Form.Item
        name="parentId"
        label={t('catalog.categories.parent')}
        extra={t('catalog.categories.tooDeep', { depth: CATALOG_LIMITS.categoryDepth })}
      >
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          placeholder={t('catalog.categories.noParent')}
          treeData={parentTree}
          showSearch={{ treeNodeFilterProp: 'title' }}
        />
      </Form.Item>
      <Form.Item name="sort" label={t('catalog.categories.sort')} extra={t('catalog.categories.sortHelp')}>
        <InputNumber min={0} max={100_000} precision={0} />
      </Form.Item>
      <Form.Item name="iconImageId" label={t('catalog.categories.icon')} extra={t('catalog.categories.iconHelp')}>
        <IconField initialUrl={category?.icon?.url} />
      </Form.Item>
    </Modal>
  );
}
