import { useTranslation } from 'react-i18next';
import { fenDigits, formatFen } from './money';
import './catalog.css';

type PriceProps = {
  /** fen */
  fen: number;
  /** fen; when higher than `fen`, the price reads "¥12.30起". */
  max?: number;
  /** fen, shown struck through when higher than the price. */
  listPrice?: number | null;
  size?: 'small' | 'large';
};

/** A shop price: a small ¥, the yuan in bold, the list price struck through. */
export function Price({ fen, max, listPrice, size = 'small' }: PriceProps) {
  const { t } = useTranslation();
  const from = max !== undefined && max > fen;
  return (
    <span className={`price price--${size}`} data-testid="price">
      <span className="price__now">
        <span className="price__sign">¥</span>
        <span className="price__digits">{fenDigits(fen)}</span>
        {from && <span className="price__from">{t('catalog.from')}</span>}
      </span>
      {listPrice != null && listPrice > fen && (
        <del className="price__list" data-testid="list-price">
          {formatFen(listPrice)}
        </del>
      )}
    </span>
  );
}
