import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CATALOG_LIMITS } from '@siyu/contracts';
import { Alert, App, Button, Card, Col, Empty, Input, List, Popconfirm, Row, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { addProblem, moved, useHotWords, useSaveHotWords } from './hot-words-api';

const MAX = CATALOG_LIMITS.hotWords;

/**
 * 热搜词: the words the shop's search page offers first. The operator adds, reorders and removes them
 * (each change is saved at once); beside them, what shoppers searched most in the last days, to pick from.
 */
export function HotWordsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const showError = useShowError();
  const hot = useHotWords();
  const save = useSaveHotWords(showError);
  const [draft, setDraft] = useState('');
  const canManage = can('catalog.manage');
  const words = hot.data?.words ?? [];
  const popular = hot.data?.popular ?? [];

  const saveList = (next: string[], done?: string) =>
    save.mutate(next, { onSuccess: () => done && void message.success(done) });
  const add = (word: string) => {
    const problem = addProblem(words, word, MAX, CATALOG_LIMITS.hotWordChars);
    if (problem) return void message.warning(t(problem, { max: MAX, chars: CATALOG_LIMITS.hotWordChars }));
    saveList([...words, word.trim()], t('catalog.hotWords.added', { word: word.trim() }));
    setDraft('');
  };

  if (hot.error) return <LoadError error={hot.error} onRetry={() => hot.refetch()} />;

  return (
    <>
      <PageHeader title={t('catalog.hotWords.title')} />
      <Alert
        type="info"
        showIcon
        message={t('catalog.hotWords.intro', { max: MAX, days: CATALOG_LIMITS.hotWordDays })}
      />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={13}>
          <Card title={t('catalog.hotWords.listTitle', { count: words.length, max: MAX })} loading={hot.isLoading}>
            {canManage && (
              <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
                <Input
                  value={draft}
                  onChange={(e) => setDraft(e.target.value)}
                  onPressEnter={() => add(draft)}
                  maxLength={CATALOG_LIMITS.hotWordChars}
                  placeholder={t('catalog.hotWords.placeholder')}
                  aria-label={t('catalog.hotWords.placeholder')}
                  disabled={words.length >= MAX}
                  data-testid="hot-word-input"
                />
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => add(draft)}
                  loading={save.isPending}
                  disabled={words.length >= MAX}
                >
                  {t('catalog.hotWords.add')}
                </Button>
              </Space.Compact>
            )}
            <List
              dataSource={words}
              locale={{
                emptyText: <Empty description={t('catalog.hotWords.empty', { days: CATALOG_LIMITS.hotWordDays })} />,
              }}
              renderItem={(word, i) => (
                <List.Item
                  data-testid="hot-word"
                  actions={
                    canManage
                      ? [
                          <Tooltip key="up" title={t('catalog.hotWords.up')}>
                            <Button
                              size="small"
                              icon={<ArrowUpOutlined />}
                              aria-label={t('catalog.hotWords.up')}
                              disabled={i === 0 || save.isPending}
                              onClick={() => saveList(moved(words, i, -1))}
                            />
                          </Tooltip>,
                          <Tooltip key="down" title={t('catalog.hotWords.down')}>
                            <Button
                              size="small"
                              icon={<ArrowDownOutlined />}
                              aria-label={t('catalog.hotWords.down')}
                              disabled={i === words.length - 1 || save.isPending}
                              onClick={() => saveList(moved(words, i, 1))}
                            />
                          </Tooltip>,
                          <Popconfirm
                            key="remove"
                            title={t('catalog.hotWords.removeConfirm', { word })}
                            okText={t('common.delete')}
                            okButtonProps={{ danger: true }}
                            onConfirm={() =>
                              saveList(
                                words.filter((w) => w !== word),
                                t('catalog.hotWords.removed', { word }),
                              )
                            }
                          >
                            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                          </Popconfirm>,
                        ]
                      : []
                  }
                >
                  <Space>
                    <Tag color={i < 3 ? 'volcano' : 'default'}>{i + 1}</Tag>
                    {word}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={11}>
          <Card
            title={t('catalog.hotWords.popularTitle', { days: CATALOG_LIMITS.hotWordDays })}
            loading={hot.isLoading}
          >
            <Table
              rowKey="word"
              size="small"
              pagination={false}
              dataSource={popular}
              locale={{ emptyText: t('catalog.hotWords.popularEmpty') }}
              columns={[
                { title: t('catalog.hotWords.keyword'), dataIndex: 'word' },
                { title: t('catalog.hotWords.searches'), dataIndex: 'searches', align: 'right', width: 100 },
                ...(canManage
                  ? [
                      {
                        key: 'add',
                        width: 90,
                        render: (_: unknown, p: { word: string }) =>
                          words.some((w) => w.toLowerCase() === p.word) ? (
                            <Tag>{t('catalog.hotWords.inList')}</Tag>
                          ) : (
                            <Button size="small" onClick={() => add(p.word)} disabled={words.length >= MAX}>
                              {t('catalog.hotWords.add')}
                            </Button>
                          ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
