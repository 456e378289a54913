import { Dialog } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { shopPath, useSlug } from '../../app/useSlug';
import { childrenOf, useCategories } from './catalog-api';

type SearchStartProps = {
  recent: string[];
  onPick: (word: string) => void;
  onClearRecent: () => void;
};

/**
 * The search page before a word is entered: the shopper's recent searches, then the top-level
 * categories to browse. (The API has no hot words yet; they would go between the two.)
 */
export function SearchStart({ recent, onPick, onClearRecent }: SearchStartProps) {
  const { t } = useTranslation();
  const slug = useSlug();
  const top = childrenOf(useCategories(slug).data?.items ?? [], null);

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
