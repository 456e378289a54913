import { type PublicLandingCode, shopLandingRoutes as r } from '@siyu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, call } from '../../api/client';
import { PageError, PageLoading } from '../../app/PageState';
import { shopPath, useSlug } from '../../app/useSlug';
import { formatDistance, visitorId } from './visitor';
import './landing.css';

/** How long the browser may take to answer the location prompt before the default code shows. */
const LOCATE_TIMEOUT_MS = 10_000;
type Locating = 'idle' | 'locating' | 'located' | 'denied' | 'unsupported';

const touchScreen = () => typeof window !== 'undefined' && window.matchMedia?.('(pointer: coarse)').matches;

/** Asks the browser for the position; null when denied, unavailable or too slow. */
function locate(): Promise<{ lat: number; lng: number } | null> {
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: false, timeout: LOCATE_TIMEOUT_MS, maximumAge: 600_000 },
    );
  });
}

/** /t/:slug/l/:page — a landing page: title, image, bait and the QR of the live code to add. */
export function LandingPage() {
  const { t } = useTranslation();
  const slug = useSlug();
  const page = useParams().page ?? '';
  const params = { slug, page };
  const q = useQuery({ queryKey: ['landing', slug, page], queryFn: () => call(r.page, { params }) });
  const [code, setCode] = useState<PublicLandingCode | null>(null);
  const [state, setState] = useState<Locating>('idle');
  const visited = useRef(false);
  const data = q.data;

  const recordVisit = useCallback(
    (shown: PublicLandingCode, located: boolean) => {
      if (visited.current) return;
      visited.current = true;
      // A visit that cannot be recorded must not disturb the page.
      void call(r.visit, { params: { slug, page }, body: { visitorId: visitorId(), codeId: shown.id, located } }).catch(
        () => undefined,
      );
    },
    [slug, page],
  );

  const findNearest = useCallback(async () => {
    if (!data) return;
    if (!('geolocation' in navigator)) {
      setState('unsupported');
      recordVisit(data.code, false);
      return;
    }
    setState('locating');
    const at = await locate();
    const answer = at ? await call(r.nearest, { params: { slug, page }, query: at }).catch(() => null) : null;
    if (answer?.located) {
      setCode(answer.code);
      setState('located');
      recordVisit(answer.code, true);
    } else {
      setState('denied');
      recordVisit(data.code, false);
    }
  }, [data, slug, page, recordVisit]);

  useEffect(() => {
    if (!data) return;
    document.title = data.title;
    setCode(data.code);
    if (data.kind === 'nearest_store') void findNearest();
    else recordVisit(data.code, false);
  }, [data, findNearest, recordVisit]);

  if (q.isPending) return <PageLoading />;
  if (q.isError) {
    if (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400))
      return (
        <div className="page-state">
          <ErrorBlock status="empty" title={t('landing.notFound')} description={t('landing.notFoundHint')}>
            <Link to={shopPath(slug)}>
              <Button color="primary" size="small">
                {t('landing.toShop')}
              </Button>
            </Link>
          </ErrorBlock>
        </div>
      );
    return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  }
  if (!data) return <PageLoading />;
  const shown = code ?? data.code;
  const store = shown.store;
  return (
    <div className="landing">
      {data.imageUrl && <img className="landing__image" src={data.imageUrl} alt="" />}
      <div className="landing__card">
        <h1 className="landing__title">{data.title}</h1>
        <div className="landing__bait">{data.benefitText}</div>
        {data.kind === 'nearest_store' && (
          <div className="landing__store" aria-live="polite">
            {state === 'locating' && (
              <span>
                <DotLoading /> {t('landing.locating')}
              </span>
            )}
            {state === 'located' && store && (
              <>
                <div className="landing__store-label">{t('landing.nearest')}</div>
                <div className="landing__store-name">{store.name}</div>
                {store.address && <div className="landing__store-address">{store.address}</div>}
                {store.distanceMeters !== null && (
                  <div className="landing__store-distance">
                    {t('landing.distance', { distance: formatDistance(store.distanceMeters) })}
                  </div>
                )}
              </>
            )}
            {(state === 'denied' || state === 'unsupported') && (
              <>
                <div>{t(state === 'denied' ? 'landing.denied' : 'landing.noGeo')}</div>
                {state === 'denied' && (
                  <Button size="mini" fill="outline" onClick={() => void findNearest()}>
                    {t('landing.retryLocate')}
                  </Button>
                )}
              </>
            )}
          </div>
        )}
        {state !== 'locating' &&
          (shown.qrCodeUrl ? (
            <img className="landing__qr" src={shown.qrCodeUrl} alt={data.buttonText ?? t('landing.longPress')} />
          ) : (
            <div className="landing__qr landing__qr--pending">{t('landing.qrPending')}</div>
          ))}
        <div className="landing__hint">
          {data.buttonText ?? (touchScreen() ? t('landing.longPress') : t('landing.scan'))}
        </div>
        {data.helpText && <p className="landing__help">{data.helpText}</p>}
      </div>
    </div>
  );
}
