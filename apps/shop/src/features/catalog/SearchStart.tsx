import { Dialog } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { shopPath, useSlug } from '../../app/useSlug';
import { childrenOf, useCategories, useHotWords } from './catalog-api';

type SearchStartProps = {
  recent: string[];
  onPick: (word: string) => void;
  onClearRecent: () => void;
};

/**
 * The search page before a word is entered: the shopper's recent searches (kept on the phone), the
 * shop's hot words (热门搜索: the operator's, then what shoppers search most; the first three stand
 * out), then the top-level categories to browse.
 */
export function SearchStart({ recent, onPick, onClearRecent }: SearchStartProps) {
  const { t } = useTranslation();
  const slug = useSlug();
  const top = childrenOf(useCategories(slug).data?.items ?? [], null);
  const hot = useHotWords(slug).data?.items ?? [];

  const clear = async () => {
    if (await Dialog.confirm({ content: t('catalog.search.clearConfirm') })) onClearRecent();
  };

  return (
    <div className="search-start">
      {recent.length > 0 && (
        <section className="search-start__section" data-testid="recent-searches">
          <div className="search-start__head">
            <h3 className="section-title">{t('catalog.search.recent')}</h3>
            <button type="button" className="text-button" onClick={clear} data-testid="clear-recent">
              {t('catalog.search.clearRecent')}
            </button>
          </div>
          <div className="chip-wrap">
            {recent.map((w) => (
              <button key={w} type="button" className="chip" onClick={() => onPick(w)}>
                {w}
              </button>
            ))}
          </div>
        </section>
      )}
      {hot.length > 0 && (
        <section className="search-start__section" data-testid="hot-words">
          <h3 className="section-title">{t('catalog.search.hot')}</h3>
          <div className="chip-wrap">
            {hot.map((h, i) => (
              <button
                key={h.word}
                type="button"
                className={i < 3 ? 'chip chip--hot' : 'chip'}
                onClick={() => onPick(h.word)}
              >
                {h.word}
              </button>
            ))}
          </div>
        </section>
      )}
      {top.length > 0 && (
        <section className="search-start__section">
          <h3 className="section-title">{t('catalog.search.browse')}</h3>
          <div className="chip-wrap">
            {top.map((c) => (
              <Link key={c.id} to={shopPath(slug, `products?categoryId=${encodeURIComponent(c.id)}`)} className="chip">
                {c.name}
              </Link>
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
